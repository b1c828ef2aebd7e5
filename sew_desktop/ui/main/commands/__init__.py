"""What the user does: undo commands, and the controllers behind the File and Edit menus."""
