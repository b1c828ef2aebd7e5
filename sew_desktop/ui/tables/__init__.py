"""The editable tables: models over the repository, their pages, delegates, the members panel, new rows."""
