"""Downloads: borders GeoJSON and events CSV from the server, the map PNG made in the browser."""
from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
import shapely

import geodata
from dashboard import i18n
from dashboard.app import server
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, open_app


@pytest.fixture(scope="module")
def client():
    return server.test_client()


def _features(resp) -> dict[str, dict]:
    """The features of a borders download by unit (one each)."""
    doc = json.loads(resp.get_data(as_text=True))
    units = [f["properties"]["unit"] for f in doc["features"]]
    assert len(units) == len(set(units)), "one feature per unit"
    return {f["properties"]["unit"]: f for f in doc["features"]}


def test_borders_one_feature_per_unit_with_its_status_claims_names_and_sources(client) -> None:
    resp = client.get("/download/borders.geojson?date=1921-07-11")
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/geo+json"
    assert 'filename="northern-border-atlas-borders-1921-07-11.geojson"' in resp.headers["Content-Disposition"]
    doc = json.loads(resp.get_data(as_text=True))
    assert doc["type"] == "FeatureCollection" and doc["period"] == {"start": "1921-07-11", "end": "1921-08-14"}
    assert "Natural Earth" in doc["attribution"] and "public domain" in doc["attribution"]
    feats = _features(resp)
    # every unit once, with the data layer's status (Outer Mongolia and Tibet shared a status: two features now)
    at = geodata.status_at("1921-07-11")
    assert set(feats) == set(at.region)
    assert {u: f["properties"]["status"] for u, f in feats.items()} == dict(zip(at.region, at.status))
    assert feats["outer_mongolia"]["properties"]["status"] == feats["tibet"]["properties"]["status"]
    om = feats["outer_mongolia"]["properties"]
    # names of the period in three languages (geodata.unit_name), claimants, precision and sources
    for lang in ("en", "zh", "mn"):
        assert om[f"name_{lang}"] == geodata.unit_name("outer_mongolia", "1921-07-11", lang)
        assert om[f"status_{lang}"]
    assert om["precision"] in ("close", "approximate") and "https://" in om["sources"]
    assert om["start"] <= "1921-07-11" < om["end"]
    ring = feats["outer_mongolia"]["geometry"]["coordinates"][0]
    ring = ring[0] if feats["outer_mongolia"]["geometry"]["type"] == "MultiPolygon" else ring
    assert shapely.LinearRing(ring).is_ccw   # RFC 7946: exterior rings counter-clockwise


def test_borders_take_the_name_of_the_day(client) -> None:
    """Manchukuo ends on 1945-08-17, a day on which no status changes: the file of that day says Manchuria."""
    before = _features(client.get("/download/borders.geojson?date=1945-08-16"))["manchuria"]["properties"]
    after = _features(client.get("/download/borders.geojson?date=1945-08-17"))["manchuria"]["properties"]
    assert (before["name_en"], after["name_en"]) == ("Manchukuo", "Manchuria")
    assert before["status"] == after["status"]


def test_borders_by_year(client) -> None:
    by_year = client.get("/download/borders.geojson?year=1945")
    assert by_year.data == client.get("/download/borders.geojson?date=1945-01-01").data
    # ?date= wins when both are given, as on the page
    assert client.get("/download/borders.geojson?date=1911-12-05&year=1945").data == \
        client.get("/download/borders.geojson?date=1911-12-05").data


def test_borders_last_day_and_first_day(client) -> None:
    assert json.loads(client.get("/download/borders.geojson?date=2008-12-31").data)["period"]["end"] == ""
    assert json.loads(client.get("/download/borders.geojson?year=1689").data)["period"]["start"] == "1689-01-01"


