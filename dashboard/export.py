"""Static export: `python -m dashboard export OUTDIR` writes the same page as the app, as files that work from disk
(file://) with no server and no network.

The page is the app's own layout (dashboard.layout.build_layout) written out as HTML, one file per language
(index.html, index-zh.html, index-mn.html); Dash's widgets become their plain HTML counterparts with the same ids
(plain inputs, radio buttons, a select for the region picker). The same scripts run it: the
bundle files are given as scripts (file:// pages cannot fetch), what the server would answer is written beside
the page (the region details of every unit and period, the "Reading the source", Sources and perspectives views,
the downloads), and assets/static/export.js stands in for Dash's callbacks.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
from html import escape
from pathlib import Path
from typing import Any

from dash import dcc
from geodata import borders

from geodata.catalog import unit_records
from geodata.errors import DataError

from . import downloads, i18n, layout, lessons, tour, trust, urls
from .views import area, details
from .config import load_settings
from .data import BUNDLE_FILES, PAGE_DIR, load_atlas
from .query import View

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PLOTLY = "vendor/plotly-geo-4.1.1.min.js"
STYLES = ("atlas.css", "classroom.css", "lesson.css", "trust.css", "print.css", "static/export.css")
SCRIPTS = ("nba_model.js", "nba_map.js", "nba_png.js", "atlas.js", "classroom.js", "lesson.js", "trust.js", PLOTLY,
           "static/export.js")
COPIED = (*STYLES, *SCRIPTS, "vendor/LICENSE-plotly.js.txt")
GENERATOR = "Northern Border Atlas static export"
_ATTRS = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex", "dateTime": "datetime", "readOnly": "readonly",
          "spellCheck": "spellcheck", "hrefLang": "hreflang"}
_SKIP = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state"}


def page_file(lang: str) -> str:
    """The file name of the page in a language."""
    return urls.static_file("index", lang)


def _attrs(props: dict[str, Any]) -> str:
    out = []
    for key, value in props.items():
        if key in _SKIP or value is None or value is False:
            continue
        if key == "style":
            value = ";".join(f"{'-'.join(_kebab(k))}:{v}" for k, v in value.items())
        attr = _ATTRS.get(key, key)
        out.append(f" {attr}" if value is True else f' {attr}="{escape(str(value), quote=True)}"')
    return "".join(out)


def _kebab(key: str) -> list[str]:
    """CSS property names as Dash writes them (backgroundColor, --f) split for kebab-case."""
    if key.startswith("--"):
        return [key]
    parts, word = [], ""
    for ch in key:
        if ch.isupper():
            parts.append(word)
            word = ch.lower()
        else:
            word += ch
    return [*parts, word]


def to_static_html(node: Any, lang: str) -> str:
    """HTML for a tree of Dash components: html.* as they are, Dash's widgets as plain HTML with the same ids."""
    if node is None:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_static_html(n, lang) for n in node)
    if isinstance(node, (str, int, float)):
        return escape(str(node), quote=False)
    if isinstance(node, (dcc.Store, dcc.Location, dcc.Interval)):
        return ""
    if isinstance(node, dcc.Clipboard):   # a button; assets/static/export.js copies its target's text
        p = node.to_plotly_json()["props"]
        return (f'<button type="button" id="{p["id"]}" class="{p.get("className", "")}" '
                f'title="{escape(p.get("title") or "", quote=True)}" data-target="{p["target_id"]}">'
                f'{to_static_html(p.get("children"), lang)}</button>')
    if isinstance(node, dcc.Input):
        p = node.to_plotly_json()["props"]
        attrs = {"type": p.get("type") or "text", "id": p["id"], "value": p.get("value"), "class": p.get("className"),
                 "placeholder": p.get("placeholder"), "autocomplete": p.get("autoComplete")}
        return "<input" + "".join(f' {k}="{escape(str(v), quote=True)}"' for k, v in attrs.items() if v is not None) + ">"
    if isinstance(node, dcc.RadioItems):
        p = node.to_plotly_json()["props"]
        items = "".join(f'<label><input type="radio" class="mode-input" name="{p["id"]}" value="{o["value"]}"'
                        f'{" checked" if o["value"] == p["value"] else ""}> {escape(o["label"])}</label>'
                        for o in p["options"])
        return f'<div id="{p["id"]}" class="{p.get("className", "")}" role="radiogroup">{items}</div>'
    if isinstance(node, dcc.Dropdown):
        p = node.to_plotly_json()["props"]
        opts = "".join(f'<option value="{escape(o["value"])}"{" selected" if o["value"] == p.get("value") else ""}>'
                       f'{escape(o["label"])}</option>' for o in p["options"])
        return (f'<select id="{p["id"]}" class="{p.get("className", "")}"><option value="">'
                f'{escape(p.get("placeholder") or "")}</option>{opts}</select>')
    if isinstance(node, dcc.Input):
        return f"<input{_attrs(node.to_plotly_json()['props'])}>"
    if isinstance(node, dcc.Graph):
        p = node.to_plotly_json()["props"]
        return f'<div id="{p["id"]}" class="static-graph"></div>'
    if not type(node).__module__.startswith("dash.html"):
        raise TypeError(f"to_static_html: unexpected component {type(node).__name__}")
    tag = type(node).__name__.lower()
    return f"<{tag}{_attrs(node.to_plotly_json()['props'])}>{to_static_html(getattr(node, 'children', None), lang)}</{tag}>"


