"""Loading official municipal boundary files into the database, and reading them back for the map."""
