"""List tools: export and print of the shown list, context menus on cells and headers, the row count."""
