"""The vocabularies: territorial units (names, precision), status ids and claimant ids."""
from __future__ import annotations

from pathlib import Path

from . import models
from .dates import FIRST
from .errors import DataError
from .io import DATA_DIR, read_yaml

NAME_LANGUAGES = ("en", "zh", "mn")

MODES = ("control", "claim")   # how China's border is drawn: what it controls, or what it claims

PRECISION_LABELS = {
    "close": "modern boundary, close to the historical one",
    "approximate": "approximate",
}


def _records(path: Path, model: type[models.Entry], what: str) -> dict[str, dict]:
    """Load a YAML list of records keyed by `id`, each checked by its model, ids unique."""
    data = read_yaml(path)
    checked = models.records(path, model, data)
    out: dict[str, dict] = {}
    for record, entry in zip(data, checked):
        if record["id"] in out:
            raise DataError(path, f"{what} id {record['id']!r} appears twice")
        out[record["id"]] = {**record, **entry.model_dump(exclude_unset=True)}   # stripped texts, parsed dates
    return out


def unit_records(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Unit metadata from units.yaml, in file order."""
    path = data_dir / "units.yaml"
    units = _records(path, models.Unit, "unit")
    for uid, unit in units.items():
        if unit["precision"] not in PRECISION_LABELS:
            raise DataError(path, f"unit {uid}: precision {unit['precision']!r} is not one of {list(PRECISION_LABELS)}")
        if "names_by_date" in unit:
            if not unit.get("names_sources"):
                raise DataError(path, f"unit {uid}: names_by_date has no sources (names_sources)")
            unit["names_by_date"] = _dated_names(path, uid, unit["names_by_date"])
    return units


def _dated_names(path: Path, uid: str, entries: object) -> list[dict]:
    """A unit's names by period (each entry's shape: models.DatedNames): each but the last ends at an `until` date
    (exclusive, later than the one before), the last is open."""
    what = f"unit {uid}: names_by_date"
    out: list[dict] = []
    for n, entry in enumerate(entries, 1):
        last = n == len(entries)
        until = entry.get("until")
        if last and until is not None:
            raise DataError(path, f"{what}: the last entry is open and has no until")
        if not last:
            if until is None:
                raise DataError(path, f"{what} #{n}: until is missing (only the last entry is open)")
            if out and until <= out[-1]["until"]:
                raise DataError(path, f"{what} #{n}: until {until} is not after {out[-1]['until']}")
        out.append({"until": until, **{lang: str(entry[lang]).strip() for lang in NAME_LANGUAGES}})
    return out


def load_statuses(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Status vocabulary from statuses.yaml."""
    path = data_dir / "statuses.yaml"
    return _records(path, models.Status, "status")


def load_claimants(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Claimant vocabulary from claimants.yaml."""
    path = data_dir / "claimants.yaml"
    claimants = _records(path, models.Claimant, "claimant")
    for claimant in claimants.values():
        if claimant["chinese"]:
            claimant["outline_from"] = (claimant.get("outline_from") or FIRST).isoformat()
            until = claimant.get("outline_until")
            claimant["outline_until"] = until.isoformat() if until else ""
    return claimants


def outline_claimant(claimants: dict[str, dict], claimant: str, start: str) -> bool:
    """Whether a Chinese claimant's claim on a row starting at `start` (ISO) counts in the "claimed" outline."""
    rec = claimants[claimant]
    return bool(rec["chinese"]) and rec["outline_from"] <= start and (not rec["outline_until"] or start < rec["outline_until"])
