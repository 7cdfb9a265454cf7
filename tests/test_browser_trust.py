"""In Chromium: the view switch, 'Reading the source' (a claim moves the map), the Sources page, and each side's
view of the 1945 plebiscite; screenshots in test-artifacts/."""
from __future__ import annotations


import pytest
from geodata.claims import load_claims
from geodata.i18n import translate

from dashboard import figures, trust
from dashboard.i18n import date_words
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, open_app


def _shot(pg, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=full)


def _visible(pg, selector: str) -> bool:
    return pg.locator(selector).is_visible()


def test_reading_view_follows_a_claim_to_the_map(page) -> None:
    atlas = load_atlas()
    claims = load_claims()["claims"]
    open_app(page, "?year=1911")
    page.click("#tab-reading")
    page.wait_for_selector("#claim-petition_november_17")
    assert page.get_attribute("#tab-reading", "aria-selected") == "true"
    assert not _visible(page, "#map-view") and _visible(page, "#reading-view")
    assert page.locator("#reading-view article.claim").count() == len(claims)
    first = page.locator(f"#claim-{claims[0]['id']}")
    assert "A text circulating online says:" in first.inner_text()
    assert first.locator("blockquote").inner_text().strip().strip("“”") == claims[0]["quote"]
    assert page.get_attribute("#source-text-link", "href") == load_claims()["source_text"]["url"]
    badges = page.locator("#reading-view .claim .verdict").all_inner_texts()
    for verdict in ("wrong", "garbled", "correct", "contested"):
        assert any(translate("en", "claims", "verdicts", verdict) in b for b in badges), verdict
    _shot(page, "trust-reading-1280x800.png")

    # 17 November 1919 has no step of its own: the map goes to the last step before it, and says so
    claim = page.locator("#claim-petition_november_17")
    claim.scroll_into_view_if_needed()
    _shot(page, "trust-reading-claim.png")
    stop = atlas.stop_of("1919-11-17")
    claim.locator("button.claim-map").click()
    page.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') === s",
                           arg=str(stop), timeout=10000)
    assert _visible(page, "#map-view") and not _visible(page, "#reading-view")
    assert page.get_attribute("#tab-map", "aria-selected") == "true"
    assert page.inner_text("#date-text") == date_words(atlas.data["stops"][stop], "en")
    assert page.get_attribute("#date-slider [role=slider]", "aria-valuenow") == str(stop)
    note = page.inner_text("#claim-return")
    assert "17 November 1919" in note and "petitioned" in note
    _shot(page, "trust-claim-on-map.png")

    # back to the claim, then a claim whose date is a step of its own
    page.click("#claim-return-back")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'claim-petition_november_17'")
    assert _visible(page, "#reading-view") and not _visible(page, "#claim-return")
    page.locator("#claim-soviet_troops_date button.claim-map").click()
    page.wait_for_function("() => document.querySelector('#date-text').textContent === '9 August 1945'")
    assert page.get_attribute("#date-slider [role=slider]", "aria-valuenow") == str(atlas.stop_of("1945-08-09"))
    assert page.inner_text("#claim-return-note") == ""


def test_views_switch_by_keyboard(page) -> None:
    open_app(page)
    page.focus("#tab-map")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("#reading-view article.claim")
    assert page.evaluate("() => document.activeElement.id") == "tab-reading"
    assert _visible(page, "#reading-view") and not _visible(page, "#map-view")
    page.keyboard.press("End")
    page.wait_for_selector("#sources-view .source")
    assert page.get_attribute("#tab-sources", "aria-selected") == "true"
    page.keyboard.press("Home")
    assert _visible(page, "#map-view") and not _visible(page, "#sources-view")
    page.keyboard.press("Tab")      # the tabs are one stop: Tab leaves them
    assert not page.evaluate("() => document.activeElement.classList.contains('view-tab')")


