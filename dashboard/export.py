"""Static export: `python -m dashboard export OUTDIR` writes index.html and assets/ that work from disk, offline."""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import shutil
from pathlib import Path
from typing import Any

from . import figures, i18n, tour
from .config import load_settings
from .data import load_atlas
from .layout import GRAPH_CONFIG

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PLOTLY = "plotly-geo-4.1.1.min.js"
# (source under assets/, name under OUTDIR/assets/), in the order the page loads them
COPIED = (("00_geo_offline.js", "00_geo_offline.js"), (f"vendor/{PLOTLY}", PLOTLY),
          ("vendor/LICENSE-plotly.js.txt", "LICENSE-plotly.js.txt"), ("atlas.js", "atlas.js"),
          ("classroom.js", "classroom.js"), ("static/export.js", "export.js"), ("atlas.css", "atlas.css"),
          ("classroom.css", "classroom.css"), ("static/export.css", "export.css"), ("print.css", "print.css"))
SCRIPTS = ("00_geo_offline.js", PLOTLY, "atlas.js", "classroom.js", "atlas-data.js", "export.js")
STYLES = ("atlas.css", "classroom.css", "export.css", "print.css")
GENERATOR = "Northern Border Atlas static export"

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _legend(lang: str) -> str:
    """The legend as HTML: status colours (hatched where the map hatches) and line styles."""
    rows = []
    for g in (*figures.STATUS_GROUPS,):
        cls = "swatch hatched" if g["hatch"] else "swatch"
        rows.append(f'<li><span class="{cls}" style="background-color:{g["color"]}"></span>'
                    f'{_e(i18n.t(lang, "legend." + g["id"]))}</li>')
    for cls, key in (("border", "border"), ("border-approx", "border_approx"), ("ghost", "ghost"), ("approx", "approx")):
        rows.append(f'<li><span class="line-key {cls}"></span>{_e(i18n.t(lang, "legend." + key))}</li>')
    return f'<ul class="legend" id="legend" aria-label="{_e(i18n.t(lang, "legend.label"))}">{"".join(rows)}</ul>'


def _year_labels(stops: list[str]) -> str:
    """Key years under the range slider, placed where their 1 January sits."""
    last = len(stops) - 1
    spans = [f'<span style="left:{100 * stops.index(f"{y}-01-01") / last:.2f}%">{y}</span>'
             for y in figures.KEY_YEARS if f"{y}-01-01" in stops]
    return f'<div class="slider-years" aria-hidden="true">{"".join(spans)}</div>'


def _tour_html(lang: str) -> str:
    s = tour.tour_strings()[lang]
    return (f'<div id="tour" class="tour"><div class="tour-buttons">'
            f'<button type="button" id="tour-start" class="btn" title="{_e(s["start_title"])}">{_e(s["start"])}</button>'
            f'<button type="button" id="tour-prev" class="btn tour-step-btn" disabled>{_e(s["prev"])}</button>'
            f'<span id="tour-step" class="tour-step"></span>'
            f'<button type="button" id="tour-next" class="btn tour-step-btn" disabled>{_e(s["next"])}</button>'
            f'<button type="button" id="tour-exit" class="btn small tour-step-btn">{_e(s["exit"])}</button></div>'
            f'<p id="tour-caption" class="tour-caption" aria-live="polite"></p>'
            f'<p id="tour-notice" class="notice tour-notice" role="status"></p></div>')


