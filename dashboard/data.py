"""The page bundle (geodata/page/, built by `python -m geodata.bundle`) loaded once, as it is: no geometry or
timeline work happens in the app."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geodata
from geodata.catalog import load_claimants, load_statuses, unit_records
from geodata.events import Event, load_events
from geodata.io import DATA_DIR, read_json

from . import i18n

PAGE_DIR = DATA_DIR / "page"
BUNDLE_FILES = ("map.json", "timeline.json", "text-en.json", "text-zh.json", "text-mn.json")


@dataclass(frozen=True)
class Atlas:
    """What the server needs of the bundle (the browser loads the same files itself)."""

    data: dict[str, Any]                       # timeline.json: stops, states, events, periods
    texts: dict[str, dict[str, Any]]           # language -> text-<lang>.json
    periods: dict[str, list[dict[str, Any]]]   # unit id -> its status rows, oldest first
    units: dict[str, dict[str, Any]]           # unit id -> names, precision, area
    statuses: dict[str, dict[str, Any]]
    claimants: dict[str, dict[str, Any]]
    events: list[Event]

    def stop_of(self, iso: str) -> int:
        """Slider index of the last stop on or before an ISO date."""
        return stop_index(self.data["stops"], iso)

    def stops(self) -> list[dt.date]:
        """The slider's stops as dates."""
        return [dt.date.fromisoformat(s) for s in self.data["stops"]]


def stop_index(stops: list[str] | list[dt.date], when: dt.date | str) -> int:
    """Index of the last stop on or before `when` (0 when it is before the first); stops and when alike ISO or dates."""
    key = when.isoformat() if isinstance(when, dt.date) and stops and isinstance(stops[0], str) else when
    return max(bisect_right(stops, key) - 1, 0)  # type: ignore[arg-type]


def read_bundle(name: str, folder: Path = PAGE_DIR) -> dict[str, Any]:
    """One bundle file as parsed JSON (a missing or broken file is a DataError naming it)."""
    return read_json(folder / name, advice="run python -m geodata.bundle")   # parsed once: start-up's check read it


@lru_cache(maxsize=1)
def load_atlas() -> Atlas:
    """Load the bundle and the small catalogues (cached: runs once per process, in a few milliseconds)."""
    geodata.check(ui_dir=i18n.UI_DIR, geometry=False)   # validate's loader and rules; the shapes by their digests
    timeline = read_bundle("timeline.json")
    texts = {name[5:-5]: read_bundle(name) for name in BUNDLE_FILES if name.startswith("text-")}
    records = unit_records()
    units = {}
    for i, u in enumerate(timeline["units"]):
        rec = records.get(u, {})
        names = rec.get("names", {})
        units[u] = {"region": u, "name": names.get("en", u), "name_zh": names.get("zh", ""),
                    "name_local": names.get("mn") or names.get("ru") or "", "precision": rec.get("precision", ""),
                    "precision_note": rec.get("precision_note", ""),
                    "area_km2": timeline["unitArea"][i]}
    events = sorted(load_events(records), key=lambda e: (e.date, e.id))
    return Atlas(data=timeline, texts=texts, periods=timeline["periods"], units=units, statuses=load_statuses(),
                 claimants=load_claimants(), events=events)


def register_bundle_route(server: Any) -> None:
    """Serve the bundle files as they are at <prefix>/page-data/<name> (the page script fetches them)."""
    import flask

    from . import urls

    @server.route(urls.route(urls.PAGE_DATA + "<name>"))
    def _page_data(name: str) -> Any:
        if name not in BUNDLE_FILES:
            flask.abort(404)
        return flask.send_from_directory(PAGE_DIR, name, mimetype="application/json", max_age=3600)
