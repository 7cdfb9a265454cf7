"""In Chromium, served and exported: predict, then reveal in the tour (?predict=1), and the dates as contemporaries
wrote them beside the Gregorian date (Qing / Minguo on the Chinese page, the Bogd era on the Mongolian page, Old
Style for Russian documents)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.data import load_atlas
from dashboard.i18n import date_words, t
from dashboard.tour import tour_data
from tests.conftest import ARTIFACTS, open_app, wait_drawn
from tests.test_browser_export import disk_page, site  # noqa: F401  (fixtures: the export opened from disk)

SHOTS = ARTIFACTS / "predict"


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=False)


def _text(pg, selector: str, text: str) -> None:
    pg.wait_for_function("([s, t]) => { const n = document.querySelector(s); return n && n.textContent === t; }",
                         arg=[selector, text], timeout=15000)


def _pending(pg) -> bool:
    return pg.evaluate("() => document.body.classList.contains('predict-pending')")


def _map_greyed(pg) -> bool:
    return pg.evaluate("() => getComputedStyle(document.getElementById('map')).filter.includes('grayscale')")


def _events_hidden(pg) -> bool:
    return pg.evaluate("() => getComputedStyle(document.getElementById('event-list')).visibility === 'hidden'")


def _stops(lang: str = "en") -> list[dict]:
    return tour_data(load_atlas(), lang)["stops"]


def _check_question_then_reveal(pg, lang: str, shot: str | None = None) -> None:
    """At the tour's first stop in predict mode: the question over the greyed map just before the stop, then
    Reveal shows the stop's map, its caption and the answer."""
    stop = _stops(lang)[0]
    question = t(lang, "tour.question", question=stop["question"][lang])
    _text(pg, "#tour-caption", question)
    wait_drawn(pg, stop["stop"] - 1, 15000)                         # the map as it was just before the stop
    assert pg.inner_text("#date-text") != date_words(stop["date"], lang)
    assert _pending(pg) and _map_greyed(pg) and _events_hidden(pg)
    assert pg.is_visible("#tour-reveal") and pg.inner_text("#tour-reveal") == t(lang, "tour.reveal")
    assert not pg.is_visible("#tour-answer")
    assert pg.get_attribute("#tour-predict", "aria-pressed") == "true"
    if shot:
        _shot(pg, f"{shot}-question.png")
    pg.click("#tour-reveal")
    wait_drawn(pg, stop["stop"], 15000)
    _text(pg, "#tour-caption", stop["caption"][lang])
    assert pg.inner_text("#tour-answer") == t(lang, "tour.answer", answer=stop["answer"][lang])
    assert pg.inner_text("#date-text") == date_words(stop["date"], lang)
    assert not _pending(pg) and not _map_greyed(pg) and not _events_hidden(pg)
    assert not pg.is_visible("#tour-reveal")
    if shot:
        _shot(pg, f"{shot}-revealed.png")


# --- predict, then reveal: the served page ----------------------------------------------------------------------

def test_predict_hides_the_map_and_the_answer_until_reveal(page) -> None:
    pg = page
    stops = _stops()
    open_app(pg, "?tour=1&predict=1")
    _check_question_then_reveal(pg, "en", "served")
    pg.click("#tour-next")                               # the next stop asks first again
    _text(pg, "#tour-caption", t("en", "tour.question", question=stops[1]["question"]["en"]))
    wait_drawn(pg, stops[1]["stop"] - 1, 15000)
    assert _pending(pg) and pg.inner_text("#tour-answer") == ""
    pg.click("#tour-prev")                               # a stop already revealed stays revealed
    wait_drawn(pg, stops[0]["stop"], 15000)
    _text(pg, "#tour-caption", stops[0]["caption"]["en"])
    assert not _pending(pg) and pg.inner_text("#tour-answer").startswith("Answer: ")
    # the address keeps the tour and predict mode, and Share / Embed carry them
    pg.wait_for_function("() => location.search.includes('predict=1') && location.search.includes('tour=1')")
    pg.click("#share-button")
    assert "predict=1" in pg.input_value("#share-link") and "tour=1" in pg.input_value("#share-link")
    pg.click("#embed-button")
    assert "predict=1" in pg.input_value("#embed-code")


