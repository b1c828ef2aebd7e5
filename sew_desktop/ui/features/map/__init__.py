"""The status map in the window: its tab in the coverage dock, loading boundaries, selection in step with the table."""
