"""Merging another copy of the file: plan (the dry run), choices, apply, undo."""
