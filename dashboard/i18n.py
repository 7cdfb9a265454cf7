"""Interface translations (dashboard/i18n/{en,zh,mn}.yaml) and the per-language page data.

Interface strings live in the YAML files beside this module, one file per language, with the same nested
keys; `t(lang, "controls.play")` looks one up and fills `{placeholders}`. Data strings (unit names, status
labels, events, notes) come from `geodata.i18n`; dates and numbers are written by Babel (CLDR) through
`geodata.cldr`.

    from dashboard.i18n import t, date_words, pick_language
    t("zh", "controls.play")                     # "播放"
    date_words("1911-01-01", "mn")               # "1911 оны 1-р сарын 1"
    pick_language("zh", "mn;q=0.9,en;q=0.8")     # ("zh", "")  (language, notice key if the value was bad)
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from geodata import cldr
from geodata import i18n as data_i18n
from geodata.errors import DataError
from geodata.io import read_yaml

LANGUAGES = ("en", "zh", "mn")
DEFAULT = "en"
HTML_LANG = {"en": "en", "zh": "zh-Hans", "mn": "mn-Cyrl"}
UI_DIR = Path(__file__).resolve().parent / "i18n"
_FIELD = re.compile(r"{(\w+)}")


def ui_path(lang: str) -> Path:
    """Where a language's interface strings live."""
    return UI_DIR / f"{lang}.yaml"


@lru_cache(maxsize=None)
def load_ui(lang: str) -> dict[str, Any]:
    """The nested interface strings of a language (read once per process)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    tree = read_yaml(ui_path(lang))
    if not isinstance(tree, dict):
        raise DataError(ui_path(lang), "should be a mapping of sections")
    return tree


def flat_keys(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"a.b.c": value} for every leaf of a nested dict (lists count as leaves)."""
    out: dict[str, Any] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flat_keys(value, path + "."))
        else:
            out[path] = value
    return out


