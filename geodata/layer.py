"""The border layer: one GeoDataFrame row per unit and period, and the questions the app asks of it."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .catalog import MODES, PRECISION_LABELS, load_claimants, load_statuses, outline_claimant, unit_records
from .dates import in_range
from .errors import DataError
from .io import DATA_DIR, read_geojson
from .periods import change_dates, load_periods   # change_dates: geodata.layer.change_dates as before


EQUAL_AREA_CRS = "EPSG:6933"


@lru_cache(maxsize=4)
def _units(data_dir: Path) -> gpd.GeoDataFrame:
    records = unit_records(data_dir)
    path = data_dir / "units.geojson"
    geo = read_geojson(path)
    if "region" not in geo or "area_km2" not in geo:
        raise DataError(path, "features need the properties region and area_km2")
    if set(geo.region) != set(records) or len(geo) != len(records):
        raise DataError(path, f"regions {sorted(geo.region)} do not match units.yaml {sorted(records)}")
    geo = geo.set_index("region").loc[list(records)].reset_index()
    geo["name"] = [records[r]["names"]["en"] for r in geo.region]
    geo["name_zh"] = [records[r]["names"]["zh"] for r in geo.region]
    geo["name_local"] = [records[r]["names"].get("mn") or records[r]["names"].get("ru") or "" for r in geo.region]
    geo["precision"] = [records[r]["precision"] for r in geo.region]
    geo["precision_label"] = [PRECISION_LABELS[p] for p in geo.precision]
    geo["precision_note"] = [records[r]["precision_note"] for r in geo.region]
    geo["area_km2"] = geo.area_km2.astype(float)
    cols = ["region", "name", "name_zh", "name_local", "precision", "precision_label", "precision_note", "area_km2",
            "geometry"]
    return gpd.GeoDataFrame(geo[cols], geometry="geometry", crs="EPSG:4326")


@lru_cache(maxsize=4)
def _layer(data_dir: Path) -> gpd.GeoDataFrame:
    units = _units(data_dir)
    statuses = load_statuses(data_dir)
    claimants = load_claimants(data_dir)
    rows = pd.DataFrame(load_periods(unit_records(data_dir), statuses, claimants, data_dir))
    rows["status_label"] = [statuses[s]["label"] for s in rows.status]
    rows["china_control"] = [bool(statuses[s]["china_control"]) for s in rows.status]
    # The claimed outline is the claim of the government that held China's mainland at the time; another
    # Chinese government's claim (the ROC's after 1949) goes in other_china_claims.
    drawn = [[c for c in filter(None, claimed.split(",")) if outline_claimant(claimants, c, start)]
             for claimed, start in zip(rows.claimed_by, rows.start)]
    rows["china_claim"] = [ctrl or bool(d) for ctrl, d in zip(rows.china_control, drawn)]
    rows["other_china_claims"] = [",".join(c for c in filter(None, claimed.split(","))
                                           if claimants[c]["chinese"] and c not in d)
                                  for claimed, d in zip(rows.claimed_by, drawn)]
    merged = rows.merge(units, on="region", how="left", validate="many_to_one")
    cols = ["region", "name", "name_zh", "name_local", "start", "end", "status", "status_label", "claimed_by",
            "china_control", "china_claim", "other_china_claims", "precision", "precision_label", "precision_note",
            "area_km2", "note", "uncertainty", "sources", "geometry"]
    return gpd.GeoDataFrame(merged[cols], geometry="geometry", crs="EPSG:4326")


def load_units(data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """One row per unit with its geometry (sent to a browser once), names, precision and area."""
    return _units(Path(data_dir)).copy()


def load_layer(data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """One row per unit and period (EPSG:4326): status, claimants, precision, area, sources, geometry."""
    return _layer(Path(data_dir)).copy()


@lru_cache(maxsize=4)
def _edges(data_dir: Path) -> gpd.GeoDataFrame:
    return read_geojson(data_dir / "edges.geojson")


def load_edges(data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Edges of the unit coverage: a, b (unit or ctx_ ids; b "" for coast or frame) and the line."""
    return _edges(Path(data_dir)).copy()


def load_context(data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Neighbouring countries (grey, no status) for orientation."""
    return read_geojson(Path(data_dir) / "context.geojson")


def _at(layer: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    iso = day.isoformat()
    return layer[(layer.start <= iso) & ((layer.end == "") | (layer.end > iso))]


def status_at(when: dt.date | str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Every unit's row at a date (no geometry), with `since`: when its current status began."""
    day = in_range(when)
    layer = pd.DataFrame(_layer(Path(data_dir)).drop(columns="geometry"))
    current = _at(layer, day).copy()
    since = []
    for region, status, start in zip(current.region, current.status, current.start):
        history = layer[(layer.region == region) & (layer.start <= start)].sort_values("start")
        run_start = start
        for row_status, row_start in zip(reversed(history.status.tolist()), reversed(history.start.tolist())):
            if row_status != status:
                break
            run_start = row_start
        since.append(run_start)
    current["since"] = since
    return current.reset_index(drop=True)


def _china_regions(when: dt.date | str, mode: str, data_dir: Path) -> set[str]:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    rows = _at(_layer(Path(data_dir)), in_range(when))
    column = "china_control" if mode == "control" else "china_claim"
    return set(rows.region[rows[column]])


def china_outline(when: dt.date | str, mode: str = "control", data_dir: Path = DATA_DIR) -> shapely.Geometry:
    """China's territory at a date: what it controlled, or (mode="claim") what it controlled or claimed."""
    units = _units(Path(data_dir))
    return shapely.union_all(units.geometry[units.region.isin(_china_regions(when, mode, data_dir))].values)


def china_area_km2(when: dt.date | str, mode: str = "control", data_dir: Path = DATA_DIR) -> float:
    """Area of China's territory at a date (unsimplified unit areas, equal-area projection)."""
    units = _units(Path(data_dir))
    return float(units.area_km2[units.region.isin(_china_regions(when, mode, data_dir))].sum())


def border_edges(when: dt.date | str, mode: str = "control", data_dir: Path = DATA_DIR) -> list[int]:
    """Indices into load_edges() of the edges with China on exactly one side at the date."""
    inside = _china_regions(when, mode, data_dir)
    edges = _edges(Path(data_dir))
    return [i for i, (a, b) in enumerate(zip(edges.a, edges.b)) if (a in inside) != (b in inside)]
