"""Maintain the Dutch translation catalogs: ``python -m sew_desktop.ui.i18n_tool update|missing|fill|release``.

Each catalog covers a part of the UI (so parts can be translated independently) and is a Qt Linguist ``.ts``
file in ``resources/i18n``; the app loads every compiled ``.qm``.

- ``update``: run pyside6-lupdate over each catalog's sources (keeps existing translations), then ``release``.
- ``missing [CATALOG]``: print ``context<TAB>source`` for every unfinished message.
- ``fill CATALOG < lines``: read ``context<TAB>source<TAB>translation`` lines (``\\n`` escapes newlines) and fill
  those messages; for a plural message give the forms separated by ``||``.
- ``release``: compile every ``.ts`` to ``.qm`` with pyside6-lrelease.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "sew_desktop"
LANGUAGE = "nl"

# Catalog name -> source folders/files (relative to the repository), each a part of the UI.
CATALOGS: dict[str, tuple[str, ...]] = {
    "core": ("sew_desktop/ui/core",),
    "main": ("sew_desktop/app.py", "sew_desktop/ui/shell", "sew_desktop/ui/controllers", "sew_desktop/ui/tables",
             "sew_desktop/ui/coverage", "sew_desktop/ui/features/lists"),
    "charts": ("sew_desktop/ui/charts",),
    "export": ("sew_desktop/ui/output", "sew_desktop/ui/features/export"),
    "imports": ("sew_desktop/ui/features/imports",),
    "labels": ("sew_desktop/ui/core/labels.py",),
    "safety": ("sew_desktop/ui/features/safety",),
    "map": ("sew_desktop/ui/statusmap", "sew_desktop/ui/features/map"),
    "merge": ("sew_desktop/ui/features/merge",),
    "team": ("sew_desktop/ui/features/team",),
    "qtgaps": (),  # Qt's own texts missing from Qt's Dutch catalog: written by hand, no sources to extract
    # The command line, and what the store and the services tell users (marked with QT_TRANSLATE_NOOP or written
    # through an injected translate): the CLI loads only this catalog, the window loads it with the others.
    "cli": ("sew_desktop/cli", "sew_desktop/domain/texts.py", "sew_desktop/store/errors.py",
            "sew_desktop/services/texts.py", "sew_desktop/services/report.py", "sew_desktop/services/checks.py",
            "sew_desktop/services/history.py", "sew_desktop/services/merging/wording.py",
            "sew_desktop/services/merging/report.py", "sew_desktop/services/backups.py",
            "sew_desktop/services/imports/report.py", "sew_desktop/services/boundaries/problems.py",
            "sew_desktop/services/boundaries/service.py", "sew_desktop/services/export_table.py",
            "sew_desktop/ui/output/cli_handler.py", "sew_desktop/ui/statusmap/cli_export.py"),
}


@dataclass(frozen=True)
class Message:
    """One message of a catalog."""

    context: str
    source: str
    finished: bool
    obsolete: bool


def catalog_path(name: str) -> Path:
    """The ``.ts`` file of a catalog."""
    return I18N / f"{name}_{LANGUAGE}.ts"


def sources(name: str) -> list[Path]:
    """The Python files a catalog covers."""
    claimed = {ROOT / entry for entries in CATALOGS.values() for entry in entries if entry.endswith(".py")}
    files: list[Path] = []
    for entry in CATALOGS[name]:
        path = ROOT / entry
        if path.is_dir():  # a file a catalog names on its own is not also in its folder's catalog
            files.extend(found for found in sorted(path.rglob("*.py")) if found not in claimed)
        elif path.exists():
            files.append(path)
    return files


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def lupdate(name: str, target: Path) -> None:
    """Extract the catalog's strings into ``target`` (merging with what it holds)."""
    files = [str(f) for f in sources(name)]
    if not files:
        return
    unmark_plurals(target)  # lupdate would turn our plural messages into unfinished single ones
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *files,
            "-ts",
            str(target),
            "-source-language",
            "en",
            "-target-language",
            LANGUAGE,
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )
    mark_plurals(target)


def unmark_plurals(path: Path) -> None:
    """The inverse of :func:`mark_plurals`, for lupdate's merge: forms joined by "||" as plain text."""
    if not path.exists():
        return
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        forms = [form.text or "" for form in translation.findall("numerusform")]
        for form in list(translation):
            translation.remove(form)
        translation.text = "||".join(forms) if any(forms) else None
        del message.attrib["numerus"]
    tree.write(path, encoding="utf-8", xml_declaration=True)


