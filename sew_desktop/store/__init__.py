"""Storage: opening the SQLite file, migrations, and the repository -- the only code that writes SQL."""
