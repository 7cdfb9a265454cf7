"""Fast tests of dashboard.figures (vocabularies for the page) and dashboard.query (no browser)."""
from __future__ import annotations

import datetime as dt

from dashboard import figures
from dashboard.data import stop_index
from dashboard.query import parse_query


def test_stop_index_is_last_stop_on_or_before() -> None:
    stops = [dt.date(1689, 1, 1), dt.date(1700, 1, 1), dt.date(1700, 5, 1)]
    assert stop_index(stops, dt.date(1700, 4, 30)) == 1
    assert stop_index(stops, dt.date(1700, 5, 1)) == 2
    assert stop_index(stops, dt.date(1600, 1, 1)) == 0
    assert stop_index([s.isoformat() for s in stops], dt.date(1700, 5, 2)) == 2


def test_every_status_group_has_its_own_colour() -> None:
    colours = [g["color"] for g in figures.STATUS_GROUPS]
    assert len(set(colours)) == len(colours)
    assert figures.status_group("qing")["id"] == "control"
    assert figures.status_group("occupied")["hatch"] is True
    assert figures.status_group("no such status") is figures.OTHER_GROUP


def test_status_styles_follow_the_groups_in_bundle_order() -> None:
    styles = figures.status_styles(["occupied", "qing"])
    assert [s["id"] for s in styles] == ["occupied", "qing"]
    assert styles[0]["hatch"] and not styles[1]["hatch"]
    assert styles[1]["color"] == figures.status_group("qing")["color"]


def test_area_chart_spans_the_whole_atlas() -> None:
    data = {"states": [{"date": "1689-01-01", "area": {"control": 2e6, "claim": 3e6}},
                       {"date": "1900-01-01", "area": {"control": 1e6, "claim": 3e6}}]}
    fig = figures.area_figure(data)
    control = next(t for t in fig["data"] if t["name"] == "controlled")
    assert control["x"][-1] == figures.LAST_DATE.isoformat()
    assert control["y"] == [2.0, 1.0, 1.0]


STOPS = sorted({dt.date(y, 1, 1) for y in range(1689, 2009)} | {dt.date(1921, 2, 4)})


def test_query_year_and_date() -> None:
    assert parse_query("?year=1950", STOPS, 1911).stop == STOPS.index(dt.date(1950, 1, 1))
    view = parse_query("?date=1921-02-04", STOPS, 1911)
    assert STOPS[view.stop] == dt.date(1921, 2, 4) and view.notice == ""
    view = parse_query("?date=1921-03-01", STOPS, 1911)
    assert STOPS[view.stop] == dt.date(1921, 2, 4) and "no step of its own" in view.notice


def test_query_defaults_and_notices() -> None:
    default = STOPS.index(dt.date(1911, 1, 1))
    assert parse_query("", STOPS, 1911) == parse_query(None, STOPS, 1911)
    assert parse_query("", STOPS, 1911).stop == default
    for bad in ("?year=abc", "?year=1500", "?year=3000", "?date=1921-02-30", "?date=yesterday", "?date=1600-01-01",
                "?year=19111", "?year=%00", "?year=" + "9" * 5000):
        view = parse_query(bad, STOPS, 1911)
        assert view.stop == default and view.notice, bad
    view = parse_query("?colour=red&year=1950", STOPS, 1911)
    assert "colour" in view.notice and STOPS[view.stop] == dt.date(1950, 1, 1)
    assert "render" in parse_query("?render=server", STOPS, 1911).notice   # the benchmark-only path is gone
