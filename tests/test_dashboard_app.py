"""The app's server side through Flask's test client: pages, callbacks, malformed requests."""
from __future__ import annotations

import json
import re

import pytest

from dashboard import figures
from dashboard.app import app, server
from dashboard.data import load_atlas, read_bundle
from geodata.io import DATA_DIR


@pytest.fixture(scope="module")
def client():
    return server.test_client()


def _post(client, body, raw: bool = False):
    data = body if raw else json.dumps(body)
    return client.post("/_dash-update-component", data=data, content_type="application/json")


def test_index_has_no_external_urls(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert re.findall(r"""(?:src|href)=["']https?://""", page) == []
    assert "nba_model.js" in page and "nba_map.js" in page and "atlas.js" in page


def test_layout_holds_no_geometry_or_timeline(client) -> None:
    body = client.get("/_dash-layout").get_data(as_text=True)
    assert '"unitPaths"' not in body and '"stopState"' not in body   # the page fetches the bundle files itself
    assert len(body) < 200_000


def test_compression_on(client) -> None:
    resp = client.get("/_dash-layout", headers={"Accept-Encoding": "br"})
    assert resp.headers.get("Content-Encoding") == "br"


@pytest.mark.parametrize("body", [b"garbage", b"", b"[]", b"{\"output\": 5}", b"{\"output\": \"nope.children\"}",
                                  b"\xff\xfe", b"null"])
def test_malformed_callback_requests_get_400(client, body) -> None:
    resp = _post(client, body, raw=True)
    assert resp.status_code == 400
    assert "Traceback" not in resp.get_data(as_text=True)


def _details_request(value):
    return {"output": "details-panel.children", "outputs": {"id": "details-panel", "property": "children"},
            "inputs": [{"id": "details-request", "property": "data", "value": value}],
            "changedPropIds": ["details-request.data"],
            "state": [{"id": "page-lang", "property": "data", "value": "en"}]}


def test_details_callback_valid_and_invalid(client) -> None:
    ok = _post(client, _details_request({"unit": "outer_mongolia", "state": 0}))
    assert ok.status_code == 200
    assert "Outer Mongolia" in ok.get_data(as_text=True)
    for bad in ({"unit": "atlantis", "state": 0}, {"unit": "outer_mongolia", "state": 10**6}, "x",
                {"unit": ["a"], "state": 0}, {"unit": "outer_mongolia", "state": "0"}):
        resp = _post(client, _details_request(bad))
        assert resp.status_code == 400, bad


def test_details_are_named_as_at_the_slider_date(client) -> None:
    """The request's `stop` names the unit as it was called then (the state may begin before a renaming)."""
    atlas = load_atlas()
    stop = atlas.stop_of("1993-01-01")
    request = {"unit": "outer_mongolia", "state": atlas.data["stopState"][stop], "stop": stop}
    ok = _post(client, _details_request(request))
    assert ok.status_code == 200
    heading = ok.get_json()["response"]["details-panel"]["children"]["props"]["children"][0]["props"]
    assert (heading["children"], heading["className"]) == ("Mongolia", "unit-name")
    for bad in (-1, 10**6, "3", [1]):
        resp = _post(client, _details_request({**request, "stop": bad}))
        assert resp.status_code == 400, bad


def test_wrongly_shaped_inputs_get_400(client) -> None:
    body = _details_request(None)
    body["inputs"] = "nope"
    assert _post(client, body).status_code == 400
    body["inputs"] = [{"id": "details-request"}]
    assert _post(client, body).status_code == 400


def test_page_bundle_is_consistent() -> None:
    atlas = load_atlas()
    data = atlas.data
    assert len(data["stops"]) == len(data["stopState"]) == len(data["stopFrac"])
    assert all(0 <= i < len(data["stops"]) for i in data["changeStops"])
    n_edges = len(read_bundle("map.json")["edges"])
    for state in data["states"]:
        assert len(state["s"]) == len(data["units"])
        for mode in figures.MODES:
            assert all(0 <= i < n_edges for i in state["b"][mode])
    assert all(e["stop"] >= 0 for e in data["events"])


def test_bundle_files_are_served_as_they_are(client) -> None:
    resp = client.get("/page-data/timeline.json")
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    assert resp.get_data() == (DATA_DIR / "page" / "timeline.json").read_bytes()
    assert client.get("/page-data/units.yaml").status_code == 404
    other = client.get("/page-data/..%2Fperiods.yaml")
    assert other.mimetype != "application/json" and b"outer_mongolia:" not in other.get_data()


def test_index_page_has_the_title() -> None:
    assert app.title == "Northern Border Atlas"


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "words"), [
    ("get", "/_dash-layout", {"headers": {"Referer": "http://[::1"}}, 400, "malformed Referer"),
    ("get", "/_dash-component-suites/nope/x.js", {}, 404, "no such file"),
    ("get", "/_dash-component-suites/dash/deps/nope.v4_4_1m1.js", {}, 404, "no such file"),
    ("post", "/_dash-update-component", {"data": "[" * 60000, "content_type": "application/json"}, 400,
     "nested too deeply"),
    ("post", "/_dash-update-component", {"data": "[" * 100000, "content_type": "application/json"}, 413,
     "too large"),
    ("post", "/_dash-update-component", {"data": "x" * (15 * 1024 * 1024), "content_type": "application/json"}, 413,
     "too large"),
])
def test_client_mistakes_get_a_short_4xx_and_one_log_line(client, caplog, method, path, kwargs, status, words) -> None:
    with caplog.at_level("WARNING"):
        resp = getattr(client, method)(path, **kwargs)
    assert resp.status_code == status
    assert words in resp.get_json()["error"]
    records = [r for r in caplog.records if r.name == server.logger.name]
    assert len(records) == 1 and records[0].exc_info is None and "\n" not in records[0].getMessage()


@pytest.mark.parametrize("change", ["inputs", "state", "outputs"])
def test_callback_not_matching_its_definition_gets_400(client, caplog, change) -> None:
    body = _details_request({"unit": "outer_mongolia", "state": 0})
    if change == "inputs":
        body["inputs"] = [{"id": "year-slider", "property": "value", "value": 3}]
    elif change == "state":
        body["state"] = []
    else:
        body["outputs"] = {"id": "map", "property": "figure"}
    with caplog.at_level("WARNING"):
        resp = _post(client, body)
    assert resp.status_code == 400 and change in resp.get_json()["error"]
    assert all(r.exc_info is None for r in caplog.records)


def test_fingerprinted_assets_are_cached_for_a_year(client) -> None:
    page = client.get("/").get_data(as_text=True)
    url = re.search(r'/assets/atlas\.css\?m=[0-9.]+', page)[0]
    assert client.get(url).headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "max-age=31536000" not in client.get("/assets/atlas.css").headers.get("Cache-Control", "")


def test_development_server_names_no_versions(tmp_path) -> None:
    """`python -m dashboard` (Werkzeug) sends no Werkzeug or Python version in its Server header."""
    import os
    import subprocess
    import sys
    import urllib.request

    from bench.load import ROOT, free_port, listening

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NBA_DEBUG": "0"})
    try:
        for _ in range(600):
            if listening(port) or proc.poll() is not None:
                break
            import time
            time.sleep(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-dependencies", timeout=10) as resp:
            server_header = resp.headers["Server"]
    finally:
        proc.terminate()
        proc.wait(10)
    assert server_header == "atlas"
