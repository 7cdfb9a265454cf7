"""First sight (issue 12): the map and its legend in view at 1280x800, on a 390x844 phone and in a 640x480 embed, in
each language; the page does not move while the date changes; the slider is even in time and takes a typed date;
translated Play; the caption's date; a region's spoken summary and its compact card. Screenshots and the measured
positions go to test-artifacts/firstsight/."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import geodata

from dashboard.data import load_atlas
from dashboard.i18n import date_words, t
from tests.conftest import ARTIFACTS, MAP_READY, finish_page, new_page, wait_drawn

ATLAS = load_atlas()
OUT = ARTIFACTS / "firstsight"
SIZES = {"1280x800": (1280, 800, ""), "390x844": (390, 844, ""), "640x480-embed": (640, 480, "&embed=1")}
FEB_1912 = ATLAS.stop_of("1912-02-12")


def _open(pg, query: str) -> None:
    pg.goto(pg.base + "/" + query)
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_selector("#date-slider [role=slider]", timeout=10000)


def _box(pg, sel: str) -> dict[str, float]:
    return pg.eval_on_selector(sel, "e => { const r = e.getBoundingClientRect(); "
                                    "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }")


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
@pytest.mark.parametrize("size", list(SIZES))
def test_map_and_legend_in_view_and_still_while_the_date_changes(browser, live_server, size, lang) -> None:
    width, height, extra = SIZES[size]
    pg = new_page(browser, live_server, viewport={"width": width, "height": height})
    try:
        start = FEB_1912 - 2
        _open(pg, f"?lang={lang}&date={ATLAS.data['stops'][start]}{extra}")
        wait_drawn(pg, start)
        map_box, legend = _box(pg, ".map"), _box(pg, "#legend")
        assert map_box["top"] >= 0 and map_box["bottom"] <= height, map_box          # the whole map at first sight
        assert map_box["bottom"] - map_box["top"] >= 180, map_box
        if size == "390x844":   # the legend right under the map, starting in view
            assert 0 <= legend["top"] - map_box["bottom"] <= 24 and legend["top"] < height, (map_box, legend)
        else:                   # beside the map: all of it in view
            assert legend["top"] >= 0 and legend["bottom"] <= height + 1, legend
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= width, "sideways scroll"
        # step over 12 February 1912 (many regions change): nothing above or beside the map moves
        still = {sel: _box(pg, sel) for sel in (".map", "#legend", "#date-slider")}
        pg.locator("#date-slider [role=slider]").focus()
        for stop in range(start + 1, FEB_1912 + 3):
            pg.keyboard.press("ArrowRight")
            wait_drawn(pg, stop)
            if stop == FEB_1912:
                OUT.mkdir(parents=True, exist_ok=True)
                pg.screenshot(path=str(OUT / f"{size}-{lang}-1912-02-12.png"))
                change = pg.inner_text("#change-text")
                slider_top = _box(pg, "#controls")["top"]
                assert _box(pg, "#change-text")["bottom"] <= slider_top + 1, "what changed is clipped by the slider"
            for sel, box in still.items():
                assert _box(pg, sel) == box, (sel, stop)
        # what changed on 12 February 1912: Outer Mongolia's claimant, not a new declaration of independence
        mongolia = geodata.unit_name("outer_mongolia", "1912-02-12", lang)   # its name of the period
        roc = ATLAS.texts[lang]["claimants"][ATLAS.data["claimants"].index("roc")]
        independence = ATLAS.texts[lang]["statuses"][ATLAS.data["statuses"].index("declared_independent")]
        assert mongolia in change and t(lang, "change.claim_now", to=roc) in change, change
        assert independence not in change, change
        measured = {"map": [round(map_box["top"]), round(map_box["bottom"])],
                    "legend": [round(legend["top"]), round(legend["bottom"]), round(legend["left"]), round(legend["right"])]}
        (OUT / f"measure-{size}-{lang}.json").write_text(json.dumps(measured), encoding="utf-8")
        pg.screenshot(path=str(OUT / f"{size}-{lang}.png"))
    finally:
        finish_page(pg)


def _frac(iso: str) -> float:
    first, last = (dt.date.fromisoformat(ATLAS.data[k]).toordinal() for k in ("first", "last"))
    return (dt.date.fromisoformat(iso).toordinal() - first) / (last - first)


def test_slider_is_even_in_time_with_ticks_at_changes(page) -> None:
    _open(page, "?date=1911-01-01")
    track = _box(page, "#date-slider .ts-track")
    ticks = page.eval_on_selector_all("#date-slider .ts-tick", "ts => ts.map(t => t.getBoundingClientRect().left)")
    assert len(ticks) == len(ATLAS.data["changeStops"])
    for stop, left in zip(ATLAS.data["changeStops"], ticks):   # a tick's place is its date's share of 1689-2008
        want = track["left"] + _frac(ATLAS.data["stops"][stop]) * (track["right"] - track["left"])
        assert abs(left - want) <= 1.5, (ATLAS.data["stops"][stop], left, want)
    for iso in ("1911-01-01", "1950-01-01", "1691-01-01"):
        stop = ATLAS.stop_of(iso)
        page.evaluate("i => window.dash_clientside.set_props('year-slider', {value: i})", stop)
        wait_drawn(page, stop)
        thumb = _box(page, "#date-slider [role=slider]")
        want = track["left"] + _frac(ATLAS.data["stops"][stop]) * (track["right"] - track["left"])
        assert abs((thumb["left"] + thumb["right"]) / 2 - want) <= 1.5, iso
    # aiming at 1950 on the track lands on the stop nearest 1950, not on 1949
    x = track["left"] + _frac("1950-01-01") * (track["right"] - track["left"])
    page.mouse.click(x, (track["top"] + track["bottom"]) / 2)
    wait_drawn(page, ATLAS.stop_of("1950-01-01"))
    assert page.inner_text("#date-text") == "1 January 1950"
    # year labels right of the thumb look like those left of it (nothing looks disabled)
    colours = page.eval_on_selector_all("#date-slider .ts-year:not(.crowded)", "ls => ls.map(l => getComputedStyle(l).color)")
    assert len(set(colours)) == 1 and len(colours) >= 5
    # the keys still step from stop to stop
    page.locator("#date-slider [role=slider]").focus()
    page.keyboard.press("ArrowRight")
    wait_drawn(page, ATLAS.stop_of("1950-01-01") + 1)


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_typed_date_moves_the_map_and_bad_dates_say_why(page, lang) -> None:
    _open(page, f"?lang={lang}&date=1911-01-01")
    map_top = _box(page, ".map")["top"]
    assert page.inner_text(".date-field-label") == t(lang, "controls.date_input")
    page.fill("#date-input", "1950-03-01")
    page.press("#date-input", "Enter")
    stop = ATLAS.stop_of("1950-03-01")
    wait_drawn(page, stop)
    assert page.inner_text("#date-text") == date_words(ATLAS.data["stops"][stop], lang)
    page.fill("#date-input", "1921")
    page.click("#date-go")
    wait_drawn(page, ATLAS.stop_of("1921-01-01"))
    page.fill("#date-input", "1500-01-01")
    page.press("#date-input", "Enter")
    want = t(lang, "controls.date_range", first=date_words(ATLAS.data["first"], lang), last=date_words(ATLAS.data["last"], lang))
    page.wait_for_function("w => document.getElementById('date-input-msg').textContent === w", arg=want)
    assert page.get_attribute("#date-input", "aria-invalid") == "true"
    page.fill("#date-input", "1921-02-30")
    page.press("#date-input", "Enter")
    want = t(lang, "controls.date_bad", value="1921-02-30")
    page.wait_for_function("w => document.getElementById('date-input-msg').textContent === w", arg=want)
    assert page.inner_text("#date-text") == date_words("1921-01-01", lang)   # a bad date leaves the map where it was
    assert _box(page, ".map")["top"] == map_top, "the message pushed the map"
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"date-message-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_play_label_caption_date_and_spoken_region(page, lang) -> None:
    _open(page, f"?lang={lang}&date=1911-01-01")
    page.click("#play-button")
    page.wait_for_function("w => document.getElementById('play-button').textContent === w", arg=t(lang, "controls.pause"))
    page.click("#play-button")
    page.wait_for_function("w => document.getElementById('play-button').textContent === w", arg=t(lang, "controls.play"))
    page.evaluate("i => window.dash_clientside.set_props('year-slider', {value: i})", ATLAS.stop_of("1911-01-01"))
    wait_drawn(page, ATLAS.stop_of("1911-01-01"))
    # the table's caption gives the map's date, not the date of the last change
    page.wait_for_function("w => document.getElementById('text-view-caption').textContent.includes(w)",
                           arg=date_words("1911-01-01", lang))
    # choosing a region: one short sentence for screen readers, and the details panel is not a live region
    box = page.locator("#map path.unit[data-unit=outer_mongolia]").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
    name = geodata.unit_name("outer_mongolia", "1911-01-01", lang)   # its name of the period
    page.wait_for_function("n => document.getElementById('region-announce').textContent.startsWith(n)", arg=name)
    said = page.inner_text("#region-announce")
    assert date_words("1911-01-01", lang) in said and len(said) < 200
    assert page.get_attribute("#details-panel", "aria-live") is None


@pytest.mark.parametrize(("width", "height", "extra"), [(640, 480, "&embed=1"), (390, 844, "")])
def test_tap_a_region_shows_its_card(browser, live_server, width, height, extra) -> None:
    pg = new_page(browser, live_server, viewport={"width": width, "height": height}, has_touch=True)
    try:
        _open(pg, f"?lang=mn&date=1921-07-11{extra}")
        box = pg.locator("#map path.unit[data-unit=outer_mongolia]").bounding_box()
        pg.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
        pg.wait_for_selector("#region-card:not([hidden])")
        card = pg.inner_text("#region-card")
        assert geodata.unit_name("outer_mongolia", "1921-07-11", "mn") in card   # its name of the period
        assert t("mn", "share.open_full") in card
        c = _box(pg, "#region-card")
        m = _box(pg, ".map")
        assert c["top"] >= m["top"] and c["bottom"] <= m["bottom"] + 1 and c["right"] <= width
        OUT.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(OUT / f"card-{width}x{height}-mn.png"))
        pg.click("#card-close")
        pg.wait_for_selector("#region-card", state="hidden")
    finally:
        finish_page(pg)


def test_choosing_an_event_brings_the_map_into_view(browser, live_server) -> None:
    pg = new_page(browser, live_server, viewport={"width": 390, "height": 844})
    try:
        _open(pg, "?date=1911-01-01")
        pg.wait_for_function("() => document.querySelectorAll('#event-list button.event-title').length > 0")
        button = pg.locator("#event-list button.event-title").last
        button.scroll_into_view_if_needed()
        assert _box(pg, ".map")["bottom"] < 0   # the list is far below the map
        index = int(button.get_attribute("data-index"))
        button.click()
        wait_drawn(pg, ATLAS.data["events"][index]["stop"])
        m = _box(pg, ".map")
        assert m["top"] >= 0 and m["bottom"] <= 844, m
    finally:
        finish_page(pg)


@pytest.mark.parametrize("lang", ["en", "mn"])
def test_guided_tour_keeps_the_map_in_view_and_still(page, lang) -> None:
    _open(page, f"?lang={lang}&date=1911-01-01")
    page.click("#tour-start")
    page.wait_for_selector("#tour.active")
    page.wait_for_function("() => { const r = document.querySelector('.map').getBoundingClientRect();"
                           " return r.bottom <= window.innerHeight && r.top >= 0; }")
    first = _box(page, ".map")
    for _ in range(3):   # each stop of the tour: a new caption, the map stays where it is
        caption = page.inner_text("#tour-caption")
        page.click("#tour-next")
        page.wait_for_function("c => document.getElementById('tour-caption').textContent !== c", arg=caption)
        assert _box(page, ".map") == first
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"tour-1280x800-{lang}.png"))
