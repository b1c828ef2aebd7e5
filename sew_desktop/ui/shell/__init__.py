"""The window shell: the main window, its menus and toolbar, start-up and the connections between parts."""
