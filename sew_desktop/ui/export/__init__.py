"""Export of charts (PNG, SVG, PDF), the coverage table (CSV, XLSX, clipboard) and the PDF report."""