def _fill_shells(page: str, lang: str) -> str:
    """Put each trust view's HTML into its empty body (the app fetches it; a file:// page cannot)."""
    for view in trust.FRAGMENTS:
        empty = f'<div id="{view}-body" class="trust-body"'
        at = page.find(empty)
        if at < 0:
            continue
        close = page.index("</div>", at)
        head = page[at:page.index(">", at)] + ' data-loaded="1">'
        page = page[:at] + head + trust.fragment(view, lang) + page[close:]
    return page


def page_html(lang: str, start: int) -> str:
    """One language's page: the app's layout as static HTML, with the export's scripts and styles."""
    atlas = load_atlas()
    settings = load_settings()
    root = layout.build_layout(atlas, start, settings.play_ms, View(stop=start, lang=lang, lang_in_url=lang != "en"),
                               bundle="data/")
    body = _fill_shells(to_static_html(root, lang), lang)
    for code in i18n.LANGUAGES:   # the language links open the sibling file (atlas.js adds the view to them)
        body = re.sub(r'<a [^>]*data-lang="%s"[^>]*>' % code,
                      lambda m, f=page_file(code): re.sub(r'href="[^"]*"', f'href="{f}"', m.group(0))
                      .replace("data-lang=", f'data-file="{f}" data-lang='), body)
    body = re.sub(r'(<a [^>]*id="open-full"[^>]*)href="[^"]*"', r'\1href="%s"' % page_file(lang), body)
    body = re.sub(r'(<a [^>]*)href="[^"]*"([^>]*id="open-full")', r'\1href="%s"\2' % page_file(lang), body)
    body = lessons.static_links(body, lang)   # the worksheet and key are files beside the page
    body = re.sub(r' data-src="[^"]*"', "", body)   # the views are in the page: nothing to fetch
    # the file of every unit and span; export.js turns a click into that day's borders, as the server would
    body = re.sub(r'href="[^"]*/download/borders\.geojson[^"]*"', f'href="downloads/{borders.FILE_NAME}"', body)
    body = re.sub(r'href="[^"]*/download/borders-all\.geojson"', f'href="downloads/{borders.FILE_NAME}"', body)
    body = re.sub(r'href="[^"]*/download/events\.csv[^"]*"', f'href="downloads/events-{lang}.csv"', body)
    styles = "".join(f'<link rel="stylesheet" href="assets/{name}">' for name in STYLES)
    data = "".join(f'<script src="data/{name[:-5]}.js"></script>'
                   for name in ("timeline.json", "map.json", f"text-{lang}.json", f"details-{lang}.json"))
    scripts = "".join(f'<script src="assets/{name}"></script>' for name in SCRIPTS)
    config = export_config(lang, start)
    return (f'<!DOCTYPE html>\n<html lang="{i18n.HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{GENERATOR}">\n<title>{escape(i18n.t(lang, "meta.title"))}</title>\n'
            f'{styles}\n</head>\n<body>\n{body}\n'
            f'<script>window.NBA = {{preloaded: {{}}, exportConfig: {json.dumps(config, ensure_ascii=False)}}};</script>\n'
            f'{data}\n{scripts}\n</body>\n</html>\n')


def export_config(lang: str, start: int) -> dict[str, Any]:
    """What the app's Stores and figures would carry: the page's config, the tour, the area chart, Play's pace."""
    atlas = load_atlas()
    return {**i18n.page_config(lang), "bundle": "data/", "mode": "control", "region": None, "staticPage": True,
            "start": start, "tour": tour.tour_data(atlas, lang), "area": area.area_figure(atlas.data, lang),
            "playMs": load_settings().play_ms, "pages": {code: page_file(code) for code in i18n.LANGUAGES}}


