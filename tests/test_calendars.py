"""Dates as contemporaries wrote them (geodata/calendars.py), checked against the dates our data already states."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import geodata
from geodata import calendars
from geodata.calendars import (bogd_era_year, contemporary_dates, julian_text, load_calendars, minguo_date,
                               mongolian_ordinal, qing_date)
from geodata.dates import parse_date
from geodata.errors import DataError
from geodata.io import DATA_DIR

EVENTS = {e.id: e for e in geodata.load_events()}
OLD_STYLE = re.compile(r"^(?:Signed )?(\d{1,2} [A-Z][a-z]+ \d{4}) (?:Old Style|O\.S\.)")
# "Kangxi 59th year, 8th month, 23rd day" and "2nd day of the 5th lunar month of Kangxi 30"
LUNAR_YMD = re.compile(r"(?P<reign>[A-Z][a-z]+) (?P<y>\d+)\w* year, (?P<m>\d+)\w* month, (?P<d>\d+)\w* day")
LUNAR_DMY = re.compile(r"(?P<d>\d+)\w* day of the (?P<m>\d+)\w* lunar month of (?P<reign>[A-Z][a-z]+) (?P<y>\d+)")


def test_every_old_style_date_note_is_the_julian_date_of_its_event() -> None:
    checked = 0
    for event in EVENTS.values():
        match = OLD_STYLE.match(event.date_note or "")
        if match and event.date_precision == "day":
            assert julian_text(event.date)["en"] == f"{match.group(1)} O.S.", event.id
            checked += 1
    assert checked >= 15    # the Russian treaties from Nerchinsk to Kyakhta 1915 state their Old Style date


def test_every_lunar_date_note_is_the_qing_date_of_its_event() -> None:
    reigns = {r["en"]: r["zh"] for r in load_calendars()["qing"]["reigns"]}
    checked = 0
    for event in EVENTS.values():
        match = LUNAR_YMD.search(event.date_note or "") or LUNAR_DMY.search(event.date_note or "")
        if not match:
            continue
        y, m, d = (int(match.group(k)) for k in ("y", "m", "d"))
        expected = reigns[match.group("reign")] + calendars.chinese_year(y) + calendars.lunar_month(m) + \
            calendars.lunar_day(d)
        assert qing_date(event.date) == expected, event.id
        checked += 1
    assert checked >= 2     # Dolon Nor 1691 and the Qing expedition to Tibet 1720


@pytest.mark.parametrize("iso, expected", [
    ("1691-05-29", "康熙三十年五月初二日"),        # Dolon Nor: the 2nd day of the 5th month of Kangxi 30
    ("1689-09-07", "康熙二十八年七月二十四日"),     # Nerchinsk as Chinese accounts date it (7 September)
    ("1689-09-06", "康熙二十八年七月二十三日"),     # ... and the Russian date, 27 August O.S., one day earlier
    ("1720-09-24", "康熙五十九年八月二十三日"),
    ("1727-11-01", "雍正五年九月十八日"),
    ("1911-12-01", "宣统三年十月十一日"),           # the declaration of independence
    ("1911-12-29", "宣统三年十一月初十日"),         # the Bogd Khan's enthronement
    ("1912-02-12", "宣统三年十二月二十五日"),       # the abdication edict, the last Qing date
])
def test_qing_dates(iso: str, expected: str) -> None:
    assert qing_date(parse_date(iso)) == expected


def test_no_qing_date_after_the_abdication_and_no_minguo_date_before_the_republic() -> None:
    parse = parse_date
    assert qing_date(parse("1912-02-13")) is None
    assert minguo_date(parse("1911-12-31")) is None
    assert minguo_date(parse("1912-01-01")) == "民国元年一月一日"


@pytest.mark.parametrize("iso, expected", [
    ("1945-08-14", "民国三十四年八月十四日"),       # the Sino-Soviet treaty
    ("1945-10-20", "民国三十四年十月二十日"),       # the plebiscite, which the source text misdates to 2014
    ("1946-01-05", "民国三十五年一月五日"),
    ("2002-10-03", "民国九十一年十月三日"),         # Taiwan: still Minguo years
])
def test_minguo_dates(iso: str, expected: str) -> None:
    assert minguo_date(parse_date(iso)) == expected


def test_minguo_label_says_taiwan_after_1949() -> None:
    labels = {d.calendar: d.label["en"] for d in contemporary_dates("1953-02-24")}
    assert "Taiwan" in labels["minguo"]
    assert "Taiwan" not in {d.calendar: d.label["en"] for d in contemporary_dates("1946-01-05")}["minguo"]


@pytest.mark.parametrize("iso, year", [
    ("1911-12-29", 1),      # enthronement, in the White Pig year
    ("1912-01-15", 1),      # before the lunar new year of 1912: still year 1
    ("1915-06-07", 5),      # Kyakhta treaty
    ("1921-07-11", 11),     # People's Government
    ("1911-12-01", None),   # the declaration came before the era
    ("1920-06-25", None),   # Chinese rule: the era was not in use
    ("1913-02-13", None),   # a week after the Chinese New Year: Tsagaan Sar may have fallen a month later
    ("1924-11-26", None),   # MPR proclaimed after the era was dropped
])
def test_bogd_era_years(iso: str, year: int | None) -> None:
    assert bogd_era_year(parse_date(iso)) == year


def test_bogd_era_text_in_mongolian() -> None:
    texts = {d.calendar: d.text for d in contemporary_dates("1915-06-07")}
    assert texts["bogd_era"]["mn"] == "Олноо өргөгдсөний 5-р он"
    assert texts["bogd_era"]["zh"].endswith("（共戴五年）")
    assert texts["julian"] == {"en": "25 May 1915 O.S.", "zh": "儒略历1915年5月25日",
                               "mn": "Юлийн тооллоор 1915\u202fоны 5-р сарын 25"}


def test_julian_leap_day_the_gregorian_calendar_lacks() -> None:
    """13 March 1900 was 29 February 1900 Old Style, a day datetime.date cannot hold: written all the same."""
    assert julian_text(parse_date("1900-03-13")) == {"en": "29 February 1900 O.S.", "zh": "儒略历1900年2月29日",
                                                     "mn": "Юлийн тооллоор 1900\u202fоны 2-р сарын 29"}


@pytest.mark.parametrize("n, text", [(1, "1-р"), (2, "2-р"), (28, "28-р"), (34, "34-р")])
def test_mongolian_ordinals_are_written_short_as_cldr_writes_months(n: int, text: str) -> None:
    assert mongolian_ordinal(n) == text


def test_only_exact_dates_get_contemporary_renderings() -> None:
    assert contemporary_dates("1757-01-01", "year") == []
    assert contemporary_dates("1919-08-01", "month") == []
    assert [d.calendar for d in contemporary_dates("1689-09-06")] == ["julian", "qing"]
    assert [d.calendar for d in contemporary_dates("1912-01-15")] == ["julian", "qing", "minguo", "bogd_era"]
    assert [d.calendar for d in contemporary_dates("1918-02-14")] == ["minguo"]   # Russia now Gregorian
    for d in contemporary_dates("1912-01-15"):
        assert set(d.label) == set(d.text) == {"en", "zh", "mn"} and all(d.text.values())


@pytest.mark.parametrize("old, new, problem", [
    ("  until: '1918-02-14'", "  until: 'soon'", "julian: until: 'soon' is not an ISO date"),
    ("    zh: 俄国旧历（儒略历）\n", "", "julian: label.zh: is missing"),
    ("first_year: 1723", "first_year: 1600", "yongzheng"),
    ("  - {since: '1921-02-21', until: '1924-06-13'}", "  - {since: '1921-02-21', until: '1920-06-13'}",
     "ends before it starts"),
])
def test_broken_calendars_file_raises_data_error(tmp_path: Path, old: str, new: str, problem: str) -> None:
    text = (DATA_DIR / "calendars.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "calendars.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_calendars(tmp_path)
    assert "calendars.yaml" in str(err.value) and problem in str(err.value)


def test_missing_calendars_file_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="calendars.yaml: file is missing"):
        load_calendars(tmp_path)


def test_validate_reports_a_broken_calendars_file(tmp_path: Path) -> None:
    from geodata import validate
    from tests.test_validate import DATA_FILES
    for name in DATA_FILES + ["calendars.yaml"]:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    path = tmp_path / "calendars.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("first_year: 1736", "first_year: 1700"), encoding="utf-8")
    found = validate.problems(tmp_path)
    assert len(found) == 1 and "calendars.yaml" in found[0] and "qianlong" in found[0], found


# --- what the page shows beside the date (geodata.calendars.shown_date, the bundle's `dates`) ------------------

def test_old_style_events_are_those_whose_date_note_gives_the_old_style_date() -> None:
    listed = set(load_calendars()["julian"]["events"])
    noted = {e.id for e in EVENTS.values() if OLD_STYLE.match(e.date_note or "") and e.date_precision == "day"}
    assert listed == noted


@pytest.mark.parametrize("iso, lang, old_style, expected", [
    ("1911-12-29", "zh", False, "宣统三年十一月初十日"),                  # the Bogd Khan's enthronement
    ("1911-12-29", "mn", False, "Олноо өргөгдсөний 1-р он"),
    ("1911-12-29", "en", False, ""),
    ("1915-06-07", "en", True, "25 May 1915 O.S."),                       # Kyakhta, a Russian treaty
    ("1915-06-07", "zh", True, "儒略历1915年5月25日；民国四年六月七日"),
    ("1915-06-07", "mn", True, "Юлийн тооллоор 1915\u202fоны 5-р сарын 25; Олноо өргөгдсөний 5-р он"),
    ("1912-01-15", "zh", False, "宣统三年十一月二十七日；民国元年一月十五日"),   # both until the abdication
    ("1945-08-14", "zh", False, "民国三十四年八月十四日"),
    ("1953-02-24", "zh", False, ""),          # after 1 October 1949 the mainland dates by the Gregorian year
    ("1921-07-11", "en", False, ""),
])
def test_shown_date_per_page_language(iso: str, lang: str, old_style: bool, expected: str) -> None:
    assert calendars.shown_date(iso, "day", lang, old_style) == expected


def test_shown_date_only_for_exact_dates() -> None:
    assert calendars.shown_date("1919-08-01", "month", "zh", False) == ""
    assert calendars.shown_date("1757-01-01", "year", "en", True) == ""


def test_bundle_carries_the_shown_dates_per_event_and_per_exact_date() -> None:
    import json

    from geodata.bundle import PAGE_DIR
    texts = {lang: json.loads((PAGE_DIR / f"text-{lang}.json").read_text(encoding="utf-8")) for lang in ("en", "zh", "mn")}
    order = sorted(EVENTS.values(), key=lambda e: (e.date, e.id))
    ev = {e.id: i for i, e in enumerate(order)}
    assert texts["zh"]["dates"]["1911-12-29"] == "宣统三年十一月初十日"
    assert texts["mn"]["dates"]["1915-06-07"].endswith("Олноо өргөгдсөний 5-р он")
    assert texts["en"]["dates"]["1689-09-06"] == "27 August 1689 O.S."
    assert "1911-12-29" not in texts["en"]["dates"]
    assert texts["en"]["events"][ev["treaty_of_kyakhta_1915"]]["contemporary"] == "25 May 1915 O.S."
    assert texts["zh"]["events"][ev["bogd_khan_enthroned_1911"]]["contemporary"] == "宣统三年十一月初十日"
    for lang, text in texts.items():   # every exact event's date has its shown date, no other date has one
        exact = {e.date.isoformat() for e in order if e.date_precision == "day"}
        assert set(text["dates"]) <= exact, lang


def test_calendars_naming_an_unknown_old_style_event_is_a_data_error(tmp_path: Path) -> None:
    text = (DATA_DIR / "calendars.yaml").read_text(encoding="utf-8").replace("nerchinsk_1689,", "nerchinsk_1698,", 1)
    (tmp_path / "calendars.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="nerchinsk_1698"):
        calendars.check_old_style_events(set(EVENTS), tmp_path)
