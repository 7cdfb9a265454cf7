"""Pure functions that turn the data layer into page data and Plotly figure dicts (no Dash imports)."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping

FIRST_DATE = dt.date(1689, 1, 1)
LAST_DATE = dt.date(2008, 12, 31)
MODES = ("control", "claim")
KEY_YEARS = (1689, 1727, 1758, 1858, 1881, 1911, 1921, 1945, 1962, 1991, 2008)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Colour groups for statuses: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
# Groups whose `hatch` is true are also marked with diagonal strokes on the map.
STATUS_GROUPS: tuple[dict[str, Any], ...] = (
    {"id": "control", "label": "Controlled by China (Qing, ROC, PRC)", "color": "#D55E00",
     "statuses": ("qing", "china"), "hatch": False},
    {"id": "communist", "label": "Held by the Chinese Communists (civil war, 1945-49)", "color": "#882255",
     "statuses": ("ccp_held",), "hatch": False},
    {"id": "roc_after_1949", "label": "Held by the ROC after 1949, claimed by the PRC", "color": "#F4A582",
     "statuses": ("roc_held",), "hatch": False},
    {"id": "suzerainty", "label": "Self-governing under China (suzerainty or special region)", "color": "#E69F00",
     "statuses": ("autonomous", "special_region"), "hatch": False},
    {"id": "lease", "label": "Leased to a foreign power, or a colony", "color": "#56B4E9",
     "statuses": ("leased", "colony"), "hatch": False},
    {"id": "claimed", "label": "Self-ruled, claimed by China", "color": "#F0E442",
     "statuses": ("declared_independent", "de_facto_independent"), "hatch": False},
    {"id": "independent", "label": "Independent (khanate or recognised state)", "color": "#009E73",
     "statuses": ("independent", "khanate"), "hatch": False},
    {"id": "russia", "label": "Russia / USSR (incl. protectorate)", "color": "#0072B2",
     "statuses": ("russia", "protectorate"), "hatch": False},
    {"id": "japan", "label": "Japan or Japanese puppet state", "color": "#CC79A7",
     "statuses": ("japan", "japanese_puppet"), "hatch": False},
    {"id": "contested", "label": "Occupied, contested or held in common (hatched)", "color": "#BBBBBB",
     "statuses": ("occupied", "contested", "joint"), "hatch": True},
)
OTHER_GROUP = {"id": "other", "label": "Other", "color": "#999999", "statuses": (), "hatch": False}
BORDER_COLOR = "#000000"
GHOST_COLOR = "#6b6b6b"
CONTEXT_COLOR = "#e4e4e4"
SEA_COLOR = "#eef3f7"
TRACE = {"context": 0, "units": 1, "hatch": 2, "edges_approx": 3, "ghost": 4,
         "border_close": 5, "border_approx": 6, "selected": 7, "events": 8, "event_selected": 9}
DISPLAY_TOLERANCE = 0.05  # degrees: coverage simplification for drawing (about 0.6 px at full view)


def to_date(value: dt.date | str) -> dt.date:
    """Parse an ISO date string (or pass a date through)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def date_in_words(value: dt.date | str, precision: str = "day") -> str:
    """Write a date out in words, e.g. '6 September 1689' ('September 1689' for month precision)."""
    d = to_date(value)
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_fraction(value: dt.date | str) -> float:
    """Where a date lies between the first and last date of the atlas (0..1), rounded for the page."""
    first, last = FIRST_DATE.toordinal(), LAST_DATE.toordinal()
    return round((to_date(value).toordinal() - first) / (last - first), 5)


def format_area(km2: float) -> str:
    """Format an area in square kilometres with thousands separators."""
    return f"{round(km2):,} km²"


def status_group(status: str) -> dict[str, Any]:
    """Return the colour group of a status id."""
    for group in STATUS_GROUPS:
        if status in group["statuses"]:
            return group
    return OTHER_GROUP


