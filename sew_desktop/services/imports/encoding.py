"""The encoding of a text file: BOM, strict UTF-8, else charset-normalizer's candidates judged for Dutch/French text.

charset-normalizer proposes the codecs that decode the bytes cleanly and measures their "chaos"; on short
Western-European files it ranks cp1252, ISO-8859-15 and MacRoman almost alike (all decode every byte). Among its
candidates we pick the decoding that reads like Dutch or French text (accented lowercase letters, the euro sign)
instead of oddities (``Cošperatief``, ``RÈgie``, control characters). When two different decodings are about as
plausible, nobody can tell: the user chooses.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from sew_desktop.services.imports.errors import EncodingUnsureError, UnreadableFileError

# The codecs offices in Flanders write CSV in (Excel on Windows and Mac, LibreOffice, old Unix tools).
CANDIDATES = ("cp1252", "iso8859_15", "mac_roman", "utf_16_le", "utf_16_be")
_PLAUSIBLE = set("àáâäãåæçèéêëìíîïñòóôöõøùúûüýÿœß€£°§²³µ«»‘’‚“”„–—…•·×\u00a0")
_SAMPLE_BYTES = 1_000_000
_SURE = 0.9
_MARGIN = 0.05


@dataclass(frozen=True, slots=True)
class DetectedEncoding:
    """The codec a file is read with, how sure the detection is (0-1), and the alternatives it weighed."""

    name: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()


def validate_name(name: str) -> str:
    """A codec name given by the user, or an error naming it."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise UnreadableFileError(f"unknown encoding '{name}'") from None
    try:
        "".encode(name)  # rot13, hex, zlib_codec are codecs, but not of text: str.encode refuses them
    except LookupError:
        raise UnreadableFileError(f"'{name}' is not a text encoding (e.g. utf-8, cp1252, mac_roman)") from None
    return name


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte order mark announces."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _odd(text: str, index: int) -> bool:
    char = text[index]
    if char in "\t\r\n":
        return False
    if not char.isprintable():
        return True
    if char.isascii() or char in _PLAUSIBLE:
        return False
    if char.isupper() and unicodedata.category(char) == "Lu":
        # An accented capital reads well at the start of a word or in capitals ("École", "ÉÉN"), not inside
        # or after a lowercase word ("RÈgie", "CafŽ") nor on its own ("Û 85.000").
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        inside = before.islower() or (after.islower() and before.isalpha())
        return inside or not (before.isalpha() or after.isalpha())
    return True


def plausibility(text: str) -> float:
    """The share of non-ASCII and control characters that read like Dutch or French text (1.0 for plain ASCII)."""
    special = [i for i, c in enumerate(text) if not c.isascii() or (not c.isprintable() and c not in "\t\r\n")]
    if not special:
        return 1.0
    return sum(1 for i in special if not _odd(text, i)) / len(special)


def _normalizer_candidates(sample: bytes) -> list[tuple[str, float]]:
    from charset_normalizer import from_bytes  # imported here: only files that are not UTF-8 need it

    matches = from_bytes(sample, cp_isolation=list(CANDIDATES))
    return [(m.encoding, 1 - m.percent_chaos / 100) for m in matches]


def detect(sample: bytes) -> DetectedEncoding:
    """How to decode a file that has no BOM and is not UTF-8, from its first bytes."""
    return _judge(sample[:_SAMPLE_BYTES])


def _judge(sample: bytes) -> DetectedEncoding:
    scored: dict[str, tuple[str, float]] = {}
    for name, coherence in _normalizer_candidates(sample):
        text = sample.decode(name, errors="replace")
        score = plausibility(text) * coherence
        if text not in scored or scored[text][1] < score:
            scored[text] = (name, score)
    ranked = sorted(scored.values(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 0.5:
        raise _unknown(sample)
    best, rest = ranked[0], ranked[1:]
    close = [r for r in rest if r[1] >= best[1] - _MARGIN]
    if best[1] < _SURE or close:
        raise EncodingUnsureError([best, *close] if close else [best, *rest[:1]])
    return DetectedEncoding(best[0], best[1], tuple(rest[:2]))


def _unknown(sample: bytes) -> UnreadableFileError:
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if controls > len(sample) // 20:
        return UnreadableFileError("not a text table: the file holds binary data (is it a CSV or Excel file?)")
    return UnreadableFileError(
        "the text is in none of the encodings the import knows (UTF-8, UTF-16, cp1252, ISO-8859-15, MacRoman);"
        " name it with --encoding"
    )
