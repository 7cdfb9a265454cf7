"""Dates as their contemporaries wrote them (calendars.yaml): Old Style, Qing reign and Minguo years, the Bogd era.

Pure functions of an exact Gregorian date. The Chinese lunar calendar comes from lunar-python (6tail's
`lunar`, which covers years 1 to 9999); the Julian date is plain arithmetic on day numbers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lunar_python import Lunar, Solar

from .cldr import format_day
from .dates import parse_date
from .errors import DataError
from .i18n import LANGUAGES
from . import models
from .io import DATA_DIR, read_yaml
from .periods import check_sources

CALENDARS = ("julian", "qing", "minguo", "bogd_era")
_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class ContemporaryDate:
    """One contemporary rendering of a day: the calendar's id, its label and the date per page language."""

    calendar: str
    label: dict[str, str]
    text: dict[str, str]


# --- numerals --------------------------------------------------------------------------------------------------

def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals as years and days are written (二十八, 三十, 十四); 1 stays 一."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def chinese_year(n: int) -> str:
    """An era year in Chinese: 元年 for the first, 二十八年 for the 28th."""
    return "元年" if n == 1 else chinese_number(n) + "年"


def lunar_month(month: int) -> str:
    """A lunar month in Chinese: 正月 for the first, 闰 before a leap month (lunar-python marks it negative)."""
    leap = "闰" if month < 0 else ""
    month = abs(month)
    return leap + ("正" if month == 1 else chinese_number(month)) + "月"


def lunar_day(day: int) -> str:
    """A lunar day in Chinese as documents wrote it: 初一日..初十日, 十一日..三十日."""
    return ("初" + chinese_number(day) if day <= 10 else chinese_number(day)) + "日"


def mongolian_ordinal(n: int) -> str:
    """A numeral as a Mongolian ordinal, in the short written form CLDR uses for months (12-р сар): 1-р, 28-р."""
    return f"{n}-р"


# --- the calendars ---------------------------------------------------------------------------------------------

def julian(day: dt.date) -> tuple[int, int, int]:
    """The Julian (Old Style) calendar's year, month and day for a Gregorian date."""
    jdn = day.toordinal() + 1721425       # Julian day number of the date (noon)
    c = jdn + 32082                       # Richards' algorithm for the Julian calendar
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def julian_text(day: dt.date) -> dict[str, str]:
    """The Old Style date in each page language: '27 August 1689 O.S.', '儒略历1689年8月27日', Mongolian."""
    y, m, d = julian(day)
    return {
        "en": f"{format_day(y, m, d, 'en')} O.S.",
        "zh": f"儒略历{format_day(y, m, d, 'zh')}",
        "mn": f"Юлийн тооллоор {format_day(y, m, d, 'mn')}",
    }


def _lunar(day: dt.date):
    return Solar.fromYmd(day.year, day.month, day.day).getLunar()


def _qing_parts(day: dt.date, data_dir: Path) -> tuple[dict, int, int, int] | None:
    """The reign, its year, the lunar month (negative if leap) and day; None outside the Qing reigns."""
    qing = load_calendars(data_dir)["qing"]
    if day >= qing["until"]:
        return None
    lunar = _lunar(day)
    reign = next((r for r in reversed(qing["reigns"]) if r["first_year"] <= lunar.getYear()), None)
    if reign is None:
        return None
    return reign, lunar.getYear() - reign["first_year"] + 1, lunar.getMonth(), lunar.getDay()


def qing_date(day: dt.date, data_dir: Path = DATA_DIR) -> str | None:
    """The Qing reign date in Chinese (康熙二十八年七月二十四日), or None outside the reigns listed."""
    parts = _qing_parts(day, data_dir)
    if parts is None:
        return None
    reign, n, month, d = parts
    return reign["zh"] + chinese_year(n) + lunar_month(month) + lunar_day(d)


def _qing_gloss(day: dt.date, data_dir: Path) -> dict[str, str]:
    reign, n, month, d = _qing_parts(day, data_dir)
    leap_en, leap_mn = ("leap ", "илүү ") if month < 0 else ("", "")
    return {
        "en": f"{reign['en']} {n}, {leap_en}month {abs(month)}, day {d}",
        "mn": f"{reign['mn']} {mongolian_ordinal(n)} он, {leap_mn}{mongolian_ordinal(abs(month))} сарын {d}",
    }


