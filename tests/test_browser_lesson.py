"""Lesson tools in Chromium, in the served page and in the static export from disk: ?compare= (a second map beside
the first, both dated, one legend, the list of what changed with the events in between; the control, the address,
Share and Embed; stacked on a phone) and ?lock=FROM..TO (a date outside moved inside with a notice; the slider,
End, next change, Play and the tour kept inside; the note of the range)."""
from __future__ import annotations

import pytest

from dashboard.data import load_atlas
from dashboard.i18n import date_words
from geodata.tour import load_tour
from tests.conftest import ARTIFACTS, open_app, wait_drawn
from tests.test_browser import expected_fills
from tests.test_browser_export import _open as open_export
from tests.test_browser_export import disk_page, site  # noqa: F401  (fixtures: the export written once, a file:// page)

SHOTS = ARTIFACTS / "compare"
ATLAS = load_atlas()
LO, HI = ATLAS.stop_of("1911-01-01"), ATLAS.stop_of("1946-12-31")


def expected_changes(a: str, b: str) -> list[str]:
    """Units whose status or claimants differ between the maps of two dates, read from the bundle."""
    d = ATLAS.data
    sa, sb = (d["states"][d["stopState"][ATLAS.stop_of(x)]] for x in (a, b))
    return [u for i, u in enumerate(d["units"]) if sa["s"][i] != sb["s"][i] or sorted(sa["c"][i]) != sorted(sb["c"][i])]


def _fills(pg, sel: str) -> list[str]:
    return pg.eval_on_selector_all(f"{sel} path.unit", "ps => ps.map(p => p.getAttribute('fill'))")


def _shown(pg) -> int:
    return int(pg.get_attribute("#map", "data-drawn-stop"))


def _opened(pg, served: bool, query: str) -> None:
    if served:
        open_app(pg, query)
    else:
        open_export(pg, query)


def _check_compare(pg, served: bool, name: str) -> None:
    """?year=1911&compare=1946: both maps dated, the second map's colours, one legend, the changes listed."""
    _opened(pg, served, "?year=1911&compare=1946")
    pg.wait_for_selector("#compare-list li.compare-unit", timeout=15000)
    assert pg.inner_text("#compare-date-a") == "1 January 1911" == pg.inner_text("#date-text")
    assert pg.inner_text("#compare-date-b") == "1 January 1946"
    assert pg.inner_text("#compare-heading") == "What changed from 1 January 1911 to 1 January 1946"
    assert _fills(pg, "#compare-map") == expected_fills(ATLAS.stop_of("1946-01-01"))
    assert _fills(pg, "#map") == expected_fills(LO)
    assert pg.locator("ul.legend").count() == 1 and pg.locator("#compare-map svg defs pattern").count() == 0
    units = pg.eval_on_selector_all("#compare-list li.compare-unit", "ls => ls.map(l => l.dataset.unit)")
    assert units == expected_changes("1911-01-01", "1946-01-01") and "outer_mongolia" in units
    om = pg.locator("#compare-list li[data-unit=outer_mongolia]")
    assert om.locator(".compare-name").inner_text() == "Outer Mongolia"
    assert om.locator(".compare-status-line").inner_text() == "Qing Empire → Independent in practice, claimed by China"
    assert om.locator(".compare-claims").inner_text() == "Also claimed by: — → Republic of China"
    assert pg.locator("#compare-list li[data-unit=mengjiang] .compare-claims").count() == 0   # no claimant either date
    events = om.locator(".compare-events li").all_inner_texts()
    assert "7 June 1915 Tripartite Treaty of Kyakhta" in events and len(events) >= 5
    # the two maps side by side, the same size
    a, b = pg.locator("#map").bounding_box(), pg.locator("#compare-map").bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"] and abs(a["width"] - b["width"]) < 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}-1280x800.png"))
    pg.evaluate("() => window.scrollTo(0, document.getElementById('compare-changes').getBoundingClientRect().top + window.scrollY - 10)")
    pg.screenshot(path=str(SHOTS / f"{name}-changes-1280x800.png"))
    pg.evaluate("() => window.scrollTo(0, 0)")
    # the first map follows the slider; the list follows the first date
    nxt = ATLAS.stop_of("1911-12-01")
    pg.click("#next-change")
    wait_drawn(pg, nxt, 15000)
    pg.wait_for_function("() => document.getElementById('compare-date-a').textContent === '1 December 1911'")
    pg.wait_for_function("() => document.getElementById('compare-heading').textContent === "
                         "'What changed from 1 December 1911 to 1 January 1946'")   # the list follows once the slider rests
    assert pg.eval_on_selector_all("#compare-list li.compare-unit", "ls => ls.map(l => l.dataset.unit)") == \
        expected_changes("1911-12-01", "1946-01-01")
    # the control sets it: a typed date, a bad one, stop comparing
    pg.fill("#compare-input", "1921-07-11")
    pg.press("#compare-input", "Enter")
    pg.wait_for_function("() => document.getElementById('compare-date-b').textContent === '11 July 1921'")
    assert _fills(pg, "#compare-map") == expected_fills(ATLAS.stop_of("1921-07-11"))
    pg.fill("#compare-input", "1921-02-30")
    pg.click("#compare-go")
    assert "“1921-02-30” is not a year or a date between 1689 and 2008" in pg.inner_text("#compare-status")
    assert pg.inner_text("#compare-date-b") == "11 July 1921"
    # phone: the second map under the first, nothing wider than the screen
    pg.set_viewport_size({"width": 390, "height": 844})
    pg.wait_for_function("() => { const a = document.getElementById('map').getBoundingClientRect(),"
                         " b = document.getElementById('compare-map').getBoundingClientRect();"
                         " return b.top >= a.bottom - 1 && Math.abs(a.left - b.left) < 2; }")
    # (the status table below is the page's own: at 1 December 1911 it is a few pixels wider than a phone)
    for sel in ("#lesson-bar", "#map", "#compare-box", "#compare-changes", "#compare-list li.compare-unit"):
        box = pg.locator(sel).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390.5, (sel, box)
    pg.locator("#map").scroll_into_view_if_needed()
    pg.evaluate("() => window.scrollTo(0, document.getElementById('map').getBoundingClientRect().top + window.scrollY - 60)")
    pg.screenshot(path=str(SHOTS / f"{name}-390x844.png"))
    pg.set_viewport_size({"width": 1280, "height": 800})
    pg.click("#compare-clear")
    pg.wait_for_selector("#compare-box", state="hidden")
    assert pg.locator("#compare-changes").is_hidden() and pg.input_value("#compare-input") == ""


