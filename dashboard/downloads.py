"""Downloads: the borders as GeoJSON (of one day, and of every unit in every span), the events as CSV, and the
'Download' panel (the map PNG is drawn in the browser: assets/nba_png.js)."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import hashlib
import io
import json
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import brotli
import flask
from dash import html

import geodata
from geodata import borders
from geodata.i18n import LANGUAGES, translate

from . import i18n, urls
from .data import PAGE_DIR

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
GEOJSON = "application/geo+json"
CSV = "text/csv; charset=utf-8"
CSV_COLUMNS = ("id", "date", "date_precision", "title", "place", "lat", "lon", "regions", "contested", "summary",
               "date_note", "uncertainty", "sources")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")   # a spreadsheet would run such a cell as a formula

# Messages of the download routes (plain English: they answer programs and addresses typed by hand).
MESSAGES = {
    "bad_date": "'{name}' must be a date like 1911-12-01 between 1689-01-01 and 2008-12-31",
    "need_date": "add ?date=YYYY-MM-DD or ?year=YYYY (between 1689-01-01 and 2008-12-31)",
    "bad_year": "'year' must be a year like 1911 between 1689 and 2008",
    "bad_range": "'from' ({lo}) is after 'to' ({hi})",
    "bad_lang": "'lang' must be one of {langs}",
}


def _bad(message: str) -> None:
    """Stop the request with HTTP 400 and a short message (the app turns it into JSON)."""
    flask.abort(400, description=message)


def _date_arg(name: str, required: bool) -> dt.date | None:
    """A query argument as a date in the atlas's range; a malformed or missing one is a 400."""
    raw = flask.request.args.get(name, "").strip()
    if not raw:
        if required:
            _bad(MESSAGES["need_date"])
        return None
    try:
        day = dt.date.fromisoformat(raw) if ISO_DAY.match(raw) else None
    except ValueError:
        day = None
    if day is None or not geodata.FIRST <= day <= geodata.LAST:
        _bad(MESSAGES["bad_date"].format(name=name))
    return day


def _day_arg() -> dt.date:
    """The day a borders request asks for: ?date=YYYY-MM-DD, else ?year=YYYY (its 1 January); 400 if neither."""
    if flask.request.args.get("date", "").strip():
        day = _date_arg("date", required=True)
        assert day is not None
        return day
    raw = flask.request.args.get("year", "").strip()
    if not raw:
        _bad(MESSAGES["need_date"])
    if not YEAR.match(raw) or not geodata.FIRST.year <= int(raw) <= geodata.LAST.year:
        _bad(MESSAGES["bad_year"])
    return dt.date(int(raw), 1, 1)


def _lang_arg() -> str:
    """The ?lang= argument (default English); an unknown language is a 400."""
    lang = flask.request.args.get("lang", "en").strip() or "en"
    if lang not in LANGUAGES:
        _bad(MESSAGES["bad_lang"].format(langs=", ".join(LANGUAGES)))
    return lang


@functools.lru_cache(maxsize=1)
def all_borders() -> tuple[dict[str, Any], tuple[str, ...]]:
    """The build's file of every unit in every span (geodata/page/borders-all.geojson), parsed once per process,
    and the sorted dates on which some span starts."""
    doc = json.loads((PAGE_DIR / borders.FILE_NAME).read_text(encoding="utf-8"))
    return doc, tuple(borders.span_starts(doc["features"]))


def span_of(when: dt.date) -> tuple[str, str]:
    """Start and end (exclusive, '' if open) of the span of time, holding a date, in which no border, status,
    claimant or name changes."""
    return borders.span_of(all_borders()[1], when.isoformat())


def borders_geojson(start: str) -> str:
    """The borders of one span as GeoJSON text: one feature per unit, with its status, claimants, names,
    precision and sources (the features of the all-spans file that hold the span's first day)."""
    doc, starts = all_borders()
    _, end = borders.span_of(starts, start)
    collection = borders.collection(borders.features_at(doc["features"], start),
                                    f"northern-border-atlas-borders-{start}", period={"start": start, "end": end})
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a text starting like a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def events_csv(events: Sequence[geodata.Event], lo: dt.date | None = None, hi: dt.date | None = None,
               lang: str = "en") -> str:
    """The events between two dates (inclusive; all when None) as CSV text with a BOM for spreadsheets."""
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 (Chinese, Mongolian) only with the byte-order mark
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        if (lo and e.date < lo) or (hi and e.date > hi):
            continue

        def text(field: str, english: str) -> str:
            return translate(lang, "events", e.id, field, default=english) if lang != "en" else english

        writer.writerow([_cell(v) for v in (
            e.id, e.date.isoformat(), e.date_precision, text("title", e.title), text("place", e.place),
            e.lat, e.lon, ";".join(e.regions), "yes" if e.contested else "no",
            text("summary", e.summary), text("date_note", e.date_note), text("uncertainty", e.uncertainty),
            " | ".join(f"{s.get('title', '')} <{s.get('url', '')}>" for s in e.sources))])
    return out.getvalue()


