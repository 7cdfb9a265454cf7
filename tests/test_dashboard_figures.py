"""Fast tests of dashboard.figures and dashboard.query (no browser)."""
from __future__ import annotations

import datetime as dt

import shapely
from shapely.geometry import Polygon, box

from dashboard import figures
from dashboard.query import parse_query


def test_date_in_words() -> None:
    assert figures.date_in_words("1689-09-06") == "6 September 1689"
    assert figures.date_in_words(dt.date(1921, 7, 11)) == "11 July 1921"
    assert figures.date_in_words("1691-05-01", "month") == "May 1691"
    assert figures.date_in_words("1757-01-01", "year") == "1757"


def test_stops_cover_every_year_and_change() -> None:
    stops = figures.build_stops([dt.date(1921, 2, 4), dt.date(1921, 7, 11)], [dt.date(1945, 2, 11)])
    assert stops[0] == dt.date(1689, 1, 1) and stops[-1] == dt.date(2008, 1, 1)
    assert dt.date(1921, 2, 4) in stops and dt.date(1945, 2, 11) in stops
    assert len(stops) == 2008 - 1689 + 1 + 3
    assert stops == sorted(stops)


def test_stop_index_is_last_stop_on_or_before() -> None:
    stops = [dt.date(1689, 1, 1), dt.date(1700, 1, 1), dt.date(1700, 5, 1)]
    assert figures.stop_index(stops, dt.date(1700, 4, 30)) == 1
    assert figures.stop_index(stops, dt.date(1700, 5, 1)) == 2
    assert figures.stop_index(stops, dt.date(1600, 1, 1)) == 0


def test_feature_collection_is_clockwise_for_geo() -> None:
    ccw = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    assert ccw.exterior.is_ccw
    fc = figures.geo_feature_collection(["a"], [ccw])
    ring = fc["features"][0]["geometry"]["coordinates"][0]
    assert not shapely.LinearRing(ring).is_ccw
    assert fc["features"][0]["properties"] == {"region": "a"}


def test_colorscale_maps_integers_to_exact_colours() -> None:
    scale = figures._colorscale(3, ["#111111", "#222222", "#333333"])
    assert scale[0] == [0.0, "#111111"] and scale[-1] == [1.0, "#333333"]
    assert [c for _, c in scale].count("#222222") == 2


def test_every_status_has_a_distinct_group_colour() -> None:
    colours = [g["color"] for g in figures.STATUS_GROUPS]
    assert len(set(colours)) == len(colours)
    assert figures.status_group("qing")["id"] == "control"
    assert figures.status_group("occupied")["hatch"] is True


def test_simplify_coverage_keeps_edges_on_polygons() -> None:
    a, b = box(0, 0, 1, 1), box(1, 0, 2, 1)
    simple, lines = figures.simplify_coverage(["a", "b"], [a, b], [("a", "b"), ("a", "")], tolerance=0.01)
    assert lines[0].length == 1.0
    assert abs(lines[1].length - 3.0) < 1e-9
    assert simple[0].equals(a)


def _fake_data() -> dict:
    return {
        "edges": [[[0.0, 1.0], [0.0, 0.0]], [[1.0, 1.0], [0.0, 1.0]]],
        "edgeApprox": [False, True],
        "edgeUnits": [[0, 1], [1, -1]],
        "units": ["a", "b"],
    }


def test_border_lines_split_by_precision() -> None:
    data = _fake_data()
    assert figures.border_lines(data, [0, 1], False) == [[0.0, 1.0], [0.0, 0.0]]
    assert figures.border_lines(data, [0, 1], True) == [[1.0, 1.0], [0.0, 1.0]]
    assert figures.border_lines(data, [0, 1], None) == [[0.0, 1.0, None, 1.0, 1.0], [0.0, 0.0, None, 0.0, 1.0]]
    assert figures.unit_outline(data, "a") == [[0.0, 1.0], [0.0, 0.0]]
    assert figures.unit_outline(data, None) == [[], []]


STOPS = figures.build_stops([dt.date(1921, 2, 4)], [])


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
    assert parse_query("?render=server", STOPS, 1911).render == "server"
    assert parse_query("?render=other", STOPS, 1911).render == "client"
