"""The use cases: prepare a plan (dry run), apply it in one transaction, undo it."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from sew_desktop.domain.decisions import StoredDecision
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import OpenCall
from sew_desktop.domain.names import header_key, municipality_key
from sew_desktop.services.imports import planning
from sew_desktop.services.imports.errors import ImportCancelledError, ImportRefusedError, UnknownCallError
from sew_desktop.services.imports.headers import HEADER_SEARCH_ROWS, find_columns
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Columns, ImportPlan, Options, PlanWarning, Role, Status, Table
from sew_desktop.services.imports.parsing import Parsed, parse_rows
from sew_desktop.services.imports.reading import read_table
from sew_desktop.store import decisions as store
from sew_desktop.store.decisions import ImportWrite, LogEntry, Snapshot
from sew_desktop.store.repository import Repository

ProgressCallback = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def find_call(repository: Repository, name: str) -> OpenCall:
    """The open call named ``name`` (case, accents and punctuation ignored)."""
    calls = repository.open_calls()
    for call in calls:
        if call.name == name or header_key(call.name) == header_key(name):
            return call
    raise UnknownCallError(name, [c.name for c in calls])


def _ticker(progress: ProgressCallback | None, cancelled: Cancelled | None) -> ProgressCallback:
    def tick(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelledError("cancelled")
        if progress is not None:
            progress(done, total)

    return tick


def prepare(
    repository: Repository,
    path: Path,
    call: OpenCall,
    options: Options | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPlan:
    """Read, match and plan; writes nothing. Raises on unreadable files, missing columns, cancel."""
    options = options or Options()
    tick = _ticker(progress, cancelled)
    tick(0, 1)
    table = read_table(path, options.encoding, options.sheet)
    tick(0, 1)
    columns = find_columns(list(islice(table.rows, HEADER_SEARCH_ROWS)), options.columns)
    accepted = {municipality_key(text): nis for text, nis in options.accepted.items()}
    aliases = {**store.aliases(repository), **accepted}
    matcher = MunicipalityMatcher(repository.municipalities().values(), call.period, aliases)
    parsed = parse_rows(table.rows, columns, matcher, options.excluded_rows, tick, table.rows_hint)
    tick(parsed.rows, parsed.rows)
    return _plan(repository, call, options, (path, table, columns), parsed, matcher)


def _plan(
    repository: Repository,
    call: OpenCall,
    options: Options,
    source: tuple[Path, Table, Columns],
    parsed: Parsed,
    matcher: MunicipalityMatcher,
) -> ImportPlan:
    path, table, columns = source
    stored = store.stored_decisions(repository, call.id)
    day = planning.effect_day(call, options.as_of)
    memberships = planning.membership_plan(repository, call, parsed.decisions)
    collaboration_column = columns.headers[columns.roles[Role.COLLABORATION]]
    centre_errors = planning.centre_city_errors(repository, call, parsed.decisions, memberships, collaboration_column)
    regions = planning.region_names(repository, memberships)
    warnings = _warnings(repository, call, parsed, matcher, stored=stored, memberships=memberships, regions=regions)
    return ImportPlan(
        file=path,
        sha256=table.sha256,
        table=table,
        columns=columns,
        layout=parsed.layout,
        rows=parsed.rows,
        call=call,
        decisions=planning.planned_decisions(parsed.decisions, stored),
        errors=sorted(parsed.errors + centre_errors, key=lambda e: e.row),
        warnings=warnings,
        memberships=memberships,
        coverage_effect=planning.coverage_effect(repository, memberships, day),
        skipped=parsed.skipped,
        aliases=[(municipality_key(text), text, nis) for text, nis in options.accepted.items()],
        municipality_names={nis: m.name_nl for nis, m in matcher.by_code.items()},
        region_names=regions,
        effect_day=day,
    )


def _warnings(
    repository: Repository,
    call: OpenCall,
    parsed: Parsed,
    matcher: MunicipalityMatcher,
    *,
    stored: Mapping[str, StoredDecision],
    memberships: MembershipPlan,
    regions: Mapping[int, str],
) -> list[PlanWarning]:
    """What a user should look at before applying: the decisions, the moves, what the file no longer lists, the
    dates, withdrawn approvals, then what the parser noticed."""
    provinces = {p.nis_code: p.name_nl for p in repository.provinces()}
    return (
        planning.decision_warnings(parsed.decisions, matcher, provinces)
        + planning.move_warnings(memberships, regions, matcher)
        + planning.missing_from_file(parsed.decisions, stored)
        + planning.date_warnings(parsed.decisions, call)
        + planning.withdrawn_warnings(parsed.decisions, stored, regions)
        + parsed.warnings
    )


def counts(plan: ImportPlan) -> dict[str, int]:
    """New, changed, unchanged and skipped decisions (skipped: excluded rows)."""
    return {
        "new": plan.count(Status.NEW),
        "changed": plan.count(Status.CHANGED),
        "unchanged": plan.count(Status.UNCHANGED),
        "skipped": plan.skipped,
    }


def current_user() -> str:
    """The login name, for the import log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def apply(
    repository: Repository,
    plan: ImportPlan,
    *,
    user: str | None = None,
    undoable: bool = True,
    log_id: int | None = None,
) -> Snapshot | None:
    """Write the plan in one transaction (refused while errors remain); log it; returns the undo snapshot.

    ``log_id`` names the log entry of an import that was undone and is now done again (a redo)."""
    if not plan.can_apply:
        raise ImportRefusedError(f"{len(plan.errors)} error(s) remain; fix or exclude those rows first")
    log = LogEntry(
        file_name=plan.file.name,
        sha256=plan.sha256,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        user=user or current_user(),
        call_id=plan.call.id,
        counts=json.dumps({**counts(plan), "rows": plan.rows}),
    )
    write = ImportWrite(
        call_id=plan.call.id,
        memberships=plan.memberships,
        new=[p.decision for p in plan.decisions if p.status is Status.NEW],
        changed=[(p.stored_id, p.decision) for p in plan.decisions if p.status is Status.CHANGED and p.stored_id],
        aliases=plan.aliases,
        log=log,
        log_id=log_id,
    )
    return store.apply_import(repository, write, snapshot=undoable)


def undo(repository: Repository, snapshot: Snapshot) -> None:
    """Restore the database exactly as it was before the import."""
    store.restore(repository, snapshot)


def import_log(repository: Repository) -> list[LogEntry]:
    """The import log, newest first."""
    return store.import_log(repository)
