"""The dashboard in headless Debian Chromium: slider, keys, play, clicks, offline, screenshots."""
from __future__ import annotations

import re

from dashboard import figures
from dashboard.i18n import date_words
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, open_app, wait_drawn


def _fills(pg) -> list[str]:
    return pg.eval_on_selector_all("#map path.unit", "ps => ps.map(p => p.getAttribute('fill'))")


def _border(pg) -> list[int]:
    """Indices of the border edges the map shows."""
    return pg.eval_on_selector_all("#map .border path", "ps => ps.flatMap((p, i) => p.hasAttribute('display') ? [] : [i])")


def expected_fills(stop: int) -> list[str]:
    """The unit colours at a slider position, from the bundle and the colour groups (hatched: the pattern)."""
    data = load_atlas().data
    styles = figures.status_styles(data["statuses"])
    return [("#999999" if s < 0 else f"url(#nba-hatch-{s})" if styles[s]["hatch"] else styles[s]["color"])
            for s in data["states"][data["stopState"][stop]]["s"]]


def test_opens_in_1911_and_looks_finished(page) -> None:
    open_app(page)
    assert page.inner_text("#date-text") == "1 January 1911"
    assert "No region selected" in page.inner_text("#details-panel")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page-1280x800.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / "page-390x844.png"))
    page.screenshot(path=str(ARTIFACTS / "page-390x844-full.png"), full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "page scrolls sideways on a phone"


def test_arrow_keys_move_date_and_map(page) -> None:
    open_app(page)
    atlas = load_atlas()
    thumb = page.locator("#date-slider [role=slider]")
    thumb.focus()
    before = page.inner_text("#date-text")
    start = atlas.stop_of("1911-01-01")
    page.keyboard.press("ArrowRight")
    wait_drawn(page, start + 1)
    assert page.inner_text("#date-text") == date_words(atlas.data["stops"][start + 1], "en")
    assert page.inner_text("#date-text") != before
    # step until Outer Mongolia changes colour: the map follows the keys
    fills = _fills(page)
    target = atlas.stop_of("1912-06-01")
    for _ in range(target - start - 1):
        page.keyboard.press("ArrowRight")
    wait_drawn(page, target)
    assert _fills(page) != fills
    # the map shows each unit's status colour and China's border at that date, from the bundle
    assert _fills(page) == expected_fills(target)
    state = atlas.data["states"][atlas.data["stopState"][target]]
    assert _border(page) == sorted(state["b"]["control"])


def test_drag_slider(page) -> None:
    open_app(page)
    box = page.locator("#date-slider [role=slider]").bounding_box()
    track = page.locator("#date-slider .ts-track").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] * 0.95, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    page.wait_for_function("() => !document.querySelector('#date-text').textContent.endsWith('1911')")
    year = int(page.inner_text("#date-text").split()[-1])
    assert year > 1960


def test_play_and_pause(page) -> None:
    open_app(page, "?year=1900")
    page.click("#play-button")
    page.wait_for_function("() => document.querySelector('#date-text').textContent !== '1 January 1900'",
                           timeout=5000)
    page.wait_for_function("() => document.querySelector('#play-button').textContent === 'Pause'", timeout=5000)
    page.click("#play-button")
    page.wait_for_function("() => document.querySelector('#play-button').textContent === 'Play'", timeout=5000)
    stopped_at = page.inner_text("#date-text")
    page.wait_for_timeout(1000)
    assert page.inner_text("#date-text") == stopped_at


def test_change_buttons_step_through_1921(page) -> None:
    open_app(page, "?year=1921")
    atlas = load_atlas()
    changes_1921 = [atlas.data["stops"][i] for i in atlas.data["changeStops"]
                    if atlas.data["stops"][i].startswith("1921")]
    seen = []
    for _ in changes_1921:
        page.click("#next-change")
        page.wait_for_function("t => document.querySelector('#date-text').textContent !== t",
                               arg=seen[-1] if seen else "1 January 1921")
        seen.append(page.inner_text("#date-text"))
        assert "Changed on this date" in page.inner_text("#change-text")
    assert seen == [date_words(d, "en") for d in changes_1921]
    page.click("#prev-change")
    page.wait_for_function("t => document.querySelector('#date-text').textContent === t",
                           arg=seen[-2] if len(seen) > 1 else seen[-1])