def build_stops(change_dates: Iterable[dt.date], event_dates: Iterable[dt.date]) -> list[dt.date]:
    """Slider positions: 1 January of every year, every change date and every event date, in order."""
    stops = {dt.date(y, 1, 1) for y in range(FIRST_DATE.year, LAST_DATE.year + 1)}
    stops.update(d for d in change_dates if FIRST_DATE <= d <= LAST_DATE)
    stops.update(d for d in event_dates if FIRST_DATE <= d <= LAST_DATE)
    return sorted(stops)


def stop_index(stops: Sequence[dt.date], when: dt.date) -> int:
    """Index of the last stop on or before `when` (0 if `when` is before the first stop)."""
    lo, hi = 0, len(stops)
    while lo < hi:
        mid = (lo + hi) // 2
        if stops[mid] <= when:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def _round_coords(obj: Any, ndigits: int) -> Any:
    """Round nested coordinate tuples to lists of rounded floats."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), ndigits) for v in obj]
        return [_round_coords(v, ndigits) for v in obj]
    return obj


def geo_feature_collection(ids: Sequence[str], geoms: Sequence[Any], key: str = "region",
                           ndigits: int = 3) -> dict[str, Any]:
    """GeoJSON FeatureCollection for a plotly `geo` trace: exteriors clockwise, coordinates rounded."""
    features = []
    for ident, geom in zip(ids, geoms):
        oriented = shapely.orient_polygons(geom, exterior_cw=True)
        g = mapping(oriented)
        features.append({"type": "Feature", "properties": {key: ident},
                         "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"], ndigits)}})
    return {"type": "FeatureCollection", "features": features}


def line_coords(geom: Any, ndigits: int = 3) -> list[list[float | None]]:
    """[lons, lats] of a (Multi)LineString, parts separated by None."""
    parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    lons: list[float | None] = []
    lats: list[float | None] = []
    for part in parts:
        if lons:
            lons.append(None)
            lats.append(None)
        for x, y in part.coords:
            lons.append(round(float(x), ndigits))
            lats.append(round(float(y), ndigits))
    return [lons, lats]


def hatch_points(geom: Any, spacing: float = 1.6) -> list[list[float]]:
    """Grid points inside a polygon where hatch strokes go ([lons, lats]); one point for small units."""
    minx, miny, maxx, maxy = geom.bounds
    xs = np.arange(math.floor(minx / spacing) * spacing + spacing / 2, maxx, spacing)
    ys = np.arange(math.floor(miny / spacing) * spacing + spacing / 2, maxy, spacing)
    pts = [(float(x), float(y)) for y in ys for x in xs
           if shapely.contains_xy(geom, float(x), float(y))]
    if not pts:
        p = geom.representative_point()
        pts = [(p.x, p.y)]
    return [[round(x, 2) for x, _ in pts], [round(y, 2) for _, y in pts]]


def build_states(layer_rows: Sequence[Mapping[str, Any]], units: Sequence[str],
                 state_dates: Sequence[dt.date], status_ids: Sequence[str], claimant_ids: Sequence[str],
                 border_edges: Callable[[dt.date, str], Sequence[int]],
                 china_area: Callable[[dt.date, str], float]) -> list[dict[str, Any]]:
    """One compact record per state (a span between change dates): statuses, claims, borders, areas."""
    by_unit: dict[str, list[Mapping[str, Any]]] = {u: [] for u in units}
    for row in layer_rows:
        if row["region"] in by_unit:
            by_unit[row["region"]].append(row)
    s_index = {s: i for i, s in enumerate(status_ids)}
    c_index = {c: i for i, c in enumerate(claimant_ids)}
    states: list[dict[str, Any]] = []
    for k, when in enumerate(state_dates):
        iso = when.isoformat()
        statuses: list[int] = []
        claims: list[list[int]] = []
        for u in units:
            row = next((r for r in by_unit[u] if r["start"] <= iso and (not r["end"] or iso < r["end"])), None)
            statuses.append(s_index.get(row["status"], -1) if row is not None else -1)
            claimed = [c for c in (row["claimed_by"] if row is not None else "").split(",") if c]
            claims.append([c_index[c] for c in claimed if c in c_index])
        states.append({
            "date": iso,
            "s": statuses,
            "c": claims,
            "b": {m: [int(i) for i in border_edges(when, m)] for m in MODES},
            "area": {m: round(float(china_area(when, m))) for m in MODES},
        })
    for k, state in enumerate(states):
        prev = states[k - 1] if k else None
        state["changes"] = ([] if prev is None else
                            [[i, prev["s"][i], state["s"][i]] for i in range(len(units))
                             if prev["s"][i] != state["s"][i] or prev["c"][i] != state["c"][i]])
        # ghost: the most recent earlier border that differs from this one, per mode
        state["ghost"] = {}
        for m in MODES:
            g = -1
            for j in range(k - 1, -1, -1):
                if sorted(states[j]["b"][m]) != sorted(state["b"][m]):
                    g = j
                    break
            state["ghost"][m] = g
    return states


def build_page_data(*, layer_rows: Sequence[Mapping[str, Any]], unit_rows: Sequence[Mapping[str, Any]],
                    statuses: Mapping[str, Mapping[str, Any]], claimants: Mapping[str, Mapping[str, Any]],
                    events: Sequence[Any], edge_rows: Sequence[Mapping[str, Any]],
                    change_dates: Sequence[dt.date],
                    border_edges: Callable[[dt.date, str], Sequence[int]],
                    china_area: Callable[[dt.date, str], float]) -> dict[str, Any]:
    """Everything the browser needs to switch dates on its own, as one JSON-able dict.

    `unit_rows` and `edge_rows` carry a shapely `geometry`; the result holds no geometry of units
    (that goes into the figure once) but does hold the edge lines the border is drawn from.
    """
    units = [r["region"] for r in unit_rows]
    approx = {r["region"] for r in unit_rows if r.get("precision") == "approximate"}
    status_ids = list(statuses)
    claimant_ids = list(claimants)
    state_dates = sorted({FIRST_DATE, *[d for d in change_dates if FIRST_DATE < d <= LAST_DATE]})
    event_dates = [to_date(e.date) for e in events]
    stops = build_stops(state_dates, event_dates)
    states = build_states(layer_rows, units, state_dates, status_ids, claimant_ids, border_edges, china_area)
    stop_state = [stop_index(state_dates, d) for d in stops]
    change_set = set(state_dates[1:])
    geom_of = {r["region"]: r["geometry"] for r in unit_rows}
    hatch_statuses = {s for g in STATUS_GROUPS if g["hatch"] for s in g["statuses"]}
    return {
        "units": units,
        "unitNames": [r["name"] for r in unit_rows],
        "unitApprox": [u in approx for u in units],
        "statuses": [{"id": s, "label": statuses[s]["label"], "color": status_group(s)["color"],
                      "group": status_group(s)["id"], "hatch": s in hatch_statuses} for s in status_ids],
        "claimants": [claimants[c]["label"] for c in claimant_ids],
        "stops": [d.isoformat() for d in stops],
        "stopState": stop_state,
        "changeStops": [i for i, d in enumerate(stops) if d in change_set],
        "stopFrac": [date_fraction(d) for d in stops],
        "states": states,
        "edges": [line_coords(r["geometry"]) for r in edge_rows],
        "edgeApprox": [r["a"] in approx or r["b"] in approx for r in edge_rows],
        "edgeUnits": [[units.index(r["a"]) if r["a"] in units else -1,
                       units.index(r["b"]) if r["b"] in units else -1] for r in edge_rows],
        "hatch": [hatch_points(geom_of[u]) for u in units],
        "events": [{"id": e.id, "date": to_date(e.date).isoformat(), "words": date_in_words(e.date, e.date_precision),
                    "title": e.title, "place": e.place, "lat": e.lat, "lon": e.lon, "summary": e.summary,
                    "sources": [{"title": s.get("title", ""), "url": s.get("url", "")} for s in (e.sources or [])],
                    "dateNote": getattr(e, "date_note", "") or "", "uncertainty": getattr(e, "uncertainty", "") or "",
                    "stop": stops.index(to_date(e.date)) if FIRST_DATE <= to_date(e.date) <= LAST_DATE else -1}
                   for e in events],
    }


def unit_hover(data: Mapping[str, Any], state_index: int) -> list[list[str]]:
    """customdata rows (name, status line, precision line) for the unit trace at a state."""
    state = data["states"][state_index]
    ui = data.get("ui", {})   # the page's language (dashboard.i18n.page_data); English without it
    no_data, claimed_by = ui.get("noData", "No data"), ui.get("claimedBy", "claimed by {claims}")
    approx, close = ui.get("borderApprox", "Border approximate"), ui.get("borderClose", "Border close to historical")
    part_sep, list_sep = ui.get("partSep", "; "), ui.get("listSep", ", ")
    rows = []
    for i, name in enumerate(data["unitNames"]):
        s = state["s"][i]
        label = data["statuses"][s]["label"] if s >= 0 else no_data
        claims = [data["claimants"][c] for c in state["c"][i]]
        line = label + (part_sep + claimed_by.replace("{claims}", list_sep.join(claims)) if claims else "")
        rows.append([name, line, approx if data["unitApprox"][i] else close])
    return rows


def border_lines(data: Mapping[str, Any], edge_ids: Iterable[int], approx: bool | None) -> list[list[float | None]]:
    """[lons, lats] of the given edges, keeping only approximate (True), close (False) or all (None) edges."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for i in edge_ids:
        if approx is not None and bool(data["edgeApprox"][i]) != approx:
            continue
        if lons:
            lons.append(None)
            lats.append(None)
        lons.extend(data["edges"][i][0])
        lats.extend(data["edges"][i][1])
    return [lons, lats]


