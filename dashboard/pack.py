"""A classroom pack: `python -m dashboard pack OUT.zip` writes one zip that works from a USB stick or a learning
platform with nothing else: the static export (the atlas, the worksheet and its key in every language), PNG maps
of the worksheet's key dates, the 1911-1946 animation (GIF and MP4) and a one-page teacher's guide per language.
"""
from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from html import escape
from pathlib import Path
from typing import Any

from . import animate, export, i18n, lessons, urls

PERIOD = lessons.KEY_PERIODS[0]    # the animation of the pack: 1911-1946


def guide_file(lang: str) -> str:
    """The teacher's guide's file name in a language."""
    return urls.static_file("guide", lang)


def guide_html(lang: str, maps: list[str], movies: list[str], period: tuple[int, int] = PERIOD) -> str:
    """The one-page teacher's guide: what is in the pack, and a lesson in three steps (links open the files)."""
    t = lambda k, **v: escape(i18n.t(lang, f"lessons.{k}", **v))   # noqa: E731
    link = lambda href, text: f'<a href="{escape(href)}">{escape(text)}</a>'   # noqa: E731
    first, last = period
    langs = " · ".join(link(guide_file(c), i18n.raw(c, "meta.lang_name")) for c in i18n.LANGUAGES)
    files = " · ".join(link(m, i18n.date_words(Path(m).stem[4:14], lang)) for m in maps)   # maps/map-ISO-lang.png
    return (f'<!DOCTYPE html>\n<html lang="{i18n.HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{t("guide_title")}</title>\n'
            '<link rel="stylesheet" href="assets/atlas.css"><link rel="stylesheet" href="assets/lessons/sheet.css">\n'
            '</head>\n<body class="sheet-page">\n'
            f'<nav class="sheet-nav">{langs}</nav>\n<main class="sheet guide">\n'
            f'<p class="sheet-brand">{escape(i18n.t(lang, "meta.title"))}</p><h1>{t("guide_title")}</h1>\n'
            f'<p>{t("guide_intro")}</p>\n<h2>{t("guide_contents")}</h2>\n<ul>\n'
            f'<li>{link(export.page_file(lang), i18n.t(lang, "meta.title"))}: {t("guide_atlas")}</li>\n'
            f'<li>{link(lessons.sheet_file(lang), i18n.t(lang, "lessons.worksheet"))}: {t("guide_worksheet")}</li>\n'
            f'<li>{link(lessons.sheet_file(lang, True), i18n.t(lang, "lessons.key"))}: {t("guide_key")}</li>\n'
            f'<li>{t("guide_maps")} {files}</li>\n'
            f'<li>{t("guide_animation", first=first, last=last)} '
            f'{" · ".join(link(m, Path(m).suffix[1:].upper()) for m in movies)}</li>\n</ul>\n'
            f'<h2>{t("guide_lesson")}</h2>\n<ol>\n<li>{t("guide_step1")}</li>\n<li>{t("guide_step2")}</li>\n'
            f'<li>{t("guide_step3")}</li>\n</ol>\n<p>{t("guide_offline")}</p>\n'
            f'<footer class="sheet-foot">{t("attribution")}</footer>\n</main>\n</body>\n</html>\n')


def write_pack(out: Path, period: tuple[int, int] = PERIOD, langs: tuple[str, ...] = i18n.LANGUAGES,
               browser: Any = None) -> dict[str, Any]:
    """Build the pack into `out` (a .zip); returns {files: {name: bytes}, bytes, seconds}. `period` and `langs`:
    the animation and the languages of the maps, animations and guides (all three unless a test says otherwise);
    `browser`: a Playwright browser already open (else Chromium is started)."""
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise animate.AnimateError(f"{out.name}: the pack is a .zip file")
    began = time.monotonic()
    sheet = lessons.worksheet()
    with tempfile.TemporaryDirectory(prefix="nba-pack-") as tmp:
        site = Path(tmp) / "atlas"
        export.write_site(site)
        first, last = period
        for lang in langs:
            maps, movies = [], []
            titles = lessons.event_titles(lang)
            with animate.frame_shooter(lang, browser=browser) as shoot:   # one browser for the key dates' maps and the animation
                for n, m in enumerate(sheet.maps):
                    name = f"maps/map-{m.date.isoformat()}-{lang}.png"
                    png = shoot(n, {"iso": m.date.isoformat(), "precision": "day", "title": titles[m.event],
                                    "change": True})
                    (site / name).parent.mkdir(exist_ok=True)
                    (site / name).write_bytes(png)
                    maps.append(name)
                images = animate.render(first, last, lang, shoot=shoot)
            gif = site / "animations" / lessons.animation_file(first, last, lang)
            gif.parent.mkdir(exist_ok=True)
            mp4 = gif.with_suffix(".mp4")
            for movie in (gif, mp4):
                animate.write_movie(movie, images, animate.durations(len(images)))
            movies += [str(gif.relative_to(site)), str(mp4.relative_to(site))]
            (site / guide_file(lang)).write_text(guide_html(lang, maps, movies, period), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        files: dict[str, int] = {}
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    name = "northern-border-atlas/" + str(path.relative_to(site))
                    # PNG, GIF and MP4 are compressed already
                    z.write(path, name, compress_type=zipfile.ZIP_STORED if path.suffix in (".png", ".gif", ".mp4")
                            else zipfile.ZIP_DEFLATED)
                    files[name] = path.stat().st_size
    return {"files": files, "bytes": out.stat().st_size, "seconds": round(time.monotonic() - began, 1)}


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m dashboard pack OUT.zip`."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard pack",
        description="Write a classroom pack (zip): the static atlas, the worksheet and answer key, PNG maps of the key "
                    "dates, the 1911-1946 animation and a teacher's guide, working offline from a USB stick or a "
                    "learning platform. Needs Chromium (NBA_CHROMIUM).")
    parser.add_argument("out", type=Path, help="the zip file to write")
    args = parser.parse_args(argv)
    try:
        info = write_pack(args.out)
    except (animate.AnimateError, ValueError, OSError) as exc:
        parser.exit(2, f"python -m dashboard pack: error: {exc}\n")
    print(f"Wrote {args.out}: {len(info['files'])} files, {info['bytes'] / 1e6:.1f} MB, in {info['seconds']} s. "
          f"Unzip it and open northern-border-atlas/{guide_file(i18n.DEFAULT)} (or index.html).")
    return 0

