"""Shared fixtures for the dashboard tests: the app served from a thread, and a headless Chromium."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("NBA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """Serve dashboard.app on a free port from a werkzeug thread; yields the base URL."""
    from werkzeug.serving import make_server

    from dashboard.app import server

    httpd = make_server("127.0.0.1", 0, server, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium through Playwright; a missing browser fails the test (no skip)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


MAP_READY = "#map svg.nba-map path.unit[fill]"


def new_page(browser, base: str, **context_args):
    """A 1280x800 page that records console errors and every request (checked by finish_page)."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **context_args})
    pg = context.new_page()
    pg.errors, pg.requests, pg.posts = [], [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("request", lambda r: pg.posts.append(r.url) if r.method == "POST" else None)
    pg.base = base
    return pg


def finish_page(pg) -> None:
    """Close the page; assert nothing left 127.0.0.1 and the console stayed clean."""
    outside = [u for u in pg.requests if urlparse(u).hostname not in ("127.0.0.1", None)
               and not u.startswith(("data:", "blob:", "about:"))]
    pg.context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert pg.errors == [], f"console errors: {pg.errors}"


@pytest.fixture()
def page(browser, live_server) -> Iterator[object]:
    """A fresh page on the app; at the end asserts that nothing left 127.0.0.1 and no console errors."""
    pg = new_page(browser, live_server, accept_downloads=True)
    yield pg
    finish_page(pg)


def wait_drawn(pg, stop: int, timeout: int = 10000) -> None:
    """Wait until the map shows slider position `stop` (atlas.js marks #map once the step is painted)."""
    pg.wait_for_function("s => document.getElementById('map').getAttribute('data-drawn-stop') === s",
                         arg=str(stop), timeout=timeout)


def open_app(pg, query: str = "") -> None:
    """Open the app at a query string and wait until the map and the event list are drawn."""
    pg.goto(pg.base + "/" + query)
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_function("() => document.querySelectorAll('#event-list li').length > 0", timeout=10000)
