"""Check every file the app reads: `python -m geodata.validate` prints problems and exits 1 on any.

The app runs the same check at start-up (`check`), so what validate accepts is what the app serves.
Loading already rejects malformed files (unknown ids, gaps, missing sources); this adds the checks
that need several files or the geometry: a clean coverage, valid shapes, areas, sizes, translations
whose ids exist, the interface strings, and events that match the status changes they claim to cause.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import shapely

from .catalog import unit_records
from .claims import load_claims, load_perspectives
from .errors import DataError
from .events import load_events
from .i18n import translation_problems, ui_problems
from .io import DATA_DIR
from .layer import EQUAL_AREA_CRS, load_context, load_edges, load_layer, load_units
from .tour import load_tour

MAX_UNITS_BYTES = 400 * 1024
MAX_AREA_DRIFT = 0.01  # simplified area may differ from the unsimplified one by at most 1%
MIN_EVENTS = 50
# The app's interface strings (dashboard/i18n/*.yaml) are data the app reads too, so they are checked here.
UI_DIR = DATA_DIR.parent / "dashboard" / "i18n"


def problems(data_dir: Path = DATA_DIR, ui_dir: Path | None = UI_DIR) -> list[str]:
    """Every problem found in the data, as readable sentences starting with the file (empty when all is well)."""
    data_dir = Path(data_dir)
    found: list[str] = ui_problems(ui_dir) if ui_dir is not None else []
    try:
        layer = load_layer(data_dir)
        units = load_units(data_dir)
        context = load_context(data_dir)
        edges = load_edges(data_dir)
        events = load_events(unit_records(data_dir), data_dir)
        load_claims(data_dir)
        load_perspectives(data_dir)
        load_tour(data_dir / "tour.yaml", {e.id for e in events})
    except DataError as exc:
        return [str(exc), *found]
    found += translation_problems(data_dir)
    found += _geometry_problems(data_dir, units, context)
    found += _edge_problems(data_dir, edges, set(units.region), set(context.country))
    found += _event_problems(data_dir, layer, events)
    size = (data_dir / "units.geojson").stat().st_size
    if size > MAX_UNITS_BYTES:
        found.append(f"{data_dir / 'units.geojson'}: {size / 1024:.0f} KB, over the {MAX_UNITS_BYTES // 1024} KB budget")
    return found


def check(data_dir: Path = DATA_DIR, ui_dir: Path | None = UI_DIR) -> None:
    """Raise DataError with the first problem (the app's start-up check: the same as `python -m geodata.validate`)."""
    found = problems(data_dir, ui_dir)
    if found:
        more = f" (and {len(found) - 1} more: run python -m geodata.validate)" if len(found) > 1 else ""
        raise DataError("", found[0] + more)


def _edge_problems(data_dir: Path, edges: gpd.GeoDataFrame, units: set[str], context: set[str]) -> list[str]:
    path = data_dir / "edges.geojson"
    if "a" not in edges or "b" not in edges:
        return [f"{path}: features need the properties a and b"]
    known = units | {f"ctx_{c}" for c in context} | context | {""}
    bad = sorted({str(x) for x in list(edges.a) + list(edges.b) if str(x) not in known})
    found = [f"{path}: edges name unknown units {bad[:5]}"] if bad else []
    if not all(g is not None and g.geom_type in ("LineString", "MultiLineString") for g in edges.geometry):
        found.append(f"{path}: every edge should be a line")
    return found


def _geometry_problems(data_dir: Path, units: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> list[str]:
    found = []
    where = data_dir / "units.geojson"
    for region, geom in zip(units.region, units.geometry):
        if geom is None or geom.is_empty:
            found.append(f"{where}: unit {region} has no geometry")
        elif not geom.is_valid:
            found.append(f"{where}: unit {region} geometry is invalid: {shapely.is_valid_reason(geom)}")
    for country, geom in zip(context.country, context.geometry):
        if geom is None or geom.is_empty or not geom.is_valid:
            reason = shapely.is_valid_reason(geom) if geom is not None else "no geometry"
            found.append(f"{data_dir / 'context.geojson'}: {country} geometry is invalid: {reason}")
    if found:
        return found     # the coverage and area checks below need valid shapes
    minx, miny, maxx, maxy = units.total_bounds
    if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
        found.append(f"{where}: unit coordinates are not longitude/latitude (EPSG:4326)")
    everything = list(units.geometry) + list(context.geometry)
    if not shapely.coverage_is_valid(everything):
        bad = shapely.coverage_invalid_edges(everything)
        names = list(units.region) + list(context.country)
        where = [n for n, edge in zip(names, bad) if not edge.is_empty]
        found.append(f"{data_dir / 'units.geojson'}: units do not form a clean coverage (overlaps or unmatched "
                     f"edges) at {where}")
    measured = gpd.GeoSeries(list(units.geometry), crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area / 1e6
    for region, stored, now in zip(units.region, units.area_km2, measured):
        if stored > 10_000 and abs(now - stored) / stored > MAX_AREA_DRIFT:
            found.append(f"{data_dir / 'units.geojson'}: unit {region}: simplified area {now:,.0f} km² drifts over 1% from {stored:,.0f} km²")
    return found


def _event_problems(data_dir: Path, layer: gpd.GeoDataFrame, events: list) -> list[str]:
    found = []
    path = data_dir / "events.yaml"
    if len(events) < MIN_EVENTS:
        found.append(f"{path}: only {len(events)} events; at least {MIN_EVENTS} expected")
    starts = set(zip(layer.region, layer.start))
    explained = set()
    for event in events:
        for region in event.regions:
            key = (region, event.date.isoformat())
            if key not in starts:
                found.append(f"{path}: event {event.id} ({event.date}) says it changes {region}, "
                             f"but no {region} row starts that day")
            explained.add(key)
    for region, start in sorted(starts - explained):
        if start != "1689-01-01":
            found.append(f"{path}: {region} changes on {start} but no event lists it in regions")
    return found


def main(argv: list[str] | None = None) -> int:
    """Command line: print the problems, or a one-line summary when there are none."""
    parser = argparse.ArgumentParser(prog="python -m geodata.validate", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="data folder (default: geodata/)")
    parser.add_argument("--ui-dir", type=Path, default=UI_DIR,
                        help="the app's interface strings (default: dashboard/i18n/)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir
    found = problems(data_dir, args.ui_dir)
    if found:
        print(f"{len(found)} problem(s) in the data:", file=sys.stderr)
        for line in found:
            print(f"- {line}", file=sys.stderr)
        return 1
    layer = load_layer(data_dir)
    events = load_events(unit_records(data_dir), data_dir)
    print(f"data OK: {layer.region.nunique()} units, {len(layer)} status rows, {len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
