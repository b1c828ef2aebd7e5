"""The filter syntax of the tables, in one rule users can predict.

* Words without a column match **within one cell**: every free word must occur in the same cell, anywhere in
  its text, in any order ("west 1" finds the row whose regiegebied is "Demo-regio West 1", not Westerlo, whose
  "West" and "1" would be in different columns).
* ``kolom:waarde`` limits a value to one column: the column name as shown, in Dutch or English, case- and
  accent-insensitive, spaces and hyphens optional (``vdab-contact:jan``, ``vdabcontact:jan``,
  ``"VDAB contact":jan``); a unique beginning is enough (``prov:limburg``). Several column terms must all hold.
* Quotes keep spaces inside one value (``"west 1"``, ``status:"in onderhandeling"``).
* ``kolom:=waarde`` asks for the whole cell (``regiegebied:="Demo-regio West 1"`` leaves out "… West 10");
  the context menu's "Filter on this value" writes this form.
* ``kolom:`` without a value is ignored (so the list does not jump while the value is still being typed); a name
  that is no column makes the whole term a free word (``12:30``).

Everything is compared without case and accents, as before ("beveren" finds "Béveren"). No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TERM = re.compile(
    r'(?:"(?P<qcol>[^"]+)"|(?P<col>[^\s:"]+)):(?P<exact>=)?(?:"(?P<qval>[^"]*)"?|(?P<val>\S*))'
    r'|"(?P<phrase>[^"]*)"?'
    r"|(?P<word>\S+)")
_NAME_NOISE = re.compile(r"[\s\-_.]+")


def fold(text: str) -> str:
    """Lower case without accents, so "beveren" finds "Béveren" and "Ieper" finds "ieper"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """A column name as compared: folded, without spaces, hyphens, underscores and dots."""
    return _NAME_NOISE.sub("", fold(name))


@dataclass(frozen=True)
class FilterQuery:
    """A parsed filter: free words (all in one cell) and column terms (column number, value, whole cell),
    folded."""

    words: tuple[str, ...] = ()
    columns: tuple[tuple[int, str, bool], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.columns)

    def matches(self, cells: Sequence[str]) -> bool:
        """Whether a row's folded cell texts satisfy the query."""
        for column, value, whole in self.columns:
            if column >= len(cells) or (cells[column].strip() != value if whole else value not in cells[column]):
                return False
        if not self.words:
            return True
        return any(all(word in cell for word in self.words) for cell in cells)


def _column_number(name: str, names: Sequence[Iterable[str]]) -> int | None:
    """The column called ``name`` (exactly, else by a unique beginning)."""
    key = name_key(name)
    if not key:
        return None
    keys = [{name_key(n) for n in aliases} for aliases in names]
    exact = [number for number, aliases in enumerate(keys) if key in aliases]
    if exact:
        return exact[0]
    starts = [number for number, aliases in enumerate(keys) if any(a.startswith(key) for a in aliases)]
    return starts[0] if len(starts) == 1 else None


def parse_filter(text: str, names: Sequence[Iterable[str]]) -> FilterQuery:
    """Parse ``text`` for a table whose column ``i`` is called by any of ``names[i]``."""
    words: list[str] = []
    columns: list[tuple[int, str, bool]] = []
    for match in _TERM.finditer(text):
        column_name = match["qcol"] or match["col"]
        if column_name is not None:
            value = match["qval"] if match["qval"] is not None else match["val"]
            number = _column_number(column_name, names)
            if number is None:
                words.append(fold(match.group(0).replace('"', "")))
            elif value.strip():
                columns.append((number, fold(value.strip()), match["exact"] is not None))
        elif match["phrase"] is not None:
            if match["phrase"].strip():
                words.append(fold(match["phrase"].strip()))
        else:
            words.append(fold(match["word"]))
    return FilterQuery(tuple(words), tuple(columns))
