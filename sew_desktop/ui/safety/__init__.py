"""The data-safety parts of the window: history panel, trash, backups, database check, other writers."""
