"""File › Merge another copy…: the preview with the choices, and the merge as one undo step."""
