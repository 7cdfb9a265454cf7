"""The data layer's mechanics on a tiny synthetic folder (tests/data/mini: three squares, two changes), fast and
independent of the real history. What the real data says is tested in test_layer and test_validate."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import shapely

import geodata
from geodata import validate
from geodata.catalog import load_claimants, load_statuses, unit_records
from geodata.periods import load_periods

MINI = Path(__file__).resolve().parent / "data" / "mini"


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    """A copy of the mini folder to break."""
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini"


def test_layer_is_one_row_per_unit_and_period_with_names_and_geometry():
    layer = geodata.load_layer(MINI)
    assert layer.crs.to_epsg() == 4326
    assert sorted(zip(layer.region, layer.start)) == [
        ("east", "1689-01-01"), ("east", "1858-05-28"), ("middle", "1689-01-01"), ("west", "1689-01-01"),
        ("west", "1800-01-01")]
    east = layer.set_index(["region", "start"]).loc[("east", "1858-05-28")]
    assert (east.name_local, east.status_label, east.end) == ("Восток", "Russia", "")
    assert all(s and s[0]["url"].startswith("https://") for s in layer.sources)


def test_every_unit_has_one_row_at_every_date_and_since_is_when_its_status_began():
    for year in range(1689, 2009, 13):
        assert sorted(geodata.status_at(dt.date(year, 6, 1), MINI).region) == ["east", "middle", "west"]
    rows = geodata.status_at("1900-01-01", MINI).set_index("region")
    assert rows.loc["middle", "since"] == "1689-01-01" and rows.loc["east", "since"] == "1858-05-28"
    assert rows.loc["west", "claimed_by"] == "qing" and rows.loc["west", "china_claim"]
    assert not rows.loc["west", "china_control"]


def test_change_dates_are_the_row_starts_after_the_first_day():
    assert geodata.change_dates(MINI) == [dt.date(1800, 1, 1), dt.date(1858, 5, 28)]


def test_china_outline_area_and_border_follow_control_and_claim():
    units = geodata.load_units(MINI).set_index("region")
    assert geodata.china_area_km2("1700-01-01", "control", MINI) == pytest.approx(units.area_km2.sum())
    after = geodata.china_area_km2("1900-01-01", "control", MINI)
    assert after == pytest.approx(units.loc["middle", "area_km2"])
    assert geodata.china_area_km2("1900-01-01", "claim", MINI) == pytest.approx(
        units.loc["middle", "area_km2"] + units.loc["west", "area_km2"])
    assert geodata.china_outline("1900-01-01", "control", MINI).equals(shapely.box(101, 40, 102, 41))
    edges = geodata.load_edges(MINI)
    border = {frozenset((edges.a[i], edges.b[i])) for i in geodata.border_edges("1900-01-01", "control", MINI)}
    assert {frozenset(("west", "middle")), frozenset(("middle", "east"))} <= border
    assert frozenset(("west", "middle")) not in {
        frozenset((edges.a[i], edges.b[i])) for i in geodata.border_edges("1900-01-01", "claim", MINI)}


@pytest.mark.parametrize("bad", ["1600-01-01", "2030-01-01", "not a date", "1921-13-01"])
def test_out_of_range_or_malformed_dates_are_rejected_with_a_message(bad):
    with pytest.raises(ValueError, match="1689-01-01|ISO date"):
        geodata.status_at(bad, MINI)


def test_unknown_mode_is_rejected():
    with pytest.raises(ValueError, match="mode"):
        geodata.china_area_km2("1900-01-01", "wishful", MINI)


def test_the_geometry_checks_pass_and_the_manifest_records_them(mini):
    assert validate.geometry_problems(mini) == []
    manifest = json.loads(validate.write_manifest(mini).read_text(encoding="utf-8"))
    assert manifest["sha256"]["units.geojson"] == validate.sha256(mini / "units.geojson")
    assert validate._manifest_problems(mini, ["units.geojson"]) == []
    (mini / "units.geojson").write_text((mini / "units.geojson").read_text(encoding="utf-8").replace(
        "101.0,40.0", "101.5,40.0", 1), encoding="utf-8")
    assert validate._manifest_problems(mini, ["units.geojson"]) == [
        f"{mini / 'units.geojson'}: differs from the file whose geometry was checked (manifest.json): "
        "run python -m geodata.build"]


def test_overlapping_units_are_not_a_clean_coverage(mini):
    path = mini / "units.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    fc["features"][0]["geometry"] = shapely.geometry.mapping(shapely.box(100, 40, 101.5, 41))
    path.write_text(json.dumps(fc), encoding="utf-8")
    found = validate.geometry_problems(mini)
    assert any("do not form a clean coverage" in p and "'west'" in p for p in found), found
    with pytest.raises(geodata.DataError, match="clean coverage"):
        validate.write_manifest(mini)


def test_loaders_read_the_mini_folder():
    units = unit_records(MINI)
    assert list(units) == ["west", "middle", "east"]
    assert units["middle"]["names_by_date"][0]["until"] == dt.date(1800, 1, 1)
    rows = load_periods(units, load_statuses(MINI), load_claimants(MINI), MINI)
    assert [(r["region"], r["end"]) for r in rows] == [
        ("west", "1800-01-01"), ("west", ""), ("middle", ""), ("east", "1858-05-28"), ("east", "")]
    events = geodata.load_events(data_dir=MINI)
    assert [e.id for e in events] == ["west_leaves", "east_ceded"] and events[1].contested


def test_an_event_naming_an_unknown_unit_is_refused(mini):
    path = mini / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("regions: [west]", "regions: [atlantis]"),
                    encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"events\.yaml: event 'west_leaves' names unknown units \['atlantis'\]"):
        geodata.load_events(data_dir=mini)


def test_rows_with_a_gap_are_refused(mini):
    path = mini / "periods.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  end: '1800-01-01'", "  end: '1799-01-01'"),
                    encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"west row 2 starts 1800-01-01, expected 1799-01-01"):
        geodata.load_layer(mini)
