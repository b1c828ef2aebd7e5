"""Why an import cannot go on; each carries a message fit for a user (English) and its values."""

from __future__ import annotations

from collections.abc import Sequence


class ImportProblemError(Exception):
    """An import problem a user can understand."""


class UnreadableFileError(ImportProblemError):
    """The file cannot be read as a table (missing, wrong encoding, damaged, unknown sheet, too large)."""


class LimitExceededError(UnreadableFileError):
    """The file is larger than an import reads (size, unpacked size, rows, columns, cell length)."""


class EncodingUnsureError(UnreadableFileError):
    """The encoding of a text file cannot be told with confidence; the user must choose."""

    def __init__(self, candidates: Sequence[tuple[str, float]]) -> None:
        named = " or ".join(f"{name} ({confidence:.0%})" for name, confidence in candidates)
        super().__init__(f"cannot tell the encoding of the file: {named}; choose one with --encoding")
        self.candidates = tuple(candidates)


MAX_LISTED = 8
MAX_LIST_WIDTH = 150


def shortened(items: Sequence[str], limit: int = MAX_LISTED, width: int = MAX_LIST_WIDTH) -> str:
    """``a, b, c … and 23 more``: at most ``limit`` items and about ``width`` characters, one readable line."""
    shown: list[str] = []
    for item in items[:limit]:
        if shown and sum(len(s) + 2 for s in shown) + len(item) > width:
            break
        shown.append(item)
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" … and {rest} more" if rest else "")


def printable(text: str, limit: int = 40) -> str:
    """A cell value fit for a one-line message: control characters dropped, long text cut."""
    clean = "".join(c for c in text if c.isprintable())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


class UnknownCallError(ImportProblemError):
    """No open call has that name."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown call '{name}' (known: {', '.join(known) or 'none'})")
        self.name = name


class MissingColumnsError(ImportProblemError):
    """A required column was not found among the headers."""

    def __init__(self, missing: Sequence[str], headers: Sequence[str], header_row: int) -> None:
        found = shortened([repr(printable(h)) for h in headers if h.strip()]) or "none"
        super().__init__(f"missing column(s): {', '.join(missing)}; headers found: {found}")
        self.missing = tuple(missing)
        self.headers = tuple(headers)
        self.header_row = header_row


class ImportRefusedError(ImportProblemError):
    """Apply refused: errors remain that were not excluded."""


class ImportCancelledError(ImportProblemError):
    """The user cancelled."""
