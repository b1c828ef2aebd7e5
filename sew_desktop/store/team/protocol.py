"""The records both sides of a sync exchange (see the package docstring for the rules).

Plain frozen dataclasses, no I/O: the laptop side and the server side import them from here. Values are JSON
values (``None``, text, numbers, booleans; an insert's value is the whole portable row as a dict); times are ISO
8601 text with a zone (``2026-12-08T14:02:00.123456+00:00``); identities and laptop ids are text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

Action = Literal["insert", "update", "delete"]
Status = Literal["applied", "conflict", "refused"]

ACTIONS: Final = ("insert", "update", "delete")
APPLIED: Final = "applied"
CONFLICT: Final = "conflict"
REFUSED: Final = "refused"
TABLES: Final = ("municipality", "open_call", "region", "subsidy_decision", "membership", "agreement",
                 "decision_member")


@dataclass(frozen=True)
class Operation:
    """One change of the laptop's file, numbered by its history entry's id (``op_no``, increasing per laptop).

    ``insert``: ``value`` is the whole portable row, ``field`` None; ``update``: one ``field`` and its new
    ``value`` (FKs as identities); ``delete``: no value. ``base_seq`` is the server sequence the laptop had pulled
    when it pushed.
    """

    op_no: int
    table: str
    identity: str
    action: Action
    field: str | None
    value: Any
    base_seq: int


@dataclass(frozen=True)
class Outcome:
    """The server's answer to one operation.

    ``applied``: ``seq`` is its new sequence number. ``conflict``: the server kept its value; ``server_value``,
    ``server_who`` and ``server_at`` say what it holds, who set it and when (for a delete against a deleted row:
    value None). ``refused``: ``reason`` says why (row-level security, an unknown table or field, a laptop id of
    another login).
    """

    op_no: int
    status: Status
    seq: int | None = None
    server_value: Any = None
    server_who: str | None = None
    server_at: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ServerChange:
    """One entry of the server's change log, as a pull returns it (in ``seq`` order).

    Same shape of ``action``/``field``/``value`` as an :class:`Operation`; ``who`` is the login, ``at`` when the
    server applied it, ``laptop`` the laptop id that pushed it (None for ``server init``/``upgrade``).
    """

    seq: int
    table: str
    identity: str
    action: Action
    field: str | None
    value: Any
    who: str
    at: str
    laptop: str | None
