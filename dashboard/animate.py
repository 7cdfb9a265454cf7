"""Animation for slides:
`python -m dashboard animate --from 1911 --to 1946 [--lang zh] [--per change|year] OUT.gif|OUT.mp4`.

Each frame is the page's own map (the frame page of dashboard/lessons.py, drawn by NBA.map in headless Chromium
from a folder written on disk: no server, no network), with its title, the date in the language, what changed,
the legend and the attribution; imageio writes the GIF (with Pillow, imageio's own GIF writer) or the MP4 (imageio-ffmpeg's own ffmpeg).
`--periods FOLDER` writes the page's ready-made animations of the key periods (lessons.KEY_PERIODS).
"""
from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable

from . import i18n, lessons
from .data import load_atlas

CHROMIUM = os.environ.get("NBA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
FRAME_W, FRAME_H = 1280, 720          # CSS pixels of the frame page (16:9)
SECONDS = 1.5                          # each frame; the first and the last are held twice as long
MP4_FPS = 2                            # a frame of SECONDS is 3 video frames


class AnimateError(Exception):
    """A problem the user can fix (missing browser, bad range, unknown file type): one line, no traceback."""


def frames_of(data: dict[str, Any], first: int, last: int, per: str = "change") -> list[dict[str, Any]]:
    """The frames from 1 January of `first` to 31 December of `last`: the map at the start, then one per change
    of any status (per="change"), or the map as it stood at the end of each year (per="year")."""
    lo, hi = data["first"][:4], data["last"][:4]
    if not int(lo) <= first <= last <= int(hi):
        raise AnimateError(f"the range must lie within {lo}-{hi} with --from <= --to (got {first}-{last})")
    start, end = f"{first:04d}-01-01", f"{last:04d}-12-31"
    if per == "year":
        return [{"iso": f"{y:04d}-12-31" if y < int(hi) else data["last"], "precision": "year", "label": str(y)}
                for y in range(first, last + 1)]
    if per != "change":
        raise AnimateError(f"--per must be 'change' or 'year' (got {per!r})")
    frames = [{"iso": start, "precision": "year", "change": False}]
    for state in data["states"]:
        if start < state["date"] <= end:
            frames.append({"iso": state["date"], "precision": "day", "change": True})
    return frames


def durations(n: int) -> list[float]:
    """Seconds each of n frames is shown: the first and the last twice as long."""
    return [SECONDS * (2 if i in (0, n - 1) else 1) for i in range(n)]


@contextmanager
def frame_shooter(lang: str, width: int = FRAME_W, browser: Any = None) -> Iterator[Callable[[int, dict[str, Any]], bytes]]:
    """A function (n, frame) -> PNG bytes of that frame, `width` pixels wide (16:9), from headless Chromium.
    `browser`: a Playwright browser already open (a caller inside Playwright's loop, such as the tests)."""
    if browser is not None:
        with tempfile.TemporaryDirectory(prefix="nba-frames-") as tmp:
            yield from _shooter(browser, lessons.write_frame_site(Path(tmp), lang), width)
        return
    if not Path(CHROMIUM).exists():
        raise AnimateError(f"Chromium not found at {CHROMIUM}: install it (apt-get install -y chromium) or set "
                           "NBA_CHROMIUM to a Chromium or Chrome executable")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise AnimateError("Playwright is missing: pip install -r requirements.txt") from None
    with tempfile.TemporaryDirectory(prefix="nba-frames-") as tmp, sync_playwright() as pw:
        page_file = lessons.write_frame_site(Path(tmp), lang)
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            raise AnimateError(f"Chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}") from None
        try:
            yield from _shooter(browser, page_file, width)
        finally:
            browser.close()


def _shooter(browser: Any, page_file: Path, width: int) -> Iterator[Callable[[int, dict[str, Any]], bytes]]:
    context = browser.new_context(viewport={"width": FRAME_W, "height": FRAME_H}, device_scale_factor=width / FRAME_W)
    try:
        page = context.new_page()
        page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())   # offline, always
        page.goto(page_file.as_uri())
        page.wait_for_function("() => document.body.dataset.ready === '1' || !!document.body.dataset.error")
        error = page.evaluate("() => document.body.dataset.error || ''")
        if error:
            raise AnimateError(f"the frame page failed: {error}")

        def shoot(n: int, frame: dict[str, Any]) -> bytes:
            page.evaluate("([n, f]) => NBA.sheet.show(n, f)", [n, frame])
            page.wait_for_function("(n) => document.body.dataset.frame === String(n)", arg=n)
            return page.screenshot(clip={"x": 0, "y": 0, "width": FRAME_W, "height": FRAME_H}, animations="disabled")

        yield shoot
    finally:
        context.close()


