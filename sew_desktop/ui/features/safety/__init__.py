"""The safety net: backups, row history, trash, database check, other writers noticed, lost files rescued."""