def visible_events(data: Mapping[str, Any], stop: int) -> list[int]:
    """Indices of the events near a slider position: the last three on or before it, the next three after it."""
    when = data["stops"][stop]
    past = [i for i, e in enumerate(data["events"]) if e["date"] <= when]
    future = [i for i, e in enumerate(data["events"]) if e["date"] > when]
    return past[-3:] + future[:3]


def _colorscale(n: int, colors: Sequence[str]) -> list[list[Any]]:
    """A stepped colourscale so that integer z = i gets colors[i] exactly (zmin=-0.5, zmax=n-0.5)."""
    scale: list[list[Any]] = []
    for i, c in enumerate(colors):
        scale.append([i / n, c])
        scale.append([(i + 1) / n, c])
    return scale


def map_figure(data: Mapping[str, Any], units_fc: Mapping[str, Any], context_fc: Mapping[str, Any],
               stop: int, mode: str = "control", selected_unit: str | None = None,
               selected_event: str | None = None) -> dict[str, Any]:
    """The whole map figure at a slider position (geometry included: sent once with the page)."""
    k = data["stopState"][stop]
    state = data["states"][k]
    n = len(data["statuses"])
    z = [s if s >= 0 else 0 for s in state["s"]]
    ghost_k = state["ghost"][mode]
    ghost = border_lines(data, data["states"][ghost_k]["b"][mode], None) if ghost_k >= 0 else [[], []]
    close = border_lines(data, state["b"][mode], False)
    approx = border_lines(data, state["b"][mode], True)
    sel = unit_outline(data, selected_unit)
    hatch = hatch_lines(data, k)
    ev_idx = visible_events(data, stop)
    events = [data["events"][i] for i in ev_idx]
    chosen = [e for e in data["events"] if e["id"] == selected_event]
    approx_edges = border_lines(data, range(len(data["edges"])), True)
    nolegend = {"showlegend": False}
    traces: list[dict[str, Any]] = [
        {"type": "choropleth", "name": "context", "geojson": context_fc, "featureidkey": "properties.id",
         "locations": [f["properties"]["id"] for f in context_fc["features"]],
         "z": [0] * len(context_fc["features"]), "zmin": 0, "zmax": 1,
         "colorscale": [[0, CONTEXT_COLOR], [1, CONTEXT_COLOR]], "showscale": False,
         "marker": {"line": {"width": 0}}, "hoverinfo": "skip", **nolegend},
        {"type": "choropleth", "name": "units", "geojson": units_fc, "featureidkey": "properties.region",
         "locations": list(data["units"]), "z": z, "zmin": -0.5, "zmax": n - 0.5,
         "colorscale": _colorscale(n, [s["color"] for s in data["statuses"]]), "showscale": False,
         "marker": {"line": {"width": 0.7, "color": "#ffffff"}}, "customdata": unit_hover(data, k),
         "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>%{customdata[2]}</i><extra></extra>",
         **nolegend},
        {"type": "scattergeo", "name": "hatch", "mode": "markers", "lon": hatch[0], "lat": hatch[1],
         "marker": {"symbol": "line-ne", "size": 9, "line": {"width": 1.2, "color": "#444444"}},
         "hoverinfo": "skip", **nolegend},
        {"type": "scattergeo", "name": "approximate edges", "mode": "lines", "lon": approx_edges[0],
         "lat": approx_edges[1], "line": {"width": 1, "color": "#4d4d4d", "dash": "dot"},
         "hoverinfo": "skip", **nolegend},
        {"type": "scattergeo", "name": "previous border", "mode": "lines", "lon": ghost[0], "lat": ghost[1],
         "line": {"width": 3, "color": GHOST_COLOR, "dash": "dash"}, "opacity": 0.45, "hoverinfo": "skip",
         **nolegend},
        {"type": "scattergeo", "name": "border", "mode": "lines", "lon": close[0], "lat": close[1],
         "line": {"width": 2.2, "color": BORDER_COLOR}, "hoverinfo": "skip", **nolegend},
        {"type": "scattergeo", "name": "border (approximate)", "mode": "lines", "lon": approx[0], "lat": approx[1],
         "line": {"width": 2.2, "color": BORDER_COLOR, "dash": "dot"}, "hoverinfo": "skip", **nolegend},
        {"type": "scattergeo", "name": "selected", "mode": "lines", "lon": sel[0], "lat": sel[1],
         "line": {"width": 3.5, "color": "#56B4E9"}, "hoverinfo": "skip", **nolegend},
        {"type": "scattergeo", "name": "events", "mode": "markers+text", "lon": [e["lon"] for e in events],
         "lat": [e["lat"] for e in events], "text": [e["place"] for e in events],
         "customdata": [e["id"] for e in events], "textposition": "top center",
         "textfont": {"size": 11, "color": "#222222"},
         "marker": {"size": 8, "color": "#ffffff", "line": {"width": 2, "color": "#222222"}},
         "hovertemplate": "%{text}<extra></extra>", **nolegend},
        {"type": "scattergeo", "name": "chosen event", "mode": "markers+text", "lon": [e["lon"] for e in chosen],
         "lat": [e["lat"] for e in chosen], "text": [e["title"] for e in chosen],
         "customdata": [e["id"] for e in chosen], "textposition": "bottom center",
         "textfont": {"size": 13, "color": "#000000"},
         "marker": {"size": 18, "symbol": "star", "color": "#000000", "line": {"width": 1.5, "color": "#ffffff"}},
         "hovertemplate": "%{text}<extra></extra>", **nolegend},
    ]
    layout = {
        "geo": {
            "projection": {"type": "conic equal area", "rotation": {"lon": 105}, "parallels": [25, 55]},
            "center": {"lon": 105, "lat": 44},
            "lonaxis": {"range": [70, 142]}, "lataxis": {"range": [19, 62]},
            "showland": False, "showocean": False, "showlakes": False, "showrivers": False,
            "showcountries": False, "showcoastlines": False, "showframe": False, "showsubunits": False,
            "bgcolor": SEA_COLOR,
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": SEA_COLOR,
        "dragmode": "pan",
        "uirevision": "map",
        "showlegend": False,
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"size": 13}},
    }
    return {"data": traces, "layout": layout}


