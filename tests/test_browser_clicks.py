"""Clicks and taps inside regions select the region and never move the date (issue 12, item 2).

Click points are computed from the drawn geometry (map.json's unit paths, in the map's own units) and turned
into screen points with the SVG's screen matrix: each unit's label anchor (a point inside it computed at build
time) and points about 12 px from every event marker shown (where a marker used to take clicks meant for the
region), kept only when they lie inside the unit, clear of its edge, of every marker and of the zoom buttons.
"""
from __future__ import annotations

import json
import math
import re

import pytest
import shapely
from shapely.ops import polylabel

import geodata
from dashboard.data import PAGE_DIR, load_atlas
from tests.conftest import ARTIFACTS, MAP_READY, finish_page, new_page

ATLAS = load_atlas()
MAP = json.loads((PAGE_DIR / "map.json").read_text(encoding="utf-8"))
DATES = ["1915-01-01", "1921-07-11", "1932-03-01", "1939-05-11", "1945-08-09", "1946-01-05"]
UNITS = ["outer_mongolia", "tannu_uriankhai", "barga", "khingan", "north_manchuria", "manchuria", "mengjiang",
         "xinjiang"]
RING = re.compile(r"M([^MZ]+)Z")


def _shape(unit: str):
    """The unit as drawn: its path's rings (even-odd, so holes are holes) as one shapely geometry."""
    rings = [shapely.Polygon([tuple(map(float, p.split())) for p in ring.split("L")])
             for ring in RING.findall(MAP["unitPaths"][MAP["units"].index(unit)])]
    out = rings[0]
    for r in rings[1:]:
        out = shapely.symmetric_difference(out, r)
    return out


SHAPES = {u: _shape(u) for u in UNITS}


