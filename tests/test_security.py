"""Security headers: CSP (scripts only from here or by hash, frame-ancestors from NBA_FRAME_ANCESTORS), nosniff,
referrer and permissions policies; checked on responses and in the browser (framing allowed or refused)."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dashboard import security
from dashboard.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client():
    from dashboard.app import server

    return server.test_client()


def _csp(resp) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in resp.headers["Content-Security-Policy"].split("; ")}


@pytest.mark.parametrize("path", ["/", "/?lang=zh&embed=1", "/_dash-layout", "/_dash-dependencies", "/assets/atlas.css",
                                  "/no-such-page"])
def test_headers_on_every_response(client, path) -> None:
    resp = client.get(path)
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in resp.headers["Permissions-Policy"]
    csp = _csp(resp)
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "*"           # default: any site may embed the atlas
    assert csp["object-src"] == "'none'"
    assert "X-Frame-Options" not in resp.headers    # it cannot say "any site"; CSP does


def test_script_policy_allows_only_this_server_and_dashs_inline_bootstrap(client) -> None:
    page = client.get("/").get_data(as_text=True)
    scripts = _csp(client.get("/"))["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts and "*" not in scripts
    inline = [body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
              if "src=" not in attrs and "application/json" not in attrs and body.strip()]
    assert inline, "expected Dash's inline renderer script"
    for body in inline:
        if body.lstrip().startswith("alert("):   # inside <!--[if IE]>: a comment to every browser we support
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in scripts
    external = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["'](https?:)?//""", page)
    assert external == []


@pytest.mark.parametrize(("raw", "expected"), [
    (None, "*"), ("", "*"), ("  ", "*"),
    ("'self'", "'self'"), ("'SELF'", "'self'"),
    ("'self' https://school.example", "'self' https://school.example"),
    ("https://a.example, https://b.example:8443", "https://a.example https://b.example:8443"),
    ("'none'", "'none'"),
    ("*.school.example", "*.school.example"),
    ("https:", "https:"), ("http://localhost:8050", "http://localhost:8050"),
])
def test_frame_ancestors_setting(raw, expected) -> None:
    assert security.frame_ancestors(raw) == expected


@pytest.mark.parametrize("raw", [
    "'self",                                   # the closing quote forgotten: was silently '*'
    "DENY",                                    # an X-Frame-Options word: was taken as a host name
    "self", "'unsafe-inline' data",
    "'none' https://a.example",                # 'none' cannot be combined
    "https://a.example; script-src *",         # no way to add a directive
    "https://a.example\r\nSet-Cookie: a=b",    # nor a header
])
def test_invalid_frame_ancestors_stop_start_up(raw, monkeypatch) -> None:
    with pytest.raises(ValueError, match="NBA_FRAME_ANCESTORS"):
        security.frame_ancestors(raw)
    monkeypatch.setenv("NBA_FRAME_ANCESTORS", raw)
    with pytest.raises(ConfigError, match="NBA_FRAME_ANCESTORS"):
        load_settings()


def test_invalid_frame_ancestors_is_one_line_and_exit_1() -> None:
    env = {**os.environ, "NBA_FRAME_ANCESTORS": "DENY"}
    result = subprocess.run([sys.executable, "-m", "dashboard", "--port", "1"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Northern Border Atlas cannot start: NBA_FRAME_ANCESTORS: 'DENY' is not a frame-ancestors source; use '*', "
        "\"'self'\", \"'none'\" or sites such as \"'self' https://school.example\""]


def test_setting_read_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("NBA_FRAME_ANCESTORS", "'self' https://school.example")
    assert load_settings().frame_ancestors == "'self' https://school.example"
    monkeypatch.delenv("NBA_FRAME_ANCESTORS")
    assert load_settings().frame_ancestors == "*"
    assert security.x_frame_options("'none'") == "DENY" and security.x_frame_options("'self'") == "SAMEORIGIN"
    assert security.x_frame_options("*") is None


def test_no_versions_in_the_page_config(client) -> None:
    import dash
    import platform

    page = client.get("/").get_data(as_text=True)
    config = json.loads(re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S)[1])
    text = json.dumps(config)
    assert platform.python_version() not in text and dash.__version__ not in text
    assert "python_version" not in config


def _serve(flask_app):
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, flask_app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def test_framing_in_the_browser(browser, live_server) -> None:
    """Another site frames the atlas (allowed by default); a page sent with frame-ancestors 'none' is refused."""
    import flask

    other = flask.Flask("other")   # "another site": http://localhost:PORT is not the atlas's origin 127.0.0.1
    other.add_url_rule("/", "index", lambda: (
        f"<iframe id=ok src='{live_server}/?embed=1&lang=zh' width=640 height=480></iframe>"
        "<iframe id=no src='/refusing' width=200 height=100></iframe>"
        "<iframe id=yes src='/allowing' width=200 height=100></iframe>"))
    refusing = security.content_security_policy(security.frame_ancestors("'none'"), [])   # NBA_FRAME_ANCESTORS='none'
    other.add_url_rule("/refusing", "refusing", lambda: ("<p id=inner>atlas</p>", 200,
                                                         {"Content-Security-Policy": refusing}))
    other.add_url_rule("/allowing", "allowing", lambda: "<p id=inner>atlas</p>")   # the control: no policy
    httpd = _serve(other)
    try:
        context = browser.new_context(viewport={"width": 900, "height": 700})
        page = context.new_page()
        page.goto(f"http://localhost:{httpd.server_port}/")
        frame = page.frame_locator("#ok")
        frame.locator("#map svg.nba-map path.unit").first.wait_for(state="attached", timeout=20000)
        assert frame.locator("#date-text").inner_text() == "1911年1月1日"
        page.frame_locator("#yes").locator("#inner").wait_for(timeout=5000)
        page.wait_for_timeout(300)
        assert page.frame_locator("#no").locator("#inner").count() == 0, "a frame-ancestors 'none' page was framed"
        context.close()
    finally:
        httpd.shutdown()
