"""The change history (triggers), the trash and stale-row refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sew_desktop.services import history as history_service
from sew_desktop.services.databases import open_repository
from sew_desktop.store import history
from sew_desktop.store.database import applied_migrations, create_database, open_database
from sew_desktop.store.errors import ChangedElsewhereError, ValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.migrations import known_names
from sew_desktop.store.repository import Repository

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def test_an_edit_records_one_entry_per_changed_field_with_who_and_why(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    repository.safety.set_display_name("Jan Peeters")
    region = next(iter(repository.regions()))
    old = repository.raw_row(Entity.REGION, region)
    with history.reason("Naam en notities wijzigen"):
        repository.update(Entity.REGION, region, {"name": "Nieuwe naam", "notes": "n", "kind": old["kind"]})
    entries = history.entries(repository.database, entity="region", row_key=str(region))
    assert {(e.field, e.old_value, e.new_value) for e in entries[:2]} == {
        ("notes", old["notes"], "n"), ("name", old["name"], "Nieuwe naam")}
    newest = entries[0]
    assert newest.who.startswith("Jan Peeters (") and newest.why == "Naam en notities wijzigen"
    assert newest.row_uuid == old["uuid"] and newest.action == "update"
    assert not any(e.field == "kind" for e in entries[:3])  # unchanged: no entry
    assert len({e.uuid for e in entries}) == len(entries)
    repository.close()
    reopened = open_repository(demo_path)  # survives a restart
    assert history.entries(reopened.database, entity="region", row_key=str(region))[0].uuid == newest.uuid
    reopened.close()


def test_a_failed_transaction_leaves_no_entry(memory_repository: Repository) -> None:
    before = len(history.entries(memory_repository.database))
    with pytest.raises(ValidationError), memory_repository.transaction():
        memory_repository.update(Entity.MUNICIPALITY, "11002", {"notes": "kept?"})
        memory_repository.update(Entity.MUNICIPALITY, "11002", {"name_nl": " "})
    assert len(history.entries(memory_repository.database)) == before


def test_another_writer_is_recorded_too(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE municipality SET notes = 'buiten de app' WHERE nis_code = '11002'")
    conn.commit()
    conn.close()
    repository = open_repository(demo_path)
    entry = history.entries(repository.database, entity="municipality", row_key="11002")[0]
    assert (entry.field, entry.new_value, entry.who) == ("notes", "buiten de app", "unknown")
    repository.close()


def test_an_import_is_recorded_with_its_file(memory_repository: Repository) -> None:
    from sew_desktop.services.imports.model import Options
    from sew_desktop.services.imports.service import apply, find_call, prepare

    call = find_call(memory_repository, "Lokale Regie Sociale Economie en Werk 2023-2025")
    plan = prepare(memory_repository, SAMPLES / "beslissingen_per_gemeente_cp1252.csv", call, Options())
    apply(memory_repository, plan, undoable=False)
    whys = {e.why for e in history.entries(memory_repository.database, entity="subsidy_decision")}
    assert whys == {"import: beslissingen_per_gemeente_cp1252.csv"}


def test_a_file_from_before_migrates_after_a_backup_and_starts_its_history(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    create_database(path).conn.close()
    conn = sqlite3.connect(path)  # as this version's predecessor left it
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("change_history", "change_context", "trash"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_change_history'")
    conn.execute("INSERT INTO region (uuid, name, kind, province_nis, updated_at) VALUES"
                 " ('r-1', 'Oud gebied', 'samenwerkingsverband', '10000', '2024-01-01')")
    conn.execute("PRAGMA application_id = 0")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert sorted(applied_migrations(db)) == sorted(known_names())  # 0005 comes back after 0006 here
    assert len(list(tmp_path.glob("old.sqlite.*.bak"))) == 1
    repository = Repository(db, path)
    assert [r.name for r in repository.regions().values()] == ["Oud gebied"]
    assert [e.why for e in history.entries(db)] == ["history started"]
    repository.update(Entity.REGION, next(iter(repository.regions())), {"notes": "eerste wijziging"})
    assert history.entries(db)[0].new_value == "eerste wijziging"
    repository.close()


def test_an_undo_over_a_row_changed_elsewhere_is_refused(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    failures: list[object] = []
    repository.subscribe_failures(failures.append)
    region = next(iter(repository.regions()))
    old = repository.update(Entity.REGION, region, {"notes": "mijn wijziging"})
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE region SET notes = 'hun wijziging' WHERE id = ?", [region])
    conn.commit()
    conn.close()
    with pytest.raises(ChangedElsewhereError):
        repository.update(Entity.REGION, region, old, expected={"notes": "mijn wijziging"})
    assert repository.raw_row(Entity.REGION, region)["notes"] == "hun wijziging"
    assert len(failures) == 1
    repository.close()


def test_delete_goes_to_the_trash_and_comes_back_with_its_links(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    region = next(k for k in repository.regions()
                  if any(m.region_id == k for m in repository.memberships().values())
                  and any(a.partner.region_id == k for a in repository.agreements().values()))
    members = sorted(k for k, m in repository.memberships().items() if m.region_id == region)
    agreements = sorted(k for k, a in repository.agreements().items() if a.partner.region_id == region)
    with history.reason("Regiegebied verwijderen"):
        repository.delete(Entity.REGION, [region])
    [item] = history_service.trash_items(repository)
    assert item.entity == "region" and item.label == repository_label(demo_path, region)
    assert item.linked == len(members) + len(agreements) and item.why == "Regiegebied verwijderen"
    history_service.restore_from_trash(repository, item)
    assert region in repository.regions()
    assert sorted(k for k, m in repository.memberships().items() if m.region_id == region) == members
    assert sorted(k for k, a in repository.agreements().items() if a.partner.region_id == region) == agreements
    assert history_service.trash_items(repository) == []
    repository.close()


def repository_label(path: Path, region: int) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT json_extract(payload, '$.rows[0][1].name') FROM trash").fetchone()[0])
    finally:
        conn.close()


def test_undo_of_a_delete_takes_the_item_out_of_the_trash(memory_repository: Repository) -> None:
    key = memory_repository.insert(Entity.REGION, {"name": "Tijdelijk", "kind": "centrumstad",
                                                   "province_nis": "10000"})
    deleted = memory_repository.delete(Entity.REGION, [key])
    assert len(history_service.trash_items(memory_repository)) == 1
    memory_repository.restore(deleted)
    assert history_service.trash_items(memory_repository) == []


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_history_renders_in_each_format(memory_repository: Repository, fmt: str) -> None:
    memory_repository.update(Entity.MUNICIPALITY, "11002", {"notes": "Één notitie"})
    text = history_service.render(history_service.history_entries(memory_repository, "municipality"), fmt)
    assert "Één notitie" in text and "11002" in text


def test_a_trash_item_whose_ids_were_reused_comes_back_under_new_ids(memory_repository: Repository) -> None:
    repository = memory_repository
    region = repository.insert(Entity.REGION, {"name": "Laatste", "kind": "centrumstad", "province_nis": "10000"})
    member = repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": "11002"})
    repository.delete(Entity.REGION, [region])
    reused = repository.insert(Entity.REGION, {"name": "Nieuw", "kind": "centrumstad", "province_nis": "10000"})
    assert reused == region  # SQLite hands the freed id out again
    [item] = history_service.trash_items(repository)
    restored = history_service.restore_from_trash(repository, item)
    [new_key] = history_service.main_keys("region", restored)
    assert isinstance(new_key, int) and new_key != region and repository.regions()[new_key].name == "Laatste"
    assert isinstance(region, int) and repository.regions()[region].name == "Nieuw"
    assert [m.region_id for m in repository.memberships().values()] == [new_key]
    assert list(repository.memberships()) == [member]  # its id was free: kept


def test_a_trash_item_that_would_break_a_membership_rule_is_not_restored(memory_repository: Repository) -> None:
    from sew_desktop.store.checks import RowValidationError

    repository = memory_repository
    first = repository.insert(Entity.REGION, {"name": "Eerst", "kind": "centrumstad", "province_nis": "10000"})
    repository.insert(Entity.MEMBERSHIP, {"region_id": first, "municipality_nis": "11002"})
    repository.delete(Entity.REGION, [first])
    other = repository.insert(Entity.REGION, {"name": "Later", "kind": "centrumstad", "province_nis": "10000"})
    repository.insert(Entity.MEMBERSHIP, {"region_id": other, "municipality_nis": "11002"})
    [item] = history_service.trash_items(repository)
    with pytest.raises(RowValidationError):
        history_service.restore_from_trash(repository, item)
    assert [r.name for r in repository.regions().values()] == ["Later"]
    assert len(history_service.trash_items(repository)) == 1


def test_undo_of_an_insert_whose_row_another_program_deleted_is_refused(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    failures: list[object] = []
    repository.subscribe_failures(failures.append)
    key = repository.insert(Entity.REGION, {"name": "Tijdelijk", "kind": "centrumstad", "province_nis": "10000"})
    conn = sqlite3.connect(demo_path)
    conn.execute("DELETE FROM region WHERE id = ?", [key])
    conn.commit()
    with pytest.raises(ChangedElsewhereError):
        repository.delete(Entity.REGION, [key])
    deleted = repository.delete(Entity.REGION, [next(iter(repository.regions()))])
    first = deleted.rows[0][1]
    conn.execute("INSERT INTO region (id, uuid, name, kind, province_nis, updated_at) VALUES (?, ?, 'Ander', "
                 "'centrumstad', '10000', 'x')", [first["id"], first["uuid"]])
    conn.commit()
    conn.close()
    with pytest.raises(ChangedElsewhereError):
        repository.restore(deleted)  # its id and uuid are taken again: refused, the other row kept
    assert len(failures) == 2
    repository.close()


def test_an_import_records_each_inserted_row_and_each_decision_s_members_once(
        memory_repository: Repository) -> None:
    import json

    from sew_desktop.services.imports.model import Options
    from sew_desktop.services.imports.service import apply, find_call, prepare

    repository = memory_repository
    call = find_call(repository, "Lokale Regie Sociale Economie en Werk 2023-2025")
    plan = prepare(repository, SAMPLES / "beslissingen_per_gemeente_cp1252.csv", call, Options())
    apply(repository, plan, undoable=False)
    db = repository.database
    entries = [e for e in history.entries(db) if e.action != "note"]
    assert {e.why for e in entries} == {"import: beslissingen_per_gemeente_cp1252.csv"}
    assert len({e.uuid for e in entries}) == len(entries)
    for table in ("region", "membership", "subsidy_decision"):
        rows = {str(r[0]): r[1] for r in db.execute(f"SELECT id, uuid FROM {table}").fetchall()}
        recorded = {e.row_key: e.row_uuid for e in entries if e.entity == table}
        assert recorded == rows and all(e.action == "insert" for e in entries if e.entity == table)
    members: dict[str, list[str]] = {}
    for decision_id, nis in db.execute("SELECT decision_id, municipality_nis FROM decision_member").fetchall():
        members.setdefault(str(decision_id), []).append(nis)
    sets = [e for e in entries if e.entity == "decision_member"]
    uuids = dict(db.execute("SELECT CAST(id AS TEXT), uuid FROM subsidy_decision").fetchall())
    assert {e.row_key: sorted(json.loads(str(e.new_value))) for e in sets} == {
        k: sorted(v) for k, v in members.items()}
    assert all(e.field == history.MEMBERS_FIELD and e.row_uuid == uuids[e.row_key] for e in sets)
    # after the import the triggers record row by row again
    decision = next(iter(members))
    with repository.transaction() as tx:
        tx.execute("INSERT INTO decision_member VALUES (?, '11002')", [int(decision)])
    newest = history.entries(db, entity="decision_member")[0]
    assert (newest.row_key, newest.field, newest.action) == (f"{decision}/11002", None, "insert")


def test_bulk_inserts_need_a_transaction_are_rolled_back_with_it_and_put_the_triggers_back(
        memory_repository: Repository) -> None:
    conn = memory_repository.connection
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
    with memory_repository.transaction() as ended:
        pass
    with pytest.raises(RuntimeError), history.bulk_inserts(ended, ["region"]):
        pass
    before = len(history.entries(memory_repository.database))
    with pytest.raises(ZeroDivisionError), memory_repository.transaction() as tx, history.bulk_inserts(tx, ["region"]):
        tx.execute("INSERT INTO region (uuid, name, kind, province_nis, updated_at) VALUES"
                   " ('r-9', 'Bulk', 'centrumstad', '10000', '2024-01-01')")
        history.record_inserts(tx, "region", 0)
        _ = 1 / 0
    assert len(history.entries(memory_repository.database)) == before
    assert memory_repository.select("SELECT count(*) AS n FROM region")[0]["n"] == 0
    with memory_repository.transaction() as tx, history.bulk_inserts(tx, ["region", "membership"]):
        pass
    assert conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall() \
        == triggers  # put back verbatim



def test_a_changed_decision_records_its_old_members_one_by_one_and_its_new_members_as_one_set(
        memory_repository: Repository, tmp_path: Path) -> None:
    import json

    from sew_desktop.services.imports.model import Options
    from sew_desktop.services.imports.service import apply, find_call, prepare

    repository = memory_repository
    call = find_call(repository, "Lokale Regie Sociale Economie en Werk 2023-2025")
    source = SAMPLES / "beslissingen_per_gemeente_cp1252.csv"
    apply(repository, prepare(repository, source, call, Options()), undoable=False)
    changed = tmp_path / "zonder_temse.csv"  # the second import drops Temse from Samenwerkingsverband Waasland
    changed.write_bytes(b"".join(line for line in source.read_bytes().splitlines(keepends=True)
                                 if not line.startswith(b"Samenwerkingsverband Waasland;Temse;")))
    apply(repository, prepare(repository, changed, call, Options()), undoable=False)
    db = repository.database
    decision = str(db.execute("SELECT id FROM subsidy_decision WHERE collaboration_key LIKE '%waasland%'")
                   .fetchone()[0])
    newest = [e for e in history.entries(db, entity="decision_member") if e.why == "import: zonder_temse.csv"]
    deleted = sorted(json.loads(str(e.old_value))["municipality_nis"] for e in newest if e.action == "delete")
    [added] = [e for e in newest if e.action == "insert"]
    stored = sorted(r[0] for r in db.execute("SELECT municipality_nis FROM decision_member WHERE decision_id = ?",
                                             [int(decision)]).fetchall())
    assert added.row_key == decision and sorted(json.loads(str(added.new_value))) == stored
    assert len(deleted) == len(stored) + 1 and set(stored) < set(deleted)  # Temse went, the rest came back


def test_the_trash_names_an_agreement_by_its_partner(demo_path: Path) -> None:
    """Not "4": the municipality or regiegebied the agreement was with; a membership by both."""
    from sew_desktop.store import trash

    repository = open_repository(demo_path)
    try:
        by_region = next(a for a in repository.agreements().values() if a.partner.region_id is not None)
        assert by_region.partner.region_id is not None
        region_name = repository.regions()[by_region.partner.region_id].name
        repository.delete(Entity.AGREEMENT, [by_region.id])
        membership = next(iter(repository.memberships().values()))
        repository.delete(Entity.MEMBERSHIP, [membership.id])
        labels = [item.label for item in trash.items(repository.connection)]
        municipality = repository.municipalities()[membership.municipality_nis].name_nl
        member_region = repository.regions()[membership.region_id].name
    finally:
        repository.close()
    assert region_name in labels and f"{municipality} · {member_region}" in labels
