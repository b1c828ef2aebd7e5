"""The team server in the window: the status-bar indicator, syncs in a worker, File › Team server…, conflicts."""