def mark_plurals(path: Path) -> None:
    """Make every message whose source holds ``%n`` a plural (numerus) message: pyside6-lupdate marks only
    ``self.tr(text, "", n)``, not ``QCoreApplication.translate(context, text, "", n)``, and an unmarked message
    shows its forms joined by "||" at run time. A translation written as "form||form" becomes the forms."""
    if not path.exists():
        return
    tree = ET.parse(path)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if "%n" not in message.findtext("source", "") or message.get("numerus") == "yes" or translation is None:
            continue
        message.set("numerus", "yes")
        text = translation.text or ""
        translation.text = None
        for form in text.split("||") if text else [""]:
            ET.SubElement(translation, "numerusform").text = form
        changed = True
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)


ENGLISH_PLURALS = I18N / "plurals_en.ts"
_PLURAL_PARTS = (("y(s)", "y", "ies"), ("(s)", "", "s"), ("(en)", "", "en"), ("(es)", "", "es"))


def english_forms(source: str) -> tuple[str, str]:
    """The English singular and plural of a ``%n`` source written as "%n municipality(s)": "1 municipality",
    "2 municipalities" (the source itself is shown only when no catalog is loaded)."""
    one, many = source, source
    for marker, singular, plural in _PLURAL_PARTS:
        one, many = one.replace(marker, singular), many.replace(marker, plural)
    return one, many


def write_english_plurals() -> None:
    """``plurals_en.ts``: the English forms of every plural message of the Dutch catalogs, so that English
    says "1 row" and "3 rows" instead of "row(s)" (Qt resolves plurals only through a catalog)."""
    plurals: dict[str, list[str]] = {}  # context -> its plural sources, each once
    for name in CATALOGS:
        path = catalog_path(name)
        if not path.exists():
            continue
        for context in ET.parse(path).getroot().iter("context"):
            sources = plurals.setdefault(context.findtext("name", ""), [])
            sources += [s for s in (m.findtext("source", "") for m in context.iter("message"))
                        if "%n" in s and s not in sources]
    root = ET.Element("TS", version="2.1", language="en_GB")
    for context_name, sources in sorted(plurals.items()):
        if not sources:
            continue
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context_name
        for source in sources:
            entry = ET.SubElement(element, "message", numerus="yes")
            ET.SubElement(entry, "source").text = source
            translation = ET.SubElement(entry, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    ET.ElementTree(root).write(ENGLISH_PLURALS, encoding="utf-8", xml_declaration=True)


def messages(path: Path) -> list[Message]:
    """Every message of a ``.ts`` file."""
    if not path.exists():
        return []
    result: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            result.append(
                Message(
                    context_name,
                    message.findtext("source", ""),
                    kind not in ("unfinished", "vanished", "obsolete") and bool(text),
                    kind in ("vanished", "obsolete"),
                )
            )
    return result


def fill(name: str, lines: list[str]) -> int:
    """Fill translations from ``context<TAB>source<TAB>translation`` lines; returns how many were set."""
    wanted: dict[tuple[str, str], str] = {}
    for line in lines:
        if line.strip():
            context_name, source, text = line.rstrip("\n").split("\t")
            wanted[(context_name, source.replace("\\n", "\n"))] = text.replace("\\n", "\n")
    path = catalog_path(name)
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (context_name, message.findtext("source", ""))
            translation = message.find("translation")
            if key not in wanted or translation is None:
                continue
            _set_translation(message, translation, wanted[key])
            count += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


def _set_translation(message: ET.Element, translation: ET.Element, text: str) -> None:
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in text.split("||"):
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = text


def release() -> None:
    """Compile every catalog to ``.qm`` (and the English plural forms)."""
    write_english_plurals()
    for path in [*(catalog_path(name) for name in CATALOGS), ENGLISH_PLURALS]:
        if path.exists():
            subprocess.run(
                [_tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))], check=True
            )


def main(argv: list[str]) -> int:
    """Command line of the tool."""
    command = argv[0] if argv else "update"
    if command == "update":
        I18N.mkdir(parents=True, exist_ok=True)
        for name in CATALOGS:
            lupdate(name, catalog_path(name))
        release()
    elif command == "missing":
        for name in argv[1:] or list(CATALOGS):
            for m in messages(catalog_path(name)):
                if not m.finished and not m.obsolete:
                    print(f"{name}\t{m.context}\t{m.source!r}")
    elif command == "fill":
        print(f"{fill(argv[1], sys.stdin.readlines())} translations set")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
