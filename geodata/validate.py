"""Check the committed data as a whole: `python -m geodata.validate` prints problems and exits 1 on any.

Loading already rejects malformed files (unknown ids, gaps, missing sources); this adds the checks
that need several files or the geometry: a clean coverage, areas, sizes, and events that match the
status changes they claim to cause.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import shapely

from .catalog import load_claimants, unit_records
from .claims import load_claims, load_perspectives
from .errors import DataError
from .events import load_events
from .io import DATA_DIR
from .layer import EQUAL_AREA_CRS, load_context, load_layer, load_units
from .tour import load_tour

MAX_UNITS_BYTES = 400 * 1024
MAX_AREA_DRIFT = 0.01  # simplified area may differ from the unsimplified one by at most 1%
MIN_EVENTS = 50


def problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Every problem found in the data, as readable sentences (empty when all is well)."""
    try:
        layer = load_layer(data_dir)
        units = load_units(data_dir)
        context = load_context(data_dir)
        events = load_events(unit_records(data_dir), data_dir)
        load_claims(data_dir)
        load_perspectives(data_dir)
        if (Path(data_dir) / "tour.yaml").exists():
            load_tour(Path(data_dir) / "tour.yaml", {e.id for e in events})
    except DataError as exc:
        return [str(exc)]
    found: list[str] = []
    found += _geometry_problems(units, context)
    found += _event_problems(layer, events)
    found += _claim_window_problems(layer, load_claimants(data_dir))
    size = (Path(data_dir) / "units.geojson").stat().st_size
    if size > MAX_UNITS_BYTES:
        found.append(f"units.geojson is {size / 1024:.0f} KB, over the {MAX_UNITS_BYTES // 1024} KB budget")
    return found


def _geometry_problems(units: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> list[str]:
    found = []
    for region, geom in zip(units.region, units.geometry):
        if geom is None or geom.is_empty:
            found.append(f"unit {region} has no geometry")
        elif not geom.is_valid:
            found.append(f"unit {region} geometry is invalid: {shapely.is_valid_reason(geom)}")
    minx, miny, maxx, maxy = units.total_bounds
    if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
        found.append("unit coordinates are not longitude/latitude (EPSG:4326)")
    everything = list(units.geometry) + list(context.geometry)
    if not shapely.coverage_is_valid(everything):
        bad = shapely.coverage_invalid_edges(everything)
        names = list(units.region) + list(context.country)
        where = [n for n, edge in zip(names, bad) if not edge.is_empty]
        found.append(f"units do not form a clean coverage (overlaps or unmatched edges) at {where}")
    measured = gpd.GeoSeries(list(units.geometry), crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area / 1e6
    for region, stored, now in zip(units.region, units.area_km2, measured):
        if stored > 10_000 and abs(now - stored) / stored > MAX_AREA_DRIFT:
            found.append(f"unit {region}: simplified area {now:,.0f} km² drifts over 1% from {stored:,.0f} km²")
    return found


def _event_problems(layer: gpd.GeoDataFrame, events: list) -> list[str]:
    found = []
    if len(events) < MIN_EVENTS:
        found.append(f"only {len(events)} events; at least {MIN_EVENTS} expected")
    starts = set(zip(layer.region, layer.start))
    explained = set()
    for event in events:
        for region in event.regions:
            key = (region, event.date.isoformat())
            if key not in starts:
                found.append(f"event {event.id} ({event.date}) says it changes {region}, "
                             f"but no {region} row starts that day")
            explained.add(key)
    for region, start in sorted(starts - explained):
        if start != "1689-01-01":
            found.append(f"{region} changes on {start} but no event lists it in regions")
    return found


def _claim_window_problems(layer: gpd.GeoDataFrame, claimants: dict[str, dict]) -> list[str]:
    """A row claimed by a Chinese government must lie wholly inside or outside its outline span (split it)."""
    found = []
    for region, start, end, claimed in zip(layer.region, layer.start, layer.end, layer.claimed_by):
        for c in filter(None, claimed.split(",")):
            rec = claimants[c]
            if not rec["chinese"]:
                continue
            for edge in filter(None, (rec["outline_from"], rec["outline_until"])):
                if start < edge and (end == "" or end > edge):
                    found.append(f"{region} row {start}..{end or 'open'} is claimed by {c} across {edge}, where "
                                 f"{c}'s claim starts or stops counting in the claimed outline; split the row there")
    return found


def main(argv: list[str] | None = None) -> int:
    """Command line: print the problems, or a one-line summary when there are none."""
    parser = argparse.ArgumentParser(prog="python -m geodata.validate", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="data folder (default: geodata/)")
    data_dir = parser.parse_args(argv).data_dir
    found = problems(data_dir)
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
