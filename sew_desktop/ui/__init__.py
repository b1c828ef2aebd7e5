"""Everything Qt: main window, table models, delegates, undo commands, charts, dialogs."""
