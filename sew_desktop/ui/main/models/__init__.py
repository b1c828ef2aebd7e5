"""Table models: thin adapters over the repository that refresh from change notifications."""
