"""Team server, the laptop's side: join, sync, leave (over store.team)."""