@dataclass(frozen=True)
class Payload:
    """A download built once: its bytes gzip- and brotli-compressed, and a validator."""

    encoded: dict[str, bytes]
    digest: str

    @classmethod
    def of(cls, text: str) -> "Payload":
        """Encode and compress a text once."""
        plain = text.encode("utf-8")
        return cls(encoded={"br": brotli.compress(plain, quality=6), "gzip": gzip.compress(plain, 6)},
                   digest=hashlib.sha256(plain).hexdigest()[:20])

    def body(self, coding: str | None) -> bytes:
        """The bytes in a content coding; None: uncompressed (rare: every browser accepts gzip, so not kept)."""
        return self.encoded[coding] if coding else gzip.decompress(self.encoded["gzip"])


class BuiltOnce:
    """A bounded cache of payloads whose concurrent first requests build the payload once, not once each."""

    def __init__(self, build: Callable[..., Payload], size: int) -> None:
        self._build, self._size = build, size
        self._items: dict[tuple, Payload] = {}
        self._lock = threading.Lock()
        # gunicorn forks its workers from a preloaded master, where the warm-up thread may hold the lock: a
        # worker gets a lock of its own (a build that was under way is simply made again there)
        os.register_at_fork(after_in_child=self._new_lock)

    def _new_lock(self) -> None:
        self._lock = threading.Lock()

    def __call__(self, *key: Any) -> Payload:
        hit = self._items.get(key)
        if hit is None:
            with self._lock:
                hit = self._items.get(key)
                if hit is None:
                    hit = self._build(*key)
                    if len(self._items) >= self._size:
                        self._items.pop(next(iter(self._items)))   # the oldest: a bounded memory per worker
                    self._items[key] = hit
        return hit


def _attachment(payload: Payload, content_type: str, filename: str, loaded: dt.datetime) -> flask.Response:
    """A download response: compressed if the client accepts it, with ETag and Last-Modified (304 when unchanged)."""
    accepted = flask.request.accept_encodings
    coding = next((c for c in ("br", "gzip") if accepted[c] > 0), None)
    # content_type, not mimetype: Flask would add a second "; charset=utf-8" to text/csv's own
    resp = flask.Response(payload.body(coding), content_type=content_type)
    if coding:
        resp.headers["Content-Encoding"] = coding
    resp.vary.add("Accept-Encoding")
    resp.set_etag(f"{payload.digest}-{coding or 'identity'}")   # one validator per representation
    resp.last_modified = loaded
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp.make_conditional(flask.request)


def register_routes(server: flask.Flask, atlas: Any) -> None:
    """Add the download routes to the Flask server; each file is built once per process from the build's files
    and the loaded atlas (a thread builds the borders files as the server starts, so no visitor waits for it)."""
    loaded = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)   # the data is read once, at start-up

    spans = BuiltOnce(lambda start: Payload.of(borders_geojson(start)), size=256)   # every span fits
    whole = BuiltOnce(lambda: Payload.of((PAGE_DIR / borders.FILE_NAME).read_text(encoding="utf-8")), size=1)
    events = BuiltOnce(lambda lo, hi, lang: Payload.of(events_csv(atlas.events, lo, hi, lang)), size=64)
    threading.Thread(target=lambda: (whole(), spans(all_borders()[1][0])), name="borders", daemon=True).start()

    @server.route(urls.route(urls.BORDERS))
    def download_borders() -> flask.Response:
        start, _ = span_of(_day_arg())
        return _attachment(spans(start), GEOJSON, f"northern-border-atlas-borders-{start}.geojson", loaded)

    @server.route(urls.route(urls.BORDERS_ALL))
    def download_borders_all() -> flask.Response:
        return _attachment(whole(), GEOJSON, "northern-border-atlas-borders-all.geojson", loaded)

    @server.route(urls.route(urls.EVENTS))
    def download_events() -> flask.Response:
        lo, hi = _date_arg("from", required=False), _date_arg("to", required=False)
        if lo and hi and lo > hi:
            _bad(MESSAGES["bad_range"].format(lo=lo, hi=hi))
        lang = _lang_arg()
        suffix = "" if not (lo or hi) else f"-{lo or geodata.FIRST}-to-{hi or geodata.LAST}"
        return _attachment(events(lo, hi, lang), CSV, f"northern-border-atlas-events{suffix}.csv", loaded)


def download_panel(iso: str, lang: str = i18n.DEFAULT) -> Any:
    """The 'Download' panel: PNG button (with the texts the image carries), GeoJSON and CSV links (stable ids)."""
    def s(key: str) -> str:
        return i18n.t(lang, f"downloads.{key}")

    space = "" if lang == "zh" else " "   # Chinese puts no space between words
    png_texts = {"data-title": i18n.t(lang, "header.title"), "data-attribution": s("png_attribution"),
                 **{f"data-mode-{mode}": i18n.t(lang, "controls.mode_label") + space + i18n.t(lang, f"controls.mode_{mode}")
                    for mode in ("control", "claim")}}
    return html.Section([
        html.H2(s("title"), className="panel-title"),
        html.Div([
            html.Button(s("png"), id="download-png", n_clicks=0, className="btn small", type="button",
                        title=s("png_title"), **png_texts),
            html.A(s("geojson"), id="download-geojson", href=urls.borders(iso), download="",
                   className="btn small", title=s("geojson_title")),
            html.A(s("geojson_all"), id="download-geojson-all", href=urls.borders_all(), download="",
                   className="btn small", title=s("geojson_all_title")),
            html.A(s("csv"), id="download-csv", href=urls.events(lang), download="", className="btn small",
                   title=s("csv_title")),
        ], className="download-buttons"),
    ], className="panel downloads no-print", id="downloads")
