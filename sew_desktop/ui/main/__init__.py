"""The main window and its parts: tables, editing, undo, the live coverage dock."""