def unit_outline(data: Mapping[str, Any], unit: str | None) -> list[list[float | None]]:
    """[lons, lats] of every edge of one unit (empty when no unit is selected)."""
    if not unit or unit not in data["units"]:
        return [[], []]
    u = data["units"].index(unit)
    return border_lines(data, [i for i, (a, b) in enumerate(data["edgeUnits"]) if u in (a, b)], None)


def hatch_lines(data: Mapping[str, Any], state_index: int) -> list[list[float]]:
    """[lons, lats] of hatch marks for the units whose status is hatched at a state."""
    lons: list[float] = []
    lats: list[float] = []
    for i, s in enumerate(data["states"][state_index]["s"]):
        if s >= 0 and data["statuses"][s]["hatch"]:
            lons.extend(data["hatch"][i][0])
            lats.extend(data["hatch"][i][1])
    return [lons, lats]


AREA_MARGIN = {"l": 40, "r": 8, "t": 8, "b": 28}   # assets/atlas.css positions the date line with these


def area_figure(data: Mapping[str, Any]) -> dict[str, Any]:
    """Small step chart of China's area (controlled and claimed) over time (the date line is HTML)."""
    states = data["states"]
    xs = [s["date"] for s in states] + [LAST_DATE.isoformat()]
    traces = []
    for mode, name, color, dash in (("claim", "claimed", "#E69F00", "dot"), ("control", "controlled", "#D55E00", "solid")):
        ys = [s["area"][mode] / 1e6 for s in states]
        traces.append({"type": "scatter", "mode": "lines", "name": name, "x": xs, "y": ys + ys[-1:],
                       "line": {"shape": "hv", "color": color, "width": 2, "dash": dash},
                       "hovertemplate": "%{y:.2f} million km²<extra>" + name + "</extra>"})
    layout = {
        "margin": AREA_MARGIN,
        "xaxis": {"type": "date", "range": [FIRST_DATE.isoformat(), LAST_DATE.isoformat()], "fixedrange": True,
                  "showgrid": False},
        "yaxis": {"title": {"text": "million km²", "font": {"size": 11}}, "fixedrange": True, "rangemode": "tozero"},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "font": {"size": 11}},
        "plot_bgcolor": "#ffffff", "paper_bgcolor": "rgba(0,0,0,0)",
        "font": {"size": 11},
    }
    return {"data": traces, "layout": layout}


