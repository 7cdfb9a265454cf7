"""The guided tour: geodata/tour.yaml and its loader, and the tour in the browser (built in and from ?tour=)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

import geodata
from dashboard import figures
from dashboard.i18n import date_words
from dashboard.data import load_atlas
from dashboard.tour import TOUR_KEYS, tour_data
from geodata.errors import DataError
from geodata.tour import load_tour
from tests.conftest import ARTIFACTS, MAP_READY, open_app

EVENTS = {e.id: e for e in geodata.load_events()}
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_built_in_tour_covers_the_key_moments() -> None:
    stops = load_tour(event_ids=set(EVENTS))
    assert 10 <= len(stops) <= 16
    years = [s.date.year for s in stops]
    for year in (1689, 1727, 1858, 1860, 1864, 1911, 1915, 1919, 1921, 1924, 1932, 1946, 1953, 2002, 2008):
        assert year in years, year
    assert years == sorted(years)


def test_each_stop_is_an_event_date_with_captions_in_english_chinese_and_mongolian() -> None:
    for stop in load_tour():
        assert EVENTS[stop.event].date == stop.date, stop.event
        en, zh, mn = stop.caption["en"], stop.caption["zh"], stop.caption["mn"]
        assert 30 <= len(en) <= 260 and not CJK.search(en), stop.event
        assert 10 <= len(zh) <= 120 and CJK.search(zh), stop.event
        # Mongolian in Cyrillic, no English words left in it (Roman numerals such as VIII are allowed).
        assert 30 <= len(mn) <= 300 and CYRILLIC.search(mn) and not LATIN.search(re.sub(r"\b[IVX]+\b", "", mn)), \
            stop.event


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
    ("- {date: '1911-13-01', event: x, caption: {en: a, zh: b, mn: c}}", "stop 1911-13-01: date: '1911-13-01' is not an ISO date"),
    ("- {date: '1600-01-01', event: x, caption: {en: a, zh: b, mn: c}}", "outside"),
    ("- {date: '1911-12-01', caption: {en: a, zh: b, mn: c}}", "stop 1911-12-01: event: is missing"),
    ("- {date: '1911-12-01', event: x, caption: {en: a}}", "stop 1911-12-01: caption.zh: is missing"),
    ("- {date: '1911-12-01', event: x, caption: {en: a, zh: b}}", "stop 1911-12-01: caption.mn: is missing"),
    ("- {date: '1911-12-01', event: x, caption: text}", "stop 1911-12-01: caption: should be a mapping"),
    ("- {date: '1911-12-01', event: nope, caption: {en: a, zh: b, mn: c}}", "unknown event 'nope'"),
    ("- {date: '1911-12-01', event: x, caption: {en: a, zh: b, mn: c}}\n"
     "- {date: '1858-05-28', event: x, caption: {en: a, zh: b, mn: c}}", "not after"),
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
    pg.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') === s",
                         arg=str(stop), timeout=10000)
    assert pg.inner_text("#date-text") == date_words(load_atlas().data["stops"][stop], "en")


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
    for n in range(3, len(stops) + 1):     # to the end, one stop at a time: "next" is then disabled
        pg.click("#tour-next")
        pg.wait_for_function("t => document.querySelector('#tour-step').textContent === t",
                             arg=f"Stop {n} of {len(stops)}")
    _at(pg, stops[-1].date.isoformat())
    assert pg.is_disabled("#tour-next")
    assert pg.inner_text("#tour-step") == f"Stop {len(stops)} of {len(stops)}"
    pg.click("#tour-exit")
    pg.wait_for_selector("#tour-caption", state="hidden")
    assert pg.inner_text("#date-text") == date_words(stops[-1].date, "en")   # exit leaves the map where it is


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_tour_captions_in_chinese_and_mongolian(page, lang: str) -> None:
    pg = page
    stops = load_tour()
    open_app(pg, f"?lang={lang}")
    pg.click("#tour-start")
    pg.wait_for_function("t => document.querySelector('#tour-caption').textContent === t",
                         arg=stops[0].caption[lang], timeout=10000)
    pg.click("#tour-next")
    pg.wait_for_function("t => document.querySelector('#tour-caption').textContent === t",
                         arg=stops[1].caption[lang], timeout=10000)
    step = {"zh": f"第 2 站，共 {len(stops)} 站", "mn": f"Зогсоол 2 / {len(stops)}"}[lang]
    assert pg.inner_text("#tour-step") == step


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
    assert date_words(shown, "en") in pg.inner_text("#tour-caption")
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


# --- predict, then reveal: questions and answers ----------------------------------------------------------------

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_built_in_tour_asks_a_question_before_each_stop_with_its_answer_in_three_languages() -> None:
    stops = load_tour(event_ids=set(EVENTS))
    asked = [s for s in stops if s.question]
    assert len(asked) >= 10
    for stop in asked:
        q, a = stop.question, stop.answer
        assert set(q) == set(a) == {"en", "zh", "mn"}, stop.event
        assert q["en"].endswith("?") and q["zh"].endswith("？") and q["mn"].endswith("?"), stop.event
        assert not CJK.search(q["en"] + a["en"]) and CJK.search(q["zh"]) and CJK.search(a["zh"]), stop.event
        assert CYRILLIC.search(q["mn"]) and CYRILLIC.search(a["mn"]), stop.event
        assert a["en"] != stop.caption["en"] and 30 <= len(a["en"]) <= 300, stop.event
        # the question must not give the answer away: it names no date later than the stop's own year
        later = [int(y) for y in re.findall(r"\b(1[6-9]\d\d|20\d\d)\b", q["en"]) if int(y) > stop.date.year]
        assert not later, (stop.event, later)


def test_question_for_the_1915_treaty_expects_autonomy_under_suzerainty() -> None:
    stop = next(s for s in load_tour() if s.event == "treaty_of_kyakhta_1915")
    assert "1915" in stop.question["en"] and "Outer Mongolia" in stop.question["en"]
    assert stop.answer["en"].startswith("Autonomy under Chinese suzerainty")
    assert "宗主权" in stop.answer["zh"] and "сюзерен" in stop.answer["mn"]


@pytest.mark.parametrize("qa, problem", [
    ("question: {en: 'a?', zh: 'b？', mn: 'c?'}", "has a question but no answer"),
    ("answer: {en: a, zh: b, mn: c}", "has an answer but no question"),
    ("question: {en: 'a?', zh: 'b？'}, answer: {en: a, zh: b, mn: c}", "question.mn: is missing"),
    ("question: {en: 'a?', zh: 'b？', mn: 'c?'}, answer: {en: a, mn: c}", "answer.zh: is missing"),
    ("question: text, answer: {en: a, zh: b, mn: c}", "question: should be a mapping"),
])
def test_broken_questions_raise_data_error(tmp_path: Path, qa: str, problem: str) -> None:
    path = tmp_path / "tour.yaml"
    path.write_text("- {date: '1911-12-01', event: x, caption: {en: a, zh: b, mn: c}, " + qa + "}", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_tour(path, event_ids={"x"})
    assert "tour.yaml" in str(err.value) and problem in str(err.value)


def test_a_tour_without_questions_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "tour.yaml"
    path.write_text("- {date: '1911-12-01', event: x, caption: {en: a, zh: b, mn: c}}", encoding="utf-8")
    assert load_tour(path, event_ids={"x"})[0].question is None


# --- a teacher's tour file (NBA_TOUR): questions and answers in the three languages -----------------------------

TEACHER_TOUR = """
- date: '1911-12-01'
  event: mongolian_independence_1911
  caption: {en: Independence is declared., zh: 宣布独立。, mn: Тусгаар тогтнолоо зарлав.}
  question: {en: 'What will Outer Mongolia do?', zh: 外蒙古会怎么做？, mn: 'Ар Монгол юу хийх бол?'}
  answer: {en: It declares independence., zh: 宣布独立。, mn: Тусгаар тогтнолоо зарлана.}
