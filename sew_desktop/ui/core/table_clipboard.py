"""Copy a selection as TSV and HTML; read a TSV block (from Excel) for pasting."""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, QModelIndex


def selection_block(indexes: list[QModelIndex]) -> list[list[str]]:
    """The selected cells as a rectangle of display texts (gaps are empty)."""
    if not indexes:
        return []
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes})
    texts = {(i.row(), i.column()): str(i.data() or "") for i in indexes}
    return [[texts.get((r, c), "") for c in columns] for r in rows]


def to_mime(block: list[list[str]], header: list[str] | None = None) -> QMimeData:
    """TSV as text and an HTML table, so it pastes as cells in Excel and as a table in Word or Outlook."""
    mime = QMimeData()
    lines = ([header] if header else []) + block
    mime.setText("\n".join("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) for row in lines))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in header) if header else ""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block)
    mime.setHtml(f"<table border='1'>{f'<tr>{head}</tr>' if head else ''}{body}</table>")
    return mime


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of tab-separated cells; Excel's trailing newline does not make an empty row."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]