def page_html(lang: str, stops: list[str], start: int, today: str) -> str:
    """index.html: the same element ids and classes as the app, so atlas.js and the CSS apply unchanged."""
    t = lambda key, **v: _e(i18n.t(lang, key, **v))  # noqa: E731 - short local helper
    styles = "".join(f'<link rel="stylesheet" href="assets/{name}">' for name in STYLES)
    scripts = "".join(f'<script src="assets/{name}"></script>' for name in SCRIPTS)
    return f"""<!DOCTYPE html>
<html lang="{_e(i18n.HTML_LANG.get(lang, lang))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR}">
<title>{t("meta.title")}</title>
{styles}
</head>
<body>
<div class="app static-export">
<header class="site-header"><h1>{t("header.title")}</h1><p class="subtitle">{t("header.subtitle")}</p></header>
<main class="page">
<section class="map-col">
<div class="date-block"><h2 id="date-text" aria-live="polite">{_e(i18n.date_words(stops[start], lang))}</h2>
<p id="change-text"></p></div>
<div class="slider-wrap static-slider"><input type="range" id="year-slider" min="0" max="{len(stops) - 1}" step="1"
 value="{start}" aria-label="{t("controls.slider")}">{_year_labels(stops)}</div>
<div class="controls"><div class="buttons">
<button type="button" id="prev-change" class="btn" title="{t("controls.prev_title")}">{t("controls.prev")}</button>
<button type="button" id="next-change" class="btn" title="{t("controls.next_title")}">{t("controls.next")}</button>
<button type="button" id="download-png" class="btn">{t("downloads.png")}</button></div>
<div class="mode-block"><span class="mode-label">{t("controls.mode_label")}</span>
<label><input type="radio" name="mode" value="control" checked> {t("controls.mode_control")}</label>
<label><input type="radio" name="mode" value="claim"> {t("controls.mode_claim")}</label></div></div>
{_tour_html(lang)}
<div class="map" id="map"><div id="map-plot"></div></div>
{_legend(lang)}
</section>
<aside class="side-col"><section class="panel"><h2 class="panel-title">{t("panel.events")}</h2>
<ol id="event-list" class="event-list"></ol></section></aside>
</main>
<footer class="site-footer"><p>{t("footer.data")} {t("footer.calendar")}</p>
<p class="static-note">{t("export.offline", date=today)}</p></footer>
</div>
{scripts}
</body>
</html>
"""


def data_script(lang: str, start: int) -> str:
    """assets/atlas-data.js: the page data as a global (file:// pages cannot fetch JSON)."""
    atlas = load_atlas()
    data = i18n.page_data(lang)
    payload = {
        "data": data,
        "figure": figures.map_figure(data, atlas.units_fc, atlas.context_fc, start),
        "config": {**GRAPH_CONFIG, "responsive": True},
        "tour": tour.tour_data(atlas, lang),
        "start": start,
    }
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "/* Northern Border Atlas data for the static export (generated). */\nwindow.ATLAS_STATIC = " + body + ";\n"


def write_site(outdir: Path, lang: str = "en", force: bool = False) -> dict[str, int]:
    """Write index.html and assets/ into outdir; returns {relative path: bytes}."""
    index = outdir / "index.html"
    if outdir.exists() and not outdir.is_dir():
        raise ValueError(f"{outdir} exists and is not a folder")
    if index.exists() and not force and GENERATOR not in index.read_text(encoding="utf-8", errors="replace"):
        raise ValueError(f"{index} exists and is not an atlas export; choose an empty folder or pass --force")
    atlas = load_atlas()
    stops = atlas.data["stops"]
    start = atlas.stop_of(f"{load_settings().default_year}-01-01")
    (outdir / "assets").mkdir(parents=True, exist_ok=True)
    for src, name in COPIED:
        shutil.copyfile(ASSETS / src, outdir / "assets" / name)
    (outdir / "assets" / "atlas-data.js").write_text(data_script(lang, start), encoding="utf-8")
    index.write_text(page_html(lang, stops, start, dt.date.today().isoformat()), encoding="utf-8")
    names = ["index.html", *(f"assets/{n}" for _, n in COPIED), "assets/atlas-data.js"]
    return {n: (outdir / n).stat().st_size for n in names}


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m dashboard export OUTDIR [--lang en|zh|mn] [--force]`."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard export",
        description="Write a static copy of the atlas (index.html + assets/) that works from disk with no network.")
    parser.add_argument("outdir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT, help="language of the page")
    parser.add_argument("--force", action="store_true", help="write even if OUTDIR/index.html is not an atlas export")
    args = parser.parse_args(argv)
    try:
        sizes = write_site(args.outdir, args.lang, args.force)
    except (ValueError, OSError) as exc:
        parser.exit(2, f"python -m dashboard export: error: {exc}\n")
    total = sum(sizes.values())
    print(f"Wrote {len(sizes)} files, {total / 1e6:.2f} MB, to {args.outdir}. Open {args.outdir / 'index.html'} "
          "in a browser, or upload the folder.")
    return 0
