"""The app's server side through Flask's test client: pages, callbacks, malformed requests."""
from __future__ import annotations

import json
import re

import pytest

from dashboard import figures
from dashboard.app import app, server
from dashboard.data import load_atlas


@pytest.fixture(scope="module")
def client():
    return server.test_client()


def _post(client, body, raw: bool = False):
    data = body if raw else json.dumps(body)
    return client.post("/_dash-update-component", data=data, content_type="application/json")


def test_index_has_no_external_urls(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert re.findall(r"""(?:src|href)=["']https?://""", page) == []
    assert "plotly-geo" in page and "00_geo_offline.js" in page


def test_layout_holds_geometry_once(client) -> None:
    body = client.get("/_dash-layout").get_data(as_text=True)
    assert body.count('"FeatureCollection"') == 2      # units and context, each once
    assert len(body) < 1_200_000


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


def test_server_render_patch_matches_figure() -> None:
    atlas = load_atlas()
    stop = atlas.stop_of("1921-07-11")
    patch = figures.map_figure(atlas.data, atlas.units_fc, atlas.context_fc, stop)
    units = patch["data"][figures.TRACE["units"]]
    state = atlas.data["states"][atlas.data["stopState"][stop]]
    assert units["z"] == [max(s, 0) for s in state["s"]]
    assert units["locations"] == atlas.data["units"]


def test_page_data_is_consistent() -> None:
    data = load_atlas().data
    assert len(data["stops"]) == len(data["stopState"]) == len(data["stopFrac"])
    assert all(0 <= i < len(data["stops"]) for i in data["changeStops"])
    n_edges = len(data["edges"])
    for state in data["states"]:
        assert len(state["s"]) == len(data["units"])
        for mode in figures.MODES:
            assert all(0 <= i < n_edges for i in state["b"][mode])
    assert all(e["stop"] >= 0 for e in data["events"])
    assert app.title == "Northern Border Atlas"
