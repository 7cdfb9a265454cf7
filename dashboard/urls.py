"""Every URL the Python side writes into the page, and the paths its routes listen on, in one place.

Links to the page itself are written as bare queries ("?date=1911-12-01&lang=zh"), which the browser resolves
against the page's own address, prefix included; everything else is built here.

Dash may serve the app under a path prefix (`DASH_URL_BASE_PATHNAME=/atlas/`, or `DASH_REQUESTS_PATHNAME_PREFIX`
behind a proxy that strips it): links carry Dash's `requests_pathname_prefix`, routes are registered under its
`routes_pathname_prefix`. Outside a running app (unit tests, the static export before it rewrites links) both
prefixes are "/".
"""
from __future__ import annotations

from urllib.parse import urlencode

from dash import get_app

BORDERS = "download/borders.geojson"
BORDERS_ALL = "download/borders-all.geojson"
EVENTS = "download/events.csv"
PAGE_DATA = "page-data/"
TRUST = "trust/"
ASSETS = "assets/"


def _prefix(kind: str) -> str:
    """Dash's requests_ or routes_pathname_prefix ("/" outside an app), ending in "/"."""
    try:
        prefix = getattr(get_app().config, f"{kind}_pathname_prefix") or "/"
    except Exception:   # no Dash app in this process (unit tests, tools): the plain root
        prefix = "/"
    return prefix if prefix.endswith("/") else prefix + "/"


def _query(params: dict[str, object | None]) -> str:
    """'?a=1&b=2' of the parameters that have a value ('' when none has)."""
    kept = [(k, str(v)) for k, v in params.items() if v not in (None, "")]
    return "?" + urlencode(kept) if kept else ""


def link(path: str, **params: object | None) -> str:
    """A URL for the browser: the app's path (no leading slash) under the request prefix, with a query."""
    return _prefix("requests") + path.lstrip("/") + _query(params)


def route(path: str) -> str:
    """The path a Flask route of the app listens on (under Dash's routes prefix), e.g. route(BORDERS)."""
    return _prefix("routes") + path.lstrip("/")


def borders(date: str) -> str:
    """The borders GeoJSON of the span holding an ISO date (assets/classroom.js keeps ?date= current)."""
    return link(BORDERS, date=date)


def borders_all() -> str:
    """The time-enabled GeoJSON of every unit in every span."""
    return link(BORDERS_ALL)


def events(lang: str = "en", start: str | None = None, end: str | None = None) -> str:
    """The events CSV (all, or from/to ISO dates), in a language (English needs no parameter)."""
    return link(EVENTS, **{"from": start, "to": end, "lang": None if lang == "en" else lang})


def page_data() -> str:
    """Where the page script fetches the bundle files (<prefix>/page-data/<name>)."""
    return link(PAGE_DATA)


def trust(view: str) -> str:
    """Where the page fetches a trust view's HTML ("reading", "sources", "perspectives")."""
    return link(TRUST + view)


def is_asset(path: str) -> bool:
    """Whether a request path is one of the app's /assets/ files."""
    return path.startswith(route(ASSETS))


def static_file(stem: str, lang: str) -> str:
    """A file of the static export (or the pack) in a language: index.html, index-zh.html, guide-mn.html, ...
    (the default language's file has no suffix)."""
    from .i18n import DEFAULT

    return f"{stem}.html" if lang == DEFAULT else f"{stem}-{lang}.html"
