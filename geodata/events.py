"""Dated events from events.yaml: what happened, where, which units it changed, and sources."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import unit_records
from .dates import in_range
from .errors import DataError
from .io import DATA_DIR, read_yaml, require
from .periods import check_sources

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Event:
    """One event on the timeline."""

    id: str
    date: dt.date
    date_precision: str
    title: str
    summary: str
    place: str
    lat: float
    lon: float
    regions: tuple[str, ...]
    sources: tuple[dict, ...]
    contested: bool = False
    date_note: str = ""
    uncertainty: str = ""
    extra: dict = field(default_factory=dict, compare=False, repr=False)


def load_events(units: dict[str, dict] | None = None, data_dir: Path = DATA_DIR) -> list[Event]:
    """Events sorted by date, checked: ISO dates in range, known units (units.yaml's unless given), sources."""
    path = data_dir / "events.yaml"
    if units is None:
        units = unit_records(data_dir)   # units.yaml is the one list of unit ids an event may name
    data = read_yaml(path)
    if not isinstance(data, list):
        raise DataError(path, "should be a list of events")
    events: list[Event] = []
    seen: set[str] = set()
    for n, raw in enumerate(data, 1):
        require(path, raw, ("id", "date", "title", "summary", "place", "lat", "lon"), f"event #{n}")
        what = f"event {raw['id']!r}"
        if raw["id"] in seen:
            raise DataError(path, f"{what} appears twice")
        seen.add(raw["id"])
        try:
            day = in_range(raw["date"])
        except ValueError as exc:
            raise DataError(path, f"{what}: {exc}") from None
        precision = raw.get("date_precision", "day")
        if precision not in PRECISIONS:
            raise DataError(path, f"{what}: date_precision {precision!r} is not one of {PRECISIONS}")
        try:
            lat, lon = float(raw["lat"]), float(raw["lon"])
        except (TypeError, ValueError):
            raise DataError(path, f"{what}: lat/lon must be numbers") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(path, f"{what}: lat/lon {lat}, {lon} out of range")
        regions = raw.get("regions") or []
        if not isinstance(regions, list):
            raise DataError(path, f"{what}: regions must be a list")
        bad = [r for r in regions if r not in units]
        if bad:
            raise DataError(path, f"{what} names unknown units {bad}")
        sources = check_sources(path, raw.get("sources"), what)
        contested = bool(raw.get("contested", False))
        if contested and len(sources) < 2:
            raise DataError(path, f"{what} is marked contested but cites fewer than two sources")
        known = {"id", "date", "date_precision", "title", "summary", "place", "lat", "lon", "regions", "sources",
                 "contested", "date_note", "uncertainty"}
        events.append(Event(
            id=str(raw["id"]), date=day, date_precision=precision, title=str(raw["title"]).strip(),
            summary=str(raw["summary"]).strip(), place=str(raw["place"]), lat=lat, lon=lon,
            regions=tuple(regions), sources=tuple(sources), contested=contested,
            date_note=str(raw.get("date_note") or "").strip(), uncertainty=str(raw.get("uncertainty") or "").strip(),
            extra={k: v for k, v in raw.items() if k not in known},
        ))
    return sorted(events, key=lambda e: (e.date, e.id))
