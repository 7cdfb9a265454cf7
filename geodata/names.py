"""Names of the period: what a unit was called at a date, in each language (units.yaml `names_by_date`)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .catalog import NAME_LANGUAGES, unit_records
from .dates import in_range
from .errors import DataError
from .i18n import translate, translation_path
from .io import DATA_DIR

_CACHE: dict[Path, tuple[int, dict[str, dict]]] = {}


def _units(data_dir: Path) -> dict[str, dict]:
    """units.yaml's records, read again only when the file changes (the page asks for every unit at every step)."""
    path = Path(data_dir) / "units.yaml"
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    hit = _CACHE.get(path)
    if hit is None or hit[0] != stamp:
        hit = (stamp, unit_records(Path(data_dir)))
        _CACHE[path] = hit
    return hit[1]


def unit_name(unit_id: str, when: dt.date | str, lang: str, data_dir: Path = DATA_DIR) -> str:
    """The unit's name at a date in a language, e.g. unit_name("outer_mongolia", "1930-01-01", "zh").

    A unit with `names_by_date` is called by the entry whose period holds the date (an entry covers the days
    before its `until`); any other unit by its one name (English from units.yaml, Chinese and Mongolian from
    i18n/<lang>.yaml). A missing translation is an error, never English in its place.
    """
    if lang not in NAME_LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {NAME_LANGUAGES}")
    units = _units(data_dir)
    if unit_id not in units:
        raise ValueError(f"unknown unit {unit_id!r}; expected one of {list(units)}")
    day = in_range(when)
    unit = units[unit_id]
    for entry in unit.get("names_by_date", ()):
        if entry["until"] is None or day < entry["until"]:
            return entry[lang]
    if lang == "en":
        return str(unit["names"]["en"]).strip()
    name = translate(lang, "units", unit_id, "name", default="", data_dir=data_dir)
    if not name:
        raise DataError(translation_path(lang, data_dir), f"units.{unit_id}.name is missing")
    return name
