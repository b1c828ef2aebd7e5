"""Parsing: from the cells of a file's rows to one decision per collaboration (see :mod:`.rows` for the flow)."""

from sew_desktop.services.imports.parsing.rows import Parsed, parse_rows

__all__ = ["Parsed", "parse_rows"]
