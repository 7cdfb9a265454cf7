"""The view in the URL: parsing every parameter, notices in the page's language, writing it back."""
from __future__ import annotations

import json

import pytest

from dashboard import figures
from dashboard.data import load_atlas
from dashboard.i18n import date_words
from dashboard.query import View, parse_query, request_view, view_query

ATLAS = load_atlas()
STOPS = [figures.to_date(s) for s in ATLAS.data["stops"]]
UNITS = set(ATLAS.units)
DEFAULT = figures.stop_index(STOPS, figures.dt.date(1911, 1, 1))


def _parse(search: str | None, accept: str | None = None) -> View:
    return parse_query(search, STOPS, 1911, UNITS, accept)


def test_the_issue_example() -> None:
    view = _parse("?date=1921-03-18&region=outer_mongolia&lang=zh&embed=1")
    assert STOPS[view.stop].isoformat() == "1921-03-18"
    assert (view.region, view.lang, view.embed, view.mode, view.notice) == ("outer_mongolia", "zh", True, "control", "")


def test_defaults() -> None:
    for search in (None, "", "?"):
        view = _parse(search)
        assert (view.stop, view.region, view.mode, view.lang, view.embed, view.notice) == \
            (DEFAULT, None, "control", "en", False, "")


def test_year_and_mode() -> None:
    view = _parse("?year=1945&mode=claim")
    assert STOPS[view.stop].isoformat() == "1945-01-01" and view.mode == "claim"


@pytest.mark.parametrize(("search", "words"), [
    ("?year=banana", "“banana” is not a year; showing 1911."),
    ("?year=1500", "1500 is outside 1689–2008; showing 1911."),
    ("?date=1921-02-30", "“1921-02-30” is not a date like 1921-07-11; showing 1911."),
    ("?date=2100-01-01", "2100-01-01 is outside 1689–2008; showing 1911."),
    ("?region=atlantis", "“atlantis” is not a region of the atlas; no region is selected."),
    ("?mode=both", "“both” is not a border setting (control or claim); showing what China controlled."),
    ("?lang=fr", "“fr” is not a language of the atlas (en, zh, mn); showing English."),
    ("?embed=maybe", "“maybe” is not an embed setting (0 or 1); showing the full page."),
    ("?colour=red", "Ignored unknown setting “colour”."),
])
def test_bad_values_fall_back_with_a_notice(search, words) -> None:
    view = _parse(search)
    assert words in view.notice
    assert (view.stop, view.region, view.mode, view.embed) == (DEFAULT, None, "control", False)


def test_notices_in_the_page_language() -> None:
    assert _parse("?lang=zh&year=banana").notice == "“banana”不是年份；显示1911年。"
    assert _parse("?lang=mn&region=x").notice == "“x” нь атласын бүс нутаг биш; бүс нутаг сонгоогүй."
    # a bad ?lang= falls back to the browser's language, and says so in it
    view = _parse("?lang=xx", "mn,en;q=0.5")
    assert view.lang == "mn" and "Монгол хэлээр" in view.notice
    # the fallback callback writes notices in the language the page is already drawn in
    assert parse_query("?year=x", STOPS, 1911, UNITS, None, "zh").notice.startswith("“x”不是年份")


def test_a_date_between_steps_is_named() -> None:
    view = _parse("?date=1921-03-19&lang=zh")
    assert STOPS[view.stop].isoformat() == "1921-03-18"
    assert "1921年3月19日" in view.notice and "1921年3月18日" in view.notice


def test_long_and_odd_input_is_shortened_not_fatal() -> None:
    view = _parse("?year=" + "9" * 5000)
    assert len(view.notice) < 200
    assert _parse("?%zz=1&&&=").stop == DEFAULT
    assert _parse("?" + "&".join(f"k{i}=1" for i in range(50))).notice   # too many fields: a notice, no crash


def test_view_query_round_trip() -> None:
    for search in ("?date=1921-03-18&region=outer_mongolia&mode=claim&lang=zh&embed=1", "?year=1911",
                   "?year=1689&lang=en", "?date=1945-08-09&lang=mn"):
        view = _parse(search)
        assert view_query(view, STOPS) == search
        assert _parse(view_query(view, STOPS)).stop == view.stop


