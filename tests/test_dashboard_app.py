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
