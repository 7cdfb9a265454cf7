"""The borders download, prepared at build time: every unit in every span of time as one GeoJSON file.

`geodata/borders-all.geojson` holds one feature per unit and span: a span is a status row of periods.yaml, cut
again where the unit's name of the period changes (units.yaml `names_by_date`), so each feature carries the
status, claimants and names that held for all of it. `start` and `end` are ISO dates (end exclusive; the last
span ends on 2009-01-01, the day after the atlas's last date), which GIS software reads as date fields: QGIS's
temporal controller plays the file ("Separate fields for start and end", end excluded). The borders of one date
are the features whose span holds it (`features_at`); the app serves those, the static export writes them.

Written by `python -m geodata.bundle` (and so by `python -m geodata.build`) from the committed files alone.
"""
from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .catalog import unit_records
from .dates import LAST
from .i18n import LANGUAGES, translate
from .io import DATA_DIR
from .names import unit_name

FILE_NAME = "borders-all.geojson"
OPEN_END = (LAST + dt.timedelta(days=1)).isoformat()   # the end of spans that last to the atlas's last date
NDIGITS = 3   # about 100 m: the units themselves are simplified further than that
ATTRIBUTION = ("Boundaries: Natural Earth 1:10m v4.1.0 (public domain), cut and simplified by the Northern Border "
               "Atlas. Statuses, claimants and names researched for the atlas, each span with its sources "
               "(the app's Sources page lists them all). Where precision is 'approximate', some lines are approximate.")


def _round(coords: Any, ndigits: int) -> Any:
    """Coordinates rounded (nested lists of positions)."""
    if coords and isinstance(coords[0], (int, float)):
        return [round(float(c), ndigits) for c in coords]
    return [_round(c, ndigits) for c in coords]


def geometry(geom: Any, ndigits: int = NDIGITS) -> dict[str, Any]:
    """GeoJSON geometry as RFC 7946 wants it (exterior rings counter-clockwise), coordinates rounded."""
    import shapely   # build time only: the app reads the written file and never loads shapely for it
    from shapely.geometry import mapping

    g = mapping(shapely.orient_polygons(geom, exterior_cw=False))
    return {"type": g["type"], "coordinates": _round(g["coordinates"], ndigits)}


def _name_cuts(record: dict[str, Any]) -> list[str]:
    """The dates (ISO) on which a unit's name of the period changes."""
    return [e["until"].isoformat() for e in record.get("names_by_date", ()) if e.get("until")]


def features(data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    """One GeoJSON feature per unit and span, in units.yaml order, then by date."""
    from .layer import load_layer   # geopandas: build time only

    data_dir = Path(data_dir)
    records = unit_records(data_dir)
    layer = load_layer(data_dir)
    out = []
    for unit in records:
        rows = layer[layer.region == unit].sort_values("start")
        shape = geometry(rows.geometry.iloc[0])
        for row in rows.itertuples():
            end = row.end or OPEN_END
            cuts = [c for c in _name_cuts(records[unit]) if row.start < c < end]
            for start, stop in zip([row.start, *cuts], [*cuts, end]):
                claimed = [c for c in row.claimed_by.split(",") if c]
                props = {
                    "unit": unit, "start": start, "end": stop,
                    **{f"name_{lang}": unit_name(unit, start, lang, data_dir) for lang in LANGUAGES},
                    "status": row.status,
                    **{f"status_{lang}": translate(lang, "statuses", row.status, "label", data_dir=data_dir)
                       for lang in LANGUAGES},
                    "claimed_by": ",".join(claimed),
                    **{f"claimed_by_{lang}": "; ".join(translate(lang, "claimants", c, "label", data_dir=data_dir)
                                                        for c in claimed) for lang in LANGUAGES},
                    "china_control": bool(row.china_control), "china_claim": bool(row.china_claim),
                    "precision": row.precision, "precision_note": row.precision_note,
                    "area_km2": round(float(row.area_km2)), "note": row.note or "",
                    "uncertainty": row.uncertainty or "",
                    "sources": " | ".join(f"{s.get('title', '')} <{s.get('url', '')}>" for s in row.sources or []),
                }
                out.append({"type": "Feature", "properties": props, "geometry": shape})
    return out


def collection(feats: list[dict[str, Any]], name: str, **members: Any) -> dict[str, Any]:
    """A FeatureCollection of borders with the atlas's name and attribution."""
    return {"type": "FeatureCollection", "name": name, **members, "attribution": ATTRIBUTION, "features": feats}


def dumps(obj: Any) -> str:
    """The file form: compact UTF-8 JSON, one trailing newline (deterministic, so the build can be compared)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(path: Path, data_dir: Path = DATA_DIR) -> Path:
    """Write the file of all units and spans."""
    path = Path(path)
    path.write_text(dumps(collection(features(data_dir), "northern-border-atlas-borders-all")), encoding="utf-8")
    return path


def span_starts(feats: list[dict[str, Any]]) -> list[str]:
    """Every date (ISO, sorted) on which some feature starts: the borders are the same between two of them."""
    return sorted({f["properties"]["start"] for f in feats})


def span_of(starts: Sequence[str], when: str) -> tuple[str, str]:
    """Start and end (exclusive, '' if open) of the span between two starts that holds an ISO date."""
    i = bisect_right(starts, when)
    return starts[max(i - 1, 0)], starts[i] if i < len(starts) else ""


def features_at(feats: list[dict[str, Any]], when: str) -> list[dict[str, Any]]:
    """The features (one per unit) whose span holds an ISO date."""
    return [f for f in feats if f["properties"]["start"] <= when < f["properties"]["end"]]