def test_compare_two_dates_in_the_served_page(page) -> None:
    _check_compare(page, True, "served")
    # the address keeps it; Share and Embed carry it
    page.fill("#compare-input", "1946")
    page.press("#compare-input", "Enter")
    page.wait_for_function("() => location.search.includes('compare=1946')")
    assert page.evaluate("location.search") == "?date=1911-12-01&compare=1946"
    page.click("#share-button")
    assert page.input_value("#share-link").endswith("/?date=1911-12-01&compare=1946")
    page.click("#embed-button")
    assert "?date=1911-12-01&amp;compare=1946&amp;embed=1" in page.input_value("#embed-code")
    # the same comparison in Chinese and Mongolian: dates in words, texts and names in the language
    for lang, a, b, heading, name in (("zh", "1911年1月1日", "1946年1月1日", "从1911年1月1日到1946年1月1日的变化", "外蒙古"),
                                      ("mn", date_words("1911-01-01", "mn"), date_words("1946-01-01", "mn"),
                                       f"Өөрчлөлт: {date_words('1911-01-01', 'mn')} → {date_words('1946-01-01', 'mn')}",
                                       "Ар Монгол")):
        open_app(page, f"?year=1911&compare=1946&lang={lang}")
        page.wait_for_selector("#compare-list li.compare-unit")
        assert (page.inner_text("#compare-date-a"), page.inner_text("#compare-date-b")) == (a, b)
        assert page.inner_text("#compare-heading") == heading
        assert page.locator("#compare-list li[data-unit=outer_mongolia] .compare-name").inner_text() == \
            ATLAS.texts[lang]["units"][ATLAS.data["units"].index("outer_mongolia")]
        assert "Events in between" not in page.inner_text("#compare-changes")   # no English left
        assert page.locator("label[for=compare-input]").inner_text() != "Compare with…"
        page.screenshot(path=str(SHOTS / f"served-{lang}-1280x800.png"))
    # the embedded view (a 640x480 frame): both maps side by side, the list left to the full page
    page.set_viewport_size({"width": 640, "height": 480})
    open_app(page, "?year=1911&compare=1946&lock=1911..1946&embed=1")
    page.wait_for_selector("#compare-list li", state="attached")
    a, b = page.locator("#map").bounding_box(), page.locator("#compare-map").bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"] and b["x"] + b["width"] <= 640
    assert page.locator("#compare-changes").is_hidden() and page.locator("#lock-note").is_visible()
    page.screenshot(path=str(SHOTS / "served-embed-640x480.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    # a bad value: no comparison, a notice
    open_app(page, "?year=1911&compare=banana")
    assert "“banana” is not a year or a date between 1689 and 2008 to compare with" in page.inner_text("#url-notice")
    assert page.locator("#compare-box").is_hidden()


def test_compare_two_dates_in_the_static_export(disk_page) -> None:
    _check_compare(disk_page, False, "export")
    open_export(disk_page, "?year=1911&compare=banana")
    disk_page.wait_for_function("() => document.getElementById('url-notice').textContent.includes('banana')")
    assert disk_page.locator("#compare-box").is_hidden()


def _check_lock(pg, served: bool, name: str) -> None:
    """?lock=1911..1946&year=1900: moved to 1911 with a notice; End, next change, Play, dragging and the tour stay inside."""
    _opened(pg, served, "?lock=1911..1946&year=1900")
    wait_drawn(pg, LO, 15000)
    pg.wait_for_selector("#lock-note:not([hidden])")
    assert pg.inner_text("#date-text") == "1 January 1911"
    assert "1 January 1900 is outside the lesson's range (1911 – 1946); showing 1 January 1911." in pg.inner_text("#url-notice")
    assert pg.inner_text("#lock-note").startswith("Lesson range: 1911 – 1946.")
    thumb = "#date-slider [role=slider]"   # atlas.js draws the slider in the served page and the export alike
    pg.focus(thumb)
    pg.keyboard.press("End")
    wait_drawn(pg, HI, 15000)
    assert pg.inner_text("#date-text") == date_words(ATLAS.data["stops"][HI], "en")
    pg.keyboard.press("ArrowRight")
    pg.keyboard.press("Home")
    wait_drawn(pg, LO, 15000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}-lock-1280x800.png"))
    # next change goes to the range's last change, and no further
    last_change = max(s for s in ATLAS.data["changeStops"] if s <= HI)
    before = max(s for s in ATLAS.data["changeStops"] if s < last_change)
    _opened(pg, served, f"?lock=1911..1946&date={ATLAS.data['stops'][before]}")
    wait_drawn(pg, before, 15000)
    pg.click("#next-change")
    wait_drawn(pg, last_change, 15000)
    pg.click("#next-change")   # the next change is after the range: it stays (had it moved, "previous" would not
    pg.click("#prev-change")   # come back to `before`)
    wait_drawn(pg, before, 15000)
    # Play stops at the range's end
    pg.click("#play-button")
    wait_drawn(pg, HI, 15000)
    pg.wait_for_function("() => document.getElementById('play-button').textContent === 'Play'")
    # Play at the end starts again at the range's start, not at 1689
    pg.click("#play-button")
    pg.wait_for_function("s => +document.getElementById('map').getAttribute('data-drawn-stop') < s", arg=HI)
    pg.click("#play-button")
    pg.wait_for_function("() => document.getElementById('play-button').textContent === 'Play'")
    assert LO <= _shown(pg) <= HI
    # dragging far to the left stops at the range's start
    track = pg.locator("#date-slider .ts-track").bounding_box()
    pg.mouse.click(track["x"] + 3, track["y"] + track["height"] / 2)
    wait_drawn(pg, LO, 15000)
    # the tour keeps to its stops inside the range
    inside = [s for s in (ATLAS.stop_of(t.date.isoformat()) for t in load_tour()) if LO <= s <= HI]
    pg.click("#tour-start")
    for n, stop in enumerate(inside, 1):
        wait_drawn(pg, stop, 15000)
        assert pg.inner_text("#tour-step") == f"Stop {n} of {len(inside)}"
        if n < len(inside):
            pg.click("#tour-next")
    assert pg.is_disabled("#tour-next")
    pg.click("#tour-exit")


def test_lock_in_the_served_page(page) -> None:
    _check_lock(page, True, "served")
    assert "&lock=1911..1946" in page.evaluate("location.search")
    page.click("#embed-button")
    assert "&amp;lock=1911..1946" in page.input_value("#embed-code") and "embed=1" in page.input_value("#embed-code")
    # Chinese: the note and the notice in the language
    open_app(page, "?lock=1911..1946&year=1900&lang=zh")
    page.wait_for_selector("#lock-note:not([hidden])")
    assert page.inner_text("#lock-note").startswith("课程范围：1911年至1946年。")
    assert "1900年1月1日超出课程范围" in page.inner_text("#url-notice")
    # a date to compare with outside the range is moved inside too
    open_app(page, "?lock=1911..1946&year=1921&compare=1960")
    page.wait_for_selector("#compare-list li")
    assert page.inner_text("#compare-date-b") == date_words(ATLAS.data["stops"][HI], "en")
    assert "comparing with 3 May 1946" in page.inner_text("#url-notice")
    # and so is a typed one
    page.fill("#compare-input", "1700")
    page.press("#compare-input", "Enter")
    page.wait_for_function("() => document.getElementById('compare-date-b').textContent === '1 January 1911'")
    assert "1 January 1700 is outside the lesson's range (1911 – 1946); comparing with 1 January 1911." == \
        page.inner_text("#compare-status")
    page.wait_for_function("() => location.search.includes('compare=1911&')")


def test_lock_in_the_static_export(disk_page) -> None:
    _check_lock(disk_page, False, "export")
    open_export(disk_page, "?lock=1946..1911")
    disk_page.wait_for_function("() => document.getElementById('url-notice').textContent.includes('1946..1911')")
    assert "is not a lesson range like 1911..1946" in disk_page.inner_text("#url-notice")
    assert disk_page.locator("#lock-note").is_hidden()
