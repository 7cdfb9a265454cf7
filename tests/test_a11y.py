"""Accessibility in headless Chromium: axe-core in each language, keyboard only with a visible focus,
announcements for screen readers, the text view of the map, meaning not carried by colour alone."""
from __future__ import annotations

import json

import geodata
import pytest
from axe_playwright_python.sync_playwright import Axe

from dashboard import figures
from dashboard.data import load_atlas
from dashboard.i18n import data_text, date_words, t
from tests.conftest import ARTIFACTS
from tests.test_browser_classroom import _open

ATLAS = load_atlas()
BLOCKING = ("serious", "critical")


@pytest.mark.parametrize("query", ["?lang=en", "?lang=zh&region=outer_mongolia&date=1921-07-11", "?lang=mn&year=1945",
                                   "?lang=zh&embed=1"])
def test_axe_finds_no_serious_or_critical_violation(page, query) -> None:
    _open(page, query)
    page.wait_for_timeout(800)   # the slider and dropdown load asynchronously; atlas.js labels them
    results = Axe().run(page)
    violations = results.response["violations"]
    summary = {"query": query, "violations": {v["id"]: {"impact": v["impact"], "nodes": len(v["nodes"])}
                                              for v in violations},
               "passes": len(results.response["passes"]), "incomplete": len(results.response["incomplete"])}
    ARTIFACTS.mkdir(exist_ok=True)
    name = query.lstrip("?").replace("&", "_").replace("=", "-")
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    blocking = [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations
                if v["impact"] in BLOCKING]
    assert blocking == [], blocking


