"""Check every file the app reads: `python -m geodata.validate` prints problems and exits 1 on any.

The app runs the same loader and rules at start-up (`check(geometry=False)`), so what validate accepts is what
the app serves. The shape checks (geopandas, about two seconds) run here and in the build, which records the
SHA-256 of each geometry file it checked in manifest.json; start-up compares those digests instead. Loading already rejects malformed files (unknown ids, gaps, missing sources); this adds the checks
that need several files or the geometry: a clean coverage, valid shapes, areas, sizes, translations
whose ids exist, the interface strings, events that match the status changes they claim to cause,
citations whose publisher is in the registry (geodata.publishers), and our own texts agreeing with each
other (docs/design.md, "Consistency rules"): nothing stated as fact that a claim doubts, no `correct`
claim that corrects, one date per fact.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .calendars import check_old_style_events, load_calendars
from .catalog import load_claimants, load_statuses, unit_records
from .claims import load_claims, load_perspectives
from .errors import DataError
from .events import Event, load_events
from .glossary import glossary_path, load_glossary
from .i18n import translation_problems, ui_problems
from .io import DATA_DIR, read_json, read_yaml
from .models import ChecksFile, validated
from .periods import load_periods
from .publishers import citation_problems
from .tour import TourStop, load_tour
from .worksheet import load_worksheet

if TYPE_CHECKING:   # geopandas and shapely are imported by the geometry checks only: start-up never needs them
    import geopandas as gpd

MAX_UNITS_BYTES = 400 * 1024
MAX_AREA_DRIFT = 0.01  # simplified area may differ from the unsimplified one by at most 1%
MIN_EVENTS = 50
# The app's interface strings (dashboard/i18n/*.yaml) are data the app reads too, so they are checked here.
UI_DIR = DATA_DIR.parent / "dashboard" / "i18n"
# The geometry the server reads (units, edges, context). Their shapes are checked with geopandas when they are built; the manifest records each file's SHA-256 after that
# check passed, and start-up compares digests instead of repeating it (a changed file is refused, not served).
MANIFEST = "manifest.json"
SERVED_GEOMETRY = ("units.geojson", "edges.geojson", "context.geojson")
GEOMETRY_CHECKS = "valid shapes, clean coverage of units and context, areas within 1%, edges are lines"
PAGE_FILES = ("map.json", "timeline.json", "text-en.json", "text-zh.json", "text-mn.json", "borders-all.geojson")


@dataclass(frozen=True)
class Loaded:
    """Every data file parsed and checked on its own: what the cross-file rules and the app start from."""

    units: dict[str, dict]
    statuses: dict[str, dict]
    claimants: dict[str, dict]
    rows: list[dict]              # periods.yaml rows (region, start, end, status, claimed_by, note, ...)
    events: list[Event]
    claims: list[dict]
    moments: dict[str, dict]
    tour: list[TourStop]
    checks: dict[str, list[str]]


def load_all(data_dir: Path = DATA_DIR) -> Loaded:
    """The one loader of start-up and validate: every YAML data file, each checked as it is read (DataError)."""
    data_dir = Path(data_dir)
    units = unit_records(data_dir)
    statuses = load_statuses(data_dir)
    claimants = load_claimants(data_dir)
    rows = load_periods(units, statuses, claimants, data_dir)
    events = load_events(units, data_dir)
    claims = load_claims(data_dir)["claims"]
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
    return Loaded(units, statuses, claimants, rows, events, claims, moments, tour, checks)


def startup_problems(data_dir: Path = DATA_DIR, ui_dir: Path | None = UI_DIR) -> list[str]:
    """What start-up checks (no geopandas): every YAML file, the cross-file rules, the page bundle, and the served
    geometry's properties and digests against the manifest. Empty when all is well."""
    data_dir = Path(data_dir)
    found: list[str] = ui_problems(ui_dir) if ui_dir is not None else []
    try:
        loaded = load_all(data_dir)
        found += citation_problems(data_dir)
    except DataError as exc:
        return [str(exc), *found]
    rows = {(r["region"], r["start"]): {"note": r["note"], "uncertainty": r["uncertainty"]} for r in loaded.rows}
    found += translation_problems(data_dir)
    found += _served_file_problems(data_dir, set(loaded.units))
    found += _event_problems(data_dir, loaded.rows, loaded.events)
    found += doubted_facts(loaded.claims, loaded.events, rows, loaded.checks["verdicts_doubting"])
    found += correcting_correct_claims(loaded.claims, loaded.checks["correction_markers"])
    found += date_mismatches(loaded.events, loaded.claims, loaded.moments, loaded.tour)
    found += _claim_window_problems(loaded.rows, loaded.claimants)
    return found


