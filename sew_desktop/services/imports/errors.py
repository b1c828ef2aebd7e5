"""Why an import cannot go on; each carries a message fit for a user (English) and its values."""

from __future__ import annotations

from collections.abc import Sequence


class ImportProblemError(Exception):
    """An import problem a user can understand."""


class UnreadableFileError(ImportProblemError):
    """The file cannot be read as CSV or XLSX (missing, wrong encoding, damaged, unknown sheet)."""


class UnknownCallError(ImportProblemError):
    """No open call has that name."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown call '{name}' (known: {', '.join(known) or 'none'})")
        self.name = name


class MissingColumnsError(ImportProblemError):
    """A required column was not found among the headers."""

    def __init__(self, missing: Sequence[str], headers: Sequence[str], header_row: int) -> None:
        found = ", ".join(repr(h) for h in headers if h.strip()) or "none"
        super().__init__(f"missing column(s): {', '.join(missing)}; headers found: {found}")
        self.missing = tuple(missing)
        self.headers = tuple(headers)
        self.header_row = header_row


class ImportRefusedError(ImportProblemError):
    """Apply refused: errors remain that were not excluded."""


class ImportCancelledError(ImportProblemError):
    """The user cancelled."""