VISIBLE_FOCUS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    const r = e.getBoundingClientRect();
    return {id: e.id, tag: e.tagName, cls: String(e.className), name: e.getAttribute('name'),
            role: e.getAttribute('role'), text: (e.textContent || '').trim().slice(0, 30), ring: ring,
            shown: r.width > 0 && r.height > 0};
}"""


def test_keyboard_reaches_every_control_with_a_visible_focus(page) -> None:
    _open(page, "?year=1921")
    page.wait_for_timeout(800)
    seen, bad = [], []
    for _ in range(45):
        page.keyboard.press("Tab")
        info = page.evaluate(VISIBLE_FOCUS)
        if info is None:
            continue
        seen.append(info)
        if not (info["ring"] and info["shown"]):
            bad.append(info)
    assert bad == [], f"focused without a visible focus indicator: {bad}"
    ids = {i["id"] for i in seen}
    for control in ("play-button", "prev-change", "next-change", "share-button", "embed-button", "region-picker",
                    "clear-selection"):
        assert control in ids, f"Tab never reached #{control}"
    assert any(i["role"] == "slider" for i in seen)
    assert any(i["name"] == "mode-switch" for i in seen)
    assert any("lang-link" in i["cls"] for i in seen)
    assert any("skip-link" in i["cls"] for i in seen)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "keyboard-focus.png"))


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_use(page) -> None:
    atlas = ATLAS
    _open(page, "?year=1921")
    page.wait_for_timeout(800)
    # skip link, then the slider: arrows move the date; the thumb says the date in words
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    _tab_to(page, "#date-slider [role=slider]")
    start = atlas.stop_of("1921-01-01")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("w => document.querySelector('#date-text').textContent === w",
                           arg=date_words(atlas.data["stops"][start + 1], "en"))
    thumb = page.locator("#date-slider [role=slider]")
    assert thumb.get_attribute("aria-valuetext") == date_words(atlas.data["stops"][start + 1], "en")
    assert thumb.get_attribute("aria-label") == "Date"
    # Play with Enter, pause with Space
    _tab_to(page, "#play-button")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#play-button').textContent === 'Pause'")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('#play-button').textContent === 'Play'")
    # the border switch: arrow keys within the radio group
    _tab_to(page, "#mode-switch input")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => window.location.search.includes('mode=claim')")
    # a region from the picker
    _tab_to(page, "#region-picker")
    page.keyboard.press("Enter")   # opens the list with the focus in its search box
    page.wait_for_function("() => document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.activeElement.closest('[role=option], .dash-options-list-option')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.location.search.includes('region=')")
    assert page.evaluate("() => document.activeElement.id") == "region-picker"   # focus comes back
    page.wait_for_selector("#details-panel .unit-name")
    # an event from the list moves the map to its date
    page.focus("#event-list button.event-title")
    when = page.locator("#event-list button.event-title").first.locator("xpath=..").locator("time") \
        .get_attribute("datetime")
    page.keyboard.press("Enter")
    page.wait_for_function("w => document.querySelector('#date-text').textContent === w",
                           arg=date_words(when, "en"))


def test_date_and_changes_are_announced(page) -> None:
    target = ATLAS.stop_of("1921-07-11")   # Outer Mongolia's status changed that day
    before = ATLAS.data["stops"][target - 1]
    _open(page, f"?date={before}&lang=zh")
    live = page.locator("#announce")
    assert live.get_attribute("role") == "status"
    page.locator("#date-slider [role=slider]").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#announce').textContent.startsWith('1921年7月11日')")
    text = live.inner_text()
    assert text.startswith("1921年7月11日。")
    zh, state = ATLAS.texts["zh"], ATLAS.data["states"][ATLAS.data["stopState"][target]]
    for unit, _old, new in state["changes"]:   # each change named: the region and its new status
        assert zh["units"][unit] in text and zh["statuses"][new] in text
    assert "本日发生变化" in text and data_text("zh", "units", "outer_mongolia", "name")[0] in text
    # the details panel is not read out whole: a region's choice is said in one sentence (test_browser_firstsight)
    assert page.get_attribute("#details-panel", "aria-live") is None
    assert page.get_attribute("#region-announce", "role") == "status"
    assert page.get_attribute("#url-notice", "role") == "status"


@pytest.mark.parametrize(("lang", "when"), [("en", "1921-07-11"), ("zh", "1858-05-28"), ("mn", "1945-08-09")])
def test_text_view_lists_what_the_map_shows(page, lang, when) -> None:
    _open(page, f"?lang={lang}&date=1911-01-01")
    # move there client-side (the table follows the slider), then compare with geodata itself
    page.evaluate("i => window.dash_clientside.set_props('year-slider', {value: i})", ATLAS.stop_of(when))
    page.wait_for_function("w => document.querySelector('#text-view-caption').textContent.includes(w)",
                           arg=date_words(when, lang))
    rows = page.eval_on_selector_all("#text-view-body tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")
    expected = geodata.status_at(when)
    assert len(rows) == len(expected)
    by_unit = {r.region: r for r in expected.itertuples()}
    units = page.eval_on_selector_all("#text-view-body tr", "rs => rs.map(r => r.dataset.unit)")
    for unit, (name, status, since, claims) in zip(units, rows):
        row = by_unit[unit]
        assert name == data_text(lang, "units", unit, "name")[0]
        assert status == data_text(lang, "statuses", row.status, "label")[0]
        assert since == date_words(row.since, lang)
        want = [data_text(lang, "claimants", c, "label")[0] for c in row.claimed_by.split(",") if c]
        assert claims == (t(lang, "punct.list_sep").join(want) if want else t(lang, "text_view.none"))
    assert page.locator("#text-view th[scope=col]").count() == 4


def test_colour_is_never_the_only_carrier(page) -> None:
    _open(page, "?date=1921-07-11")
    labels = page.eval_on_selector_all("#legend li", "ls => ls.map(l => l.innerText.trim())")
    assert all(labels) and len(labels) == len(figures.STATUS_GROUPS) + 4
    assert page.locator("#legend li .swatch.hatched").count() == 1   # contested: a pattern as well as a colour
    # the event on this date says so in words, not only with its orange edge
    current = page.locator("#event-list li.current")
    assert current.count() >= 1 and "on this date" in current.first.inner_text()
    # statuses in words: the text view, and the map's hover text
    assert page.locator("#text-view-body td").first.inner_text().strip() != ""
    box = page.locator("#map path.unit[data-unit=outer_mongolia]").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    page.wait_for_selector("#map .map-tip:not([hidden])")
    tip = page.locator("#map .map-tip span")
    i = ATLAS.data["units"].index("outer_mongolia")
    status = ATLAS.data["states"][ATLAS.data["stopState"][ATLAS.stop_of("1921-07-11")]]["s"][i]
    assert tip.first.inner_text().startswith(ATLAS.texts["en"]["statuses"][status])
