"""The view in the URL: ?year= or ?date=, region, mode, lang, embed <-> a View.

    ?date=1921-03-18&region=outer_mongolia&mode=claim&lang=zh&embed=1

Anything unknown, malformed or out of range falls back to the default with a notice in the page's language.
`view_query` writes a View back as the canonical query string (assets/atlas.js writes the same shape).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import figures
from .i18n import LANGUAGES, date_words, pick_language, t

KNOWN = ("year", "date", "region", "mode", "lang", "embed", "tour", "predict")  # tour, predict: read by assets/classroom.js
MODES = figures.MODES
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class View:
    """What the page shows: slider position, region, border mode, language, embed; plus notices."""

    stop: int
    notice: str = ""
    region: str | None = None
    mode: str = "control"
    lang: str = "en"
    lang_in_url: bool = False
    embed: bool = False
    notices: tuple[str, ...] = field(default=())
    search: str = ""    # the query string this view was read from, as the browser sent it


def _split(search: str) -> list[tuple[str, str]] | None:
    """Key/value pairs of a query string (None when it cannot be read)."""
    try:
        return parse_qsl(search.lstrip("?")[:2000], keep_blank_values=True, max_num_fields=20)
    except ValueError:
        return None


def parse_query(search: str | None, stops: Sequence[dt.date], default_year: int,
                units: Collection[str] = (), accept_language: str | None = None,
                page_lang: str | None = None) -> View:
    """Turn a query string into a View; anything unknown or out of range falls back with a notice.
    `page_lang`: write the notices in this language (a page already drawn in it) whatever ?lang= says."""
    default = figures.stop_index(stops, dt.date(default_year, 1, 1))
    pairs = _split(search) if isinstance(search, str) else []
    values: dict[str, str] = {}
    unknown: list[str] = []
    for key, value in pairs or []:
        if key not in KNOWN:
            unknown.append(key)
        elif key not in values:
            values[key] = value.strip()
    lang, bad_lang = pick_language(values.get("lang"), accept_language)
    if page_lang in LANGUAGES:
        lang = page_lang
    notices: list[str] = []
    if pairs is None:
        notices.append(t(lang, "notice.unreadable"))
    if bad_lang:
        notices.append(t(lang, "notice.bad_lang", value=_short(values["lang"]), language=t(lang, "meta.lang_name")))
    notices += [t(lang, "notice.unknown", key=_short(k)) for k in unknown]
    stop = default
    lo, hi = figures.FIRST_DATE, figures.LAST_DATE
    year_words = str(default_year)
    if "date" in values:
        raw = values["date"]
        when = _parse_date(raw)
        if when is None:
            notices.append(t(lang, "notice.bad_date", value=_short(raw), year=year_words))
        elif not lo <= when <= hi:
            notices.append(t(lang, "notice.out_of_range", value=raw, first=lo.year, last=hi.year, year=year_words))
        else:
            stop = figures.stop_index(stops, when)
            if stops[stop] != when:
                notices.append(t(lang, "notice.no_step", date=date_words(when, lang),
                                 shown=date_words(stops[stop], lang)))
    elif "year" in values:
        raw = values["year"]
        if not _YEAR.match(raw):
            notices.append(t(lang, "notice.bad_year", value=_short(raw), year=year_words))
        elif not lo.year <= int(raw) <= hi.year:
            notices.append(t(lang, "notice.out_of_range", value=raw, first=lo.year, last=hi.year, year=year_words))
        else:
            stop = figures.stop_index(stops, dt.date(int(raw), 1, 1))
    region = values.get("region") or None
    if region is not None and region not in units:
        notices.append(t(lang, "notice.bad_region", value=_short(region)))
        region = None
    mode = values.get("mode", "control").lower() or "control"
    if mode not in MODES:
        notices.append(t(lang, "notice.bad_mode", value=_short(values["mode"])))
        mode = "control"
    embed_raw = values.get("embed", "").lower()
    embed = embed_raw in _TRUE
    if embed_raw not in _TRUE | _FALSE:
        notices.append(t(lang, "notice.bad_embed", value=_short(values["embed"])))
    return View(stop=stop, notice=" ".join(notices), region=region, mode=mode, lang=lang,
                lang_in_url="lang" in values and not bad_lang, embed=embed, notices=tuple(notices),
                search=search if isinstance(search, str) else "")


def view_query(view: View, stops: Sequence[dt.date]) -> str:
    """The canonical query string of a view, e.g. "?year=1911" or "?date=1921-03-18&region=ili&lang=zh"
    (mirrors viewQuery in assets/nba_model.js)."""
    when = stops[view.stop]
    params: list[tuple[str, str]] = []
    params.append(("year", str(when.year)) if (when.month, when.day) == (1, 1) else ("date", when.isoformat()))
    if view.region:
        params.append(("region", view.region))
    if view.mode != "control":
        params.append(("mode", view.mode))
    if view.lang_in_url or view.lang != "en":
        params.append(("lang", view.lang))
    if view.embed:
        params.append(("embed", "1"))
    return "?" + urlencode(params)


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


def request_search() -> str | None:
    """The page's query string for the current Flask request: the index's own, or, for the layout that the
    page fetches next (/_dash-layout has no query of its own), the page address in its Referer header."""
    import flask

    if not flask.has_request_context():
        return None
    request = flask.request
    if request.path.endswith("_dash-layout"):
        referer = request.headers.get("Referer", "")
        if not referer:
            return None
        try:
            parts = urlsplit(referer)
        except ValueError:
            return None   # not a URL ("http://[::1"): the defaults (the app answers such a request with 400)
        if parts.netloc and parts.netloc != request.host:
            return None   # not our own page: ignore
        return "?" + parts.query if parts.query else ""
    return "?" + request.query_string.decode("latin-1") if request.query_string else ""


def request_view(stops: Sequence[dt.date], default_year: int, units: Collection[str]) -> View:
    """The View for the current request (URL, else browser language, else defaults); outside a request, the default."""
    import flask

    accept = flask.request.headers.get("Accept-Language") if flask.has_request_context() else None
    return parse_query(request_search(), stops, default_year, units, accept)
