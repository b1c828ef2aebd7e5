"""The messages between a laptop and the team server (see the package's docstring for the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Action = Literal["insert", "update", "delete"]
Status = Literal["applied", "conflict", "refused"]


@dataclass(frozen=True, slots=True)
class Operation:
    """One local change, numbered by its history entry: a whole portable row (insert), one field (update) or a
    delete; ``base_seq`` is the server sequence the laptop had pulled when it pushed."""

    op_no: int
    table: str
    identity: str
    action: Action
    field: str | None
    value: Any
    base_seq: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """The server's answer to one operation."""

    op_no: int
    status: Status
    seq: int | None = None
    server_value: Any = None
    server_who: str | None = None
    server_at: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ServerChange:
    """One change in the server's log, in sequence order."""

    seq: int
    table: str
    identity: str
    action: Action
    field: str | None
    value: Any
    who: str
    at: str
    laptop: str | None
