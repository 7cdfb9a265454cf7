"""Build the page bundle: `python -m geodata.bundle` (also run by `python -m geodata.build`).

Everything the page draws is prepared here once and committed under `geodata/page/`, so the app and the
static export only load files and do no geometry or timeline work:

- `map.json`: display geometry already projected to SVG path strings (units simplified together as one
  coverage, grey context, the shared edges the border is drawn from), in the map's own coordinate frame.
- `timeline.json`: slider stops, one state per span between change dates (status and claimants of every
  unit, China's border as edge indices and China's area per mode, what changed, the previous border),
  the events (date, place on the map, sources) and every unit's status rows for the details panel.
- `text-en.json`, `text-zh.json`, `text-mn.json`: the data text of each language (unit names, status and
  claimant labels, events, notes), with a flag where a text falls back to English, and the dates as
  contemporaries wrote them (per event `contemporary`, per exact date `dates`) in that language.
- `borders-all.geojson`: the borders download, every unit in every span of time (`geodata.borders`).

It reads only the committed data files (YAML and the built GeoJSON), so new units or statuses need only a rerun.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer

from . import borders
from . import i18n as data_i18n
from .calendars import load_calendars, shown_date
from .catalog import load_claimants, load_statuses, unit_records
from .dates import FIRST, LAST
from .events import load_events
from .io import DATA_DIR
from .layer import MODES, border_edges, change_dates, china_area_km2, load_context, load_edges, load_layer, load_units

PAGE_DIR = DATA_DIR / "page"
LANGUAGES = data_i18n.LANGUAGES
DISPLAY_TOLERANCE = 0.05   # degrees: coverage simplification for drawing (about 0.6 px at full view)
# The map's projection (Albers equal-area conic centred on Mongolia) and the lon/lat frame it shows.
PROJECTION = "+proj=aea +lat_1=25 +lat_2=55 +lat_0=44 +lon_0=105 +datum=WGS84 +units=m +no_defs"
VIEW = (70.0, 19.0, 142.0, 62.0)
CONTEXT_BOX = (62.0, 12.0, 152.0, 64.0)
WIDTH = 1000.0             # SVG user units across the view
NDIGITS = 1                # SVG coordinates rounded to 0.1 unit (0.1 px at 1000 px wide)


def simplify_coverage(ids: list[str], geoms: list[Any], edge_pairs: list[tuple[str, str]],
                      tolerance: float = DISPLAY_TOLERANCE) -> tuple[list[Any], list[Any]]:
    """Simplify polygons that tile together (units and context) for drawing, keeping shared edges shared.

    Returns the simplified polygons and, for each (a, b) pair of the edge table, the matching line of the
    simplified coverage (b empty: the part of a's outline no other polygon shares), so border lines sit
    exactly on the drawn polygons and the edge indices of the data layer still apply.
    """
    simple = list(shapely.coverage_simplify(np.asarray(geoms, dtype=object), tolerance))
    bounds = {i: shapely.boundary(g) for i, g in zip(ids, simple)}
    lines = []
    for a, b in edge_pairs:
        if b:
            line = shapely.intersection(bounds[a], bounds[b])
        else:
            others = shapely.union_all([v for k, v in bounds.items() if k != a])
            line = shapely.difference(bounds[a], others)
        parts = [p for p in shapely.get_parts(line) if p.geom_type == "LineString"]
        lines.append(shapely.line_merge(shapely.MultiLineString(parts)) if len(parts) > 1
                     else (parts[0] if parts else shapely.LineString()))
    return simple, lines


def context_for_display(geoms: list[Any], tolerance: float = 0.3, grow: float = 0.08) -> list[Any]:
    """Grey neighbours, simplified hard, grown a little (no sea shows between them and the units drawn on
    top) and clipped around the view: they are only there for orientation."""
    arr = np.asarray(geoms, dtype=object)
    grown = shapely.buffer(shapely.simplify(arr, tolerance), grow, quad_segs=1, join_style="mitre")
    return list(shapely.intersection(grown, shapely.box(*CONTEXT_BOX)))


class Frame:
    """Lon/lat -> SVG user units: the projection, scaled so the view is WIDTH wide, y pointing down."""

    def __init__(self) -> None:
        self.tr = Transformer.from_crs("EPSG:4326", PROJECTION, always_xy=True)
        outline = shapely.segmentize(shapely.box(*VIEW), 0.5)
        xs, ys = self.tr.transform(*np.asarray(outline.exterior.coords).T)
        self.x0, self.y1 = float(np.min(xs)), float(np.max(ys))
        self.scale = WIDTH / (float(np.max(xs)) - self.x0)
        self.height = round((self.y1 - float(np.min(ys))) * self.scale, NDIGITS)

    def xy(self, lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
        """SVG coordinates of lon/lat arrays."""
        x, y = self.tr.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        return (np.round((x - self.x0) * self.scale, NDIGITS), np.round((self.y1 - y) * self.scale, NDIGITS))

    def _run(self, coords: Any, close: bool) -> str:
        arr = np.asarray(coords, dtype=float)
        if len(arr) < 2:
            return ""
        x, y = self.xy(arr[:, 0], arr[:, 1])
        pts = [f"{a:g} {b:g}" for a, b in zip(x, y)]
        pts = [p for n, p in enumerate(pts) if n == 0 or p != pts[n - 1]]   # drop points that round together
        if close and len(pts) > 1 and pts[-1] == pts[0]:
            pts = pts[:-1]
        return "M" + "L".join(pts) + ("Z" if close else "")

    def path(self, geom: Any) -> str:
        """SVG path data of a (multi)polygon or (multi)line."""
        out = []
        for part in shapely.get_parts(geom):
            if part.geom_type == "Polygon":
                out.append(self._run(part.exterior.coords, True))
                out.extend(self._run(r.coords, True) for r in part.interiors)
            elif part.geom_type == "LineString":
                out.append(self._run(part.coords, False))
        return "".join(out)


def build_states(layer: list[dict[str, Any]], units: list[str], state_dates: list[dt.date],
                 status_ids: list[str], claimant_ids: list[str], data_dir: Path) -> list[dict[str, Any]]:
    """One compact record per state (a span between change dates): statuses, claims, borders, areas, changes."""
    by_unit: dict[str, list[dict[str, Any]]] = {u: [] for u in units}
    for row in layer:
        by_unit.setdefault(row["region"], []).append(row)
    s_index = {s: i for i, s in enumerate(status_ids)}
    c_index = {c: i for i, c in enumerate(claimant_ids)}
    states: list[dict[str, Any]] = []
    for when in state_dates:
        iso = when.isoformat()
        statuses, claims = [], []
        for u in units:
            row = next((r for r in by_unit[u] if r["start"] <= iso and (not r["end"] or iso < r["end"])), None)
            statuses.append(s_index.get(row["status"], -1) if row is not None else -1)
            claimed = [c for c in (row["claimed_by"] if row is not None else "").split(",") if c]
            claims.append([c_index[c] for c in claimed if c in c_index])
        states.append({"date": iso, "s": statuses, "c": claims,
                       "b": {m: border_edges(when, m, data_dir) for m in MODES},
                       "area": {m: round(china_area_km2(when, m, data_dir)) for m in MODES}})
    for k, state in enumerate(states):
        prev = states[k - 1] if k else None
        state["changes"] = ([] if prev is None else
                            [[i, prev["s"][i], state["s"][i]] for i in range(len(units))
                             if prev["s"][i] != state["s"][i] or prev["c"][i] != state["c"][i]])
        # ghost: the most recent earlier state whose border differs from this one, per mode (-1: none)
        state["ghost"] = {m: next((j for j in range(k - 1, -1, -1)
                                   if sorted(states[j]["b"][m]) != sorted(state["b"][m])), -1) for m in MODES}
    return states


def _stops(state_dates: list[dt.date], event_dates: list[dt.date]) -> list[dt.date]:
    """Slider positions: 1 January of every year, every change date and every event date, in order."""
    stops = {dt.date(y, 1, 1) for y in range(FIRST.year, LAST.year + 1)}
    stops.update(d for d in [*state_dates, *event_dates] if FIRST <= d <= LAST)
    return sorted(stops)


def _last_on_or_before(dates: list[dt.date], when: dt.date) -> int:
    """Index of the last date on or before `when` (0 when `when` is before them all)."""
    return max(sum(1 for d in dates if d <= when) - 1, 0)


def _clean(value: Any) -> Any:
    """JSON-ready plain values (numpy scalars to Python, None to "")."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return "" if value is None else value


def build_bundle(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The page bundle as {file name: JSON-able object}."""
    data_dir = Path(data_dir)
    units_gdf = load_units(data_dir)
    edges_gdf = load_edges(data_dir)
    context = load_context(data_dir)
    statuses = load_statuses(data_dir)
    claimants = load_claimants(data_dir)
    records = unit_records(data_dir)
    events = sorted(load_events(records, data_dir), key=lambda e: (e.date, e.id))
    units = list(units_gdf.region)
    approx = {u for u in units if records.get(u, {}).get("precision") == "approximate"}
    id_col = "country" if "country" in context.columns else context.columns[0]
    context_ids = list(context[id_col].astype(str))
    simple, lines = simplify_coverage(units + context_ids, [*units_gdf.geometry, *context.geometry],
                                      list(zip(edges_gdf.a, edges_gdf.b)))
    frame = Frame()
    ex, ey = frame.xy([e.lon for e in events], [e.lat for e in events])
    map_json = {
        "viewBox": [0, 0, WIDTH, frame.height],
        "units": units,
        "unitPaths": [frame.path(g) for g in simple[:len(units)]],
        "unitApprox": [u in approx for u in units],
        "context": [frame.path(g) for g in context_for_display(list(context.geometry))],
        "edges": [frame.path(g) for g in lines],
        "edgeApprox": [a in approx or b in approx for a, b in zip(edges_gdf.a, edges_gdf.b)],
        "edgeUnits": [[units.index(a) if a in units else -1, units.index(b) if b in units else -1]
                      for a, b in zip(edges_gdf.a, edges_gdf.b)],
    }
    layer_gdf = load_layer(data_dir)
    layer = [{k: _clean(v) for k, v in row.items()}
             for row in layer_gdf.drop(columns="geometry").to_dict("records")]
    status_ids, claimant_ids = list(statuses), list(claimants)
    state_dates = sorted({FIRST, *[d for d in change_dates(data_dir) if FIRST < d <= LAST]})
    stops = _stops(state_dates, [e.date for e in events])
    change_set = set(state_dates[1:])
    first, span = FIRST.toordinal(), LAST.toordinal() - FIRST.toordinal()
    periods: dict[str, list[dict[str, Any]]] = {u: [] for u in units}
    for row in sorted(layer, key=lambda r: r["start"]):
        periods.setdefault(row["region"], []).append(
            {"start": row["start"], "end": row["end"], "status": row["status"],
             "claimed_by": [c for c in row["claimed_by"].split(",") if c], "sources": row["sources"] or [],
             "note": row["note"], "uncertainty": row["uncertainty"]})
    timeline = {
        "first": FIRST.isoformat(), "last": LAST.isoformat(), "modes": list(MODES),
        "units": units, "statuses": status_ids, "claimants": claimant_ids,
        "unitArea": [round(float(a)) for a in units_gdf.area_km2],
        "stops": [d.isoformat() for d in stops],
        "stopState": [_last_on_or_before(state_dates, d) for d in stops],
        "changeStops": [i for i, d in enumerate(stops) if d in change_set],
        "stopFrac": [round((d.toordinal() - first) / span, 5) for d in stops],
        "states": build_states(layer, units, state_dates, status_ids, claimant_ids, data_dir),
        "events": [{"id": e.id, "date": e.date.isoformat(), "precision": e.date_precision,
                    "stop": stops.index(e.date) if FIRST <= e.date <= LAST else -1,
                    "x": float(x), "y": float(y), "regions": list(e.regions),
                    "sources": [{"title": s.get("title", ""), "url": s.get("url", "")} for s in e.sources or []]}
                   for e, x, y in zip(events, ex, ey)],
        "periods": periods,
    }
    out = {"map.json": map_json, "timeline.json": timeline}
    for lang in LANGUAGES:
        out[f"text-{lang}.json"] = text_bundle(lang, units, status_ids, claimant_ids, events, periods, data_dir)
    return out


def text_bundle(lang: str, units: list[str], status_ids: list[str], claimant_ids: list[str], events: list[Any],
                periods: dict[str, list[dict[str, Any]]], data_dir: Path) -> dict[str, Any]:
    """The data text of one language; `en: 1` marks an event or note shown in English for want of a translation."""
    def text(*path: str) -> tuple[str, bool]:
        own = data_i18n.translate(lang, *path, default="", data_dir=data_dir) if lang != "en" else ""
        if own:
            return own, False
        return data_i18n.translate("en", *path, default="", data_dir=data_dir), lang != "en"

    contemporary = contemporary_texts(lang, events, data_dir)
    evs = []
    for e in events:
        item: dict[str, Any] = {}
        if e.id in contemporary["events"]:   # only exact dates have one
            item["contemporary"] = contemporary["events"][e.id]
        fell_back = False
        for field, name in (("title", "title"), ("summary", "summary"), ("place", "place"),
                            ("date_note", "dateNote"), ("uncertainty", "uncertainty")):
            if getattr(e, field, ""):
                item[name], fb = text("events", e.id, field)
                fell_back = fell_back or fb
            else:
                item[name] = ""
        if fell_back:
            item["en"] = 1
        evs.append(item)
    notes: dict[str, list[dict[str, Any]]] = {}
    for u, rows in periods.items():
        notes[u] = []
        for row in rows:
            entry: dict[str, Any] = {}
            for field in ("note", "uncertainty"):
                if row[field]:
                    entry[field], fb = text("periods", u, row["start"], field)
                    if fb:
                        entry[field + "En"] = 1
            notes[u].append(entry)
    precision = {}
    for u in units:
        precision[u], fb = text("units", u, "precision_note")
    return {
        "lang": lang,
        "units": [text("units", u, "name")[0] for u in units],
        "statuses": [text("statuses", s, "label")[0] for s in status_ids],
        "claimants": [text("claimants", c, "label")[0] for c in claimant_ids],
        "precisionNotes": [precision[u] for u in units],
        "events": evs,
        "notes": notes,
        "dates": contemporary["dates"],
    }


def contemporary_texts(lang: str, events: list[Any], data_dir: Path) -> dict[str, dict[str, str]]:
    """The dates as contemporaries wrote them (geodata/calendars.py), ready to show on a page in `lang`: per event
    id, and per ISO date that has an exact event (the date heading; Old Style if any event that day has it)."""
    if not (Path(data_dir) / "calendars.yaml").exists():   # optional in a copied data folder
        return {"events": {}, "dates": {}}
    old_style = set(load_calendars(data_dir)["julian"]["events"])
    by_event = {e.id: shown_date(e.date, e.date_precision, lang, e.id in old_style, data_dir) for e in events}
    days: dict[str, bool] = {}
    for e in events:
        if e.date_precision == "day":
            iso = e.date.isoformat()
            days[iso] = days.get(iso, False) or e.id in old_style
    by_date = {iso: shown_date(iso, "day", lang, old, data_dir) for iso, old in sorted(days.items())}
    return {"events": {k: v for k, v in by_event.items() if v}, "dates": {k: v for k, v in by_date.items() if v}}


def dumps(obj: Any) -> str:
    """The committed form of a bundle file: compact UTF-8 JSON, keys in build order, one trailing newline."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_bundle(outdir: Path = PAGE_DIR, data_dir: Path = DATA_DIR) -> dict[str, Path]:
    """Write the bundle files into outdir; returns {name: path}."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, obj in build_bundle(data_dir).items():
        path = outdir / name
        path.write_text(dumps(obj), encoding="utf-8")
        paths[name] = path
    paths[borders.FILE_NAME] = borders.write(outdir / borders.FILE_NAME, data_dir)   # the borders download
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: write the page bundle into geodata/page/ (or --out DIR) and report sizes."""
    parser = argparse.ArgumentParser(prog="python -m geodata.bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PAGE_DIR, help="output folder (default: geodata/page/)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder to read (default: geodata/)")
    args = parser.parse_args(argv)
    for name, path in write_bundle(args.out, args.data).items():
        print(f"{name}: {path.stat().st_size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
