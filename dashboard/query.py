"""The view in the URL: ?year= or ?date=, compare, region, mode, lang, embed, lock <-> a View.

    ?date=1921-03-18&region=outer_mongolia&mode=claim&lang=zh&embed=1
    ?year=1911&compare=1946&lock=1911..1946     (a second map of 1946 beside 1911; the slider kept to 1911-1946)

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

KNOWN = ("year", "date", "compare", "region", "mode", "lang", "embed", "lock", "tour", "predict")  # tour, predict: classroom.js
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
    compare: int | None = None              # slider position of the second map (?compare=), None for none
    lock: tuple[int, int] | None = None     # first and last slider positions of the lesson's range (?lock=)
    lock_param: str = ""                    # ?lock= as it was given (when valid), written back into the address


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
    compare = None
    if values.get("compare"):
        raw = values["compare"]
        when = parse_when(raw)
        if when is None or not lo <= when[0] <= hi:
            notices.append(t(lang, "notice.bad_compare", value=_short(raw), first=lo.year, last=hi.year))
        else:
            compare = figures.stop_index(stops, when[0])
            if stops[compare] != when[0]:
                notices.append(t(lang, "notice.no_step", date=date_words(when[0], lang),
                                 shown=date_words(stops[compare], lang)))
    lock, lock_param = None, ""
    if values.get("lock"):
        lock, lock_param = lock_range(values["lock"], stops)
        if lock is None:
            notices.append(t(lang, "notice.bad_lock", value=_short(values["lock"]), first=lo.year, last=hi.year))
        else:
            span = lock_words(lock_param, lang)
            if not lock[0] <= stop <= lock[1]:
                moved = min(max(stop, lock[0]), lock[1])
                notices.append(t(lang, "notice.lock_moved", value=date_words(stops[stop], lang), range=span,
                                 shown=date_words(stops[moved], lang)))
                stop = moved
            if compare is not None and not lock[0] <= compare <= lock[1]:
                moved = min(max(compare, lock[0]), lock[1])
                notices.append(t(lang, "notice.lock_compare", value=date_words(stops[compare], lang), range=span,
                                 shown=date_words(stops[moved], lang)))
                compare = moved
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
                search=search if isinstance(search, str) else "", compare=compare, lock=lock, lock_param=lock_param)


def view_query(view: View, stops: Sequence[dt.date]) -> str:
    """The canonical query string of a view, e.g. "?year=1911" or "?date=1921-03-18&region=ili&lang=zh"
    (mirrors viewQuery in assets/nba_model.js)."""
    params: list[tuple[str, str]] = []
    params.append(("year" if _is_year(stops[view.stop]) else "date", stop_param(stops, view.stop)))
    if view.compare is not None:
        params.append(("compare", stop_param(stops, view.compare)))
    if view.region:
        params.append(("region", view.region))
    if view.mode != "control":
        params.append(("mode", view.mode))
    if view.lang_in_url or view.lang != "en":
        params.append(("lang", view.lang))
    if view.embed:
        params.append(("embed", "1"))
    if view.lock is not None and view.lock_param:
        params.append(("lock", view.lock_param))
    return "?" + urlencode(params, safe=".")


def _is_year(when: dt.date) -> bool:
    return (when.month, when.day) == (1, 1)


def stop_param(stops: Sequence[dt.date], stop: int) -> str:
    """A slider position as the address writes it: "1911" for 1 January, else "1921-03-18" (stopParam in nba_model.js)."""
    when = stops[stop]
    return str(when.year) if _is_year(when) else when.isoformat()


def parse_when(raw: str, end: bool = False) -> tuple[dt.date, str] | None:
    """A year or an ISO date -> (date, "year" or "day"); a year is its 1 January, or its 31 December when `end`
    (parseWhen in nba_model.js). None when it is neither."""
    raw = raw.strip()
    if _YEAR.match(raw):
        return dt.date(int(raw), 12, 31) if end else dt.date(int(raw), 1, 1), "year"
    when = _parse_date(raw)
    return None if when is None else (when, "day")


def lock_range(raw: str, stops: Sequence[dt.date]) -> tuple[tuple[int, int] | None, str]:
    """?lock=FROM..TO (years or ISO dates, the earlier first, inside the atlas; a year TO includes its whole year)
    -> ((first, last slider position), the value to write back), or (None, "") when unusable (lockRange in nba_model.js)."""
    parts = raw.split("..")
    if len(parts) != 2:
        return None, ""
    a, b = parse_when(parts[0]), parse_when(parts[1], end=True)
    if a is None or b is None or a[0] > b[0] or a[0] < figures.FIRST_DATE or b[0] > figures.LAST_DATE:
        return None, ""
    return (figures.stop_index(stops, a[0]), figures.stop_index(stops, b[0])), f"{parts[0].strip()}..{parts[1].strip()}"


def lock_words(lock_param: str, lang: str) -> str:
    """A valid ?lock= value in words: "1911–1946", "10 October 1911 – 1946" (as the lock note in the browser says it)."""
    ends = [parse_when(part, end=n == 1) for n, part in enumerate(lock_param.split(".."))]
    a, b = (date_words(w[0], lang, w[1]) for w in ends if w is not None)
    return t(lang, "lesson.range", **{"from": a, "to": b})


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
