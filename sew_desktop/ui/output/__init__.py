"""Output: charts, the coverage table, lists and the report as files, on paper and on the clipboard."""
