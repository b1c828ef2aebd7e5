"""Area names on the charts: how many there are, and breaking them over two lines under narrow bars."""

from __future__ import annotations

AREA_COUNT = 6  # five provinces and Flanders


def two_line_label(text: str) -> str:
    """A long area name broken after its hyphen or at its space ("West-\nVlaanderen", "East\nFlanders"): six
    names side by side fit under narrow bars without running into each other."""
    for separator, kept in (("-", "-"), (" ", "")):
        head, found, tail = text.partition(separator)
        if found and head and tail:
            return f"{head}{kept}\n{tail}"
    return text