def test_predict_toggle_and_a_teachers_dates_ask_the_generic_question(page) -> None:
    pg = page
    atlas = load_atlas()
    open_app(pg, "?tour=1858-05-28,1860-11-14")
    wait_drawn(pg, atlas.stop_of("1858-05-28"), 15000)
    assert "Treaty of Aigun" in pg.inner_text("#tour-caption") and not _pending(pg)
    assert pg.get_attribute("#tour-predict", "aria-pressed") == "false"
    pg.click("#tour-predict")                            # on: the stop shown now stays shown
    pg.wait_for_function("() => document.getElementById('tour-predict').getAttribute('aria-pressed') === 'true'")
    assert not _pending(pg)
    pg.wait_for_function("() => location.search.includes('predict=1')")
    pg.click("#tour-next")
    generic = t("en", "tour.question", question=t("en", "tour.question_generic", date="14 November 1860"))
    _text(pg, "#tour-caption", generic)
    wait_drawn(pg, atlas.stop_of("1860-11-14") - 1, 15000)
    assert _pending(pg) and _map_greyed(pg)
    _shot(pg, "custom-question.png")
    pg.click("#tour-reveal")
    wait_drawn(pg, atlas.stop_of("1860-11-14"), 15000)
    pg.wait_for_function("() => document.getElementById('tour-caption').textContent.includes('Convention of Peking')")
    assert pg.inner_text("#tour-answer") == "" and not _pending(pg)   # a list of dates carries no answers
    pg.click("#tour-predict")                            # off again: the address drops it
    pg.wait_for_function("() => !location.search.includes('predict=')")
    pg.click("#tour-prev")                               # without predict the stop shows at once
    wait_drawn(pg, atlas.stop_of("1858-05-28"), 15000)
    assert not _pending(pg) and pg.inner_text("#tour-answer") == ""


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_predict_in_chinese_and_mongolian(page, lang: str) -> None:
    pg = page
    open_app(pg, f"?lang={lang}&tour=1&predict=1")
    assert pg.inner_text("#tour-predict") == t(lang, "tour.predict")
    _check_question_then_reveal(pg, lang, f"served-{lang}")


# --- dates as contemporaries wrote them: the served page -------------------------------------------------------

def _contemporary(pg, text: str) -> None:
    _text(pg, "#date-contemporary", text)
    assert pg.is_visible("#date-contemporary")


def test_chinese_page_gives_the_qing_date_of_the_enthronement(page) -> None:
    pg = page
    open_app(pg, "?lang=zh&date=1911-12-29")
    _contemporary(pg, "宣统三年十一月初十日")
    item = pg.locator("#event-bogd_khan_enthroned_1911 .event-contemporary")
    assert item.inner_text() == "宣统三年十一月初十日"
    _shot(pg, "zh-1911-12-29.png")
    pg.focus("#date-slider [role=slider]")
    pg.keyboard.press("ArrowLeft")                       # the stop before (1 December 1911, the declaration)
    wait_drawn(pg, load_atlas().stop_of("1911-12-29") - 1, 15000)
    _contemporary(pg, "宣统三年十月十一日")


def test_mongolian_page_gives_the_bogd_era_year(page) -> None:
    pg = page
    open_app(pg, "?lang=mn&date=1921-07-11")
    _contemporary(pg, "Олноо өргөгдсөний 11-р он")
    _shot(pg, "mn-1921-07-11.png")


def test_english_page_gives_old_style_for_a_russian_treaty_and_nothing_else(page) -> None:
    pg = page
    open_app(pg, "?date=1915-06-07&region=outer_mongolia")
    _contemporary(pg, "25 May 1915 O.S.")
    pg.wait_for_function("() => document.querySelector('#details-panel .since')")
    assert pg.inner_text("#details-panel .since").startswith("Since 7 June 1915 (25 May 1915 O.S.)")
    assert pg.inner_text("#event-treaty_of_kyakhta_1915 .event-contemporary") == "25 May 1915 O.S."
    _shot(pg, "en-1915-06-07.png")
    open_app(pg, "?date=1911-12-29")                     # not a Russian document: no second date in English
    assert pg.inner_text("#date-contemporary") == ""      # its line stays (empty), so the map does not move


# --- the static export ------------------------------------------------------------------------------------------

def _open_disk(pg, file: str, query: str) -> None:
    pg.goto((Path(pg.site) / file).as_uri() + query)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)


def test_static_export_predict_and_contemporary_dates(disk_page) -> None:
    pg = disk_page
    _open_disk(pg, "index.html", "?tour=1&predict=1")
    _check_question_then_reveal(pg, "en", "export")
    _open_disk(pg, "index-zh.html", "?date=1911-12-29")
    _contemporary(pg, "宣统三年十一月初十日")
    _open_disk(pg, "index-mn.html", "?date=1915-06-07")
    _contemporary(pg, "Юлийн тооллоор 1915\u202fоны 5-р сарын 25; Олноо өргөгдсөний 5-р он")
    _shot(pg, "export-mn-1915-06-07.png")