def _screen(pg, pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return pg.evaluate("""pts => { const m = document.querySelector('#map svg.nba-map').getScreenCTM();
        return pts.map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]); }""", pts)


def _markers(pg) -> list[tuple[float, float]]:
    """Centres of the event markers shown, in map units."""
    found = pg.eval_on_selector_all("#map g.events > g.event", "gs => gs.map(g => g.getAttribute('transform'))")
    out = []
    for tr in found:
        x, y = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", tr).groups()
        out.append((float(x), float(y)))
    return out


def click_points(pg, unit: str) -> list[tuple[float, float]]:
    """Points (map units) inside `unit`: its label anchors (built by geodata.bundle), and points 12 px from each
    event marker, kept where they lie clear of the unit's edge, of every marker and of the zoom buttons."""
    ppu = pg.evaluate("() => document.querySelector('#map svg.nba-map').getScreenCTM().a")   # px per map unit
    shape, markers = SHAPES[unit], _markers(pg)
    anchors = MAP.get("labels")
    if anchors:
        cands = [tuple(a[:2]) for a in anchors[MAP["units"].index(unit)]]   # where its name may be written
    else:   # before the labels: the same kind of point, from the drawn geometry
        cands = [tuple(polylabel(max(shapely.get_parts(shape), key=lambda g: g.area), 0.5).coords[0])]
    for mx, my in markers:
        for n in range(8):
            a = n * math.pi / 4
            cands.append((mx + 12 / ppu * math.cos(a), my + 12 / ppu * math.sin(a)))
    zoom = pg.locator(".map-zoom-buttons").bounding_box()
    box = pg.locator("#map").bounding_box()
    keep = []
    for (x, y), (sx, sy) in zip(cands, _screen(pg, cands)):
        inside = shape.contains(shapely.Point(x, y).buffer(3 / ppu))
        clear = all(math.hypot((x - mx) * ppu, (y - my) * ppu) > 9 for mx, my in markers)
        on_zoom = zoom["x"] - 4 <= sx <= zoom["x"] + zoom["width"] + 4 and zoom["y"] - 4 <= sy <= zoom["y"] + zoom["height"] + 4
        in_map = box["x"] + 2 < sx < box["x"] + box["width"] - 2 and box["y"] + 2 < sy < box["y"] + box["height"] - 2
        if inside and clear and not on_zoom and in_map:
            keep.append((x, y))
    return keep


def _open(pg, iso: str, query: str = "") -> None:
    pg.goto(f"{pg.base}/?date={iso}{query}")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_function("() => document.body.getAttribute('data-ready') === '1'", timeout=15000)
    pg.locator("#map").scroll_into_view_if_needed()


def _clear(pg) -> None:
    pg.evaluate("() => { window.dash_clientside.set_props('region-picker', {value: null});"
                " window.NBA.atlas.setView(window.NBA.page.mode, null, null); }")
    pg.wait_for_function("() => !document.querySelector('#details-panel h3.unit-name')"
                         " && !document.querySelector('#map path.unit.is-selected')", timeout=10000)


def _selected(pg, unit: str, names: set[str], date_text: str) -> bool:
    """Whether the click selected `unit`: the map outlines it at once (the click is handled in the browser), then
    the details panel (from the server) is headed by its name; a click taken by anything else changes neither."""
    try:
        pg.wait_for_function("([u, d]) => { const s = document.querySelector('#map path.unit.is-selected');"
                             " return (s && s.dataset.unit === u) || document.querySelector('#date-text').textContent !== d"
                             " || document.querySelector('#map g.event.chosen'); }", arg=[unit, date_text], timeout=5000)
    except Exception:   # nothing happened in the browser: the click went nowhere
        return False
    hit = pg.evaluate("() => (document.querySelector('#map path.unit.is-selected') || {dataset: {}}).dataset.unit")
    if hit != unit:
        return False
    pg.wait_for_function("names => { const h = document.querySelector('#details-panel h3.unit-name');"
                         " return h && names.includes(h.textContent); }", arg=sorted(names), timeout=30000)
    return True


def measure(pg, tap: bool, query: str = "") -> tuple[int, list[str]]:
    """Click (or tap) every point of every unit at every date; returns (clicks, failures)."""
    total, failed = 0, []
    for iso in DATES:
        _open(pg, iso, query)
        date_text = pg.inner_text("#date-text")
        for unit in UNITS:
            names = {geodata.unit_name(unit, iso, "en"), ATLAS.texts["en"]["units"][ATLAS.data["units"].index(unit)]}
            for point in click_points(pg, unit):
                total += 1
                if pg.query_selector("#details-panel h3.unit-name"):
                    _clear(pg)
                (sx, sy), = _screen(pg, [point])   # where it is on screen now
                if tap:
                    pg.touchscreen.tap(sx, sy)
                else:
                    pg.mouse.click(sx, sy)
                ok = _selected(pg, unit, names, date_text)
                hit = pg.evaluate("() => (document.querySelector('#map path.unit.is-selected') || {}).dataset")
                moved = pg.inner_text("#date-text") != date_text
                if not ok or moved or not hit or hit.get("unit") != unit:
                    failed.append(f"{iso} {unit} ({sx:.0f},{sy:.0f}): selected={hit and hit.get('unit')} "
                                  f"date={'moved to ' + pg.inner_text('#date-text') if moved else 'kept'}")
                if moved:
                    _open(pg, iso, query)
    return total, failed


def _report(name: str, total: int, failed: list[str]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    share = (total - len(failed)) / total if total else 0
    line = f"{name}: {total - len(failed)} of {total} region clicks selected the region without moving the date ({share:.0%})"
    print(line)
    with open(ARTIFACTS / "region-clicks.txt", "a", encoding="utf-8") as fh:
        fh.write(line + "\n" + "".join(f"  {f}\n" for f in failed))


@pytest.mark.parametrize("size,tap,query", [((1280, 800), False, ""), ((390, 844), True, ""),
                                            ((640, 480), True, "&embed=1")],
                         ids=["mouse-1280x800", "touch-390x844", "touch-embed-640x480"])
def test_region_clicks_select_and_keep_the_date(browser, live_server, size, tap, query) -> None:
    pg = new_page(browser, live_server, viewport={"width": size[0], "height": size[1]}, has_touch=tap)
    try:
        total, failed = measure(pg, tap, query)
    finally:
        finish_page(pg)
    _report(f"{'tap' if tap else 'click'} {size[0]}x{size[1]}{' embed' if query else ''}", total, failed)
    assert total >= 60, "too few click points: the geometry or the markers were not found"
    assert failed == [], "\n".join(failed)


def test_keyboard_picks_a_region_and_keeps_the_date(page) -> None:
    """Without a pointer: the region picker (reached by Tab) selects a region; the date stays."""
    _open(page, "1921-07-11")
    date_text = page.inner_text("#date-text")
    page.locator("#region-picker").focus()
    page.keyboard.press("Enter")   # opens the list with the focus in its search box
    page.wait_for_function("() => document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("Tannu")
    page.wait_for_function("() => { const o = document.querySelectorAll('.dash-dropdown-option');"
                           " return o.length === 1 && o[0].textContent.includes('Tannu'); }")   # the list is filtered
    page.keyboard.press("Enter")
    want = geodata.unit_name("tannu_uriankhai", "1921-07-11", "en")
    page.wait_for_function("w => (document.querySelector('#details-panel h3.unit-name') || {}).textContent === w",
                           arg=want, timeout=10000)
    assert page.locator("#map path.unit.is-selected").get_attribute("data-unit") == "tannu_uriankhai"
    assert page.inner_text("#date-text") == date_text


def test_event_marker_click_still_chooses_the_event(page) -> None:
    """A click on an event's marker (not beside it) chooses the event and moves the date to it."""
    _open(page, "1939-01-01")
    marker = page.locator("#map g.events > g.event").last
    index = int(marker.get_attribute("data-index"))
    ev = ATLAS.data["events"][index]
    box = marker.locator("circle:not(.hit)").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') === s",
                           arg=str(ev["stop"]), timeout=10000)
    page.wait_for_selector("#map g.event.chosen")
