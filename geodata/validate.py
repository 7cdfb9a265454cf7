"""Check every file the app reads: `python -m geodata.validate` prints problems and exits 1 on any.

The app runs the same check at start-up (`check`), so what validate accepts is what the app serves.
Loading already rejects malformed files (unknown ids, gaps, missing sources); this adds the checks
that need several files or the geometry: a clean coverage, valid shapes, areas, sizes, translations
whose ids exist, the interface strings, events that match the status changes they claim to cause,
citations whose publisher is in the registry (geodata.publishers), and our own texts agreeing with each
other (docs/design.md, "Consistency rules"): nothing stated as fact that a claim doubts, no `correct`
claim that corrects, one date per fact.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import shapely

from .calendars import check_old_style_events, load_calendars
from .catalog import load_claimants, unit_records
from .claims import load_claims, load_perspectives
from .errors import DataError
from .events import load_events
from .glossary import glossary_path, load_glossary
from .i18n import translation_problems, ui_problems
from .io import DATA_DIR, read_yaml
from .layer import EQUAL_AREA_CRS, load_context, load_edges, load_layer, load_units
from .publishers import citation_problems
from .tour import load_tour
from .worksheet import load_worksheet

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
        claim_data = load_claims(data_dir)
        claims = claim_data["claims"]
        moments = load_perspectives(data_dir)
        tour = load_tour(data_dir / "tour.yaml", {e.id for e in events})
        if (data_dir / "worksheet.yaml").exists():
            load_worksheet(data_dir / "worksheet.yaml", {e.id: e.date for e in events}, {c["id"] for c in claims})
        if (data_dir / "calendars.yaml").exists():
            load_calendars(data_dir)
            check_old_style_events({e.id for e in events}, data_dir)
        checks = load_checks(data_dir)
        if glossary_path(data_dir).exists():
            load_glossary(data_dir)
        found += citation_problems(data_dir)
    except DataError as exc:
        return [str(exc), *found]
    rows = {(r.region, r.start): {"note": r.note, "uncertainty": r.uncertainty}
            for r in layer[["region", "start", "note", "uncertainty"]].itertuples()}
    found += translation_problems(data_dir)
    found += _geometry_problems(data_dir, units, context)
    found += _edge_problems(data_dir, edges, set(units.region), set(context.country))
    found += _event_problems(data_dir, layer, events)
    found += doubted_facts(claims, events, rows, checks["verdicts_doubting"])
    found += correcting_correct_claims(claims, checks["correction_markers"])
    found += date_mismatches(events, claims, moments, tour)
    found += _claim_window_problems(layer, load_claimants(data_dir))
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


def load_checks(data_dir: Path = DATA_DIR) -> dict[str, list[str]]:
    """The vocabularies of the consistency rules (checks.yaml): correction markers and doubting verdicts."""
    path = Path(data_dir) / "checks.yaml"
    data = read_yaml(path)
    out: dict[str, list[str]] = {}
    for key in ("correction_markers", "verdicts_doubting"):
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataError(path, f"{key} should be a list of texts")
        out[key] = [v.strip() for v in value]
    return out


def date_spellings(day: dt.date) -> tuple[str, ...]:
    """How our English texts write a day: '17 November 1919', 'November 17, 1919', '1919-11-17'."""
    month = day.strftime("%B")
    return f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat()


def doubted_facts(claims: Iterable[dict], events: Iterable, rows: dict[tuple[str, str], dict],
                  doubting: Iterable[str]) -> list[str]:
    """Events and rows that a doubting claim is `about` but that state it as fact or carry no uncertainty.

    A claim judged unverified or wrong may list in `about` the events and "unit:start" rows that concern it.
    Each of them must carry an `uncertainty` where the verdict is unverified (say what is not confirmed), and
    none may give the date the text asserts (`claimed_date`, or `date` of an unverified claim) in its title,
    summary or note: there the atlas states facts; the attribution belongs in `uncertainty`.
    """
    doubting = set(doubting)
    by_id = {e.id: e for e in events}
    found = []
    for c in claims:
        if c["verdict"] not in doubting:
            continue
        asserted = c.get("claimed_date") or (c["date"] if c["verdict"] == "unverified" else None)
        precise = asserted is not None and c.get("date_precision", "day") == "day"
        for ref in c.get("about", []):
            if ":" in ref:
                unit, start = ref.split(":", 1)
                row = rows.get((unit, start))
                if row is None:
                    found.append(f"claim {c['id']} is about {ref}, but {unit} has no row starting {start}")
                    continue
                stated, uncertainty = row["note"] or "", row["uncertainty"] or ""
            else:
                event = by_id.get(ref)
                if event is None:
                    found.append(f"claim {c['id']} is about unknown event {ref}")
                    continue
                stated, uncertainty = f"{event.title} {event.summary}", event.uncertainty
            if c["verdict"] == "unverified" and not uncertainty.strip():
                found.append(f"{ref} states what claim {c['id']} marks unverified but carries no uncertainty")
            if precise and any(s in stated for s in date_spellings(asserted)):
                found.append(f"{ref} states {date_spellings(asserted)[0]} as fact, which claim {c['id']} marks "
                             f"{c['verdict']}; attribute it in the uncertainty instead")
    return found


def correcting_correct_claims(claims: Iterable[dict], markers: Iterable[str]) -> list[str]:
    """Claims judged `correct` whose explanation corrects the text (uses a correction marker of checks.yaml)."""
    markers = [m.lower() for m in markers]
    found = []
    for c in claims:
        if c["verdict"] != "correct":
            continue
        hits = [m for m in markers if m in c["explanation"].lower()]
        if hits:
            found.append(f"claim {c['id']} is judged correct but its explanation corrects it ({', '.join(hits)}); "
                         "use partly_correct or another verdict")
    return found


def date_mismatches(events: Iterable, claims: Iterable[dict], moments: dict[str, dict], tour: Iterable) -> list[str]:
    """Places that name an event but give it another date: tour stops, moments' `event`, claims' `event`."""
    dates = {e.id: e.date for e in events}
    found = []

    def check(what: str, event: str, day: dt.date | None) -> None:
        if not event:
            return
        if event not in dates:
            found.append(f"{what} names unknown event {event}")
        elif day != dates[event]:
            found.append(f"{what} dates {event} {day}, but the event is dated {dates[event]}")

    for stop in tour:
        check(f"tour stop {stop.date}", stop.event, stop.date)
    for mid, moment in moments.items():
        check(f"moment {mid}", moment.get("event", ""), moment["date"])
    for c in claims:
        check(f"claim {c['id']}", c.get("event", ""), c["date"])
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
