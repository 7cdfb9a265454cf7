"""In Chromium: the static export opened from file:// (slider, colours, border, events, tour, no network), and the
print stylesheet (map, legend, date and the date's events on one page)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dashboard import downloads, export
from dashboard.data import load_atlas
from dashboard.i18n import date_words
from geodata.tour import load_tour
from tests.conftest import ARTIFACTS, MAP_READY, wait_drawn
from tests.test_browser import expected_fills

PAGE_W, PAGE_H = 703, 1032   # A4 less the 12 mm margins of assets/print.css, in CSS pixels


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The export written once by the command's own entry point."""
    out = tmp_path_factory.mktemp("export") / "site"
    assert export.main([str(out)]) == 0
    return out


@pytest.fixture()
def disk_page(browser, site):
    """index.html opened from file://, recording every request and console error; asserts none left the disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.url_of = (site / "index.html").as_uri()
    pg.site = site
    yield pg
    context.close()
    assert pg.requests and all(u.startswith(("file://", "data:", "blob:")) for u in pg.requests), pg.requests
    assert pg.errors == [], pg.errors


def _fills(pg) -> list[str]:
    return pg.eval_on_selector_all("#map path.unit", "ps => ps.map(p => p.getAttribute('fill'))")


def _border(pg) -> list[int]:
    return pg.eval_on_selector_all("#map .border path", "ps => ps.flatMap((p, i) => p.hasAttribute('display') ? [] : [i])")


def _open(pg, query: str = "") -> None:
    pg.goto(pg.url_of + query)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)


def test_static_export_from_disk_slider_colours_border_events(disk_page) -> None:
    pg = disk_page
    atlas = load_atlas()
    _open(pg)
    start = atlas.stop_of("1911-01-01")
    wait_drawn(pg, start)
    assert pg.inner_text("#date-text") == "1 January 1911"
    assert pg.inner_text("#change-text").startswith("Last change")
    assert pg.locator("#event-list li.event").count() == 6
    fills, border = _fills(pg), _border(pg)
    assert fills == expected_fills(start)
    pg.focus("#date-slider [role=slider]")
    pg.keyboard.press("ArrowRight")
    wait_drawn(pg, start + 1)
    assert pg.inner_text("#date-text") == date_words(atlas.data["stops"][start + 1], "en")
    target = atlas.stop_of("1915-06-07")     # Outer Mongolia: autonomous; its border with China moves
    for stop in range(start + 2, target + 1):   # one key press, one step drawn (as a reader watches it)
        pg.keyboard.press("ArrowRight")
        wait_drawn(pg, stop)
    assert pg.inner_text("#date-text") == "7 June 1915"
    assert _fills(pg) == expected_fills(target) != fills
    assert _border(pg) == sorted(atlas.data["states"][atlas.data["stopState"][target]]["b"]["control"]) != border
    pg.wait_for_function("() => document.querySelectorAll('#event-list li.event .event-title').length > 0")
    titles = pg.locator("#event-list li.event .event-title").all_inner_texts()
    assert "Tripartite Treaty of Kyakhta" in titles
    assert pg.get_attribute("#date-slider [role=slider]", "aria-valuetext") == "7 June 1915"
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "export-1915-06-07.png"))
    # an event's title moves the slider to its date
    pg.locator("#event-list .event-title", has_text="Sino-Russian agreement on Hulunbuir").click()
    wait_drawn(pg, atlas.stop_of("1915-11-06"))
    assert pg.input_value("#year-slider") == str(atlas.stop_of("1915-11-06"))
    # the claim switch redraws the border
    claim = sorted(atlas.data["states"][atlas.data["stopState"][atlas.stop_of("1915-11-06")]]["b"]["claim"])
    pg.check("#mode-switch input[value=claim]")
    pg.wait_for_function("n => document.querySelectorAll('#map .border path:not([display])').length === n", arg=len(claim))
    assert _border(pg) == claim
    # a typed date moves the map from disk too (the same slider and date field as the served page)
    pg.fill("#date-input", "1950")
    pg.press("#date-input", "Enter")
    wait_drawn(pg, atlas.stop_of("1950-01-01"))
    assert pg.inner_text("#date-text") == "1 January 1950"


def test_static_export_does_what_the_page_does_without_a_server(disk_page) -> None:
    pg = disk_page
    atlas = load_atlas()
    _open(pg, "?date=1921-07-11&region=outer_mongolia")
    stop = atlas.stop_of("1921-07-11")
    wait_drawn(pg, stop)
    # region details, as the server would give them
    pg.wait_for_function("() => document.querySelector('#details-panel').textContent.includes('Outer Mongolia')")
    for phrase in ("Since 11 July 1921", "Claimed by", "Area", "Status through time", "Events that changed it"):
        assert phrase in pg.inner_text("#details-panel"), phrase
    pg.select_option("#region-picker", "tibet")
    pg.wait_for_function("() => document.querySelector('#details-panel .unit-name').textContent === 'Tibet'")
    # the status table, "Reading the source", the sources, each side's view
    assert pg.locator("#text-view-body tr").count() == len(atlas.data["units"])
    pg.click("#tab-reading")
    assert pg.locator("#reading-view .claim").count() > 0
    pg.click("#tab-sources")
    assert pg.locator("#sources-view li.source").count() > 0
    pg.click("#tab-map")
    pg.select_option("#region-picker", "outer_mongolia")
    pg.wait_for_selector("#details-panel .perspectives-open")
    pg.locator("#details-panel .perspectives-open").first.click()
    pg.wait_for_selector("#perspectives-panel:not([hidden]) .moment-title")
    # Play moves the date and stops again
    pg.click("#play-button")
    pg.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') !== s", arg=str(stop))
    assert pg.inner_text("#play-button") == "Pause"
    pg.click("#play-button")
    assert pg.inner_text("#play-button") == "Play"
    # downloads are files beside the page
    for sel in ("#download-geojson", "#download-geojson-all", "#download-csv"):
        href = pg.get_attribute(sel, "href")
        assert href.startswith("downloads/") and (pg.site / href).is_file(), href
    with pg.expect_download() as png:
        pg.click("#download-png")
    assert png.value.suggested_filename.endswith(".png")
    # the GeoJSON link gives the shown day's borders, the same features the server's download has
    shown = pg.evaluate("() => NBA.page.data.stops[NBA.page.stop]")
    start, _ = downloads.span_of(dt.date.fromisoformat(shown))
    with pg.expect_download() as geo:
        pg.click("#download-geojson")
    assert geo.value.suggested_filename == f"northern-border-atlas-borders-{start}.geojson"
    got = json.loads(Path(geo.value.path()).read_text(encoding="utf-8"))
    assert got == json.loads(downloads.borders_geojson(start))
    # the other languages are the sibling pages, opened at the same view
    pg.click("#language-nav a[data-lang=zh]")
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    assert pg.url.split("?")[0].endswith("index-zh.html")
    assert pg.get_attribute("html", "lang") == "zh-Hans"
    assert pg.inner_text("#date-text").endswith("日") and "外蒙古" in pg.inner_text("#details-panel")


def test_static_export_tour_and_change_buttons(disk_page) -> None:
    pg = disk_page
    stops = load_tour()
    _open(pg)
    pg.click("#next-change")
    assert pg.inner_text("#date-text") == "1 December 1911"
    pg.click("#tour-start")
    assert pg.inner_text("#tour-caption") == stops[0].caption["en"]
    assert pg.inner_text("#date-text") == date_words(stops[0].date, "en")
    pg.click("#tour-next")
    assert pg.inner_text("#date-text") == date_words(stops[1].date, "en")
    pg.click("#tour-prev")
    assert pg.inner_text("#tour-step") == f"Stop 1 of {len(stops)}"
    _open(pg, "?tour=1858-05-28,1945-13-01,1924-11-26")
    pg.wait_for_function("() => document.querySelector('#date-text').textContent === '28 May 1858'")
    assert pg.inner_text("#tour-step") == "Stop 1 of 2" and "1945-13-01" in pg.inner_text("#tour-notice")


# --- printing the app -----------------------------------------------------------------------------------------

def _pdf_pages(path: Path) -> int:
    """Pages of a PDF from Chromium (page objects are written uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


@pytest.mark.parametrize("date", ["1945-10-20", "1911-12-01"])
def test_print_gives_map_legend_date_and_events_on_one_page(page, date: str) -> None:
    pg = page
    atlas = load_atlas()
    pg.goto(f"{pg.base}/?date={date}")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_function("() => document.querySelectorAll('#event-list li.event').length > 0", timeout=10000)
    pg.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') === s",
                         arg=str(atlas.stop_of(date)), timeout=10000)
    pg.emulate_media(media="print")
    pg.set_viewport_size({"width": PAGE_W, "height": PAGE_H})
    for sel in (MAP_READY, "#legend", "#date-text", "#event-list li.event.current"):
        assert pg.locator(sel).first.is_visible(), sel
    assert pg.inner_text("#date-text") == date_words(date, "en")
    for sel in ("#year-slider", "#play-button", "#next-change", "#mode-switch", "#region-picker", "#downloads",
                "#tour-start", ".map-zoom-buttons"):
        assert not pg.locator(sel).first.is_visible(), sel
    later = pg.eval_on_selector_all("#event-list li.event", "ls => ls.filter(l => getComputedStyle(l).display "
                                    "!== 'none').map(l => l.querySelector('time').getAttribute('datetime'))")
    assert later and max(later) == date          # the date's own event, and those before it
    # all of it fits on the first sheet (page width as on paper)
    bottoms = {sel: pg.locator(sel).first.bounding_box() for sel in ("#map", "#legend", "#event-list", "#date-text")}
    for sel, box in bottoms.items():
        assert box and box["y"] + box["height"] <= PAGE_H and box["x"] + box["width"] <= PAGE_W + 1, (sel, box)
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"print-{date}.png"), full_page=True)
    pdf = ARTIFACTS / f"print-{date}.pdf"
    pg.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    # a page of its own for the text view, where the page prints it (assets/atlas.css), comes after the map page
    table = pg.evaluate("() => { const t = document.querySelector('.text-view-wrap');"
                        " return !!t && getComputedStyle(t).display !== 'none'; }")
    # (the table of 36 units may run over two sheets; it never shares the map's)
    assert _pdf_pages(pdf) >= 2 if table else _pdf_pages(pdf) == 1
    pg.emulate_media(media="screen")
    pg.set_viewport_size({"width": 1280, "height": 800})


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_print_with_a_region_selected_includes_its_details(page, lang: str) -> None:
    """The selected region's details are on paper after the map and the date's events: name, status, claims,
    note, its periods and sources; the picker and buttons of the panel are not."""
    pg = page
    atlas = load_atlas()
    pg.goto(f"{pg.base}/?date=1921-07-11&region=outer_mongolia&lang={lang}")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_selector("#details-panel .details-body .status-line", timeout=15000)
    name = pg.inner_text("#details-panel .unit-name")
    pg.emulate_media(media="print")
    pg.set_viewport_size({"width": PAGE_W, "height": PAGE_H})
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"print-region-{lang}.png"), full_page=True)
    for sel in ("#details-panel .unit-name", "#details-panel .status-line", "#details-panel .claims",
                "#details-panel .note", "#details-panel .periods", "#details-panel .sources a", "#region-heading"):
        assert pg.locator(sel).first.is_visible(), sel
    for sel in ("#region-picker", "#clear-selection", "#downloads"):
        assert not pg.locator(sel).first.is_visible(), sel
    assert pg.inner_text("#details-panel .unit-name") == name
    # after the map and the events, which keep the first sheet
    details, events = pg.locator("#details-panel").bounding_box(), pg.locator("#event-list").bounding_box()
    assert details["y"] >= events["y"] + events["height"]
    assert events["y"] + events["height"] <= PAGE_H
    break_before = pg.evaluate("() => getComputedStyle(document.querySelector('.side-col > .details')).breakBefore")
    assert break_before == "page"
    pdf = ARTIFACTS / f"print-region-{lang}.pdf"
    pg.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    assert _pdf_pages(pdf) >= 3      # the map sheet, the region's sheet, the status table
    pg.emulate_media(media="screen")
    assert atlas.units["outer_mongolia"]