def simplify_coverage(ids: Sequence[str], geoms: Sequence[Any], edge_pairs: Sequence[tuple[str, str]],
                      tolerance: float = DISPLAY_TOLERANCE) -> tuple[list[Any], list[Any]]:
    """Simplify polygons that tile together (units and context) for drawing, keeping shared edges shared.

    Returns the simplified polygons and, for each (a, b) pair of the edge table, the matching line of the
    simplified coverage (b empty: the part of a's outline that no other polygon shares), so the border
    lines sit exactly on the drawn polygons and the edge indices of the data layer still apply.
    """
    simple = list(shapely.coverage_simplify(np.asarray(list(geoms), dtype=object), tolerance))
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


def context_for_display(geoms: Sequence[Any], tolerance: float = 0.3, grow: float = 0.08,
                        bbox: tuple[float, float, float, float] = (62, 12, 152, 64)) -> list[Any]:
    """Grey neighbours, simplified hard, grown a little (so no sea shows between them and the units,
    which are drawn on top) and clipped to the map's view: they are only there for orientation."""
    arr = np.asarray(list(geoms), dtype=object)
    grown = shapely.buffer(shapely.simplify(arr, tolerance), grow, quad_segs=1, join_style="mitre")
    return list(shapely.intersection(grown, shapely.box(*bbox)))
