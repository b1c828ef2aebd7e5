"""The window shell: the main window, its menus and toolbar, dialogs, start-up and the connections between parts."""