def problems(data_dir: Path = DATA_DIR, ui_dir: Path | None = UI_DIR) -> list[str]:
    """Every problem found in the data, as readable sentences starting with the file (empty when all is well):
    start-up's checks, the geometry itself (geopandas), and every file the manifest lists."""
    data_dir = Path(data_dir)
    found = startup_problems(data_dir, ui_dir)
    try:
        load_all(data_dir)       # parsed once already: cheap
    except DataError:
        return found             # the geometry checks join the records: first make them load
    found += geometry_problems(data_dir)
    found += _manifest_problems(data_dir, None)
    return list(dict.fromkeys(found))


def check(data_dir: Path = DATA_DIR, ui_dir: Path | None = UI_DIR, geometry: bool = True) -> None:
    """Raise DataError with the first problem: all of `python -m geodata.validate`, or with geometry=False the app's
    start-up check (the geometry by its digests in the manifest)."""
    found = problems(data_dir, ui_dir) if geometry else startup_problems(data_dir, ui_dir)
    if found:
        more = f" (and {len(found) - 1} more: run python -m geodata.validate)" if len(found) > 1 else ""
        raise DataError("", found[0] + more)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(data_dir: Path = DATA_DIR) -> Path:
    """Check the built geometry (geopandas) and record each file's SHA-256 in the manifest (DataError if unsound)."""
    data_dir = Path(data_dir)
    found = geometry_problems(data_dir)
    if found:
        raise DataError("", found[0])
    files = {name: sha256(data_dir / name) for name in SERVED_GEOMETRY}
    path = data_dir / MANIFEST
    path.write_text(json.dumps({"checked": GEOMETRY_CHECKS, "by": "python -m geodata.build", "sha256": files},
                               indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _manifest_problems(data_dir: Path, names: Iterable[str] | None) -> list[str]:
    """Files whose bytes differ from the manifest's digests (names: those files only; None: every geometry file)."""
    path = data_dir / MANIFEST
    try:
        manifest = read_json(path)
        digests = manifest["sha256"]
        if not isinstance(digests, dict):
            raise TypeError
    except DataError as exc:
        return [str(exc)]
    except (KeyError, TypeError):
        return [f"{path}: should map sha256 to each geometry file's digest"]
    found = []
    wanted = list(names) if names is not None else sorted(set(SERVED_GEOMETRY) | set(digests))
    for name in wanted:
        file = data_dir / name
        if not file.exists():
            found.append(f"{file}: file is missing")
        elif name not in digests:
            found.append(f"{file}: not in {MANIFEST}, so its geometry was never checked: run python -m geodata.build")
        elif sha256(file) != digests[name]:
            found.append(f"{file}: differs from the file whose geometry was checked ({MANIFEST}): "
                         "run python -m geodata.build")
    return found


def _features(path: Path) -> list[dict] | str:
    """A GeoJSON file's features parsed with json (no geopandas), or the problem as a line."""
    try:
        raw = read_json(path)
    except DataError as exc:
        return str(exc)
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection" or not isinstance(raw.get("features"), list):
        return f"{path}: is not a GeoJSON FeatureCollection"
    if not raw["features"] or not all(isinstance(f, dict) and isinstance(f.get("properties"), dict)
                                      for f in raw["features"]):
        return f"{path}: has no features, or a feature without properties"
    return raw["features"]


def _served_file_problems(data_dir: Path, unit_ids: set[str]) -> list[str]:
    """The served geometry and the page bundle, read as JSON: parsable, the unit ids of units.yaml, known edge
    ends; then the geometry files' digests against the manifest."""
    found: list[str] = []
    parsed: dict[str, list[dict]] = {}
    for name in SERVED_GEOMETRY:
        features = _features(data_dir / name)
        if isinstance(features, str):
            found.append(features)
        else:
            parsed[name] = features
    if "units.geojson" in parsed:
        path = data_dir / "units.geojson"
        props = [f["properties"] for f in parsed["units.geojson"]]
        if not all("region" in p and "area_km2" in p for p in props):
            found.append(f"{path}: features need the properties region and area_km2")
        elif sorted(p["region"] for p in props) != sorted(unit_ids):
            found.append(f"{path}: regions {sorted(p['region'] for p in props)} do not match units.yaml "
                         f"{sorted(unit_ids)}")
    if "edges.geojson" in parsed:
        context = {str(f["properties"].get("country")) for f in parsed.get("context.geojson", [])}
        found += _edge_problems(data_dir, [f["properties"] for f in parsed["edges.geojson"]], unit_ids, context)
    size = (data_dir / "units.geojson").stat().st_size if (data_dir / "units.geojson").exists() else 0
    if size > MAX_UNITS_BYTES:
        found.append(f"{data_dir / 'units.geojson'}: {size / 1024:.0f} KB, over the {MAX_UNITS_BYTES // 1024} KB budget")
    found += _manifest_problems(data_dir, [n for n in SERVED_GEOMETRY if n in parsed])
    found += _page_problems(data_dir / "page", unit_ids)
    return found


def _page_problems(page_dir: Path, unit_ids: set[str]) -> list[str]:
    """The page bundle (geodata/page/*.json, what the browser draws): parsable, and of the units of units.yaml."""
    found = []
    for name in PAGE_FILES:
        path = page_dir / name
        try:
            data = read_json(path, advice="run python -m geodata.bundle")
        except DataError as exc:
            found.append(str(exc))
            continue
        if not isinstance(data, dict):
            found.append(f"{path}: should be a JSON object: run python -m geodata.bundle")
        elif name == "timeline.json" and sorted(data.get("units") or []) != sorted(unit_ids):
            found.append(f"{path}: its units are not those of units.yaml: run python -m geodata.bundle")
    return found


def _edge_problems(data_dir: Path, edges: list[dict[str, Any]], units: set[str], context: set[str]) -> list[str]:
    """Edge properties: both ends named, and each a unit, a context country (or ctx_ id) or "" (coast, frame)."""
    path = data_dir / "edges.geojson"
    if not all("a" in e and "b" in e for e in edges):
        return [f"{path}: features need the properties a and b"]
    known = units | {f"ctx_{c}" for c in context} | context | {""}
    bad = sorted({str(x) for e in edges for x in (e["a"], e["b"]) if str(x) not in known})
    return [f"{path}: edges name unknown units {bad[:5]}"] if bad else []


def geometry_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """The checks that need the shapes (geopandas, about a second): run by validate and by the build."""
    from .layer import load_context, load_edges, load_units

    data_dir = Path(data_dir)
    try:
        units, context, edges = load_units(data_dir), load_context(data_dir), load_edges(data_dir)
    except DataError as exc:
        return [str(exc)]
    found = _geometry_problems(data_dir, units, context)
    if not all(g is not None and g.geom_type in ("LineString", "MultiLineString") for g in edges.geometry):
        found.append(f"{data_dir / 'edges.geojson'}: every edge should be a line")
    return found


def _geometry_problems(data_dir: Path, units: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> list[str]:
    import geopandas as gpd
    import shapely

    from .layer import EQUAL_AREA_CRS

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


def _event_problems(data_dir: Path, rows: list[dict], events: list[Event]) -> list[str]:
    found = []
    path = data_dir / "events.yaml"
    if len(events) < MIN_EVENTS:
        found.append(f"{path}: only {len(events)} events; at least {MIN_EVENTS} expected")
    starts = {(r["region"], r["start"]) for r in rows}
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
    checks = validated(path, ChecksFile, read_yaml(path))
    return {"correction_markers": checks.correction_markers, "verdicts_doubting": checks.verdicts_doubting}


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


def _claim_window_problems(rows: list[dict], claimants: dict[str, dict]) -> list[str]:
    """A row claimed by a Chinese government must lie wholly inside or outside its outline span (split it)."""
    found = []
    for region, start, end, claimed in ((r["region"], r["start"], r["end"], r["claimed_by"]) for r in rows):
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
    loaded = load_all(data_dir)
    print(f"data OK: {len(loaded.units)} units, {len(loaded.rows)} status rows, {len(loaded.events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
