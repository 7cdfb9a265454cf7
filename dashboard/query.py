"""Read the page's query string (?year=YYYY or ?date=YYYY-MM-DD) into a slider position and a notice."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl

from . import figures

KNOWN = ("year", "date", "render")
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class View:
    """Where the page opens: slider position, an optional notice, and the rendering path."""

    stop: int
    notice: str = ""
    render: str = "client"


def parse_query(search: str | None, stops: Sequence[dt.date], default_year: int) -> View:
    """Turn a query string into a View; anything unknown or out of range falls back with a notice."""
    default = figures.stop_index(stops, dt.date(default_year, 1, 1))
    if not isinstance(search, str):
        return View(default)
    try:
        pairs = parse_qsl(search.lstrip("?")[:2000], keep_blank_values=True, max_num_fields=20)
    except ValueError:
        return View(default, "The address had a query this page cannot read; showing the default date.")
    notices: list[str] = []
    values: dict[str, str] = {}
    for key, value in pairs:
        if key not in KNOWN:
            notices.append(f"Ignored unknown setting “{_short(key)}”.")
        elif key not in values:
            values[key] = value.strip()
    stop = default
    lo, hi = figures.FIRST_DATE, figures.LAST_DATE
    if "date" in values:
        raw = values["date"]
        when = _parse_date(raw)
        if when is None:
            notices.append(f"“{_short(raw)}” is not a date like 1921-07-11; showing {default_year}.")
        elif not lo <= when <= hi:
            notices.append(f"{raw} is outside {lo.year}–{hi.year}; showing {default_year}.")
        else:
            stop = figures.stop_index(stops, when)
            if stops[stop] != when:
                notices.append(f"{figures.date_in_words(when)} has no step of its own; showing "
                               f"{figures.date_in_words(stops[stop])}, when the map was the same.")
    elif "year" in values:
        raw = values["year"]
        if not _YEAR.match(raw):
            notices.append(f"“{_short(raw)}” is not a year; showing {default_year}.")
        elif not lo.year <= int(raw) <= hi.year:
            notices.append(f"{raw} is outside {lo.year}–{hi.year}; showing {default_year}.")
        else:
            stop = figures.stop_index(stops, dt.date(int(raw), 1, 1))
    render = "server" if values.get("render") == "server" else "client"
    return View(stop, " ".join(notices), render)


def _parse_date(raw: str) -> dt.date | None:
    """Parse YYYY-MM-DD strictly; None when malformed or not a real date."""
    if not _DATE.match(raw):
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _short(text: str, limit: int = 40) -> str:
    """Shorten user text before echoing it in a notice."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
