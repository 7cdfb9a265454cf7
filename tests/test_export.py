"""The static export on disk: `python -m dashboard export OUTDIR` writes the app's page as files (no browser here)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import export, i18n
from dashboard.data import BUNDLE_FILES, PAGE_DIR, load_atlas
from geodata.io import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "site"
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"to {out}" in run.stdout
    return out


def _preloaded(path: Path) -> tuple[str, object]:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'window\.NBA\.preloaded\["([^"]+)"\] = (.*);\s*$', text, re.S)
    assert match, path
    return match.group(1), json.loads(match.group(2))


def test_one_page_per_language_loading_only_files_beside_it(site: Path) -> None:
    for lang in i18n.LANGUAGES:
        page = (site / export.page_file(lang)).read_text(encoding="utf-8")
        assert f'<html lang="{i18n.HTML_LANG[lang]}">' in page
        refs = re.findall(r"""(?:src|href)=["']([^"'#]+)""", page)
        local = [r for r in refs if not r.startswith("http")]
        assert local and all((site / r.split("?")[0]).is_file() for r in local), local
        # links out are only the sources cited, never a script or style
        scripts = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["']([^"']+)""", page)
        assert all(not s.startswith("http") for s in scripts), scripts
        for code in i18n.LANGUAGES:
            assert f'data-file="{export.page_file(code)}"' in page


def test_the_page_is_the_apps_layout(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    for element in ('id="year-slider"', 'id="date-slider"', 'id="date-input"', 'id="event-list"', 'id="details-panel"', 'id="region-picker"',
                    'id="mode-switch"', 'id="play-button"', 'id="tour-start"', 'id="text-view-body"', 'id="map"',
                    'id="reading-view"', 'id="sources-view"', 'id="perspectives-panel"', 'id="download-png"'):
        assert element in page, element
    # the views the app fetches on first opening are in the page already
    assert re.search(r'id="reading-body"[^>]*data-loaded="1"><', page)


def test_bundle_files_are_given_as_scripts_as_they_are(site: Path) -> None:
    for name in BUNDLE_FILES:
        key, obj = _preloaded(site / "data" / f"{name[:-5]}.js")
        assert key == name and obj == json.loads((PAGE_DIR / name).read_text(encoding="utf-8"))


def test_region_details_for_every_unit_and_period(site: Path) -> None:
    atlas = load_atlas()
    _, details = _preloaded(site / "data" / "details-zh.js")
    assert set(details) == set(atlas.units)
    for unit, rows in atlas.periods.items():
        assert [r[0] for r in details[unit]] == [r["start"] for r in rows]
    assert "外蒙古" in details["outer_mongolia"][0][1]


def test_downloads_are_files_for_every_period(site: Path) -> None:
    """The borders of every unit and span as a file and as the script the page cuts a day's borders from."""
    atlas = load_atlas()
    committed = (DATA_DIR / "page" / "borders-all.geojson").read_text(encoding="utf-8")
    assert (site / "downloads" / "borders-all.geojson").read_text(encoding="utf-8") == committed
    script = (site / "data" / "borders-all.js").read_text(encoding="utf-8")
    assert json.loads(script[script.index("= ") + 2:].rstrip().rstrip(";")) == json.loads(committed)
    for lang in i18n.LANGUAGES:
        csv = (site / "downloads" / f"events-{lang}.csv").read_text(encoding="utf-8")
        assert csv.count("\n") >= len(atlas.events)


def test_export_never_overwrites_a_foreign_page(tmp_path: Path, capsys) -> None:
    (tmp_path / "index.html").write_text("<html>my own site</html>", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        export.main([str(tmp_path)])
    assert stop.value.code == 2
    assert "not an atlas export" in capsys.readouterr().err
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<html>my own site</html>"


def test_export_to_a_file_path_fails_cleanly(tmp_path: Path, capsys) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        export.main([str(target)])
    assert stop.value.code == 2 and "is not a folder" in capsys.readouterr().err


def test_app_does_not_load_the_export_driver() -> None:
    from dashboard.app import server

    page = server.test_client().get("/").get_data(as_text=True)
    assert "classroom.js" in page and "print.css" in page
    assert "static/export" not in page
