from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.coverage import municipality_coverage
from sew_desktop.domain.decisions import FieldChange, Outcome
from sew_desktop.domain.model import AgreementStatus, RegionKind, Validity
from sew_desktop.services.imports.errors import ImportCancelledError, ImportRefusedError, UnknownCallError
from sew_desktop.services.imports.model import ErrorCode, ImportPlan, Layout, Options, Status, WarningCode
from sew_desktop.services.imports.service import apply, counts, find_call, prepare, undo
from sew_desktop.store import decisions as store
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, HEADER, SAMPLES, write_csv

OPTIONS = Options(as_of=date(2023, 6, 1))


def _plan(repo: Repository, path: Path, options: Options = OPTIONS) -> ImportPlan:
    return prepare(repo, path, find_call(repo, CALL), options)


def _region_of(repo: Repository, nis: str, day: date) -> str | None:
    regions = repo.regions()
    found = [
        regions[m.region_id].name
        for m in repo.memberships().values()
        if m.municipality_nis == nis and m.validity.contains(day)
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "layout", "rows", "new"),
    [
        ("beslissingen_per_gemeente_cp1252.csv", "cp1252", ";", Layout.PER_MUNICIPALITY, 18, 4),
        ("beslissingen_per_samenwerkingsverband_utf8.csv", "utf-8-sig", ",", Layout.PER_COLLABORATION, 4, 4),
        ("beslissingen_lokale_regie.xlsx", None, None, Layout.PER_MUNICIPALITY, 7, 2),
    ],
)
def test_samples_import_and_reimport_is_all_unchanged(
    repo: Repository, name: str, encoding: str | None, delimiter: str | None, layout: Layout, rows: int, new: int
) -> None:
    plan = _plan(repo, SAMPLES / name)
    assert (plan.table.encoding, plan.table.delimiter, plan.layout, plan.rows) == (encoding, delimiter, layout, rows)
    assert plan.errors == [] and counts(plan) == {"new": new, "changed": 0, "unchanged": 0, "skipped": 0}
    apply(repo, plan, user="tester")
    again = _plan(repo, SAMPLES / name)
    assert counts(again) == {"new": 0, "changed": 0, "unchanged": new, "skipped": 0}
    assert again.memberships.edits == [] and again.memberships.additions == [] and again.memberships.new_regions == []
    assert [w for w in again.warnings if w.code is WarningCode.MOVE] == []


def test_cp1252_sample_values_and_effects(repo: Repository) -> None:
    apply(repo, _plan(repo, SAMPLES / "beslissingen_per_gemeente_cp1252.csv"), user="tester")
    stored = store.stored_decisions(repo, find_call(repo, CALL).id)
    waasland = stored["samenwerkingsverband waasland"]
    assert (waasland.outcome, waasland.amount_cents, waasland.amount_is_annual) == (Outcome.APPROVED, 8_500_000, True)
    assert waasland.decision_date == date(2023, 4, 20) and waasland.lead_nis == "46021"
    assert set(waasland.members) == {"46021", "46025", "46003", "46013", "46024", "46020"}
    assert stored["regio meetjesland cooperatief"].collaboration == "Regio Meetjesland Coöperatief"
    assert stored["regio meetjesland cooperatief"].amount_cents == 6_250_050
    # approved: the municipality joins the new regiegebied for the call period and leaves its old one the day before
    assert _region_of(repo, "33011", date(2022, 12, 31)) == "Demo-regio West 1"
    assert _region_of(repo, "33011", date(2023, 1, 1)) == "Westhoek Sociale Economie"
    assert _region_of(repo, "33011", date(2026, 1, 1)) is None
    region = next(r for r in repo.regions().values() if r.name == "Westhoek Sociale Economie")
    assert (region.kind, region.province_nis, region.validity) == (
        RegionKind.COLLABORATION,
        "30000",
        Validity(date(2023, 1, 1), date(2025, 12, 31)),
    )
    # rejected: no regiegebied, no membership
    assert not any(r.name == "Leiestreek Werkt" for r in repo.regions().values())
    assert stored["leiestreek werkt"].outcome is Outcome.REJECTED and stored["leiestreek werkt"].region_id is None
    log = store.import_log(repo)
    assert [(e.file_name, e.user, len(e.sha256)) for e in log] == [
        ("beslissingen_per_gemeente_cp1252.csv", "tester", 64)
    ]
    assert '"new": 4' in log[0].counts


