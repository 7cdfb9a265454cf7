"""Classroom use in headless Chromium: the view in the URL, Share and Embed, embed mode, languages."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard import figures
from dashboard.data import load_atlas
from dashboard.i18n import HTML_LANG, date_words, t
from dashboard.query import View, view_query
from tests.conftest import ARTIFACTS, MAP_READY, finish_page, new_page

ATLAS = load_atlas()
STOPS = [figures.to_date(s) for s in ATLAS.data["stops"]]


def _open(pg, query: str = "") -> None:
    pg.goto(pg.base + "/" + query)
    pg.wait_for_selector(MAP_READY, state="attached", timeout=15000)
    pg.wait_for_function("() => document.querySelectorAll('#text-view-body tr').length > 0", timeout=10000)


def _wait_url(pg, fragment: str) -> None:
    pg.wait_for_function("f => window.location.search.includes(f)", arg=fragment, timeout=5000)


def test_url_follows_the_slider_region_and_mode_without_reloading(page) -> None:
    _open(page)
    page.evaluate("() => { window.__sameDocument = true; window.__history = history.length; }")
    start = ATLAS.stop_of("1911-01-01")
    page.locator("#date-slider [role=slider]").focus()
    posts_before = len(page.posts)
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    target = start + 4
    expected = view_query(View(stop=target), STOPS)
    _wait_url(page, expected.lstrip("?"))
    assert len(page.posts) == posts_before, "moving the slider called the server"
    # region from the picker (as a keyboard or mouse user would), then the claims switch
    page.click("#region-picker")
    page.get_by_role("option", name="Outer Mongolia", exact=True).click()
    _wait_url(page, "region=outer_mongolia")
    page.check("#mode-switch input[value=claim]")
    _wait_url(page, "mode=claim")
    assert page.evaluate("() => window.__sameDocument") is True, "the page reloaded"
    assert page.evaluate("() => history.length === window.__history"), "moving added history entries"
    url = page.url
    assert "?" + urlparse(url).query == view_query(View(stop=target, region="outer_mongolia", mode="claim"), STOPS)
    # the copied address opens the same view
    other = new_page(page.context.browser, page.base)
    try:
        other.goto(url)
        other.wait_for_selector(MAP_READY, state="attached", timeout=15000)
        assert other.inner_text("#date-text") == date_words(STOPS[target], "en")
        assert "Outer Mongolia" in other.inner_text("#details-panel")
        assert other.is_checked("#mode-switch input[value=claim]")
        claim = sorted(ATLAS.data["states"][ATLAS.data["stopState"][target]]["b"]["claim"])
        other.wait_for_function("n => document.querySelectorAll('#map .border path:not([display])').length === n",
                                arg=len(claim))
        assert other.eval_on_selector_all("#map .border path", "ps => ps.flatMap((p, i) => "
                                          "p.hasAttribute('display') ? [] : [i])") == claim
        assert other.get_attribute("#map path.unit.is-selected", "data-unit") == "outer_mongolia"
        assert other.url == url
    finally:
        finish_page(other)


def test_invalid_values_fall_back_with_a_notice(page) -> None:
    _open(page, "?date=1921-13-45&region=atlantis&mode=sideways&lang=xx&embed=2&colour=red")
    notice = page.inner_text("#url-notice")
    for words in ("“1921-13-45” is not a date", "“atlantis” is not a region", "“sideways” is not a border setting",
                  "“xx” is not a language", "“2” is not an embed setting", "unknown setting “colour”"):
        assert words in notice
    assert page.inner_text("#date-text") == "1 January 1911"
    assert page.get_attribute("html", "lang") == "en"
    assert page.is_checked("#mode-switch input[value=control]")
    assert "No region selected" in page.inner_text("#details-panel")
    assert page.is_visible(".side-col"), "a bad embed value must show the full page"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "notice-invalid-url.png"))
    # the same in Chinese: the notice follows the page's language
    _open(page, "?lang=zh&year=banana")
    assert page.inner_text("#url-notice") == "“banana”不是年份；显示1911年。"


@pytest.fixture()
def clip_page(browser, live_server):
    pg = new_page(browser, live_server)
    pg.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    yield pg
    finish_page(pg)


def test_share_copies_the_link_to_this_view(clip_page) -> None:
    page = clip_page
    _open(page, "?year=1945&lang=zh")
    page.click("#next-change")
    page.wait_for_function("() => window.location.search.includes('date=')")
    page.click("#share-button")   # Dash's dcc.Clipboard; the status line speaks once the copy is done
    page.wait_for_function("w => document.querySelector('#share-status').textContent === w", arg=t("zh", "share.copied"))
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "lang=zh" in copied and "date=194" in copied
    assert page.input_value("#share-link") == copied


def test_embed_shows_an_iframe_snippet_of_this_view(clip_page) -> None:
    page = clip_page
    _open(page, "?date=1921-03-18&region=outer_mongolia")
    page.click("#embed-button")
    assert page.is_visible("#embed-panel")
    assert page.get_attribute("#embed-button", "aria-expanded") == "true"
    code = page.input_value("#embed-code")
    match = re.fullmatch(r'<iframe src="([^"]+)" width="640" height="480" title="([^"]+)" style="[^"]*" '
                         r'loading="lazy" allow="clipboard-write"></iframe>', code)
    assert match, code
    src = match.group(1).replace("&amp;", "&")
    assert src == page.url + "&embed=1"
    assert match.group(2) == t("en", "share.frame_title")
    page.click("#copy-embed")
    page.wait_for_function("() => document.querySelector('#share-status').textContent.length > 0")
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    # the snippet follows the view
    page.click("#next-change")
    page.wait_for_function("u => window.location.href !== u", arg=page.url)
    page.wait_for_timeout(400)
    assert (page.url + "&embed=1").replace("&", "&amp;") in page.input_value("#embed-code")
    page.click("#close-embed")
    assert not page.is_visible("#embed-panel")


@pytest.mark.parametrize(("width", "height"), [(640, 480), (390, 844)])
def test_embed_mode_is_compact(browser, live_server, width, height) -> None:
    page = new_page(browser, live_server, viewport={"width": width, "height": height})
    try:
        _open(page, "?date=1921-03-18&region=outer_mongolia&lang=zh&embed=1")
        page.wait_for_timeout(500)
        assert page.get_attribute("#app-root", "class") == "app embed"
        for hidden in ("#details-panel", "#event-list", ".language-nav", ".site-footer", "#embed-button"):
            assert not page.is_visible(hidden), hidden
        legend = page.locator("#legend").bounding_box()   # the embed shows the legend, whole, in the frame
        assert legend and legend["y"] >= 0 and legend["y"] + legend["height"] <= height + 1, legend
        box = page.locator(".map").bounding_box()
        assert box["height"] >= 200 and box["y"] + box["height"] <= height + 1, box
        for control in ("#date-slider [role=slider]", "#play-button", "#next-change", "#date-text", "#open-full"):
            b = page.locator(control).bounding_box()
            assert b and b["y"] + b["height"] <= height, control
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert "embed=0" in page.get_attribute("#open-full", "href")
        assert page.inner_text("#date-text") == "1921年3月18日"
        # the text view is still there for screen readers
        assert page.locator("#text-view-body tr").count() == len(ATLAS.data["units"])
        page.locator("#date-slider [role=slider]").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => window.location.search.includes('embed=1') && "
                               "!window.location.search.includes('1921-03-18')")
        page.screenshot(path=str(ARTIFACTS / f"embed-{width}x{height}.png"))
    finally:
        finish_page(page)


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_page_in_each_language(page, lang) -> None:
    _open(page, f"?lang={lang}&date=1921-07-11&region=outer_mongolia")
    data = {"units": ATLAS.data["units"], "unitNames": ATLAS.texts[lang]["units"], "events": ATLAS.texts[lang]["events"]}
    assert page.get_attribute("html", "lang") == HTML_LANG[lang]
    assert page.title() == t(lang, "meta.title")
    assert page.inner_text("h1") == t(lang, "header.title")
    assert page.inner_text("#date-text") == date_words("1921-07-11", lang)
    assert page.inner_text("#play-button") == t(lang, "controls.play")
    assert page.inner_text("#details-panel .unit-name") == data["unitNames"][data["units"].index("outer_mongolia")]
    first = page.locator("#text-view-body tr").first
    assert first.locator("th").inner_text() == data["unitNames"][0]
    legend = page.inner_text("#legend")
    assert t(lang, "legend.control") in legend
    box = page.locator("#map path.unit[data-unit=outer_mongolia]").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    page.wait_for_selector("#map .map-tip:not([hidden])")
    assert page.inner_text("#map .map-tip b") == data["unitNames"][data["units"].index("outer_mongolia")]
    event_titles = page.locator("#event-list button.event-title")
    # every event has a text in the page's language: none is marked English and no fallback note is shown
    shown = data["events"][int(event_titles.first.get_attribute("data-index"))]
    assert not shown.get("en") and event_titles.first.get_attribute("lang") is None
    assert page.locator(".fallback-note").count() == 0
    if lang in ("zh", "mn"):
        assert event_titles.first.inner_text() == data["events"][
            int(event_titles.first.get_attribute("data-index"))]["title"]
    page.screenshot(path=str(ARTIFACTS / f"page-{lang}.png"))


def test_language_from_the_browser_then_the_switch(browser, live_server) -> None:
    page = new_page(browser, live_server, extra_http_headers={"Accept-Language": "mn-MN,mn;q=0.9,en;q=0.5"})
    try:
        _open(page, "?year=1945")
        assert page.get_attribute("html", "lang") == "mn-Cyrl"
        first = date_words("1945-01-01", "mn")   # "1945 оны 1-р сарын 1", as Babel writes it (U+202F after 1945)
        assert page.inner_text("#date-text") == first
        page.click("#next-change")
        page.wait_for_function("(d) => document.querySelector('#date-text').textContent !== d", arg=first)
        page.click("#language-nav a[data-lang=zh]")   # at once: the link carries the view as it is now
        page.wait_for_selector("html[lang=zh-Hans]", state="attached", timeout=15000)
        page.wait_for_selector(MAP_READY, state="attached", timeout=15000)
        assert page.get_attribute("html", "lang") == "zh-Hans"
        assert "lang=zh" in page.url
        query = parse_qs(urlparse(page.url).query)
        iso = query["date"][0] if "date" in query else f"{query['year'][0]}-01-01"
        assert iso != "1945-01-01" and page.inner_text("#date-text") == date_words(iso, "zh")
    finally:
        finish_page(page)
    page = new_page(browser, live_server, extra_http_headers={"Accept-Language": "fr-FR,fr"})
    try:
        _open(page)
        assert page.get_attribute("html", "lang") == "en"
    finally:
        finish_page(page)