def minguo_date(day: dt.date, data_dir: Path = DATA_DIR) -> str | None:
    """The Republic of China date in Chinese (民国三十四年八月十四日), or None before 1912."""
    minguo = load_calendars(data_dir)["minguo"]
    if day < minguo["since"]:
        return None
    return ("民国" + chinese_year(day.year - minguo["first_year"] + 1) + chinese_number(day.month) + "月" +
            chinese_number(day.day) + "日")


def bogd_era_year(day: dt.date, data_dir: Path = DATA_DIR) -> int | None:
    """The Bogd Khanate era year of a day, or None where the era was not in use or the new year is in doubt."""
    era = load_calendars(data_dir)["bogd_era"]
    if not any(span["since"] <= day < span["until"] for span in era["in_use"]):
        return None
    lunar = _lunar(day)
    first = Lunar.fromYmd(day.year, 1, 1).getSolar()     # the Chinese New Year of the date's Gregorian year
    new_year = dt.date(first.getYear(), first.getMonth(), first.getDay())
    if new_year <= day < new_year + dt.timedelta(days=era["new_year_doubt_days"]):
        return None
    return lunar.getYear() - era["first_year"] + 1


def bogd_era_text(n: int, data_dir: Path = DATA_DIR) -> str:
    """The era year in Mongolian: 'Олноо өргөгдсөний 5-р он'."""
    return f"{load_calendars(data_dir)['bogd_era']['name']} {mongolian_ordinal(n)} он"


def contemporary_dates(when: object, precision: str = "day", data_dir: Path = DATA_DIR) -> list[ContemporaryDate]:
    """Every contemporary rendering of an exact date, in CALENDARS order; none unless precision is 'day'."""
    if precision != "day":
        return []
    day = parse_date(when)
    cal = load_calendars(data_dir)
    out: list[ContemporaryDate] = []
    if day < cal["julian"]["until"]:
        out.append(ContemporaryDate("julian", cal["julian"]["label"], julian_text(day)))
    qing = qing_date(day, data_dir)
    if qing:
        gloss = _qing_gloss(day, data_dir)
        out.append(ContemporaryDate("qing", cal["qing"]["label"],
                                    {"en": f"{qing} ({gloss['en']})", "zh": qing, "mn": f"{qing} ({gloss['mn']})"}))
    minguo = minguo_date(day, data_dir)
    if minguo:
        n = day.year - cal["minguo"]["first_year"] + 1
        label = cal["minguo"]["label_taiwan" if day >= cal["minguo"]["taiwan_since"] else "label"]
        out.append(ContemporaryDate("minguo", label, {
            "en": f"{minguo} (Minguo {n})", "zh": minguo, "mn": f"{minguo} (Дундад Иргэн Улсын {mongolian_ordinal(n)} он)"}))
    era = bogd_era_year(day, data_dir)
    if era:
        text = bogd_era_text(era, data_dir)
        out.append(ContemporaryDate("bogd_era", cal["bogd_era"]["label"], {
            "en": f"{text} (Bogd Khanate era, year {era})", "zh": f"{text}（共戴{chinese_year(era)}）", "mn": text}))
    return out


def shown_date(when: object, precision: str, lang: str, old_style: bool = False, data_dir: Path = DATA_DIR) -> str:
    """What a page in `lang` shows beside an exact Gregorian date ("" if nothing): the Old Style date when the day
    comes from a Russian document (`old_style`), then the page's own calendars (calendars.yaml `page.shown`)."""
    cal = load_calendars(data_dir)
    page = cal["page"]
    wanted = (("julian",) if old_style else ()) + tuple(page["shown"].get(lang, ()))
    day = parse_date(when) if precision == "day" else None
    texts = [d.text[lang] for d in contemporary_dates(when, precision, data_dir) if d.calendar in wanted
             and not (d.calendar == "minguo" and day is not None and day >= page["minguo_until"])]
    return page["separator"].get(lang, "; ").join(texts)


