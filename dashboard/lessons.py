"""Classroom materials: the worksheet and its answer key (`/worksheet`, `/worksheet?key=1`, and worksheet*.html in
the static export), the page that animation frames and the pack's PNG maps are shot from, and the page's links to
them.

The questions and the key dates are geodata/worksheet.yaml (geodata.worksheet). The maps are the page's own
drawing: assets/lessons/sheet.js draws each with NBA.map from the bundle (the same paths, colours and borders as
the atlas); this module writes the HTML around them. The same HTML serves the app (bundle fetched from
page-data/) and the files on disk (bundle given as scripts, data/*.js, as in the export).
"""
from __future__ import annotations

import json
import shutil
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from dash import html
from geodata.worksheet import Worksheet, load_worksheet

from . import i18n, urls
from .data import load_atlas

ASSETS = Path(__file__).resolve().parent.parent / "assets"
STYLES = ("atlas.css", "lessons/sheet.css")
SCRIPTS = ("nba_model.js", "nba_map.js", "lessons/sheet.js")
ROUTE = "/worksheet"
CURRENT = ' aria-current="true"'
# The periods the page offers as a ready-made animation (written by `animate --periods`, not per request).
KEY_PERIODS: tuple[tuple[int, int], ...] = ((1911, 1946), (1689, 1860))
ANIMATIONS = ASSETS / "lessons" / "animations"


@lru_cache(maxsize=1)
def worksheet() -> Worksheet:
    """geodata/worksheet.yaml, checked against the events and claims."""
    from geodata.claims import load_claims

    atlas = load_atlas()
    return load_worksheet(event_dates={e.id: e.date for e in atlas.events},
                          claim_ids={c["id"] for c in load_claims()["claims"]})


def sheet_file(lang: str, key: bool = False) -> str:
    """The worksheet's (or key's) file name in the export: worksheet.html, worksheet-key-zh.html, ..."""
    return urls.static_file("worksheet-key" if key else "worksheet", lang)


def sheet_url(lang: str, key: bool = False) -> str:
    """The served worksheet's address, relative to the app's root (works under a path prefix too)."""
    query = "&".join(p for p in (f"lang={lang}" if lang != i18n.DEFAULT else "", "key=1" if key else "") if p)
    return "worksheet" + (f"?{query}" if query else "")


def animation_file(first: int, last: int, lang: str) -> str:
    """The file name of a key period's ready-made animation."""
    return f"atlas-{first}-{last}-{lang}.gif"


def classroom_links(lang: str) -> Any:
    """The page's small 'for the classroom' links: worksheet, answer key and ready-made animations (when built)."""
    links = [html.A(i18n.t(lang, "lessons.worksheet"), href=sheet_url(lang), id="worksheet-link", target="_blank",
                    title=i18n.t(lang, "lessons.worksheet_title")),
             html.A(i18n.t(lang, "lessons.key"), href=sheet_url(lang, key=True), id="worksheet-key-link",
                    target="_blank", title=i18n.t(lang, "lessons.key_title"))]
    for first, last in KEY_PERIODS:
        name = animation_file(first, last, lang)
        if (ANIMATIONS / name).exists():
            links.append(html.A(i18n.t(lang, "lessons.animation", first=first, last=last),
                                href=f"assets/lessons/animations/{name}", download=name,
                                className="animation-link", title=i18n.t(lang, "lessons.animation_title")))
    return html.P([i18n.t(lang, "lessons.links_label") + ": ", *_join(links)], id="classroom-links",
                  className="classroom-links")


