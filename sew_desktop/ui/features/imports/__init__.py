"""Importing subsidy decisions: the dialog with its dry run, the undo command, the tab with open calls and the log."""