def check_old_style_events(event_ids: Collection[str], data_dir: Path = DATA_DIR) -> None:
    """calendars.yaml's `julian.events` must name known events (a DataError naming the file otherwise)."""
    unknown = [e for e in load_calendars(data_dir)["julian"]["events"] if e not in event_ids]
    if unknown:
        raise DataError(Path(data_dir) / "calendars.yaml", f"julian events names unknown events {unknown}")


# --- the data file ---------------------------------------------------------------------------------------------

def _labels(path: Path, raw: object, what: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(not str(raw.get(lang) or "").strip() for lang in LANGUAGES):
        raise DataError(path, f"{what} needs a label in each of {', '.join(LANGUAGES)}")
    return {lang: str(raw[lang]).strip() for lang in LANGUAGES}


def _day(path: Path, value: object, what: str) -> dt.date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise DataError(path, f"{what}: {exc}") from None


@lru_cache(maxsize=4)
def load_calendars(data_dir: Path = DATA_DIR) -> dict:
    """calendars.yaml, checked: each calendar's dates, labels in en/zh/mn, sources; reigns in order."""
    path = Path(data_dir) / "calendars.yaml"
    raw = read_yaml(path)
    models.validated(path, models.CalendarsFile, raw)   # fields and types; below: the order of reigns and spans
    out: dict = {}
    julian_raw = raw["julian"]
    out["julian"] = {"until": _day(path, julian_raw["until"], "julian until"),
                     "label": _labels(path, julian_raw["label"], "julian"),
                     "events": tuple(str(e) for e in (julian_raw.get("events") or [])),
                     "sources": check_sources(path, julian_raw["sources"], "julian")}
    qing = raw["qing"]
    reigns = []
    for r in qing["reigns"]:
        if reigns and r["first_year"] <= reigns[-1]["first_year"]:
            raise DataError(path, f"qing reign {r['id']!r}: first_year must be a year after the reign before it")
        reigns.append({k: r[k] for k in ("id", "first_year", "zh", "en", "mn")})
    out["qing"] = {"until": _day(path, qing["until"], "qing until"), "label": _labels(path, qing["label"], "qing"),
                   "reigns": reigns, "uncertainty": str(qing.get("uncertainty") or "").strip(),
                   "sources": check_sources(path, qing["sources"], "qing")}
    minguo = raw["minguo"]
    out["minguo"] = {"since": _day(path, minguo["since"], "minguo since"), "first_year": int(minguo["first_year"]),
                     "taiwan_since": _day(path, minguo["taiwan_since"], "minguo taiwan_since"),
                     "label": _labels(path, minguo["label"], "minguo"),
                     "label_taiwan": _labels(path, minguo["label_taiwan"], "minguo label_taiwan"),
                     "sources": check_sources(path, minguo["sources"], "minguo")}
    era = raw["bogd_era"]
    spans = []
    for n, span in enumerate(era["in_use"], 1):
        since, until = _day(path, span["since"], "bogd_era since"), _day(path, span["until"], "bogd_era until")
        if until <= since:
            raise DataError(path, f"bogd_era in_use #{n} ends before it starts")
        spans.append({"since": since, "until": until})
    out["bogd_era"] = {"name": str(era["name"]).strip(), "first_year": int(era["first_year"]),
                       "new_year_doubt_days": int(era["new_year_doubt_days"]), "in_use": spans,
                       "label": _labels(path, era["label"], "bogd_era"),
                       "uncertainty": str(era.get("uncertainty") or "").strip(),
                       "sources": check_sources(path, era["sources"], "bogd_era")}
    page = raw.get("page") or {}
    shown = page.get("shown") or {}
    if not isinstance(shown, dict) or any(c not in CALENDARS for cs in shown.values() for c in (cs or [])):
        raise DataError(path, f"page shown: a language's list may name only {', '.join(CALENDARS)}")
    out["page"] = {"shown": {lang: tuple(shown.get(lang) or ()) for lang in LANGUAGES},
                   "minguo_until": _day(path, page.get("minguo_until", "9999-12-31"), "page minguo_until"),
                   "separator": {str(k): str(v) for k, v in (page.get("separator") or {}).items()}}
    return out
