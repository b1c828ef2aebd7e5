"""A totals line in a clerk's file ("Totaal: 1.234.567,00" at the foot): recognised, skipped and reported.

A row is a totals line when its first cell with text is a totals word ('Totaal', 'Total', 'Totalen', 'Som',
'Eindtotaal', 'Grand total'; case and spacing ignored, a ':' after it allowed) and the columns that name a
decision (collaboration, municipality, NIS code, decision, lead) hold nothing else. A collaboration named
'Totaalproject X' is a name, not a totals word; a row that names a municipality or a decision is a decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sew_desktop.services.imports.model import Cell, PlanWarning, WarningCode
from sew_desktop.services.imports.row_cells import cell_text

TOTAL_WORDS = frozenset({"totaal", "totalen", "total", "totals", "som", "eindtotaal", "grand total",
                         "algemeen totaal"})


def is_total_word(text: str) -> bool:
    """'Totaal', ' TOTAAL : ', 'Grand  total' — not 'Totaalproject X'."""
    return " ".join(text.casefold().replace(":", " ").split()) in TOTAL_WORDS


@dataclass(frozen=True, slots=True)
class TotalsLine:
    """A totals line: its row, its word as typed, and the amount cell (as typed; ``None`` when it has none)."""

    row: int
    label: str
    amount: Cell


def totals_line(number: int, row: Sequence[Cell], named_at: Sequence[int], amount: Cell) -> TotalsLine | None:
    """The totals line ``row`` is, or ``None``; ``named_at``: the columns that name a decision."""
    first = next((i for i, cell in enumerate(row) if cell_text(cell)), None)
    word = row[first] if first is not None else None
    if not isinstance(word, str) or not is_total_word(word):
        return None
    if any(i != first and i < len(row) and cell_text(row[i]) for i in named_at):
        return None
    return TotalsLine(number, " ".join(word.split()).rstrip(":").rstrip(), amount)


def totals_warning(line: TotalsLine, total: int | None, imported: int | None) -> PlanWarning:
    """"Row 14: totals line skipped (Totaal: 1.234.567,00)", and when the amounts of the file's decisions add up to
    something else, that sum in cents (the renderers show it as an amount)."""
    typed = cell_text(line.amount)
    shown = f"{line.label}: {typed}" if typed else line.label
    if total is not None and imported is not None and total != imported:
        return PlanWarning(WarningCode.TOTALS_LINE_DIFFERS, (str(line.row), shown, str(imported)))
    return PlanWarning(WarningCode.TOTALS_LINE, (str(line.row), shown))