def write_movie(out: Path, images: list[Any], durations: list[float]) -> None:
    """Frames (RGB arrays) as a looping GIF or an H.264 MP4, by the file's suffix."""
    import imageio.v2 as imageio2

    suffix = out.suffix.lower()
    if suffix == ".gif":
        # one palette for all frames, without dithering: flat map colours stay flat (and the file small); the
        # legend beside the map shows every status colour, so each frame holds them all
        import numpy as np
        from PIL import Image

        sample = Image.fromarray(np.concatenate([images[0], images[len(images) // 2], images[-1]], axis=0))
        palette = sample.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        frames = [Image.fromarray(im).quantize(palette=palette, dither=Image.Dither.NONE) for im in images]
        frames[0].save(out, save_all=True, append_images=frames[1:], duration=[round(d * 1000) for d in durations],
                       loop=0)
    elif suffix == ".mp4":
        with imageio2.get_writer(out, format="FFMPEG", mode="I", fps=MP4_FPS, codec="libx264", quality=7,
                                 pixelformat="yuv420p", macro_block_size=8, ffmpeg_log_level="error") as writer:
            for image, seconds in zip(images, durations):
                for _ in range(max(1, round(seconds * MP4_FPS))):
                    writer.append_data(image)
    else:
        raise AnimateError(f"{out.name}: the file must end in .gif or .mp4")


def animate(out: Path, first: int, last: int, lang: str = i18n.DEFAULT, per: str = "change",
            width: int = FRAME_W) -> dict[str, Any]:
    """Write the animation of first-last to `out` (.gif or .mp4); returns {frames, bytes, seconds, size}."""
    out = Path(out)
    if out.suffix.lower() not in (".gif", ".mp4"):
        raise AnimateError(f"{out.name}: the file must end in .gif or .mp4")
    if lang not in i18n.LANGUAGES:
        raise AnimateError(f"--lang must be one of {', '.join(i18n.LANGUAGES)}")
    if not 320 <= width <= 3840 or width % 16:
        raise AnimateError("--width must be a multiple of 16 between 320 and 3840")
    began = time.monotonic()
    images = render(first, last, lang, per, width)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_movie(out, images, durations(len(images)))
    return {"frames": len(images), "bytes": out.stat().st_size, "seconds": round(time.monotonic() - began, 1),
            "size": [int(images[0].shape[1]), int(images[0].shape[0])]}


def render(first: int, last: int, lang: str = i18n.DEFAULT, per: str = "change", width: int = FRAME_W,
           shoot: Callable[[int, dict[str, Any]], bytes] | None = None) -> list[Any]:
    """The frames of first-last as RGB arrays (height x width x 3); `shoot`: an open frame_shooter to reuse."""
    import imageio.v3 as iio

    frames = frames_of(load_atlas().data, first, last, per)
    title = i18n.t(lang, "lessons.period_title", first=first, last=last)
    if shoot is None:
        with frame_shooter(lang, width) as own:
            return render(first, last, lang, per, width, own)
    return [iio.imread(io.BytesIO(shoot(n, {**frame, "title": title})), extension=".png")[..., :3]
            for n, frame in enumerate(frames)]


def write_periods(folder: Path, width: int = 960) -> list[Path]:
    """The page's ready-made animations: each key period in each language, as GIF (lessons.KEY_PERIODS)."""
    folder = Path(folder)
    paths = []
    for first, last in lessons.KEY_PERIODS:
        for lang in i18n.LANGUAGES:
            path = folder / lessons.animation_file(first, last, lang)
            animate(path, first, last, lang, "change", width)
            paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m dashboard animate --from Y --to Y [--lang L] [--per change|year] OUT.gif|OUT.mp4`."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard animate",
        description="Write an animated map (GIF or MP4) for slides: one frame per change or per year, each with its "
                    "title, date, legend and attribution. Offline; needs Chromium (NBA_CHROMIUM, default "
                    f"{CHROMIUM}).")
    parser.add_argument("out", type=Path, nargs="?", help="the file to write: .gif or .mp4")
    parser.add_argument("--from", dest="first", type=int, help="first year (e.g. 1911)")
    parser.add_argument("--to", dest="last", type=int, help="last year (e.g. 1946)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT, help="language of the texts")
    parser.add_argument("--per", choices=("change", "year"), default="change",
                        help="one frame per change of any status (default), or per year (the map at each year's end)")
    parser.add_argument("--width", type=int, default=FRAME_W, help=f"frame width in pixels, 16:9 (default {FRAME_W})")
    parser.add_argument("--periods", type=Path, metavar="FOLDER",
                        help="instead: write the page's ready-made GIFs of the key periods into FOLDER "
                             f"(the app serves {lessons.ANIMATIONS.relative_to(lessons.ASSETS.parent)})")
    args = parser.parse_args(argv)
    try:
        if args.periods:
            for path in write_periods(args.periods):
                print(f"Wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
            return 0
        if args.out is None or args.first is None or args.last is None:
            parser.error("give --from, --to and the file to write (OUT.gif or OUT.mp4)")
        info = animate(args.out, args.first, args.last, args.lang, args.per, args.width)
    except (AnimateError, OSError) as exc:
        parser.exit(2, f"python -m dashboard animate: error: {exc}\n")
    print(f"Wrote {args.out}: {info['frames']} frames, {info['size'][0]}x{info['size'][1]}, "
          f"{info['bytes'] / 1e6:.2f} MB, in {info['seconds']} s.")
    return 0
