"""Texts for users built below the UI, translated where they are shown.

Code below ``ui`` may not import Qt, yet what it tells a user (an error of the store, a line of a report) must reach
Qt's translation system. The design:

- :func:`QT_TRANSLATE_NOOP` marks an English source text with its context: it returns the text unchanged, and
  ``pyside6-lupdate`` extracts every call into a catalog (``cli_nl.ts`` for the store, the services and the CLI).
- A message with values is a :class:`Text`: context, source with ``%1``, ``%2``… and the values. Errors carry
  one (``StoreError.text``) besides their English ``str()``; the CLI renders it with its translator, the window
  with ``QCoreApplication.translate`` (it loads every catalog, this one too).
- Functions that write text for users (reports, summaries) take a :data:`Translate` and call it as
  ``translate("Context", "source")``; the default, :func:`untranslated`, keeps the English source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``source`` for extraction into the catalog of ``context``; returns it unchanged."""
    del context
    return source


def untranslated(context: str, source: str) -> str:
    """The English source itself: the translation when no catalog applies."""
    del context
    return source


def day_text(value: date | None) -> str:
    """A date as users write it here, in Dutch and in English: 17/10/2022 (— for no date)."""
    return "—" if value is None else f"{value:%d/%m/%Y}"


_PLACE = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced by the values in one pass (a value holding "%1" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(values):
            return match.group(0)
        found = values[number - 1]
        return day_text(found) if isinstance(found, date) else str(found)

    return _PLACE.sub(value, template)


@dataclass(frozen=True)
class Text:
    """A message for users: its catalog context, the English source with ``%1``… and the values. A value that is
    a :class:`Text` itself is translated too; a date is written dd/mm/yyyy."""

    context: str
    source: str
    values: tuple[object, ...] = ()

    def render(self, translate: Translate = untranslated) -> str:
        """The message in the language of ``translate``."""
        values = [v.render(translate) if isinstance(v, Text) else v for v in self.values]
        return fill(translate(self.context, self.source) if self.context else self.source, *values)

    def __str__(self) -> str:
        return self.render()


def plain(message: str) -> Text:
    """A text that has no translation (a reason SQLite or the system gave): shown as it is."""
    return Text("", message)


Number = Callable[[float, int], str]  # a number with so many decimals, as users read it


def english_number(value: float, decimals: int = 0) -> str:
    """1,234.56: a number as English writes it (the CLI's ``number`` writes Dutch as 1.234,56)."""
    return f"{value:,.{decimals}f}"