def test_move_is_planned_and_shown(repo: Repository) -> None:
    plan = _plan(repo, SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
    moves = [w.values for w in plan.warnings if w.code is WarningCode.MOVE]
    assert ("Ieper", "Demo-regio West 1", "Westhoek Sociale Economie", "2023-01-01") in moves


def test_corrected_file_changes_only_what_differs_and_missing_decisions_are_reported(
    repo: Repository, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        ["Regio A", "Geel", "goedgekeurd", "1.000,00", "20/04/2023"],
        ["Regio B", "Mol", "afgewezen", "", ""],
    ]
    apply(repo, _plan(repo, write_csv(tmp_path / "a.csv", rows)), user="t")
    corrected = [HEADER, ["Regio A", "Geel", "goedgekeurd", "1.500,00", "20/04/2023"], ["Regio A", "Retie", "", "", ""]]
    plan = _plan(repo, write_csv(tmp_path / "b.csv", corrected))
    assert counts(plan) == {"new": 0, "changed": 1, "unchanged": 0, "skipped": 0}
    assert plan.decisions[0].changes == (
        FieldChange("amount_cents", 100_000, 150_000),
        FieldChange("members", ("13008",), ("13008", "13036")),
    )
    assert [w.values for w in plan.warnings if w.code is WarningCode.MISSING_FROM_FILE] == [("Regio B",)]
    apply(repo, plan, user="t")
    assert "regio b" in store.stored_decisions(repo, find_call(repo, CALL).id)  # never deleted


def test_errors_refuse_apply_until_rows_are_excluded(repo: Repository) -> None:
    plan = _plan(repo, SAMPLES / "beslissingen_met_fouten.csv")
    assert [(e.row, e.column, e.value, e.code) for e in plan.errors] == [
        (5, "Gemeente", "Sint-Niklaus", ErrorCode.UNKNOWN_MUNICIPALITY),
        (7, "Beslissing", "misschien", ErrorCode.BAD_DECISION),
        (7, "Datum", "31/02/2023", ErrorCode.NO_SUCH_DAY),
    ]
    assert plan.errors[0].suggestions[0] == "Sint-Niklaas" and len(plan.errors[0].suggestions) <= 3
    before = store.snapshot_database(repo)
    with pytest.raises(ImportRefusedError):
        apply(repo, plan)
    assert store.snapshot_database(repo) == before
    excluded = _plan(repo, SAMPLES / "beslissingen_met_fouten.csv", Options(excluded_rows=frozenset({5, 7})))
    assert excluded.errors == [] and counts(excluded)["skipped"] == 2
    apply(repo, excluded, user="t")
    assert set(store.stored_decisions(repo, find_call(repo, CALL).id)) == {"dender samen", "waasland oost"}


def test_accepted_suggestion_is_stored_as_alias_and_used_later(repo: Repository, tmp_path: Path) -> None:
    options = Options(accepted={"Sint-Niklaus": "46021"}, excluded_rows=frozenset({7}))
    plan = _plan(repo, SAMPLES / "beslissingen_met_fouten.csv", options)
    assert plan.errors == []
    apply(repo, plan, user="t")
    assert store.aliases(repo) == {"sintniklaus": "46021"}
    later = _plan(repo, write_csv(tmp_path / "c.csv", [HEADER, ["Regio C", "St Niklaus", "goedgekeurd", "5", ""]]))
    assert later.errors == [] and later.decisions[0].decision.members == ("46021",)


def test_municipality_names_valid_during_the_call(repo: Repository, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["R", "Kruibeke", "in behandeling", "", ""],
        ["R", "Beveren-Kruibeke-Zwijndrecht", "", "", ""],
        ["R", "Anvers", "", "", ""],
        ["R", "Tielt", "", "", ""],
        ["R", "46021", "", "", ""],
    ]
    plan = _plan(repo, write_csv(tmp_path / "m.csv", rows))
    assert plan.errors == []
    assert plan.decisions[0].decision.members == ("46013", "46030", "11002", "37015", "46021")
    old_call = repo.insert(
        Entity.OPEN_CALL, {"name": "Oud", "period_start": date(2019, 1, 1), "period_end": date(2020, 12, 31)}
    )
    old = prepare(repo, tmp_path / "m.csv", next(c for c in repo.open_calls() if c.id == old_call), OPTIONS)
    assert [e.value for e in old.errors] == ["Beveren-Kruibeke-Zwijndrecht"]


def test_warnings(repo: Repository, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["Regio X", "Geel", "goedgekeurd", "", ""],
        ["Regio X", "Ieper", "goedgekeurd", "", ""],
        ["Regio Y", "Geel", "afgewezen", "", ""],
    ]
    plan = _plan(repo, write_csv(tmp_path / "w.csv", rows))
    found = {(w.code, w.values) for w in plan.warnings}
    assert (WarningCode.APPROVED_WITHOUT_AMOUNT, ("Regio X",)) in found
    assert (WarningCode.SPREAD_OVER_PROVINCES, ("Regio X", "Antwerpen, West-Vlaanderen")) in found
    assert (WarningCode.IN_TWO_COLLABORATIONS, ("Geel", "Regio X, Regio Y")) in found


def test_conflicting_values_in_layout_b_are_errors(repo: Repository, tmp_path: Path) -> None:
    rows = [HEADER, ["R", "Geel", "goedgekeurd", "10", ""], ["R", "Mol", "afgewezen", "10", ""]]
    plan = _plan(repo, write_csv(tmp_path / "x.csv", rows))
    assert [(e.row, e.column, e.code) for e in plan.errors] == [(3, "Beslissing", ErrorCode.CONFLICT)]


def test_coverage_effect_through_an_existing_agreement(repo: Repository, tmp_path: Path) -> None:
    day = date(2023, 6, 1)
    signed = next(r for r in repo.regions().values() if r.name == "Demo-regio West 1")
    status = municipality_coverage(repo.coverage_input(), day)
    outsider = next(
        nis
        for nis, m in sorted(repo.municipalities().items())
        if m.province_nis == "30000" and nis in status and status[nis].status is not AgreementStatus.SIGNED
    )
    members = [m.municipality_nis for m in repo.memberships().values() if m.region_id == signed.id]
    rows = [HEADER] + [[signed.name, nis, "goedgekeurd", "10", ""] for nis in [*members, outsider]]
    plan = _plan(repo, write_csv(tmp_path / "e.csv", rows))
    assert [(e.area, len(e.gained), len(e.lost)) for e in plan.coverage_effect] == [
        ("West-Vlaanderen", 1, 0),
        ("Oost-Vlaanderen", 0, 0),
        ("Antwerpen", 0, 0),
        ("Vlaams-Brabant", 0, 0),
        ("Limburg", 0, 0),
    ]
    assert plan.coverage_effect[0].gained == (outsider,)
    assert plan.memberships.new_regions == []  # matched by name


def test_undo_restores_the_database_exactly(repo: Repository) -> None:
    apply(repo, _plan(repo, SAMPLES / "beslissingen_lokale_regie.xlsx"), user="t")
    before = _without_log(store.snapshot_database(repo))
    snapshot = apply(repo, _plan(repo, SAMPLES / "beslissingen_per_gemeente_cp1252.csv"), user="t")
    assert snapshot is not None and _without_log(store.snapshot_database(repo)) != before
    undo(repo, snapshot)
    assert _without_log(store.snapshot_database(repo)) == before
    assert _region_of(repo, "33011", date(2023, 1, 1)) == "Demo-regio West 1"  # cache refreshed too
    undone, kept = store.import_log(repo)
    assert set(undone.marks()) == {"undone_at"} and kept.marks() == {}


def _without_log(dump: list[str]) -> list[str]:
    """The database as SQL text without the import log (an undone import stays in the log, marked)."""
    return [line for line in dump if not line.startswith('INSERT INTO "import_log"')]


def test_unknown_call_and_cancel(repo: Repository) -> None:
    with pytest.raises(UnknownCallError, match="unknown call 'Nope'"):
        find_call(repo, "Nope")
    assert find_call(repo, "lokale regie sociale economie en werk 2023 2025").name == CALL
    with pytest.raises(ImportCancelledError):
        prepare(repo, SAMPLES / "beslissingen_lokale_regie.xlsx", find_call(repo, CALL), cancelled=lambda: True)


def test_pending_and_rejected_change_no_membership(repo: Repository, tmp_path: Path) -> None:
    rows = [HEADER, ["Regio P", "Ieper", "in behandeling", "", ""], ["Regio Q", "Geel", "afgewezen", "", ""]]
    plan = _plan(repo, write_csv(tmp_path / "p.csv", rows))
    assert plan.memberships.edits == [] and plan.memberships.additions == [] and plan.memberships.new_regions == []
    assert [d.status for d in plan.decisions] == [Status.NEW, Status.NEW]
