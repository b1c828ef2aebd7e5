"""The import of subsidy decisions in the GUI: preview dialog, undo command, open calls and import log."""

from sew_desktop.ui.imports.calls import OpenCallsWidget
from sew_desktop.ui.imports.command import ImportDecisionsCommand
from sew_desktop.ui.imports.dialog import ImportDialog
from sew_desktop.ui.imports.log import ImportLogWidget

__all__ = ["ImportDecisionsCommand", "ImportDialog", "ImportLogWidget", "OpenCallsWidget"]