def _join(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for n, node in enumerate(nodes):
        out += [" · ", node] if n else [node]
    return out


def static_links(body: str, lang: str) -> str:
    """The export's page with the classroom links pointing at the files beside it (and animations as copied)."""
    for key in (False, True):
        body = body.replace(f'href="{escape(sheet_url(lang, key), quote=True)}"', f'href="{sheet_file(lang, key)}"')
    return body


# ---- the worksheet ---------------------------------------------------------------------------------------------

def _head(lang: str, title: str, prefix: str) -> str:
    styles = "".join(f'<link rel="stylesheet" href="{prefix}assets/{name}">' for name in STYLES)
    return (f'<!DOCTYPE html>\n<html lang="{i18n.HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'{styles}\n</head>\n')


def _scripts(lang: str, config: dict[str, Any], static: bool) -> str:
    """The bundle (as scripts on disk, fetched when served), the map scripts and the page's config as JSON data."""
    data = ""
    if static:   # file:// pages cannot fetch: the export's data/*.js set NBA.preloaded
        data = '<script>window.NBA = {preloaded: {}};</script>\n' + "".join(
            f'<script src="data/{name}.js"></script>' for name in ("timeline", "map", f"text-{lang}"))
    scripts = "".join(f'<script src="assets/{name}"></script>' for name in SCRIPTS)
    cfg = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="sheet-config">{cfg}</script>\n{data}\n{scripts}\n'


def _config(lang: str, kind: str, static: bool) -> dict[str, Any]:
    return {**i18n.page_config(lang), "kind": kind, "bundle": "" if static else "page-data/"}


def _legend(lang: str) -> str:
    from .export import to_static_html
    from .views.legend import legend

    return to_static_html(legend(lang), lang)


def event_titles(lang: str) -> dict[str, str]:
    """Each event's title in a language, by event id."""
    atlas = load_atlas()
    return {e["id"]: atlas.texts[lang]["events"][i]["title"] for i, e in enumerate(atlas.data["events"])}


def _nav(lang: str, key: bool, static: bool) -> str:
    """Links above the sheet (not printed): back to the atlas, the other sheet, the languages, Print."""
    atlas_href = urls.static_file("index", lang) if static else (
        "./" + (f"?lang={lang}" if lang != i18n.DEFAULT else ""))
    other = (sheet_file if static else sheet_url)(lang, not key)
    langs = " ".join(
        f'<a href="{escape((sheet_file if static else sheet_url)(code, key))}" lang="{i18n.HTML_LANG[code]}"'
        f'{CURRENT if code == lang else ""}>{escape(i18n.raw(code, "meta.lang_name"))}</a>'
        for code in i18n.LANGUAGES)
    return (f'<nav class="sheet-nav" aria-label="{escape(i18n.t(lang, "lessons.links_label"))}">'
            f'<a href="{escape(atlas_href)}">{escape(i18n.t(lang, "lessons.back"))}</a> · '
            f'<a href="{escape(other)}" id="other-sheet">{escape(i18n.t(lang, "lessons.worksheet" if key else "lessons.key"))}</a>'
            f' · <span class="sheet-langs">{langs}</span> · '
            f'<button type="button" id="print-sheet">{escape(i18n.t(lang, "lessons.print"))}</button></nav>\n')


def worksheet_html(lang: str, key: bool = False, static: bool = False) -> str:
    """The worksheet (maps of the key dates, questions with space to answer) or its answer key, in a language.
    `static`: the export's file (bundle as scripts beside it) rather than the served page."""
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    t = lambda k, **v: escape(i18n.t(lang, f"lessons.{k}", **v))   # noqa: E731
    sheet = worksheet()
    titles = event_titles(lang)
    number = {m.date: n for n, m in enumerate(sheet.maps, 1)}
    title = i18n.t(lang, "lessons.key_heading" if key else "lessons.sheet_title")
    parts = [_head(lang, title, ""), f'<body class="sheet-page{" sheet-key" if key else ""}">\n', _nav(lang, key, static),
             f'<main class="sheet">\n<header class="sheet-head"><p class="sheet-brand">{escape(i18n.t(lang, "meta.title"))}</p>'
             f'<h1>{escape(title)}</h1>']
    if not key:
        parts.append('<p class="fill-in">' + "".join(f'<span>{t(k)}: <span class="blank"></span></span>'
                                                     for k in ("name", "class", "date")) + '</p>')
    parts.append(f'<p class="sheet-intro">{t("key_intro" if key else "intro")}</p></header>\n')
    if not key:
        figs = []
        for n, m in enumerate(sheet.maps, 1):
            day = i18n.date_words(m.date, lang)
            figs.append(f'<figure class="sheet-map" id="map-{n}"><div class="map-box" data-map-date="{m.date.isoformat()}" '
                        f'role="img" aria-label="{t("map_label", date=day)}"></div><figcaption><b>{t("map_n", n=n)}</b> '
                        f'<time datetime="{m.date.isoformat()}">{escape(day)}</time> · {escape(titles[m.event])}'
                        f'</figcaption></figure>')
        parts.append(f'<section class="sheet-maps" aria-labelledby="maps-h"><h2 id="maps-h">{t("maps")}</h2>\n'
                     f'<div class="map-grid">{"".join(figs)}</div>\n{_legend(lang)}\n</section>\n')
    items = []
    for q in sheet.questions:
        origin = t("from_tour" if q.origin == "tour" else "from_source")
        if q.on_maps:
            origin += " · " + t("on_maps", list=", ".join(str(number[d]) for d in q.on_maps))
        body = (f'<p class="answer"><b>{t("answer")}:</b> {escape(q.answer[lang])}</p>' if key
                else '<div class="answer-lines" aria-hidden="true"><span></span><span></span><span></span></div>')
        items.append(f'<li class="question" id="q-{q.id}" data-origin="{q.origin}"><p class="q-origin">{origin}</p>'
                     f'<p class="q-text">{escape(q.question[lang])}</p>{body}</li>')
    parts.append(f'<section class="sheet-questions" aria-labelledby="questions-h"><h2 id="questions-h">{t("questions")}</h2>\n'
                 f'<ol class="question-list">{"".join(items)}</ol></section>\n'
                 f'<footer class="sheet-foot">{t("attribution")}</footer>\n</main>\n')
    parts.append(_scripts(lang, _config(lang, "worksheet", static), static) if not key else
                 "".join(f'<script src="assets/{name}"></script>' for name in ("lessons/sheet.js",)))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def frame_html(lang: str) -> str:
    """The page an animation frame (or a PNG map) is shot from: title, date, what changed, the map, the legend
    and the attribution; assets/lessons/sheet.js brings it to each frame (NBA.sheet.show)."""
    brand, label = escape(i18n.t(lang, "meta.title")), escape(i18n.t(lang, "lessons.maps"), quote=True)
    return (_head(lang, i18n.t(lang, "meta.title"), "") + '<body class="frame-page">\n<div class="frame">'
            f'<header class="frame-head"><p class="frame-brand">{brand}</p><h1 id="frame-title"></h1>'
            '<p id="frame-date" class="frame-date"></p></header>'
            f'<div id="frame-map" class="frame-map" aria-label="{label}"></div><aside class="frame-side">'
            f'<p id="frame-change" class="frame-change"></p>{_legend(lang)}</aside>'
            f'<footer class="frame-foot">{escape(i18n.t(lang, "lessons.attribution"))}</footer></div>\n'
            + _scripts(lang, _config(lang, "frames", True), True) + "</body>\n</html>\n")


def write_pages(outdir: Path) -> list[Path]:
    """The worksheet and key of every language, the classroom styles and scripts, and the ready-made animations,
    into an export folder (beside index.html and data/); returns the files written."""
    outdir = Path(outdir)
    written = []
    for name in ("lessons/sheet.css", "lessons/sheet.js"):
        target = outdir / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS / name, target)
        written.append(target)
    for lang in i18n.LANGUAGES:
        for key in (False, True):
            path = outdir / sheet_file(lang, key)
            path.write_text(worksheet_html(lang, key, static=True), encoding="utf-8")
            written.append(path)
    for gif in sorted(ANIMATIONS.glob("*.gif")) if ANIMATIONS.is_dir() else []:
        target = outdir / "assets" / "lessons" / "animations" / gif.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(gif, target)
        written.append(target)
    return written


def write_frame_site(outdir: Path, lang: str) -> Path:
    """The smallest folder the frame page runs from (its styles, scripts and bundle files); returns the page."""
    from .data import PAGE_DIR
    from .export import _script

    outdir = Path(outdir)
    for name in (*STYLES, *SCRIPTS):
        target = outdir / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS / name, target)
    (outdir / "data").mkdir(parents=True, exist_ok=True)
    for name in ("timeline.json", "map.json", f"text-{lang}.json"):
        (outdir / "data" / f"{name[:-5]}.js").write_text(
            _script(name, json.loads((PAGE_DIR / name).read_text(encoding="utf-8"))), encoding="utf-8")
    page = outdir / f"frame-{lang}.html"
    page.write_text(frame_html(lang), encoding="utf-8")
    return page


def register(server: Any) -> None:
    """Serve the worksheet at /worksheet (?lang=en|zh|mn, ?key=1 for the answer key)."""
    import flask

    @server.route(ROUTE)
    def _worksheet() -> Any:
        lang = flask.request.args.get("lang") or i18n.browser_language(flask.request.headers.get("Accept-Language"))
        if lang not in i18n.LANGUAGES:
            return flask.Response(json.dumps({"error": f"unknown language {lang!r}; use one of "
                                                       f"{', '.join(i18n.LANGUAGES)}"}),
                                  status=400, mimetype="application/json")
        key = flask.request.args.get("key", "0")
        if key not in ("0", "1"):
            return flask.Response(json.dumps({"error": "key must be 0 or 1"}), status=400, mimetype="application/json")
        response = flask.Response(worksheet_html(lang, key == "1"), mimetype="text/html")
        response.vary.add("Accept-Language")
        return response

