"""Dates and numbers in each page language, as CLDR writes them (through Babel): the one home of date formats.

Python formats with Babel itself; the browser gets the same CLDR patterns, month names and number symbols
(`browser_formats`, carried in the page config) and `assets/nba_model.js` fills them in, so both write a date
the same way (tests/test_cldr.py compares them on every date the atlas shows).

    format_date("1911-12-29", "mn")            # "1911 оны 12-р сарын 29" (CLDR puts a narrow no-break space
                                               #  U+202F after the year, so a line never breaks there)
    format_date("1921-03-01", "zh", "month")   # "1921年3月"
    format_number(1564116, "mn")               # "1,564,116"
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import Any

from babel import Locale, dates, numbers

from .i18n import LANGUAGES

# The CLDR locale of each page language: British English writes "29 December 1911"; Chinese is Simplified.
LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN", "mn": "mn"}
# Which CLDR date format reads naturally. English and Chinese: "long" (29 December 1911, 1911年12月29日).
# Mongolian: "medium" (1911 оны 12-р сарын 29), the numbered month of everyday writing; CLDR's "long" spells
# the month out as an ordinal word (1911 оны арван хоёрдугаар сарын 29), formal and heavy in running text.
# The month-precision skeleton uses the same month width (MMMM with long, MMM with medium).
DATE_STYLE = {"en": "long", "zh": "long", "mn": "medium"}
PRECISIONS = ("day", "month", "year")
# The CLDR pattern fields the browser formatter (nba_model.js `cldrDate`) understands.
BROWSER_FIELDS = frozenset("yMd")


def locale(lang: str) -> Locale:
    """The Babel locale of a page language (ValueError for another language)."""
    if lang not in LOCALES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return Locale.parse(LOCALES[lang])


@lru_cache(maxsize=None)
def date_patterns(lang: str) -> dict[str, str]:
    """The CLDR pattern of a date at each precision: {"day": "d MMMM y", "month": "MMMM y", "year": "y"}."""
    loc = locale(lang)
    style = DATE_STYLE[lang]
    month = "yMMMM" if style == "long" else "yMMM"
    return {"day": dates.get_date_format(style, locale=loc).pattern,
            "month": loc.datetime_skeletons[month].pattern,
            "year": loc.datetime_skeletons["y"].pattern}


def _to_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def format_date(value: dt.date | str, lang: str, precision: str = "day") -> str:
    """A date in words in a language at a precision ("day", "month" or "year"; anything else counts as day)."""
    pattern = date_patterns(lang).get(precision, date_patterns(lang)["day"])
    return dates.format_date(_to_date(value), pattern, locale=locale(lang))


class _ShownYear(dt.date):
    """A leap-year stand-in whose year field shows another year, for a Julian 29 February of 1700, 1800 or 1900
    (a day datetime.date, being Gregorian, lacks); Babel reads only .year, .month and .day for y, M and d."""

    shown: int

    @property
    def year(self) -> int:  # type: ignore[override]
        return self.shown


def format_day(year: int, month: int, day: int, lang: str) -> str:
    """A day given by its numbers in words, in any calendar that names months as Gregorian does (Old Style)."""
    try:
        value: dt.date = dt.date(year, month, day)
    except ValueError:
        if (month, day) != (2, 29):
            raise
        value = _ShownYear(2000, 2, 29)
        value.shown = year
    return dates.format_date(value, date_patterns(lang)["day"], locale=locale(lang))


def format_number(value: float, lang: str) -> str:
    """A whole number (halves rounded up, as the browser's Math.round does) with the language's CLDR grouping."""
    return numbers.format_decimal(math.floor(value + 0.5), locale=locale(lang))


@lru_cache(maxsize=None)
def browser_formats(lang: str) -> dict[str, Any]:
    """What the browser needs to write dates and numbers as Babel does: the patterns of `date_patterns`, the
    format-context month names (abbreviated for MMM, wide for MMMM) and the number symbols."""
    loc = locale(lang)
    months = {width: [dates.get_month_names(width, "format", locale=loc)[m] for m in range(1, 13)]
              for width in ("abbreviated", "wide")}
    grouping = loc.decimal_formats[None].grouping
    return {"dates": date_patterns(lang), "months": {"MMM": months["abbreviated"], "MMMM": months["wide"]},
            "group": numbers.get_group_symbol(loc), "decimal": numbers.get_decimal_symbol(loc),
            "grouping": list(grouping)}
