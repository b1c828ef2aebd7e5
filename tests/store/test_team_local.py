"""The laptop's team bookkeeping without a server: the outbox is the file's own history, a value for the team
names rows by identity."""

from __future__ import annotations

from pathlib import Path

from sew_desktop.services.databases import open_repository
from sew_desktop.store import history
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import CopyReader
from sew_desktop.store.team import local


def test_the_outbox_is_the_files_own_history_without_what_the_team_sent(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    try:
        key, region = next(iter(repository.regions().items()))
        after = local.last_entry_id(repository.connection)
        repository.update(Entity.REGION, key, {"notes": "eigen werk"})
        with history.reason(local.TEAM_REASON + "pull"):
            repository.update(Entity.REGION, key, {"name": "van het team"})
        pending = local.pending_entries(repository.connection, after)
        assert [(e.entity, e.field, e.new_value) for e in pending] == [("region", "notes", "eigen werk")]
        ops = local.operations(repository.connection, pending, 7)
        assert [(op.table, op.identity, op.action, op.field, op.value, op.base_seq) for op in ops] == [
            ("region", region.uuid, "update", "notes", "eigen werk", 7)]
    finally:
        repository.close()


def test_a_foreign_key_travels_as_the_rows_uuid_and_a_uuid_stays_one(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    try:
        key, region = next(iter(repository.regions().items()))
        reader = CopyReader(repository.connection)
        assert local.portable_value(reader, "membership", "region_id", key) == region.uuid
        assert local.portable_value(reader, "membership", "region_id", str(key)) == region.uuid
        assert local.portable_value(reader, "membership", "region_id", region.uuid) == region.uuid  # copied entries
        assert local.portable_value(reader, "region", "notes", "42") == "42"  # not a foreign key: as it is
    finally:
        repository.close()
