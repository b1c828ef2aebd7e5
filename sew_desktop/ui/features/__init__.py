"""The features of the window, each one object that contributes actions, pages and widgets (no feature imports
another)."""