def test_request_view_reads_referer_and_accept_language() -> None:
    from dashboard.app import server

    with server.test_request_context("/_dash-layout", headers={
            "Referer": "http://localhost/?date=1921-03-18&lang=mn", "Accept-Language": "zh"}):
        view = request_view(STOPS, 1911, UNITS)
        assert (STOPS[view.stop].isoformat(), view.lang, view.search) == ("1921-03-18", "mn", "?date=1921-03-18&lang=mn")
    with server.test_request_context("/_dash-layout", headers={"Accept-Language": "zh-CN,zh;q=0.9"}):
        assert request_view(STOPS, 1911, UNITS).lang == "zh"
    with server.test_request_context("/_dash-layout", headers={"Referer": "http://elsewhere.example/?lang=zh"}):
        assert request_view(STOPS, 1911, UNITS).lang == "en"   # another site's address is not ours
    with server.test_request_context("/?lang=zh&year=1945"):
        view = request_view(STOPS, 1911, UNITS)
        assert (view.lang, STOPS[view.stop].year) == ("zh", 1945)
    assert request_view(STOPS, 1911, UNITS).stop == DEFAULT     # outside a request: the default view


def test_language_dependent_responses_say_so() -> None:
    from dashboard.app import server

    client = server.test_client()
    for path in ("/", "/_dash-layout"):
        vary = client.get(path).headers.get("Vary", "")
        assert "Accept-Language" in vary and "Referer" in vary, path
    # Decoded, not as raw text: Dash writes "北" as UTF-8 with orjson installed and as "\\u5317" without it.
    layout = json.dumps(client.get("/_dash-layout", headers={"Referer": "http://localhost/?lang=zh&embed=1"}).get_json(),
                        ensure_ascii=False)
    assert "北部边疆地图集" in layout and '"app embed"' in layout
    index = client.get("/?lang=mn").get_data(as_text=True)
    assert '<html lang="mn-Cyrl">' in index and "<title>Хойд хилийн атлас</title>" in index


def test_compare_reads_a_year_or_a_date_and_goes_back_into_the_address() -> None:
    view = _parse("?year=1911&compare=1946")
    assert (STOPS[view.stop].isoformat(), STOPS[view.compare].isoformat(), view.notice) == ("1911-01-01", "1946-01-01", "")
    assert view_query(view, STOPS) == "?year=1911&compare=1946"
    view = _parse("?year=1911&compare=1921-07-11&lang=zh")
    assert STOPS[view.compare].isoformat() == "1921-07-11" and view_query(view, STOPS) == "?year=1911&compare=1921-07-11&lang=zh"
    # a date with no step of its own compares with the step whose map it shows, and says so
    view = _parse("?compare=1946-01-03")
    assert STOPS[view.compare].isoformat() == "1946-01-01" and "3 January 1946 has no step of its own" in view.notice


@pytest.mark.parametrize("value", ["banana", "1946-02-30", "1500", "2100-01-01", "46"])
def test_a_bad_compare_falls_back_to_no_comparison_with_a_notice(value) -> None:
    view = _parse(f"?year=1945&compare={value}")
    assert view.compare is None and STOPS[view.stop].year == 1945
    assert f"“{value}” is not a year or a date between 1689 and 2008 to compare with" in view.notice
    assert "compare" not in view_query(view, STOPS)
    assert "不显示对比" in _parse(f"?compare={value}&lang=zh").notice


def test_lock_moves_a_date_outside_it_inside_with_a_notice() -> None:
    view = _parse("?lock=1911..1946&year=1900")
    assert view.lock == (STOPS.index(figures.dt.date(1911, 1, 1)), max(i for i, s in enumerate(STOPS) if s.year <= 1946))
    assert STOPS[view.stop].isoformat() == "1911-01-01"
    assert view.notice == "1 January 1900 is outside the lesson's range (1911 – 1946); showing 1 January 1911."
    assert view_query(view, STOPS) == "?year=1911&lock=1911..1946"
    # after the range: its last step (a year's end includes the whole year); inside: untouched, no notice
    assert STOPS[_parse("?lock=1911..1946&year=1960").stop].isoformat() == "1946-05-03"
    assert (STOPS[_parse("?lock=1911..1946&year=1921").stop].year, _parse("?lock=1911..1946&year=1921").notice) == (1921, "")
    # the date to compare with is kept inside too
    view = _parse("?lock=1911..1946&compare=1950&lang=mn")
    assert STOPS[view.compare].isoformat() == "1946-05-03" and "харьцуулах огноо: " + date_words("1946-05-03", "mn") in view.notice
    assert "课程范围（1911年至1946年）" in _parse("?lock=1911..1946&year=1900&lang=zh").notice


@pytest.mark.parametrize("value", ["1946..1911", "1911", "1911..", "1911-02-30..1946", "1600..1700", "1911..2100", "a..b"])
def test_a_bad_lock_is_ignored_with_a_notice(value) -> None:
    view = _parse(f"?lock={value}&year=1900")
    assert view.lock is None and STOPS[view.stop].year == 1900
    assert "is not a lesson range like 1911..1946" in view.notice and "lock" not in view_query(view, STOPS)
