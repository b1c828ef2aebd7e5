"""The language of the command line: Dutch for an nl* choice or locale, English otherwise — as the window decides.

The window takes the language picked in View › Taal (``ui/language`` in its settings file), else the system
locale; on Linux Qt reads LC_ALL, then LC_MESSAGES, then LANG (and LANGUAGE when those name a real locale). The
command line decides the same way without Qt. English needs no catalog: the sources are English. For Dutch the
compiled catalog ``resources/i18n/cli_nl.qm`` is loaded with QtCore's ``QTranslator`` (it needs no
QCoreApplication) the first time a text is translated — a command that prints only JSON or CSV never imports Qt.

argparse's own words ("usage:", "the following arguments are required") come from the same catalog (context
``argparse``) through :func:`install_argparse_words`.
"""

from __future__ import annotations

import argparse
import locale
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Protocol

import sew_desktop
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP
from sew_desktop.services.locations import setting

DUTCH, ENGLISH = "nl", "en"


class Catalog(Protocol):
    """What is used of a QTranslator."""

    def translate(self, context: str, source: str, /) -> str | None:
        """The translation, or an empty text."""
        ...


def locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale of messages as Qt reads it on Unix: LC_ALL, LC_MESSAGES, LANG; LANGUAGE's first entry when
    those name a real locale (not C or POSIX); the system's default when nothing is set (Windows)."""
    env = os.environ if environ is None else environ
    name = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    if name in ("C", "POSIX") or name.startswith("C."):
        return name
    if name and env.get("LANGUAGE"):
        return env["LANGUAGE"].split(":")[0]
    if not name:
        name = locale.getlocale()[0] or ""
    return name


def decide_language(environ: Mapping[str, str] | None = None) -> str:
    """Dutch or English, as the window would choose."""
    chosen = setting("ui", "language", environ)  # View › Taal in the window
    if chosen in (DUTCH, ENGLISH):
        return chosen
    name = locale_name(environ).lower()
    return DUTCH if name.startswith(("nl", "dutch")) else ENGLISH


@cache
def language() -> str:
    """The language of this run (decided once)."""
    return decide_language()


def catalog_path() -> Path:
    """``cli_nl.qm`` in ``resources/i18n`` of a checkout, or its copy inside an installed wheel."""
    package = Path(sew_desktop.__file__).resolve().parent
    for folder in (package / "_resources", package.parent / "resources"):
        if folder.is_dir():
            return folder / "i18n" / f"cli_{DUTCH}.qm"
    return package / "_resources" / "i18n" / f"cli_{DUTCH}.qm"


class _NoCatalog:
    def translate(self, context: str, source: str, /) -> str | None:
        return ""


@cache
def _catalog() -> Catalog:
    from PySide6.QtCore import QTranslator  # only now, and only for Dutch: QtCore costs ~80 ms to import

    translator = QTranslator()
    if not translator.load(str(catalog_path())):
        return _NoCatalog()
    return translator


def translate(context: str, source: str) -> str:
    """``source`` in the language of this run (the English source when no translation is found)."""
    if language() == ENGLISH:
        return source
    return _catalog().translate(context, source) or source


def number(value: float, decimals: int = 0) -> str:
    """A number as users read it: 1.234,56 in Dutch, 1,234.56 in English."""
    text = f"{value:,.{decimals}f}"
    if language() == ENGLISH:
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(fraction: float) -> str:
    """A share as users read it: 72% in English, 72 % in Dutch."""
    whole = number(fraction * 100)
    return f"{whole}%" if language() == ENGLISH else f"{whole} %"


def help_text(text: str) -> str:
    """A help text of ours (context ``CLI``) or of argparse's (context ``argparse``), translated."""
    found = translate("CLI", text)
    return found if found != text else translate("argparse", text)


# argparse looks these up while a parser is built: they are translated when help is printed (by the formatter),
# so that building the parser for a JSON report loads no catalog.
_AT_BUILD = frozenset({"positional arguments", "options", "show this help message and exit"})

# What argparse says to a user (Python 3.11's argparse; its texts for programmers are left out).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
)


def argparse_word(message: str) -> str:
    """argparse's ``gettext``: its words from our catalog."""
    return message if message in _AT_BUILD else translate("argparse", message)


def argparse_words(singular: str, plural: str, count: int) -> str:
    """argparse's ``ngettext`` (Dutch counts as English does: one, or more)."""
    return argparse_word(singular if count == 1 else plural)


def install_argparse_words() -> None:
    """Make argparse look its words up in our catalog (it binds gettext's functions as module globals)."""
    names = vars(argparse)
    names["_"] = argparse_word
    names["ngettext"] = argparse_words


class TranslatedHelp(argparse.HelpFormatter):
    """argparse's help, with our help texts and section titles translated when the help is printed."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        found = super()._get_help_string(action)
        return help_text(found) if found else found

    def start_section(self, heading: str | None) -> None:
        """A section (options, commands), its heading translated."""
        super().start_section(help_text(heading) if heading else heading)