def _lookup(lang: str, key: str) -> Any:
    node: Any = load_ui(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def raw(lang: str, key: str) -> Any:
    """The value at a key (string or list), English when the language lacks it; KeyError if none has it."""
    lang = lang if lang in LANGUAGES else DEFAULT
    value = _lookup(lang, key)
    if value is None or value == "":
        value = _lookup(DEFAULT, key)
    if value is None:
        raise KeyError(f"no interface string {key!r}")
    return value


def fill(template: str, /, **values: Any) -> str:
    """Replace {name} fields in a template; unknown fields stay as they are (never raises)."""
    return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def t(lang: str, key: str, /, **values: Any) -> str:
    """The interface string at a dotted key in a language, with {placeholders} filled."""
    return fill(str(raw(lang, key)), **values)


def date_words(value: dt.date | str, lang: str, precision: str = "day") -> str:
    """A date in words in a language, as CLDR writes it: '1 January 1911', '1911年1月1日', '1911 оны 1-р сарын 1'."""
    return cldr.format_date(value, lang if lang in LANGUAGES else DEFAULT, precision)


def format_number(value: float, lang: str) -> str:
    """A whole number with the language's CLDR grouping ('1,564,116')."""
    return cldr.format_number(value, lang if lang in LANGUAGES else DEFAULT)


def parse_accept_language(header: str | None) -> list[str]:
    """Language tags of an Accept-Language header, best first (q=0 dropped; malformed parts ignored)."""
    if not header or not isinstance(header, str):
        return []
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(header[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))
            except ValueError:
                continue
        if tag and q > 0:
            ranked.append((-q, n, tag.strip().lower()))
    return [tag for _, _, tag in sorted(ranked)]


def browser_language(header: str | None) -> str:
    """The first supported language of an Accept-Language header, else English."""
    for tag in parse_accept_language(header):
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return base
    return DEFAULT


def pick_language(query_value: str | None, accept_language: str | None) -> tuple[str, bool]:
    """Language from the URL, else the browser, else English; the flag is True when the URL's value was bad."""
    if query_value is not None:
        value = query_value.strip().lower()
        if value in LANGUAGES:
            return value, False
        base = value.split("-")[0]
        if base in LANGUAGES:
            return base, False
        return browser_language(accept_language), True
    return browser_language(accept_language), False


@lru_cache(maxsize=8192)
def data_text(lang: str, *path: str) -> tuple[str, bool]:
    """A data string (geodata.i18n key path) in a language, and whether it fell back to English (cached:
    the data files do not change while the app runs)."""
    text = data_i18n.translate(lang, *path, default="") if lang != "en" else ""
    if text:
        return text, False
    return data_i18n.translate("en", *path, default=""), lang != "en"


def js_strings(lang: str) -> dict[str, Any]:
    """The interface strings the browser-side code (assets/atlas.js) needs, in one language."""
    keys = {
        "changeOn": "change.on_date", "changeCount": "change.count", "changeStart": "change.start",
        "changeLast": "change.last", "noDataShort": "change.no_data", "claimNow": "change.claim_now",
        "claimWas": "change.claim_was", "claimNone": "change.claim_none", "changeMore": "change.more",
        "dateBad": "controls.date_bad", "dateRange": "controls.date_range", "regionSaid": "panel.region_said",
        "cardSince": "details.since", "cardClaims": "details.claimed_by", "noClaimant": "details.no_claimant",
        "openFull": "share.open_full", "close": "share.close", "noData": "map.no_data",
        "claimedBy": "map.claimed_by", "borderApprox": "map.border_approx", "borderClose": "map.border_close",
        "showEvent": "events.show", "uncertain": "events.uncertain", "onDate": "events.on_date",
        "chosen": "events.chosen", "none": "text_view.none", "caption": "text_view.caption",
        "play": "controls.play", "pause": "controls.pause", "copied": "share.copied",
        "copyFailed": "share.copy_failed", "codeCopied": "share.code_copied", "listSep": "punct.list_sep",
        "partSep": "punct.part_sep", "colon": "punct.colon", "sentenceEnd": "punct.sentence_end",
        # the lesson tools (assets/lesson.js: ?compare= and ?lock=)
        "heading": "lesson.heading", "count": "lesson.count", "compareNone": "lesson.none", "claims": "lesson.claims",
        "events": "lesson.events", "noEvents": "lesson.no_events", "range": "lesson.range", "lockNote": "lesson.lock_note",
        "mapLabel": "lesson.map_label", "compareBad": "lesson.compare_bad", "noStep": "notice.no_step",
        "badCompare": "notice.bad_compare", "badLock": "notice.bad_lock", "lockMoved": "notice.lock_moved",
        "lockCompare": "notice.lock_compare", "noClaims": "text_view.none",
    }
    from . import figures

    # dates and numbers: the CLDR patterns, month names and symbols Babel uses (nba_model.js formats with them);
    # the years an address may name (the lesson tools' messages)
    return {**{name: raw(lang, key) for name, key in keys.items()}, "cldr": cldr.browser_formats(lang),
            "first": figures.FIRST_DATE.year, "last": figures.LAST_DATE.year}


@lru_cache(maxsize=len(LANGUAGES))
def page_config(lang: str) -> dict[str, Any]:
    """What the page script needs besides the bundle files: the language, its interface strings and the status
    colours (dcc.Store `atlas-data`; assets/atlas.js fetches the bundle itself)."""
    from . import figures
    from .data import load_atlas

    return {"lang": lang, "htmlLang": HTML_LANG[lang], "ui": js_strings(lang), "styles": figures.status_styles(load_atlas().data["statuses"])}


def set_html_lang(index: str, lang: str) -> str:
    """The index page with <html lang="..."> for a language (screen readers, fonts, hyphenation)."""
    return re.sub(r"<html(?=[\s>])", f'<html lang="{HTML_LANG.get(lang, "en")}"', index, count=1)


def install_index_language(app: Any, language_of_request: Any) -> None:
    """Serve the index page with the request's language on <html> and in <title>, and without Dash's <footer>
    landmark around its scripts (Dash's page is one template: this wraps its interpolate_index)."""
    base = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        lang = language_of_request()
        kwargs["title"] = t(lang, "meta.title")
        index = set_html_lang(base(**kwargs), lang)
        # Dash wraps its scripts in a <footer>: a second "contentinfo" landmark beside the page's own footer
        return index.replace("<footer>", '<div class="dash-scripts">', 1).replace("</footer>", "</div>", 1)

    app.interpolate_index = interpolate_index

    @app.server.after_request
    def _vary(response: Any) -> Any:
        # the page and its layout depend on ?lang= (the layout sees it in the Referer) and on Accept-Language
        import flask

        if flask.request.path.endswith("_dash-layout") or response.mimetype == "text/html":
            response.vary.add("Accept-Language")
            response.vary.add("Referer")
        return response
