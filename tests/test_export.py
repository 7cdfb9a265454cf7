"""The static export on disk: `python -m dashboard export OUTDIR` writes a self-contained site (no browser here)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import export
from dashboard.data import load_atlas

ROOT = Path(__file__).resolve().parent.parent


def _payload(site: Path) -> dict:
    text = (site / "assets" / "atlas-data.js").read_text(encoding="utf-8")
    match = re.search(r"window\.ATLAS_STATIC = (.*);\s*$", text, re.S)
    assert match
    return json.loads(match.group(1))


def test_command_line_writes_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", str(site)], cwd=ROOT, capture_output=True,
                         text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert "Wrote 12 files" in run.stdout and str(site) in run.stdout
    names = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert names == sorted(["index.html", *(f"assets/{n}" for _, n in export.COPIED), "assets/atlas-data.js"])
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert total < 2_500_000, f"export is {total} bytes"


def test_page_loads_only_local_files(tmp_path: Path) -> None:
    sizes = export.write_site(tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r"""(?:src|href)=["']([^"']+)""", page)
    assert refs and all(r.startswith("assets/") for r in refs), refs
    for ref in refs:
        assert (tmp_path / ref).is_file(), ref
    assert sizes["index.html"] == len(page.encode("utf-8"))
    for name in ("atlas.js", "classroom.js", "export.js", "00_geo_offline.js"):
        script = (tmp_path / "assets" / name).read_text(encoding="utf-8")
        assert not re.search(r"""(?:fetch|XMLHttpRequest|import)\s*\(\s*["']https?:""", script), name
    assert 'id="year-slider"' in page and 'type="range"' in page and 'id="event-list"' in page


def test_data_file_holds_the_page_data_and_one_figure(tmp_path: Path) -> None:
    export.write_site(tmp_path)
    payload = _payload(tmp_path)
    atlas = load_atlas()
    assert payload["data"]["stops"] == atlas.data["stops"]
    assert payload["data"]["states"] == atlas.data["states"]
    assert payload["start"] == atlas.stop_of("1911-01-01")
    assert len(payload["figure"]["data"]) == 10
    assert [s["date"] for s in payload["tour"]["stops"]][:2] == ["1689-09-06", "1727-11-01"]


def test_export_in_chinese(tmp_path: Path) -> None:
    assert export.main([str(tmp_path), "--lang", "zh"]) == 0
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and "1911年1月1日" in page
    assert _payload(tmp_path)["data"]["lang"] == "zh"


def test_export_never_overwrites_a_foreign_page(tmp_path: Path, capsys) -> None:
    (tmp_path / "index.html").write_text("<html>my own site</html>", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        export.main([str(tmp_path)])
    assert stop.value.code == 2
    assert "not an atlas export" in capsys.readouterr().err
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<html>my own site</html>"
    assert export.main([str(tmp_path), "--force"]) == 0
    assert export.main([str(tmp_path)]) == 0     # its own earlier export: overwritten without --force


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