def details_bundle(lang: str) -> dict[str, list[list[Any]]]:
    """The region details the server would send, for every unit and each of its periods: {unit: [[start, html]]}."""
    atlas = load_atlas()
    out: dict[str, list[list[Any]]] = {}
    states = atlas.data["states"]
    records = unit_records()
    for unit, rows in atlas.periods.items():
        out[unit] = []
        # a panel per status row, and one more where the unit's name of the period changes within a row
        renamed = [e["until"].isoformat() for e in records.get(unit, {}).get("names_by_date", ()) if e["until"]]
        for start in sorted({*(row["start"] for row in rows), *renamed}):
            k = max(i for i, s in enumerate(states) if s["date"] <= max(start, states[0]["date"]))
            out[unit].append([start, to_static_html(details.details_panel(atlas, unit, k, lang, start), lang)])
    return out


def _script(name: str, obj: Any) -> str:
    return (f"/* {GENERATOR}: {name} (generated) */\nwindow.NBA.preloaded[{json.dumps(name)}] = "
            + json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + ";\n")


def write_site(outdir: Path, lang: str = "en", force: bool = False) -> dict[str, int]:
    """Write the pages, their scripts, the bundle and the downloads into outdir; returns {relative path: bytes}.
    `lang`: the language of index.html's sibling that opens first is always English; kept for the command line."""
    outdir = Path(outdir)
    index = outdir / "index.html"
    if outdir.exists() and not outdir.is_dir():
        raise ValueError(f"{outdir} exists and is not a folder")
    if index.exists() and not force and GENERATOR not in index.read_text(encoding="utf-8", errors="replace"):
        raise ValueError(f"{index} exists and is not an atlas export; choose an empty folder or pass --force")
    atlas = load_atlas()
    start = atlas.stop_of(f"{load_settings().default_year}-01-01")
    written: list[Path] = []
    for name in COPIED:
        target = outdir / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS / name, target)
        written.append(target)
    data = outdir / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in BUNDLE_FILES:
        path = data / f"{name[:-5]}.js"
        path.write_text(_script(name, json.loads((PAGE_DIR / name).read_text(encoding="utf-8"))), encoding="utf-8")
        written.append(path)
    for code in i18n.LANGUAGES:
        path = data / f"details-{code}.js"
        path.write_text(_script(f"details-{code}.json", details_bundle(code)), encoding="utf-8")
        written.append(path)
        page = outdir / page_file(code)
        page.write_text(page_html(code, start), encoding="utf-8")
        written.append(page)
    folder = outdir / "downloads"
    folder.mkdir(exist_ok=True)
    # the borders of every unit and span: as a file to download, and as a script the page loads on a click on
    # the GeoJSON link to cut out the shown day's borders (a page opened from disk cannot fetch a file)
    shutil.copyfile(PAGE_DIR / borders.FILE_NAME, folder / borders.FILE_NAME)
    script = data / "borders-all.js"
    script.write_text(_script(borders.FILE_NAME, json.loads((PAGE_DIR / borders.FILE_NAME).read_text(encoding="utf-8"))),
                      encoding="utf-8")
    written += [folder / borders.FILE_NAME, script]
    for code in i18n.LANGUAGES:
        path = folder / f"events-{code}.csv"
        path.write_text(downloads.events_csv(atlas.events, lang=code), encoding="utf-8")
        written.append(path)
    written += lessons.write_pages(outdir)   # worksheet*.html, their styles and scripts, the ready-made animations
    return {str(p.relative_to(outdir)): p.stat().st_size for p in written}


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m dashboard export OUTDIR [--force]`."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard export",
        description="Write a static copy of the atlas (the same page, as files) that works from disk with no network.")
    parser.add_argument("outdir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT,
                        help="language the copy opens in (all three are written and switchable)")
    parser.add_argument("--force", action="store_true", help="write even if OUTDIR/index.html is not an atlas export")
    args = parser.parse_args(argv)
    try:
        sizes = write_site(args.outdir, args.lang, args.force)
    except (ValueError, OSError, DataError) as exc:   # DataError: a broken teacher's tour file (NBA_TOUR)
        parser.exit(2, f"python -m dashboard export: error: {exc}\n")
    total = sum(sizes.values())
    print(f"Wrote {len(sizes)} files, {total / 1e6:.2f} MB, to {args.outdir}. Open {args.outdir / page_file(args.lang)} "
          "in a browser, or upload the folder.")
    return 0