- date: '1915-06-07'
  event: treaty_of_kyakhta_1915
  caption: {en: The Kyakhta treaty., zh: 《恰克图条约》。, mn: Хиагтын гэрээ.}
"""


def test_a_teachers_tour_file_replaces_the_built_in_tour_in_the_app_and_the_export(tmp_path, monkeypatch) -> None:
    from dashboard import export
    path = tmp_path / "my-tour.yaml"
    path.write_text(TEACHER_TOUR, encoding="utf-8")
    monkeypatch.setenv("NBA_TOUR", str(path))
    atlas = load_atlas()
    for data in (tour_data(atlas, "zh"), export.export_config("zh", 0)["tour"]):
        stops = data["stops"]
        assert [s["date"] for s in stops] == ["1911-12-01", "1915-06-07"]
        assert stops[0]["question"]["zh"] == "外蒙古会怎么做？" and stops[0]["answer"]["mn"] == "Тусгаар тогтнолоо зарлана."
        assert stops[1]["question"] is None and stops[0]["stop"] == atlas.stop_of("1911-12-01")
    monkeypatch.delenv("NBA_TOUR")
    assert len(tour_data(atlas)["stops"]) == len(load_tour())


def test_a_missing_or_broken_tour_file_is_a_clear_error(tmp_path, monkeypatch) -> None:
    from dashboard.config import ConfigError, load_settings
    from dashboard.tour import check_tour
    monkeypatch.setenv("NBA_TOUR", str(tmp_path / "nowhere.yaml"))
    with pytest.raises(ConfigError, match="NBA_TOUR: no tour file at .*nowhere.yaml"):
        load_settings()
    path = tmp_path / "broken.yaml"
    path.write_text(TEACHER_TOUR.replace("treaty_of_kyakhta_1915", "no_such_event"), encoding="utf-8")
    monkeypatch.setenv("NBA_TOUR", str(path))
    with pytest.raises(DataError, match="broken.yaml.*no_such_event"):
        check_tour(load_atlas())
