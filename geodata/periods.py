"""Status rows per unit from periods.yaml: who held each unit when, who claimed it, and sources."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from . import models
from .dates import FIRST, LAST
from .errors import DataError
from .io import DATA_DIR, read_yaml, require, require_keys


def check_sources(path: Path, sources: object, what: str) -> list[dict]:
    """Sources must be a non-empty list of {title, url} with http(s) URLs."""
    if not isinstance(sources, list) or not sources:
        raise DataError(path, f"{what} has no sources")
    for n, src in enumerate(sources, 1):
        require(path, src, ("title", "url"), f"{what} source #{n}")
        if not str(src["url"]).startswith(("http://", "https://")):
            raise DataError(path, f"{what} source #{n} URL {src['url']!r} is not http(s)")
    return [{"title": str(s["title"]), "url": str(s["url"])} for s in sources]


def load_periods(units: dict[str, dict], statuses: dict[str, dict], claimants: dict[str, dict],
                 data_dir: Path = DATA_DIR) -> list[dict]:
    """Rows of periods.yaml, checked: known ids, sources, and periods that tile 1689-01-01 onward."""
    path = data_dir / "periods.yaml"
    data = read_yaml(path)
    require_keys(path, data, list(units), "unit")
    checked = models.validated(path, models.Periods, data).root
    rows: list[dict] = []
    for uid in units:
        expected_start = FIRST
        entries = checked[uid]
        for n, entry in enumerate(entries, 1):
            what = f"{uid} row {n}"
            start, end = entry.start, entry.end
            if start != expected_start:
                raise DataError(path, f"{what} starts {start.isoformat()}, expected {expected_start.isoformat()} "
                                      "(rows must follow each other with no gap or overlap)")
            last = n == len(entries)
            if end is None and not last:
                raise DataError(path, f"{what} has no end but is not the last row")
            if end is not None and end <= start:
                raise DataError(path, f"{what} ends {end.isoformat()}, not after its start")
            if last and end is not None and end <= LAST:
                raise DataError(path, f"{what} ends {end.isoformat()}: the last row must run to 2008-12-31 or be open")
            if entry.status not in statuses:
                raise DataError(path, f"{what}: unknown status {entry.status!r}")
            if any(c not in claimants for c in entry.claimed_by):
                raise DataError(path, f"{what}: claimed_by {entry.claimed_by!r} must be a list of ids from claimants.yaml")
            rows.append({
                "region": uid,
                "start": start.isoformat(),
                "end": "" if last and end is None else end.isoformat(),
                "status": entry.status,
                "claimed_by": ",".join(entry.claimed_by),
                "note": entry.note,
                "uncertainty": entry.uncertainty,
                "sources": models.source_dicts(entry.sources),
            })
            expected_start = end if end is not None else expected_start
    return rows


def change_dates(data_dir: Path = DATA_DIR) -> list[dt.date]:
    """Every date after 1689-01-01 on which any unit's status or claimant changes (no geometry needed)."""
    return list(_change_dates(Path(data_dir)))


@lru_cache(maxsize=8)   # read once per process and folder, like the layer it used to come from
def _change_dates(data_dir: Path) -> tuple[dt.date, ...]:
    from .catalog import load_claimants, load_statuses, unit_records   # catalog imports this module

    rows = load_periods(unit_records(data_dir), load_statuses(data_dir), load_claimants(data_dir), data_dir)
    return tuple(sorted({dt.date.fromisoformat(r["start"]) for r in rows if r["start"] != FIRST.isoformat()}))