def test_sources_page_lists_every_source_and_links_back(page) -> None:
    expected = trust.cited_sources(load_atlas())
    open_app(page)
    page.click("#tab-sources")
    page.wait_for_selector("#sources-outer_mongolia")
    hrefs = page.eval_on_selector_all("#sources-view a.source-title", "as => as.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(expected)
    first = page.locator("#sources-outer_mongolia .source").first
    assert "Supports:" in first.inner_text()
    assert first.locator(".source-publisher").inner_text().strip()   # each source names its publisher
    _shot(page, "trust-sources-1280x800.png")
    link = page.locator("#sources-reading a[href^='#claim-']").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("t => document.activeElement && '#' + document.activeElement.id === t", arg=target)
    assert _visible(page, "#reading-view") and not _visible(page, "#sources-view")


def test_perspectives_for_the_1945_plebiscite(page) -> None:
    open_app(page, "?date=1945-10-20")
    item = page.locator("#event-mongolian_plebiscite_1945")
    assert "Sources differ:" in item.inner_text()     # the event's uncertainty, labelled
    button = item.locator("button.perspectives-open")
    assert button.inner_text() == "How each side sees it"
    button.click()
    page.wait_for_selector("#perspectives-plebiscite_1945", state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#perspectives-panel article.moment:visible").count() == 1
    text = page.inner_text("#perspectives-plebiscite_1945")
    assert text.index("Agreed facts") < text.index("Sources differ:") < text.index("Views, by side")
    for side in ("prc", "roc", "mongolia", "soviet_russian", "scholars"):
        assert translate("en", "perspectives_sides", side) in text, side
    assert page.locator("#perspectives-plebiscite_1945 .view ul.sources a").count() >= 5
    _shot(page, "trust-perspectives-1945.png")
    page.click("#perspectives-close")
    assert not _visible(page, "#perspectives-panel")
    assert page.evaluate("() => document.activeElement.classList.contains('perspectives-open')")


def test_address_opens_a_claim_and_a_moment(page) -> None:
    page.goto(page.base + "/#claim-roc_accepts_yalta")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'claim-roc_accepts_yalta'",
                           timeout=15000)
    assert page.locator("#claim-roc_accepts_yalta").is_visible() and not _visible(page, "#map-view")
    # a moment opened from a link also moves the map to its event
    page.click("#tab-reading")
    page.click("#reading-view a.moment-link[href='#perspectives-plebiscite_1945']")
    page.wait_for_selector("#perspectives-plebiscite_1945", state="visible")
    page.wait_for_function("() => document.querySelector('#date-text').textContent === '20 October 1945'")
    assert _visible(page, "#map-view") and not _visible(page, "#reading-view")
    page.goto(page.base + "/#perspectives-roc_reversal_1953")
    page.wait_for_selector("#perspectives-roc_reversal_1953", state="visible", timeout=15000)
    page.wait_for_function("() => document.querySelector('#date-text').textContent === '24 February 1953'")
    assert page.locator("#event-roc_withdraws_recognition_1953.chosen").count() == 1


def test_reading_view_in_chinese_on_a_phone(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, "?lang=zh")
    assert page.inner_text("#tab-reading") == "解读原文"
    page.click("#tab-reading")
    page.wait_for_selector("#claim-treaty_signed_14_august")
    claim = page.inner_text("#claim-treaty_signed_14_august")
    assert "网上流传的一篇文章说" in claim
    assert translate("zh", "claims", "verdicts", "correct") in claim
    assert translate("zh", "claims", "items", "treaty_signed_14_august", "explanation") in claim
    _shot(page, "trust-reading-zh-390.png")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "page scrolls sideways on a phone"


@pytest.mark.parametrize("lang, view", [("en", "reading"), ("zh", "sources"), ("mn", "perspectives")])
def test_axe_finds_no_serious_violation_in_the_views(page, lang, view) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_app(page, f"?lang={lang}&date=1945-10-20")
    if view == "perspectives":
        page.locator("#event-mongolian_plebiscite_1945 button.perspectives-open").click()
        page.wait_for_selector("#perspectives-plebiscite_1945", state="visible")
    else:
        page.click(f"#tab-{view}")
        page.wait_for_selector(f"#{view}-view .{'claim' if view == 'reading' else 'source'}")
    violations = Axe().run(page).response["violations"]
    blocking = [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:5]}" for v in violations
                if v["impact"] in ("serious", "critical")]
    assert blocking == [], blocking
