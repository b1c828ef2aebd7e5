"""Merging another copy: preview, choices, one undo step."""
