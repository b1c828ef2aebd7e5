"""Export: the export dialog (charts, coverage table, report, map) and the coverage table on the clipboard."""
