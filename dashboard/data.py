"""Load the data layer once (through geodata's public API) and keep the page data in memory."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geodata

from . import figures, i18n


@dataclass(frozen=True)
class Atlas:
    """Everything the app serves, built once at start-up."""

    data: dict[str, Any]            # compact timeline for the browser (dcc.Store)
    units_fc: dict[str, Any]        # unit geometry, sent once inside the map figure
    context_fc: dict[str, Any]      # grey neighbouring countries
    periods: dict[str, list[dict[str, Any]]]   # unit id -> its status rows, oldest first
    units: dict[str, dict[str, Any]]           # unit id -> names, precision, area
    statuses: dict[str, dict[str, Any]]
    claimants: dict[str, dict[str, Any]]
    events: list[Any]

    def stop_of(self, iso: str) -> int:
        """Slider index of the last stop on or before an ISO date."""
        return figures.stop_index([figures.to_date(s) for s in self.data["stops"]], figures.to_date(iso))


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a (Geo)DataFrame as plain dicts, geometry kept as shapely objects."""
    return [dict(zip(frame.columns, row)) for row in frame.itertuples(index=False, name=None)]


@lru_cache(maxsize=1)
def load_atlas() -> Atlas:
    """Build the atlas from geodata (cached: runs once per process); DataError if any file the app reads is bad."""
    geodata.check(ui_dir=i18n.UI_DIR)   # the same check as `python -m geodata.validate`, before anything is built
    layer = _records(geodata.load_layer().drop(columns="geometry"))
    unit_rows = _records(geodata.load_units())
    edge_rows = _records(geodata.load_edges())
    context = geodata.load_context()
    statuses = geodata.load_statuses()
    claimants = geodata.load_claimants()
    events = sorted(geodata.load_events(), key=lambda e: (figures.to_date(e.date), e.id))
    id_col = "country" if "country" in context.columns else context.columns[0]
    context_ids = list(context[id_col].astype(str))
    unit_ids = [r["region"] for r in unit_rows]
    simple, lines = figures.simplify_coverage(
        unit_ids + context_ids, [r["geometry"] for r in unit_rows] + list(context.geometry),
        [(r["a"], r["b"]) for r in edge_rows])
    unit_rows = [{**r, "geometry": g} for r, g in zip(unit_rows, simple)]
    edge_rows = [{**r, "geometry": g} for r, g in zip(edge_rows, lines)]
    data = figures.build_page_data(
        layer_rows=layer, unit_rows=unit_rows, statuses=statuses, claimants=claimants, events=events,
        edge_rows=edge_rows, change_dates=geodata.change_dates(),
        border_edges=geodata.border_edges, china_area=geodata.china_area_km2)
    units_fc = figures.geo_feature_collection(unit_ids, simple[:len(unit_ids)])
    context_fc = figures.geo_feature_collection(context_ids, figures.context_for_display(context.geometry),
                                                key="id", ndigits=2)
    periods: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(layer, key=lambda r: r["start"]):
        periods.setdefault(row["region"], []).append(row)
    units = {r["region"]: {k: v for k, v in r.items() if k != "geometry"} for r in unit_rows}
    return Atlas(data=data, units_fc=units_fc, context_fc=context_fc, periods=periods, units=units,
                 statuses=statuses, claimants=claimants, events=events)


def json_size(obj: Any) -> int:
    """Size in bytes of an object as compact JSON (for checking the page budget)."""
    return len(json.dumps(obj, separators=(",", ":")))
