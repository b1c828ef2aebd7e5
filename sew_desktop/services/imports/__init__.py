"""Import of subsidy decisions: read a CSV or XLSX file, match columns and municipalities, plan, apply, undo."""
