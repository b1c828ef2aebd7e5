"""A small team server for the tests: two provinces, their municipalities and regions, three logins."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import psycopg

from sew_desktop.store.merge_rows import Row
from sew_desktop.store.team import server
from sew_desktop.store.team.protocol import Action, Operation
from tests.team import pg

ANTWERPEN, OOST_VLAANDEREN = "10000", "40000"
PASSWORD = "correct horse battery staple"


def municipality(nis: str, name: str, province: str) -> Row:
    return {"nis_code": nis, "name_nl": name, "name_fr": "", "province_nis": province,
            "arrondissement_nis": nis[:2] + "000", "valid_from": None, "valid_to": None, "successor_nis": None,
            "vdab_contact": "", "contacts": "", "notes": ""}


def region(uuid_: str, name: str, province: str) -> Row:
    return {"uuid": uuid_, "name": name, "kind": "samenwerkingsverband", "province_nis": province,
            "valid_from": "2023-01-01", "valid_to": None, "notes": ""}


def membership(uuid_: str, region_uuid: str, nis: str) -> Row:
    return {"uuid": uuid_, "region_id": region_uuid, "municipality_nis": nis, "valid_from": None, "valid_to": None}


SEED: dict[str, list[Row]] = {
    "municipality": [municipality("11002", "Antwerpen", ANTWERPEN), municipality("44021", "Gent", OOST_VLAANDEREN)],
    "region": [region("r-ant", "Regio Antwerpen", ANTWERPEN), region("r-gent", "Regio Gent", OOST_VLAANDEREN)],
    "open_call": [{"uuid": "call-1", "name": "Oproep 2023", "period_start": "2023-01-01", "period_end": "2025-12-31",
                   "deadline": None}],
    "membership": [membership("m-ant", "r-ant", "11002"), membership("m-gent", "r-gent", "44021")],
}


@dataclass
class Team:
    """An initialised server and the DSNs of its logins."""

    cluster: pg.Cluster
    database: str
    admin_dsn: str

    def dsn(self, login: str) -> str:
        return self.cluster.dsn(self.database, user=login, password=PASSWORD)

    def connect(self, login: str) -> psycopg.Connection[Any]:
        return server.connect(self.dsn(login))


def make_team(cluster: pg.Cluster, database: str) -> Team:
    team = Team(cluster, database, cluster.dsn(database))
    with server.connect(team.admin_dsn, check_version=False) as conn:
        server.init(conn, SEED)
        server.add_user(conn, "ed_ant", [ANTWERPEN], False, PASSWORD)
        server.add_user(conn, "ed_ovl", [OOST_VLAANDEREN], False, PASSWORD)
        server.add_user(conn, "coord", [], True, PASSWORD)
    return team


def op(op_no: int, table: str, identity: str, action: Action, field: str | None = None, value: Any = None,
       base_seq: int = 0) -> Operation:
    return Operation(op_no, table, identity, action, field, value, base_seq)


def laptop() -> str:
    return str(uuid.uuid4())
