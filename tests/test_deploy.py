"""deploy/serve (nginx in front of gunicorn) on a free loopback port: slow clients, oversized requests, a worker
killed under load, versions hidden, assets cached, and SIGTERM stopping both. Each test takes a few seconds."""
from __future__ import annotations

import gzip
import http.client
import os
import signal
import time

import pytest

from bench.load import ROOT, descendants, hammer, page_loads_beside_slow_clients, request, start

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = start("serve", log_dir=tmp_path_factory.mktemp("serve"))
    yield server
    if server.proc.poll() is None:
        server.stop()


def _get(port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET",
         body: bytes | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    resp = conn.getresponse()
    resp.body = resp.read()
    conn.close()
    return resp


def test_page_through_nginx_without_versions(served) -> None:
    resp = _get(served.port, "/")
    assert resp.status == 200 and b"Northern Border Atlas" in resp.body
    assert resp.getheader("Server") == "nginx"          # no version, no gunicorn, no Werkzeug/Python
    assert all(resp.getheader(h) for h in SECURITY_HEADERS)


def test_slow_clients_do_not_block_visitors(served) -> None:
    """32 sockets trickle header lines (nginx holds them, not gunicorn's 8 threads); 20 page loads all succeed."""
    result = page_loads_beside_slow_clients(served.port, loads=20, slow=32, timeout=5)
    assert result.errors == [] and len(result.latencies) == 20
    assert max(result.latencies) < 5


def test_oversized_body_is_refused_by_nginx_with_the_security_headers(served) -> None:
    resp = _get(served.port, "/_dash-update-component", method="POST", body=b"[" * (100 * 1024),
                headers={"Content-Type": "application/json"})
    assert resp.status == 413 and b"too large" in resp.body
    assert all(resp.getheader(h) for h in SECURITY_HEADERS)


def test_oversized_headers_are_refused_with_the_security_headers(served) -> None:
    resp = _get(served.port, "/", headers={"X-Big": "a" * 9000})
    assert resp.status == 431 and b"headers too large" in resp.body
    assert all(resp.getheader(h) for h in SECURITY_HEADERS)


def test_client_mistakes_get_short_4xx_answers(served) -> None:
    assert _get(served.port, "/_dash-layout", headers={"Referer": "http://[::1"}).status == 400
    assert _get(served.port, "/_dash-component-suites/nope/x.js").status == 404
    nested = _get(served.port, "/_dash-update-component", method="POST", body=b"[" * 60000,
                  headers={"Content-Type": "application/json"})
    assert nested.status == 400 and b"nested too deeply" in nested.body


def test_fingerprinted_assets_cached_and_precompressed(served) -> None:
    page = _get(served.port, "/").body.decode()
    start_at = page.index("/assets/atlas.css?m=")
    url = page[start_at:page.index('"', start_at)]
    resp = _get(served.port, url, headers={"Accept-Encoding": "gzip"})
    assert resp.status == 200 and resp.getheader("Content-Encoding") == "gzip"
    assert "max-age=31536000" in resp.getheader("Cache-Control")
    assert b".app" in gzip.decompress(resp.body) or len(gzip.decompress(resp.body)) > 100
    assert resp.getheader("X-Content-Type-Options") == "nosniff"
    assert _get(served.port, "/assets/atlas.css").getheader("Cache-Control") == "no-cache"   # no fingerprint


def test_killed_worker_loses_no_idempotent_request(served) -> None:
    """SIGKILL one gunicorn worker while 10 clients load pages and downloads: nginx retries on another worker."""
    workers = served.workers()
    assert len(workers) == 2, workers

    def kill_one() -> None:
        os.kill(workers[0], signal.SIGKILL)

    result = hammer(served.port, "GET", "/download/events.csv", None, clients=10, seconds=3, during=kill_one)
    assert result.errors == [], result.errors
    assert len(result.latencies) > 50
    deadline = time.monotonic() + 20
    while len(served.workers()) < 2 and time.monotonic() < deadline:   # gunicorn replaces the worker
        time.sleep(0.2)
    assert workers[0] not in served.workers() and len(served.workers()) == 2


def test_sigterm_stops_nginx_and_gunicorn(served) -> None:
    """The last test of the module: it stops the shared server the way a service manager does."""
    below = descendants(served.proc.pid)
    assert any(b"nginx" in open(f"/proc/{p}/cmdline", "rb").read() for p in below)
    assert any(b"gunicorn" in open(f"/proc/{p}/cmdline", "rb").read() for p in below)
    t0 = time.monotonic()
    assert served.stop(timeout=30) == 0
    assert time.monotonic() - t0 < 20
    deadline = time.monotonic() + 5
    while any(os.path.exists(f"/proc/{p}") for p in below) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in below if os.path.exists(f"/proc/{p}")], "a child outlived deploy/serve"


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs the very line README.md gives for running the tests (which installs nginx for this file)."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Run the tests", 1)[1]
    command = section.split("```", 2)[1].strip()
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1] == command
    assert "nginx" in command and "venv" in command
