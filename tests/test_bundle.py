"""geodata.bundle: the page bundle the browser draws from (geometry in map coordinates, timeline, texts)."""
from __future__ import annotations

import json

import shapely
from shapely.geometry import box

from geodata import bundle
from geodata.io import DATA_DIR


def test_simplify_coverage_keeps_shared_edges_on_the_polygons() -> None:
    a, b = box(0, 0, 1, 1), box(1, 0, 2, 1)
    simple, lines = bundle.simplify_coverage(["a", "b"], [a, b], [("a", "b"), ("a", "")], tolerance=0.01)
    assert lines[0].length == 1.0
    assert abs(lines[1].length - 3.0) < 1e-9
    assert simple[0].equals(a)


def test_frame_puts_the_view_in_a_box_with_north_up() -> None:
    frame = bundle.Frame()
    x, y = frame.xy([105, 105, 70, 142], [62, 19, 44, 44])
    assert 0 <= min(x) and max(x) <= bundle.WIDTH + 0.1
    assert y[0] < y[1], "north is up"
    assert x[2] < x[3], "west is left"
    d = frame.path(shapely.Polygon([(100, 40), (110, 40), (110, 50)]))
    assert d.startswith("M") and d.endswith("Z") and d.count("L") == 2


def _committed(name: str) -> dict:
    return json.loads((DATA_DIR / "page" / name).read_text(encoding="utf-8"))


def test_timeline_states_follow_the_periods() -> None:
    tl = _committed("timeline.json")
    units, statuses = tl["units"], tl["statuses"]
    om = units.index("outer_mongolia")
    by_date = {s["date"]: s for s in tl["states"]}
    # Outer Mongolia declared independence on 1 December 1911 (geodata/periods.yaml)
    rows = {r["start"]: r for r in tl["periods"]["outer_mongolia"]}
    row = rows["1911-12-01"]
    assert statuses[by_date["1911-12-01"]["s"][om]] == row["status"]
    assert [om, by_date["1911-12-01"]["changes"][0][1], statuses.index(row["status"])] in by_date["1911-12-01"]["changes"]
    # every stop points at the last state on or before it
    for stop, k in zip(tl["stops"], tl["stopState"]):
        assert tl["states"][k]["date"] <= stop
        assert k + 1 == len(tl["states"]) or tl["states"][k + 1]["date"] > stop


def test_every_text_bundle_names_every_unit_status_and_event() -> None:
    tl = _committed("timeline.json")
    for lang in ("en", "zh", "mn"):
        text = _committed(f"text-{lang}.json")
        assert len(text["units"]) == len(tl["units"]) and all(text["units"])
        assert len(text["statuses"]) == len(tl["statuses"]) and all(text["statuses"])
        assert len(text["events"]) == len(tl["events"]) and all(e["title"] for e in text["events"])
    assert _committed("text-zh.json")["units"] != _committed("text-en.json")["units"]


def test_map_has_a_path_for_every_unit_and_edge() -> None:
    geo, tl = _committed("map.json"), _committed("timeline.json")
    assert geo["units"] == tl["units"]
    assert all(d.startswith("M") for d in geo["unitPaths"])
    used = {i for s in tl["states"] for m in tl["modes"] for i in s["b"][m]}
    assert all(geo["edges"][i] for i in used), "a border edge has no line to draw"
