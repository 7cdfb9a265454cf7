"""Classroom tools (issue 14, items 3, 5, 6): the animate command (GIF, MP4), the worksheet and its answer key
(served and in the export, printed on A4 and Letter), and the classroom pack (zip opened from file://)."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import imageio.v2 as imageio2
import imageio.v3 as iio
import pytest

from dashboard import animate, export, i18n, lessons, pack
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, MAP_READY, finish_page, new_page
from tests.test_browser import expected_fills

OUT = ARTIFACTS / "lessons"
MM = 96 / 25.4                      # CSS pixels per millimetre
# the page box inside the worksheet's @page margins (12 mm at the sides, 14 mm top and bottom), in CSS pixels
PAPER = {"A4": (round((210 - 24) * MM), round((297 - 28) * MM)), "Letter": (round((215.9 - 24) * MM), round((279.4 - 28) * MM))}


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


# ---- animate -------------------------------------------------------------------------------------------------

def test_frames_of_one_per_change_or_per_year() -> None:
    data = load_atlas().data
    changes = [s["date"] for s in data["states"] if "1911-01-01" < s["date"] <= "1946-12-31"]
    frames = animate.frames_of(data, 1911, 1946)
    assert [f["iso"] for f in frames] == ["1911-01-01", *changes]
    assert [f["change"] for f in frames] == [False] + [True] * len(changes)
    years = animate.frames_of(data, 1911, 1946, per="year")
    assert [f["iso"] for f in years] == [f"{y}-12-31" for y in range(1911, 1947)]
    for bad in ((1946, 1911), (1600, 1700), (1911, 2100)):
        with pytest.raises(animate.AnimateError, match="range"):
            animate.frames_of(data, *bad)


def _cli(*args: str) -> str:
    """The command as a user runs it (its own process: Playwright's sync API cannot nest in the tests' browser)."""
    run = subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, timeout=600,
                         cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_animate_cli_writes_gif_and_mp4_with_a_frame_per_change(tmp_path) -> None:
    gif, mp4 = tmp_path / "a.gif", tmp_path / "a.mp4"
    want = animate.frames_of(load_atlas().data, 1911, 1915)
    assert len(want) >= 4   # 1911 start, the Bogd Khanate's independence, Kyakhta 1915, ...
    assert f"{len(want)} frames, 640x360" in _cli("animate", "--from", "1911", "--to", "1915", "--lang", "zh",
                                                  "--width", "640", str(gif))
    frames = iio.imread(gif, index=None)
    assert frames.shape[:3] == (len(want), 360, 640)
    assert len({f.tobytes() for f in frames}) == len(want)   # every frame differs (the date at least)
    OUT.mkdir(parents=True, exist_ok=True)
    iio.imwrite(OUT / "animate-zh-last-frame.png", frames[-1][..., :3])
    _cli("animate", "--from", "1911", "--to", "1915", "--width", "640", str(mp4))
    reader = imageio2.get_reader(mp4, format="FFMPEG")
    shown = [reader.get_data(i).shape for i in range(reader.count_frames())]
    reader.close()
    assert len(shown) == sum(round(s * animate.MP4_FPS) for s in animate.durations(len(want)))   # each frame held
    assert set(shown) == {(360, 640, 3)}


def test_animate_bad_input_is_one_line(tmp_path, capsys, monkeypatch) -> None:
    with pytest.raises(SystemExit) as exit_info:
        animate.main(["--from", "1911", "--to", "1946", str(tmp_path / "a.txt")])
    assert exit_info.value.code == 2 and ".gif or .mp4" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        animate.main(["--from", "1950", "--to", "1911", str(tmp_path / "a.gif")])
    assert "range" in capsys.readouterr().err
    monkeypatch.setattr(animate, "CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(SystemExit):
        animate.main(["--from", "1911", "--to", "1912", str(tmp_path / "a.gif")])
    err = capsys.readouterr().err
    assert "Chromium not found" in err and "apt-get install" in err and "Traceback" not in err


# ---- the worksheet --------------------------------------------------------------------------------------------

def _maps_drawn(pg) -> None:
    pg.wait_for_function("() => document.body.dataset.ready === '1'", timeout=15000)
    assert pg.evaluate("() => document.body.dataset.error || ''") == ""
    atlas = load_atlas()
    for box in pg.query_selector_all("[data-map-date]"):
        stop = atlas.stop_of(box.get_attribute("data-map-date"))
        fills = box.eval_on_selector_all("path.unit", "ps => ps.map(p => p.getAttribute('fill'))")
        assert fills == expected_fills(stop), box.get_attribute("data-map-date")   # the page's own colours


def _fits_paper(pg, name: str) -> None:
    """Printed on A4 and Letter: the maps and legend are page 1, no map or question is wider than the paper."""
    for paper, (width, height) in PAPER.items():
        pg.set_viewport_size({"width": width, "height": height})
        pg.emulate_media(media="print")
        box = pg.evaluate("""() => { const top = document.querySelector('.sheet').getBoundingClientRect().top;
            const maps = document.querySelector('.sheet-maps');
            const wide = [...document.querySelectorAll('.sheet-map, .question, .legend')]
                .map(e => e.getBoundingClientRect().right);
            return {mapsBottom: maps ? maps.getBoundingClientRect().bottom - top : 0, right: Math.max(...wide),
                    avoid: [...document.querySelectorAll('.question')].every(q => getComputedStyle(q).breakInside === 'avoid')}; }""")
        assert box["mapsBottom"] <= height, (paper, box)
        assert box["right"] <= width + 1, (paper, box)
        assert box["avoid"]   # a question is never cut between two pages
        pdf = pg.pdf(format=paper, print_background=True)
        (OUT / f"{name}-{paper}.pdf").write_bytes(pdf)
        assert 2 <= _pages(pdf) <= 4, (paper, _pages(pdf))
        pg.emulate_media(media="screen")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_worksheet_served_with_maps_questions_and_a_separate_key(browser, live_server, lang) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sheet = lessons.worksheet()
    pg = new_page(browser, live_server)
    pg.goto(f"{live_server}/worksheet?lang={lang}")
    _maps_drawn(pg)
    assert pg.get_attribute("html", "lang") == i18n.HTML_LANG[lang]
    assert pg.inner_text("h1") == i18n.t(lang, "lessons.sheet_title")
    assert pg.locator("[data-map-date] svg.nba-map").count() == len(sheet.maps) == 6
    assert pg.locator("li.question").count() == len(sheet.questions) >= 8
    assert pg.locator("li.question[data-origin=source_reading]").count() >= 4
    texts = pg.locator("li.question .q-text").all_inner_texts()
    assert texts == [q.question[lang] for q in sheet.questions]
    assert pg.locator(".answer").count() == 0 and not any(q.answer[lang][:30] in pg.content() for q in sheet.questions)
    pg.screenshot(path=str(OUT / f"worksheet-{lang}.png"), full_page=True)
    _fits_paper(pg, f"worksheet-{lang}")
    pg.click("#other-sheet")   # the answer key is its own page
    pg.wait_for_function("() => document.body.classList.contains('sheet-key') && document.body.dataset.ready === '1'")
    assert "key=1" in pg.url
    answers = pg.locator("li.question .answer").all_inner_texts()
    assert [a.split(":", 1)[1].strip() for a in answers] == [q.answer[lang] for q in sheet.questions]
    assert pg.locator("[data-map-date]").count() == 0
    pg.screenshot(path=str(OUT / f"worksheet-key-{lang}.png"), full_page=True)
    _fits_paper(pg, f"worksheet-key-{lang}")
    finish_page(pg)


def test_worksheet_bad_query_is_a_400(live_server) -> None:
    for query in ("lang=fr", "key=yes"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{live_server}/worksheet?{query}")
        assert err.value.code == 400 and "error" in json.loads(err.value.read())


def test_page_links_the_worksheet_and_key(page) -> None:
    page.goto(page.base + "/?lang=mn")
    page.wait_for_selector(MAP_READY, timeout=15000)
    link = page.locator("#worksheet-link")
    assert link.inner_text() == i18n.t("mn", "lessons.worksheet")
    assert page.locator("#worksheet-key-link").get_attribute("href") == "worksheet?lang=mn&key=1"
    with page.expect_popup() as popup:
        link.click()
    sheet = popup.value
    sheet.wait_for_function("() => document.body.dataset.ready === '1'", timeout=15000)
    assert sheet.inner_text("h1") == i18n.t("mn", "lessons.sheet_title")
    sheet.close()


# ---- the export and the pack ----------------------------------------------------------------------------------

def _disk(browser, path: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(path.as_uri())
    return pg


def _closed_clean(pg) -> None:
    assert [u for u in pg.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert pg.errors == []
    pg.context.close()


def test_export_has_the_worksheet_working_from_disk(browser, tmp_path) -> None:
    site = tmp_path / "site"
    sizes = export.write_site(site)
    for lang in i18n.LANGUAGES:
        assert lessons.sheet_file(lang) in sizes and lessons.sheet_file(lang, True) in sizes
    pg = _disk(browser, site / "index-zh.html")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    assert pg.get_attribute("#worksheet-link", "href") == "worksheet-zh.html"
    assert pg.get_attribute("#worksheet-key-link", "href") == "worksheet-key-zh.html"
    pg.goto((site / "worksheet-zh.html").as_uri())
    _maps_drawn(pg)
    assert pg.locator("li.question").count() == len(lessons.worksheet().questions)
    pg.click("#other-sheet")
    pg.wait_for_function("() => document.body.classList.contains('sheet-key')")
    assert pg.locator(".answer").count() == len(lessons.worksheet().questions)
    _closed_clean(pg)


def test_pack_zip_opens_from_disk(browser, tmp_path) -> None:
    out = tmp_path / "pack.zip"
    info = pack.write_pack(out, period=(1911, 1913), langs=("en",), browser=browser)
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "usb")
    root = "northern-border-atlas/"
    sheet = lessons.worksheet()
    want = {"index.html", "index-zh.html", "index-mn.html", "guide.html", "worksheet.html", "worksheet-key.html",
            "worksheet-mn.html", "worksheet-key-mn.html", "animations/atlas-1911-1913-en.gif",
            "animations/atlas-1911-1913-en.mp4", *(f"maps/map-{m.date}-en.png" for m in sheet.maps)}
    assert {root + n for n in want} <= names and set(info["files"]) == names
    png = iio.imread(tmp_path / "usb" / root / f"maps/map-{sheet.maps[2].date}-en.png")
    assert png.shape[:2] == (720, 1280)
    OUT.mkdir(parents=True, exist_ok=True)
    iio.imwrite(OUT / "pack-map-1915-en.png", png[..., :3])
    folder = tmp_path / "usb" / root
    pg = _disk(browser, folder / "guide.html")
    hrefs = pg.eval_on_selector_all("main a", "as => as.map(a => a.getAttribute('href'))")
    assert {"index.html", "worksheet.html", "worksheet-key.html"} <= set(hrefs)
    assert all((folder / h).is_file() for h in hrefs)   # every file the guide names is in the pack
    pg.screenshot(path=str(OUT / "pack-guide-en.png"), full_page=True)
    pg.click("main a[href='index.html']")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    assert pg.locator("#map path.unit[fill]").count() == len(load_atlas().data["units"])
    pg.screenshot(path=str(OUT / "pack-index-en.png"))
    _closed_clean(pg)


def test_ready_made_animations_are_linked_and_exported_when_built(tmp_path, monkeypatch) -> None:
    from dashboard.export import to_static_html

    monkeypatch.setattr(lessons, "ANIMATIONS", tmp_path / "animations")
    assert "animation-link" not in to_static_html(lessons.classroom_links("zh"), "zh")   # none built: no link
    (tmp_path / "animations").mkdir()
    name = lessons.animation_file(1911, 1946, "zh")
    (tmp_path / "animations" / name).write_bytes(b"GIF89a")
    html = to_static_html(lessons.classroom_links("zh"), "zh")
    assert f'href="assets/lessons/animations/{name}"' in html and i18n.t("zh", "lessons.animation", first=1911, last=1946) in html
    written = lessons.write_pages(tmp_path / "site")
    assert tmp_path / "site" / "assets" / "lessons" / "animations" / name in written