def test_next_change_right_after_keys_counts_from_the_date_shown(page) -> None:
    """Keys move the date at once while Dash hears the value only after a pause: a click on "Next change" straight
    after them steps on from the date the reader sees, not from the one Dash last heard."""
    open_app(page, "?year=1921")
    atlas = load_atlas()
    stops, changes = atlas.data["stops"], atlas.data["changeStops"]
    here = atlas.stop_of("1921-01-01")
    page.locator("#date-slider [role=slider]").focus()
    keyed = here
    for _ in range(3):   # past the next change, so that a stale start gives another answer
        page.keyboard.press("ArrowRight")
        keyed += 1
    page.wait_for_function("w => document.querySelector('#date-text').textContent === w",
                           arg=date_words(stops[keyed], "en"))
    page.click("#next-change")   # within Dash's 500 ms pause: it still holds 1 January 1921
    want = next(c for c in changes if c > keyed)
    assert want != next(c for c in changes if c > here)
    page.wait_for_function("w => document.querySelector('#date-text').textContent === w",
                           arg=date_words(stops[want], "en"), timeout=10000)


def test_click_unit_fills_details(page) -> None:
    open_app(page, "?year=1925")
    path = page.locator("#map path.unit[data-unit=outer_mongolia]")
    box = path.bounding_box()   # west of centre: the middle of Mongolia holds the Urga event marker
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    page.wait_for_function("() => document.querySelector('#details-panel').textContent.includes('Outer Mongolia')")
    text = page.inner_text("#details-panel")
    for phrase in ("Since", "Claimed by", "Area", "km²", "Border", "Status through time", "Events that changed it"):
        assert phrase in text, phrase
    assert page.locator("#map path.unit.is-selected").get_attribute("data-unit") == "outer_mongolia"
    page.click("#clear-selection")
    page.wait_for_function("() => document.querySelector('#details-panel').textContent.includes('No region')")
    page.wait_for_function("() => !document.querySelector('#map path.unit.is-selected')")


def test_click_event_moves_date(page) -> None:
    open_app(page, "?year=1911")
    button = page.locator("#event-list button.event-title").last
    title = button.inner_text()
    item = button.locator("xpath=..")
    when = item.locator("time").get_attribute("datetime")
    button.click()
    page.wait_for_function("w => document.querySelector('#date-text').textContent === w",
                           arg=date_words(when, "en"))
    page.wait_for_selector("#map g.event.chosen")
    assert page.locator("#map g.event.chosen").count() == 1
    assert page.locator("#map g.event.chosen text").text_content() == title
    assert "chosen" in page.locator("#event-list li.chosen").get_attribute("class")


def test_query_parameters(page) -> None:
    open_app(page, "?date=1945-08-09")
    page.wait_for_function("() => document.querySelector('#date-text').textContent === '9 August 1945'")
    open_app(page, "?year=banana")
    page.wait_for_selector("#url-notice:not(:empty)")
    assert "not a year" in page.inner_text("#url-notice")
    assert page.inner_text("#date-text") == "1 January 1911"


def test_claim_switch_redraws_border(page) -> None:
    open_app(page, "?year=1930")
    atlas = load_atlas()
    state = atlas.data["states"][atlas.data["stopState"][atlas.stop_of("1930-01-01")]]
    assert _border(page) == sorted(state["b"]["control"])
    page.check("#mode-switch input[value=claim]")
    page.wait_for_function("n => document.querySelectorAll('#map .border path:not([display])').length === n",
                           arg=len(state["b"]["claim"]))
    assert _border(page) == sorted(state["b"]["claim"]) != sorted(state["b"]["control"])
    assert re.match(r"1 January 1930", page.inner_text("#date-text"))