@pytest.mark.parametrize("query, words", [
    ("", "?date=YYYY-MM-DD or ?year=YYYY"), ("?date=", "?date=YYYY-MM-DD"), ("?date=1911-13-05", "must be a date"),
    ("?year=1688", "'year' must be a year like 1911 between 1689 and 2008"), ("?year=19x5", "'year' must be a year"),
    ("?year=%00", "'year' must be a year"), ("?year=" + "1" * 5000, "'year' must be a year"),
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
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "text/csv; charset=utf-8"   # one charset
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

def _rgb(css: str) -> tuple[int, int, int]:
    """'rgb(213, 94, 0)' -> (213, 94, 0)."""
    return tuple(int(v) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3])


@pytest.mark.parametrize("lang, mode", [("en", "control"), ("zh", "claim"), ("mn", "control")])
def test_map_downloads_as_png_with_title_date_legend_and_attribution(page, lang, mode) -> None:
    """The PNG is the map with, in the page's language, its title, the date, the border mode, the page's legend
    (its colours read back from the image's pixels) and the attribution."""
    from PIL import Image

    pg = page
    open_app(pg, f"?date=1921-07-11&region=outer_mongolia&mode={mode}&lang={lang}")
    texts = pg.evaluate("() => NBA.png.fromPage()")
    date_text = pg.inner_text("#date-text").strip()
    assert texts["title"] == i18n.t(lang, "header.title") and texts["date"] == date_text
    assert texts["mode"].endswith(i18n.t(lang, f"controls.mode_{mode}"))
    assert "Natural Earth" in texts["attribution"] and texts["attribution"] == i18n.t(lang, "downloads.png_attribution")
    legend = pg.evaluate("() => Array.from(document.querySelectorAll('#legend li')).map(li => li.textContent.trim())")
    assert [item["label"] for item in texts["legend"]] == legend and len(legend) >= 10
    with pg.expect_download(timeout=20000) as info:
        pg.click("#download-png")
    download = info.value
    assert download.suggested_filename == "northern-border-atlas-1921-07-11.png"
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"download-map-1921-07-11-{lang}.png"
    download.save_as(str(target))
    layout = pg.evaluate("() => NBA.png.last")
    image = Image.open(target).convert("RGB")
    assert image.size == (layout["width"], layout["height"]) and image.width == 1600
    assert target.stat().st_size > 100_000     # a drawn map, not an empty image
    # each colour key of the legend is drawn in its colour (the centre of its swatch, hatched ones beside a stroke)
    swatches = [(k, item) for k, item in zip(layout["keys"], texts["legend"]) if item.get("color")]
    assert len(swatches) >= 8
    for key, item in swatches:
        box = image.crop((int(key["x"]) + 2, int(key["y"] - key["h"] / 2) + 2,
                          int(key["x"] + key["w"]) - 2, int(key["y"] + key["h"] / 2) - 2))
        colours = dict((rgb, n) for n, rgb in box.getcolors(4096))
        assert colours.get(_rgb(item["color"]), 0) >= (40 if item["hatch"] else 400), (item["label"], item["color"])
    # the legend sits below the map, the map area is the map (its sea colour), the title band has dark text
    x, top, w, h = layout["map"]
    assert layout["legend"][1] >= top + h
    assert image.getpixel((5, top + h // 2)) != (255, 255, 255)
    band = image.crop((0, 0, 800, top)).convert("L")
    assert band.getextrema()[0] < 80   # text drawn in the title band
    credit = image.crop((0, layout["legend"][1] + layout["legend"][3], 1600, image.height)).convert("L")
    assert credit.getextrema()[0] < 160   # the attribution line


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


# --- the time-enabled file of every unit and span -------------------------------------------------------------

def test_all_spans_file_reads_as_a_dated_layer(client, tmp_path) -> None:
    """GDAL (as QGIS uses it) reads start and end as date fields; spans of a unit tile the atlas's range."""
    import pyogrio

    resp = client.get("/download/borders-all.geojson")
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/geo+json"
    assert 'filename="northern-border-atlas-borders-all.geojson"' in resp.headers["Content-Disposition"]
    path = tmp_path / "all.geojson"
    path.write_bytes(resp.data)
    info = pyogrio.read_info(path)
    fields = dict(zip(info["fields"], info["dtypes"]))
    assert fields["start"].startswith("datetime64") and fields["end"].startswith("datetime64"), fields
    frame = pyogrio.read_dataframe(path)
    assert frame.crs.to_epsg() == 4326 and frame.geometry.is_valid.all()
    assert (frame.start < frame.end).all()
    units = set(geodata.load_units().region)
    assert set(frame.unit) == units
    for unit, rows in frame.sort_values("start").groupby("unit"):
        starts, ends = [d.date().isoformat() for d in rows.start], [d.date().isoformat() for d in rows.end]
        assert starts[0] == "1689-01-01" and ends[-1] == "2009-01-01", unit      # the whole range...
        assert starts[1:] == ends[:-1], unit                                     # ...with no gap or overlap


@pytest.mark.parametrize("day", ["1689-01-01", "1911-12-05", "1921-07-11", "1945-08-17", "2008-12-31"])
def test_a_days_features_in_the_all_spans_file_are_that_days_download(client, day) -> None:
    everything = json.loads(client.get("/download/borders-all.geojson").data)["features"]
    holding = [f for f in everything if f["properties"]["start"] <= day < f["properties"]["end"]]
    assert holding == json.loads(client.get(f"/download/borders.geojson?date={day}").data)["features"]
