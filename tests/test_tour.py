"""The guided tour: geodata/tour.yaml and its loader, and the tour in the browser (built in and from ?tour=)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

import geodata
from dashboard import figures
from dashboard.data import load_atlas
from dashboard.tour import TOUR_KEYS, tour_data
from geodata.errors import DataError
from geodata.tour import load_tour
from tests.conftest import ARTIFACTS, MAP_READY, open_app

EVENTS = {e.id: e for e in geodata.load_events()}
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_built_in_tour_covers_the_key_moments() -> None:
    stops = load_tour(event_ids=set(EVENTS))
    assert 10 <= len(stops) <= 16
    years = [s.date.year for s in stops]
    for year in (1689, 1727, 1858, 1860, 1864, 1911, 1915, 1919, 1921, 1924, 1932, 1946, 1953, 2002, 2008):
        assert year in years, year
    assert years == sorted(years)


def test_each_stop_is_an_event_date_with_captions_in_english_and_chinese() -> None:
    for stop in load_tour():
        assert EVENTS[stop.event].date == stop.date, stop.event
        en, zh = stop.caption["en"], stop.caption["zh"]
        assert 30 <= len(en) <= 260 and not CJK.search(en), stop.event
        assert 10 <= len(zh) <= 120 and CJK.search(zh), stop.event


def test_tour_data_puts_each_stop_on_its_own_slider_step() -> None:
    atlas = load_atlas()
    data = tour_data(atlas)
    assert [s["date"] for s in data["stops"]] == [atlas.data["stops"][s["stop"]] for s in data["stops"]]
    assert set(data["strings"]) == {"en", "zh", "mn"}
    for strings in data["strings"].values():
        assert set(strings) == set(TOUR_KEYS) and all(strings.values())
        assert "{i}" in strings["step"] and "{n}" in strings["step"] and "{list}" in strings["dropped"]


@pytest.mark.parametrize("text, problem", [
    ("", "is empty"),
    ("{a: 1}", "non-empty list"),
    ("- {date: '1911-13-01', event: x, caption: {en: a, zh: b}}", "stop #1"),
    ("- {date: '1600-01-01', event: x, caption: {en: a, zh: b}}", "outside"),
    ("- {date: '1911-12-01', caption: {en: a, zh: b}}", "lacks an event"),
    ("- {date: '1911-12-01', event: x, caption: {en: a}}", "lacks a caption in zh"),
    ("- {date: '1911-12-01', event: x, caption: text}", "caption mapping"),
    ("- {date: '1911-12-01', event: nope, caption: {en: a, zh: b}}", "unknown event 'nope'"),
    ("- {date: '1911-12-01', event: x, caption: {en: a, zh: b}}\n"
     "- {date: '1858-05-28', event: x, caption: {en: a, zh: b}}", "not after"),
    ("- [unclosed", "not valid YAML"),
])
def test_broken_tour_files_raise_data_error_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "tour.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_tour(path, event_ids={"x"})
    assert "tour.yaml" in str(err.value) and problem in str(err.value)


def test_missing_tour_file_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="tour.yaml: file is missing"):
        load_tour(tmp_path / "tour.yaml")


# --- in the browser -------------------------------------------------------------------------------------------

def _at(pg, iso: str) -> None:
    """Wait until the page shows a date and the map has been redrawn for it."""
    stop = load_atlas().stop_of(iso)
    pg.wait_for_function("s => document.querySelector('#map .js-plotly-plot').getAttribute('data-drawn-stop') === s",
                         arg=str(stop), timeout=10000)
    assert pg.inner_text("#date-text") == figures.date_in_words(load_atlas().data["stops"][stop])


def test_tour_steps_forward_and_back(page) -> None:
    pg = page
    stops = load_tour()
    open_app(pg)
    assert not pg.is_visible("#tour-next") and not pg.is_visible("#tour-caption")
    pg.click("#tour-start")
    _at(pg, stops[0].date.isoformat())
    assert pg.inner_text("#tour-caption") == stops[0].caption["en"]
    assert pg.inner_text("#tour-step") == f"Stop 1 of {len(stops)}"
    assert pg.is_disabled("#tour-prev") and pg.is_enabled("#tour-next")
    pg.click("#tour-next")
    _at(pg, stops[1].date.isoformat())
    pg.click("#tour-next")
    _at(pg, stops[2].date.isoformat())
    assert pg.inner_text("#tour-caption") == stops[2].caption["en"]
    assert pg.inner_text("#tour-step") == f"Stop 3 of {len(stops)}"
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "tour-stop-3.png"))
    pg.click("#tour-prev")
    _at(pg, stops[1].date.isoformat())
    assert pg.inner_text("#tour-caption") == stops[1].caption["en"]
    for i in range(2, len(stops)):  # to the end, one stop at a time: each click waits for the stop it shows
        expect(pg.locator("#tour-next")).to_be_enabled()
        pg.click("#tour-next")
        expect(pg.locator("#tour-step")).to_have_text(f"Stop {i + 1} of {len(stops)}")
    _at(pg, stops[-1].date.isoformat())
    assert pg.is_disabled("#tour-next")
    assert pg.inner_text("#tour-step") == f"Stop {len(stops)} of {len(stops)}"
    pg.click("#tour-exit")
    pg.wait_for_selector("#tour-caption", state="hidden")
    assert pg.inner_text("#date-text") == figures.date_in_words(stops[-1].date)   # exit leaves the map where it is


def test_tour_captions_in_chinese(page) -> None:
    pg = page
    stops = load_tour()
    open_app(pg, "?lang=zh")
    pg.click("#tour-start")
    pg.wait_for_function("t => document.querySelector('#tour-caption').textContent === t",
                         arg=stops[0].caption["zh"], timeout=10000)
    pg.click("#tour-next")
    pg.wait_for_function("t => document.querySelector('#tour-caption').textContent === t",
                         arg=stops[1].caption["zh"], timeout=10000)
    assert pg.inner_text("#tour-step") == f"第 2 站，共 {len(stops)} 站"


def test_custom_tour_from_the_url(page) -> None:
    pg = page
    open_app(pg, "?tour=1858-05-28,not-a-date,1860-11-14,1600-01-01,1911-12-01,1911-02-30")
    _at(pg, "1858-05-28")
    assert pg.inner_text("#tour-step") == "Stop 1 of 3"
    assert "Treaty of Aigun" in pg.inner_text("#tour-caption")
    notice = pg.inner_text("#tour-notice")
    for bad in ("not-a-date", "1600-01-01", "1911-02-30"):
        assert bad in notice
    assert "“1858-05-28”" not in notice and "“1860-11-14”" not in notice
    assert pg.inner_text("#tour-start") == "Tour from the link"
    pg.click("#tour-next")
    _at(pg, "1860-11-14")
    pg.click("#tour-next")
    _at(pg, "1911-12-01")
    assert "Outer Mongolia declares independence" in pg.inner_text("#tour-caption")
    assert pg.is_disabled("#tour-next")
    pg.click("#tour-prev")
    _at(pg, "1860-11-14")
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "tour-custom.png"))


def test_custom_tour_date_between_steps_and_no_usable_date(page) -> None:
    pg = page
    open_app(pg, "?tour=1913-06-15")
    atlas = load_atlas()
    shown = atlas.data["stops"][atlas.stop_of("1913-06-15")]
    _at(pg, shown)
    assert figures.date_in_words(shown) in pg.inner_text("#tour-caption")
    open_app(pg, "?tour=garbage,,2100-01-01")
    pg.wait_for_function("() => document.querySelector('#tour-notice').textContent.length > 0", timeout=10000)
    assert "garbage" in pg.inner_text("#tour-notice") and "built-in tour" in pg.inner_text("#tour-notice")
    assert not pg.is_visible("#tour-caption")
    assert pg.inner_text("#date-text") == "1 January 1911"


def test_custom_tour_survives_a_reload(page) -> None:
    pg = page
    open_app(pg, "?tour=1858-05-28,1860-11-14,1911-12-01")
    _at(pg, "1858-05-28")
    pg.click("#tour-next")
    _at(pg, "1860-11-14")
    # the address follows the view and keeps the tour, so a reload (or a shared link) resumes at this stop
    pg.wait_for_function("() => location.search.includes('date=1860-11-14')", timeout=5000)
    assert "tour=1858-05-28%2C1860-11-14%2C1911-12-01" in pg.evaluate("() => location.search")
    pg.reload()
    pg.wait_for_selector(MAP_READY, timeout=15000)
    _at(pg, "1860-11-14")
    assert pg.inner_text("#tour-step") == "Stop 2 of 3"
    assert pg.is_enabled("#tour-prev") and pg.is_enabled("#tour-next")
