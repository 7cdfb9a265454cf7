"""Downloads: borders GeoJSON and events CSV from the server, the map PNG made in the browser."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import struct

import pytest
import shapely
from shapely.geometry import shape

import geodata
from dashboard.app import server
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, open_app


@pytest.fixture(scope="module")
def client():
    return server.test_client()


def test_borders_of_the_period_holding_a_date(client) -> None:
    resp = client.get("/download/borders.geojson?date=1911-12-05")
    assert resp.status_code == 200
    assert resp.mimetype == "application/geo+json"
    assert 'filename="northern-border-atlas-borders-1911-12-01.geojson"' in resp.headers["Content-Disposition"]
    doc = json.loads(resp.get_data(as_text=True))
    assert doc["type"] == "FeatureCollection" and doc["period"] == {"start": "1911-12-01", "end": "1912-01-15"}
    # one feature per status and claimant set (Russia's land and the Qing-claimed Sixty-Four Villages differ)
    features = [f for f in doc["features"] if f["properties"]["kind"] == "status"]
    independent = [f for f in features if "outer_mongolia" in f["properties"]["regions"]]
    assert [f["properties"]["status"] for f in independent] == ["declared_independent"]
    assert independent[0]["properties"]["claimed_by"] == ["qing"]
    # every unit is in exactly one status feature, and the status matches the data layer
    regions = [r for f in features for r in f["properties"]["regions"]]
    at = geodata.status_at("1911-12-05")
    assert sorted(regions) == sorted(at.region)
    assert {r: s for r, s in zip(at.region, at.status)} == {
        r: f["properties"]["status"] for f in features for r in f["properties"]["regions"]}
    # China's outline, in both modes, matches the data layer's area roughly (coordinates are rounded)
    china = {f["properties"]["mode"]: shape(f["geometry"]) for f in doc["features"] if f["properties"]["kind"] == "china"}
    assert set(china) == {"control", "claim"}
    assert china["claim"].area > china["control"].area
    expected = geodata.china_outline("1911-12-05")
    assert abs(china["control"].area - expected.area) < 0.01 * expected.area
    ring = independent[0]["geometry"]["coordinates"][0]
    ring = ring[0] if independent[0]["geometry"]["type"] == "MultiPolygon" else ring
    assert shapely.LinearRing(ring).is_ccw   # RFC 7946: exterior rings counter-clockwise


def test_borders_last_day_and_first_day(client) -> None:
    assert json.loads(client.get("/download/borders.geojson?date=2008-12-31").data)["period"]["end"] == ""
    assert json.loads(client.get("/download/borders.geojson?date=1689-01-01").data)["period"]["start"] == "1689-01-01"


@pytest.mark.parametrize("query, words", [
    ("", "?date=YYYY-MM-DD"), ("?date=", "?date=YYYY-MM-DD"), ("?date=1911-13-05", "must be a date"),
    ("?date=1600-01-01", "between 1689-01-01 and 2008-12-31"), ("?date=1911", "must be a date"),
    ("?date=1911-1-5", "must be a date"), ("?date=2008-W01-1", "must be a date"), ("?date=%00%ff", "must be a date"), ("?date=" + "9" * 5000, "must be a date"),
])
def test_bad_border_requests_get_a_clear_400(client, query: str, words: str) -> None:
    resp = client.get("/download/borders.geojson" + query)
    assert resp.status_code == 400
    body = resp.get_data(as_text=True)
    assert words in json.loads(body)["error"] and "Traceback" not in body


def _rows(resp) -> list[dict[str, str]]:
    return _rows_of(resp.get_data(as_text=True))


def _rows_of(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")     # byte-order mark: spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_all_events_as_csv(client) -> None:
    resp = client.get("/download/events.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert 'filename="northern-border-atlas-events.csv"' in resp.headers["Content-Disposition"]
    rows = _rows(resp)
    events = geodata.load_events()
    assert len(rows) == len(events)
    first = rows[0]
    assert first["id"] == "nerchinsk_1689" and first["date"] == "1689-09-06" and first["title"] == "Treaty of Nerchinsk"
    assert first["regions"] == "amur_left_bank;sixty_four_villages"
    assert "https://" in first["sources"]
    assert all(r["summary"] for r in rows)


def test_events_between_two_dates_and_in_chinese(client) -> None:
    rows = _rows(client.get("/download/events.csv?from=1911-01-01&to=1912-12-31"))
    assert rows and all("1911-01-01" <= r["date"] <= "1912-12-31" for r in rows)
    assert len(rows) == sum(1 for e in geodata.load_events() if 1911 <= e.date.year <= 1912)
    rows = _rows(client.get("/download/events.csv?from=1689-09-06&to=1689-09-06&lang=zh"))
    assert [r["title"] for r in rows] == ["《尼布楚条约》"]


@pytest.mark.parametrize("query, words", [
    ("?from=1913-01-01&to=1912-12-31", "is after"), ("?from=yesterday", "'from' must be a date"),
    ("?to=2009-01-01", "'to' must be a date"), ("?lang=fr", "'lang' must be one of"),
])
def test_bad_event_requests_get_a_clear_400(client, query: str, words: str) -> None:
    resp = client.get("/download/events.csv" + query)
    assert resp.status_code == 400
    assert words in json.loads(resp.get_data(as_text=True))["error"]


# --- in the browser -------------------------------------------------------------------------------------------

def test_map_downloads_as_png(page) -> None:
    pg = page
    open_app(pg, "?date=1911-12-01")
    with pg.expect_download(timeout=20000) as info:
        pg.click("#download-png")
    download = info.value
    assert download.suggested_filename == "northern-border-atlas-1911-12-01.png"
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "download-map-1911-12-01.png"
    download.save_as(str(target))
    png = target.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 800 and height >= 500
    assert len(png) > 30_000     # a drawn map, not an empty image


def test_geojson_and_csv_links_follow_the_date(page) -> None:
    pg = page
    atlas = load_atlas()
    open_app(pg, "?year=1911")
    link = pg.locator("#download-geojson")
    assert link.get_attribute("href") == "/download/borders.geojson?date=1911-01-01"
    pg.locator("#date-slider [role=slider]").focus()
    pg.keyboard.press("ArrowRight")
    shown = atlas.data["stops"][atlas.stop_of("1911-01-01") + 1]
    pg.wait_for_function("h => document.querySelector('#download-geojson').getAttribute('href') === h",
                         arg=f"/download/borders.geojson?date={shown}", timeout=10000)
    resp = pg.request.get(pg.base + link.get_attribute("href"))
    assert resp.status == 200 and json.loads(resp.body())["period"]["start"] == shown
    with pg.expect_download(timeout=20000) as info:
        pg.click("#download-geojson")
    assert info.value.suggested_filename == f"northern-border-atlas-borders-{shown}.geojson"
    with pg.expect_download(timeout=20000) as info:
        pg.click("#download-csv")
    assert info.value.suggested_filename == "northern-border-atlas-events.csv"


def test_downloads_built_once_compressed_and_validated(client, monkeypatch) -> None:
    """Served from the data loaded at start-up (no file is read per request), brotli/gzip, 304 when unchanged."""
    import gzip

    import brotli
    import geodata.io

    first = client.get("/download/events.csv?lang=zh", headers={"Accept-Encoding": "gzip"})

    def no_reading(*_args, **_kwargs):
        raise AssertionError("a download re-read a data file")

    monkeypatch.setattr(geodata.io, "read_yaml", no_reading)
    monkeypatch.setattr(geodata.io, "read_geojson", no_reading)
    again = client.get("/download/events.csv?lang=zh", headers={"Accept-Encoding": "gzip"})
    assert again.headers["Content-Encoding"] == "gzip" and again.data == first.data
    plain = client.get("/download/events.csv?lang=zh").data
    assert gzip.decompress(again.data) == plain and "《尼布楚条约》" in plain.decode("utf-8-sig")
    br = client.get("/download/borders.geojson?date=1911-12-01", headers={"Accept-Encoding": "br, gzip"})
    assert br.headers["Content-Encoding"] == "br" and json.loads(brotli.decompress(br.data))["features"]
    assert "Accept-Encoding" in br.headers["Vary"]
    for resp, path, coding in ((again, "/download/events.csv?lang=zh", "gzip"),
                               (br, "/download/borders.geojson?date=1911-12-01", "br, gzip")):
        assert client.get(path, headers={"Accept-Encoding": coding,
                                         "If-None-Match": resp.headers["ETag"]}).status_code == 304
        assert client.get(path, headers={"Accept-Encoding": coding,
                                         "If-Modified-Since": resp.headers["Last-Modified"]}).status_code == 304
    assert client.get("/download/events.csv?lang=zh", headers={"If-None-Match": again.headers["ETag"]}).status_code \
        == 200   # another representation (uncompressed) has another validator


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x.example\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_formula_cells_are_neutralised(text) -> None:
    from dashboard.downloads import events_csv

    event = load_atlas().events[0]
    fake = dataclasses.replace(event, title=text, place="Nerchinsk")
    row = _rows_of(events_csv([fake]))[0]
    assert row["title"] == "'" + text and row["place"] == "Nerchinsk"
    assert row["lat"] == str(event.lat)
