"""The map's statuses counted per province, for the table under the map and on its PDF page."""

from __future__ import annotations

from sew_desktop.domain.coverage.map_status import MapStatus, statuses_per_province

ORDER = ("30000", "40000", "10000", "20001", "70000")


def test_each_province_counts_its_own_municipalities_in_the_published_order_and_flanders_adds_up() -> None:
    statuses = {"31005": MapStatus.SIGNED_ITSELF, "31022": MapStatus.NONE, "11002": MapStatus.SIGNED_VIA_REGION,
                "11001": MapStatus.NEGOTIATING, "71011": MapStatus.TO_START}
    province_of = {"31005": "30000", "31022": "30000", "11002": "10000", "11001": "10000", "71011": "70000"}
    rows = statuses_per_province(statuses, province_of, ORDER)
    assert [row.province_nis for row in rows] == ["30000", "10000", "70000", None]
    west, antwerp, limburg, flanders = rows
    assert west.counts[MapStatus.SIGNED_ITSELF] == 1 and west.counts[MapStatus.NONE] == 1 and west.total == 2
    assert antwerp.counts == {MapStatus.SIGNED_ITSELF: 0, MapStatus.SIGNED_VIA_REGION: 1,
                              MapStatus.NEGOTIATING: 1, MapStatus.TO_START: 0, MapStatus.NONE: 0}
    assert limburg.counts[MapStatus.TO_START] == 1
    assert flanders.total == 5
    for status in MapStatus:
        assert flanders.counts[status] == sum(row.counts[status] for row in rows[:-1])


def test_a_province_outside_the_published_order_comes_before_flanders() -> None:
    rows = statuses_per_province({"21004": MapStatus.NONE, "11002": MapStatus.NONE},
                                 {"21004": "04000", "11002": "10000"}, ORDER)
    assert [row.province_nis for row in rows] == ["10000", "04000", None]
