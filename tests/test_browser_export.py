"""In Chromium: the static export opened from file:// (slider, colours, border, events, tour, no network), and the
print stylesheet (map, legend, date and the date's events on one page)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import export, figures
from dashboard.data import load_atlas
from geodata.tour import load_tour
from tests.conftest import ARTIFACTS

PAGE_W, PAGE_H = 703, 1032   # A4 less the 12 mm margins of assets/print.css, in CSS pixels
FILLS = "#map .choroplethlayer .trace:nth-of-type(2) path.choroplethlocation"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The export written once by the command's own entry point."""
    out = tmp_path_factory.mktemp("export") / "site"
    assert export.main([str(out)]) == 0
    return out


@pytest.fixture()
def disk_page(browser, site):
    """index.html opened from file://, recording every request and console error; asserts none left the disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.url_of = (site / "index.html").as_uri()
    yield pg
    context.close()
    assert pg.requests and all(u.startswith(("file://", "data:", "blob:")) for u in pg.requests), pg.requests
    assert pg.errors == [], pg.errors


def _fills(pg) -> list[str]:
    return pg.eval_on_selector_all(FILLS, "ps => ps.map(p => p.style.fill || p.getAttribute('fill'))")


def _drawn(pg, stop: int) -> None:
    pg.wait_for_function("s => document.querySelector('#map .js-plotly-plot').getAttribute('data-drawn-stop') === s",
                         arg=str(stop), timeout=10000)


def _border(pg) -> list:
    return pg.evaluate("() => Array.from(document.querySelector('#map .js-plotly-plot').data[5].lon)")


def test_static_export_from_disk_slider_colours_border_events(disk_page) -> None:
    pg = disk_page
    atlas = load_atlas()
    pg.goto(pg.url_of)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    start = atlas.stop_of("1911-01-01")
    _drawn(pg, start)
    assert pg.inner_text("#date-text") == "1 January 1911"
    assert pg.inner_text("#change-text").startswith("Last change")
    assert pg.locator("#event-list li.event").count() == 6
    fills, border = _fills(pg), _border(pg)
    assert len(fills) == len(atlas.data["units"])
    pg.focus("#year-slider")
    pg.keyboard.press("ArrowRight")
    _drawn(pg, start + 1)
    assert pg.inner_text("#date-text") == date_words(atlas.data["stops"][start + 1], "en")
    target = atlas.stop_of("1915-06-07")     # Outer Mongolia: autonomous; its border with China moves
    for _ in range(target - start - 1):
        pg.keyboard.press("ArrowRight")
    _drawn(pg, target)
    assert pg.inner_text("#date-text") == "7 June 1915"
    assert _fills(pg) != fills
    assert _border(pg) != border
    z = pg.evaluate("() => Array.from(document.querySelector('#map .js-plotly-plot').data[1].z)")
    assert z == figures.map_figure(atlas.data, atlas.units_fc, atlas.context_fc, target)["data"][1]["z"]
    titles = pg.locator("#event-list li.event .event-title").all_inner_texts()
    assert "Tripartite Treaty of Kyakhta" in titles
    assert pg.get_attribute("#year-slider", "aria-valuetext") == "7 June 1915"
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "export-1915-06-07.png"))
    # an event's title moves the slider to its date
    pg.locator("#event-list .event-title", has_text="Sino-Russian agreement on Hulunbuir").click()
    _drawn(pg, atlas.stop_of("1915-11-06"))
    assert pg.input_value("#year-slider") == str(atlas.stop_of("1915-11-06"))
    # the claim switch redraws the border
    before = _border(pg)
    pg.check("input[name=mode][value=claim]")
    pg.wait_for_function("b => document.querySelector('#map .js-plotly-plot').data[5].lon.length !== b",
                         arg=len(before), timeout=10000)


def test_static_export_tour_and_change_buttons(disk_page) -> None:
    pg = disk_page
    stops = load_tour()
    pg.goto(pg.url_of)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    pg.click("#next-change")
    assert pg.inner_text("#date-text") == "1 December 1911"
    pg.click("#tour-start")
    assert pg.inner_text("#tour-caption") == stops[0].caption["en"]
    assert pg.inner_text("#date-text") == date_words(stops[0].date, "en")
    pg.click("#tour-next")
    assert pg.inner_text("#date-text") == date_words(stops[1].date, "en")
    pg.click("#tour-prev")
    assert pg.inner_text("#tour-step") == f"Stop 1 of {len(stops)}"
    pg.goto(pg.url_of + "?tour=1858-05-28,1945-13-01,1924-11-26")
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    assert pg.inner_text("#date-text") == "28 May 1858"
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
    pg.wait_for_selector("#map .choroplethlocation", timeout=15000)
    pg.wait_for_function("() => document.querySelectorAll('#event-list li.event').length > 0", timeout=10000)
    pg.wait_for_function("s => document.querySelector('#map .js-plotly-plot').getAttribute('data-drawn-stop') === s",
                         arg=str(atlas.stop_of(date)), timeout=10000)
    pg.emulate_media(media="print")
    pg.set_viewport_size({"width": PAGE_W, "height": PAGE_H})
    pg.wait_for_function("() => document.querySelector('#map .js-plotly-plot')._fullLayout.width === 680",
                         timeout=10000)
    for sel in ("#map .choroplethlocation", "#legend", "#date-text", "#event-list li.event.current"):
        assert pg.locator(sel).first.is_visible(), sel
    assert pg.inner_text("#date-text") == date_words(date, "en")
    for sel in ("#year-slider", "#play-button", "#next-change", "#mode-switch", "#region-picker", "#downloads",
                "#tour-start", ".modebar-container"):
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
    assert _pdf_pages(pdf) == (2 if table else 1)
    pg.emulate_media(media="screen")
    pg.set_viewport_size({"width": 1280, "height": 800})
    pg.wait_for_function("() => document.querySelector('#map .js-plotly-plot')._fullLayout.width > 700",
                         timeout=10000)
