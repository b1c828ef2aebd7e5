"""The import of subsidy decisions in the GUI: preview dialog, undo command, open calls and import log."""

from sew_desktop.ui.features.imports.calls import OpenCallsWidget
from sew_desktop.ui.features.imports.command import ImportDecisionsCommand
from sew_desktop.ui.features.imports.dialog import ImportDialog
from sew_desktop.ui.features.imports.log import ImportLogWidget

__all__ = ["ImportDecisionsCommand", "ImportDialog", "ImportLogWidget", "OpenCallsWidget"]
