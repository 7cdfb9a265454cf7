"""Dated events from events.yaml: what happened, where, which units it changed, and sources."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import models
from .catalog import unit_records
from .errors import DataError
from .io import DATA_DIR, read_yaml

PRECISIONS = models.PRECISIONS


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
    events: list[Event] = []
    seen: set[str] = set()
    for e in models.records(path, models.EventEntry, data):
        what = f"event {e.id!r}"
        if e.id in seen:
            raise DataError(path, f"{what} appears twice")
        seen.add(e.id)
        bad = [r for r in e.regions if r not in units]
        if bad:
            raise DataError(path, f"{what} names unknown units {bad}")
        if e.contested and len(e.sources) < 2:
            raise DataError(path, f"{what} is marked contested but cites fewer than two sources")
        events.append(Event(
            id=e.id, date=e.date, date_precision=e.date_precision, title=e.title, summary=e.summary, place=e.place,
            lat=e.lat, lon=e.lon, regions=tuple(e.regions), sources=tuple(models.source_dicts(e.sources)),
            contested=e.contested, date_note=e.date_note, uncertainty=e.uncertainty, extra=dict(e.model_extra or {}),
        ))
    return sorted(events, key=lambda e: (e.date, e.id))
