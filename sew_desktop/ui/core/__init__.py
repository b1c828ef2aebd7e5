"""What every feature of the window uses; imports nothing else from ``sew_desktop.ui``."""
