"""Name normalisation for matching headers, municipalities and collaborations typed by different people."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[\W_]+")  # letters and digits of any script are words (Greek names have a key too)
_PARENTHESES = re.compile(r"\([^)]*\)")
_SAINT = {"st": "sint", "ste": "sint"}
_PREFIXES = ("stad", "gemeente")
_SEPARATORS = re.compile(r"[,;/\n\r]+")


def strip_accents(text: str) -> str:
    """``text`` without diacritics (é → e, ë → e)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-case words without accents; punctuation, hyphens, apostrophes and spaces separate words."""
    return [w for w in _NON_ALNUM.split(strip_accents(text).lower()) if w]


def header_key(text: str) -> str:
    """A header as compared with the known column names: no case, accents, spaces or punctuation."""
    return "".join(words(text))


def municipality_key(text: str) -> str:
    """A municipality name as compared: also "St."/"St-" → "Sint", and "(stad)" or "Stad ..." dropped."""
    tokens = words(_PARENTHESES.sub(" ", text))
    tokens = [_SAINT.get(t, t) for t in tokens]
    if len(tokens) > 1 and tokens[0] in _PREFIXES:
        tokens = tokens[1:]
    return "".join(tokens)


def collaboration_key(text: str) -> str:
    """A collaboration or regiegebied name as compared (case, accents, spacing and punctuation ignored)."""
    return " ".join(words(text))


def split_members(cell: str) -> list[str]:
    """The municipalities listed in one cell, separated by commas, semicolons, slashes or line breaks."""
    if not _SEPARATORS.search(cell):
        stripped = cell.strip()
        return [stripped] if stripped else []
    return [part.strip() for part in _SEPARATORS.split(cell) if part.strip()]
