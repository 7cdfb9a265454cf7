"""`python -m dashboard` as a teacher runs it: one calm line (no Flask development-server warning), the page
answers; and the app under a path prefix, where every URL the server writes carries the prefix."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=20) as resp:
            return resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


def _start(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    """Start `python -m dashboard` and wait (on its output, not a clock) for the line saying it runs."""
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", *args], cwd=ROOT,
                            stdout=out.open("w"), stderr=err.open("w"),
                            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    deadline = time.monotonic() + 120   # a bound for a broken start only; the loop ends as soon as the line is there
    while "is running at" not in out.read_text() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    return proc, out, err


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_python_m_dashboard_starts_with_one_calm_line(tmp_path) -> None:
    port = _free_port()
    proc, out, err = _start(tmp_path, "--port", str(port))
    try:
        assert proc.poll() is None, err.read_text()
        status, body, _ = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b"Northern Border Atlas" in body
        assert _get(f"http://127.0.0.1:{port}/download/borders.geojson?year=1911")[0] == 200
    finally:
        _stop(proc)
    lines = [line for line in out.read_text().splitlines() if line.strip()]
    assert lines[0] == (f"Northern Border Atlas is running at http://127.0.0.1:{port} (local classroom server; "
                        "for a school server see README: deploy/serve). Ctrl-C stops it.")
    logged = err.read_text()
    assert "development server" not in logged and "WARNING" not in logged, logged
    assert "GET / " not in logged    # successful requests are not logged, only the ones that went wrong


def test_a_busy_port_gives_a_clear_message(tmp_path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"Port {port} is in use" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("prefix_env", [{"DASH_URL_BASE_PATHNAME": "/atlas/"},
                                        {"DASH_REQUESTS_PATHNAME_PREFIX": "/atlas/"}])
def test_urls_under_a_path_prefix(tmp_path, prefix_env) -> None:
    """Served under /atlas/ (Dash's url_base_pathname, or a proxy that strips the prefix): the download links,
    bundle and trust URLs in the page carry /atlas/, and the routes answer where Dash's own routes are."""
    port = _free_port()
    proc, out, err = _start(tmp_path, "--port", str(port), env=prefix_env)
    routes = "/atlas/" if "DASH_URL_BASE_PATHNAME" in prefix_env else "/"
    base = f"http://127.0.0.1:{port}"
    try:
        assert proc.poll() is None, err.read_text()
        status, body, _ = _get(base + routes)
        assert status == 200
        status, layout, _ = _get(base + routes + "_dash-layout")
        assert status == 200
        text = json.dumps(json.loads(layout))   # Dash writes "/" as \u002f
        for url in ('"/atlas/download/borders.geojson?date=1911-01-01"', '"/atlas/download/borders-all.geojson"',
                    '"/atlas/download/events.csv"', '"/atlas/page-data/"', '"/atlas/trust/sources"'):
            assert url in text, url
        assert '"/download/' not in text and '"/trust/' not in text and '"/page-data/' not in text
        for path in ("download/borders.geojson?date=1921-07-11", "download/borders-all.geojson", "download/events.csv",
                     "page-data/timeline.json", "trust/sources"):
            assert _get(base + routes + path)[0] == 200, path
    finally:
        _stop(proc)


def test_page_under_a_prefix_in_the_browser(tmp_path, browser) -> None:
    """At /atlas/ the page draws, its GeoJSON link follows the slider and stays under /atlas/, and downloads."""
    from tests.conftest import MAP_READY, finish_page, new_page

    port = _free_port()
    proc, out, err = _start(tmp_path, "--port", str(port), env={"DASH_URL_BASE_PATHNAME": "/atlas/"})
    try:
        assert proc.poll() is None, err.read_text()
        pg = new_page(browser, f"http://127.0.0.1:{port}", accept_downloads=True)
        pg.goto(pg.base + "/atlas/?year=1911")
        pg.wait_for_selector(MAP_READY, timeout=20000)
        assert pg.get_attribute("#download-geojson", "href") == "/atlas/download/borders.geojson?date=1911-01-01"
        pg.locator("#date-slider [role=slider]").focus()
        pg.keyboard.press("ArrowRight")
        pg.wait_for_function("() => !document.querySelector('#download-geojson').getAttribute('href')"
                             ".endsWith('1911-01-01')", timeout=10000)
        href = pg.get_attribute("#download-geojson", "href")
        assert href.startswith("/atlas/download/borders.geojson?date=1911-")
        with pg.expect_download(timeout=20000) as info:
            pg.click("#download-geojson")
        assert info.value.suggested_filename.startswith("northern-border-atlas-borders-1911-")
        with pg.expect_download(timeout=20000) as info:
            pg.click("#download-geojson-all")
        assert info.value.suggested_filename == "northern-border-atlas-borders-all.geojson"
        finish_page(pg)
    finally:
        _stop(proc)
