"""The border layer answers the questions a teacher asks, from the committed data (its mechanics on synthetic
data: test_mini)."""
import datetime as dt

import pytest
import shapely

import geodata

REQUIRED_UNITS = {"outer_mongolia", "tannu_uriankhai", "barga", "amur_left_bank", "primorye", "manchuria", "china",
                  "russia"}
HARBIN = shapely.Point(126.63, 45.75)
ULAANBAATAR = shapely.Point(106.92, 47.92)
TAIPEI = shapely.Point(121.56, 25.04)
NANJING = shapely.Point(118.78, 32.06)
WUHAN = shapely.Point(114.3, 30.59)
CHONGQING = shapely.Point(106.55, 29.56)
CHENGDE = shapely.Point(117.94, 40.97)


@pytest.fixture(scope="module")
def layer():
    return geodata.load_layer()


def test_layer_is_one_row_per_unit_and_period_in_wgs84(layer):
    assert layer.crs.to_epsg() == 4326
    for column in ("region", "name", "start", "end", "status", "claimed_by", "precision", "area_km2", "sources",
                   "geometry"):
        assert column in layer.columns
    assert REQUIRED_UNITS <= set(layer.region)
    assert not layer.duplicated(["region", "start"]).any()
    assert set(layer.precision) <= {"close", "approximate"}
    assert all(isinstance(s, list) and s and s[0]["url"].startswith("http") for s in layer.sources)


@pytest.mark.parametrize("day, status", [
    ("1800-01-01", "qing"),
    ("1913-06-01", "declared_independent"),
    ("1917-01-01", "autonomous"),
    ("1935-01-01", "de_facto_independent"),
    ("1950-01-01", "independent"),
    ("1990-01-01", "independent"),
])
def test_outer_mongolia_status_follows_the_record(day, status):
    rows = geodata.status_at(day).set_index("region")
    assert rows.loc["outer_mongolia", "status"] == status


def test_roc_claim_on_mongolia_is_recorded_while_it_did_not_control_it():
    rows = geodata.status_at("1935-01-01").set_index("region")
    assert "roc" in rows.loc["outer_mongolia", "claimed_by"].split(",")
    rows = geodata.status_at("1960-01-01").set_index("region")
    assert "roc" in rows.loc["outer_mongolia", "claimed_by"].split(",")
    rows = geodata.status_at("1948-01-01").set_index("region")
    assert rows.loc["outer_mongolia", "claimed_by"] == ""


def test_since_reports_when_the_current_status_began():
    rows = geodata.status_at("1917-01-01").set_index("region")
    assert rows.loc["outer_mongolia", "since"] == "1915-06-07"


def test_amur_left_bank_changes_hands_at_aigun():
    before = geodata.status_at("1858-05-27").set_index("region")
    after = geodata.status_at("1858-05-28").set_index("region")
    assert before.loc["amur_left_bank", "status"] == "qing"
    assert after.loc["amur_left_bank", "status"] == "russia"
    assert after.loc["primorye", "status"] == "joint"


def test_change_dates_are_sorted_unique_and_include_the_1921_steps():
    dates = geodata.change_dates()
    assert dates == sorted(set(dates))
    assert dt.date(1858, 5, 28) in dates
    assert len([d for d in dates if d.year == 1921]) >= 2
    assert dates[0] > geodata.FIRST


def test_china_outline_and_area_follow_control_and_claim():
    assert geodata.china_outline("1920-01-01").contains(HARBIN)
    assert not geodata.china_outline("1935-01-01", "control").contains(HARBIN)
    assert geodata.china_outline("1935-01-01", "claim").contains(HARBIN)
    assert geodata.china_outline("1935-01-01", "claim").contains(ULAANBAATAR)
    assert not geodata.china_outline("1935-01-01", "control").contains(ULAANBAATAR)
    mongolia = float(geodata.load_units().set_index("region").loc["outer_mongolia", "area_km2"])
    assert geodata.china_area_km2("1935-01-01", "claim") - geodata.china_area_km2("1935-01-01", "control") >= mongolia
    assert geodata.china_area_km2("1800-01-01") > geodata.china_area_km2("1870-01-01")


def test_after_1949_the_claimed_outline_is_the_prcs_and_roc_only_claims_are_listed():
    rows = geodata.status_at("1960-01-01").set_index("region")
    assert rows.loc["taiwan", "status"] == "roc_held" and rows.loc["taiwan", "claimed_by"] == "prc"
    assert geodata.china_outline("1960-01-01", "claim").contains(TAIPEI)
    assert not geodata.china_outline("1960-01-01", "claim").contains(ULAANBAATAR)
    for unit in ("outer_mongolia", "tannu_uriankhai", "sixty_four_villages"):
        assert rows.loc[unit, "other_china_claims"] == "roc"
        assert not rows.loc[unit, "china_claim"]
    before = geodata.status_at("1948-01-01").set_index("region")
    assert before.loc["tannu_uriankhai", "china_claim"] and before.loc["sixty_four_villages", "china_claim"]
    assert before.loc["tannu_uriankhai", "other_china_claims"] == ""


def test_japanese_occupation_of_china_proper_is_drawn_in_stages():
    control = geodata.china_outline
    assert control("1937-06-01").contains(NANJING) and control("1937-06-01").contains(WUHAN)
    assert not control("1938-06-01").contains(NANJING) and control("1938-06-01").contains(WUHAN)
    assert not control("1940-01-01").contains(WUHAN) and control("1940-01-01").contains(CHONGQING)
    rows = geodata.status_at("1941-01-01").set_index("region")
    assert {rows.loc[u, "status"] for u in ("north_china", "lower_yangtze", "wuhan")} == {"japanese_puppet"}
    assert rows.loc["hainan", "status"] == "occupied"
    assert geodata.status_at("1945-01-01").set_index("region").loc["ichigo_north", "status"] == "occupied"
    assert control("1946-01-01").contains(NANJING) and control("1946-01-01").contains(WUHAN)
    assert geodata.china_area_km2("1940-01-01") < geodata.china_area_km2("1937-01-01") - 500_000


def test_jehol_passes_to_manchukuo_in_1933_not_1932():
    assert geodata.china_outline("1932-06-01").contains(CHENGDE)
    assert not geodata.china_outline("1933-06-01").contains(CHENGDE)


def test_border_edges_separate_china_from_the_rest():
    edges = geodata.load_edges()
    control_1935 = set(geodata.border_edges("1935-01-01", "control"))
    inside = set(geodata.status_at("1935-01-01").query("china_control").region)
    for i in control_1935:
        assert (edges.a[i] in inside) != (edges.b[i] in inside)
    mongolia_china = [i for i, (a, b) in enumerate(zip(edges.a, edges.b)) if {a, b} == {"outer_mongolia", "china"}]
    assert mongolia_china
    assert set(mongolia_china) <= control_1935
    assert not set(mongolia_china) & set(geodata.border_edges("1800-01-01", "control"))


def test_mongolia_and_tuva_areas_match_reference_figures():
    units = geodata.load_units().set_index("region")
    assert units.loc["outer_mongolia", "area_km2"] == pytest.approx(1_564_116, rel=0.002)
    assert units.loc["tannu_uriankhai", "area_km2"] == pytest.approx(170_500, rel=0.02)
