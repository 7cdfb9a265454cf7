"""The vocabularies: territorial units (names, precision), status ids and claimant ids."""
from __future__ import annotations

from pathlib import Path

from .errors import DataError
from .io import DATA_DIR, read_yaml, require

MODES = ("control", "claim")   # how China's border is drawn: what it controls, or what it claims

PRECISION_LABELS = {
    "close": "modern boundary, close to the historical one",
    "approximate": "approximate",
}


def _records(path: Path, keys: tuple[str, ...], what: str) -> dict[str, dict]:
    """Load a YAML list of records keyed by `id`, checking required keys and unique ids."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise DataError(path, f"should be a list of {what} records")
    out: dict[str, dict] = {}
    for n, record in enumerate(data, 1):
        require(path, record, ("id", *keys), f"{what} #{n}")
        if record["id"] in out:
            raise DataError(path, f"{what} id {record['id']!r} appears twice")
        out[record["id"]] = record
    return out


def unit_records(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Unit metadata from units.yaml, in file order."""
    path = data_dir / "units.yaml"
    units = _records(path, ("names", "precision", "precision_note"), "unit")
    for uid, unit in units.items():
        if unit["precision"] not in PRECISION_LABELS:
            raise DataError(path, f"unit {uid}: precision {unit['precision']!r} is not one of {list(PRECISION_LABELS)}")
        names = unit["names"]
        if not isinstance(names, dict) or not names.get("en") or not names.get("zh"):
            raise DataError(path, f"unit {uid}: names need at least en and zh")
    return units


def load_statuses(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Status vocabulary from statuses.yaml."""
    path = data_dir / "statuses.yaml"
    statuses = _records(path, ("label", "description"), "status")
    for sid, status in statuses.items():
        if not isinstance(status.get("china_control"), bool):
            raise DataError(path, f"status {sid}: china_control must be true or false")
    return statuses


def load_claimants(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Claimant vocabulary from claimants.yaml."""
    path = data_dir / "claimants.yaml"
    claimants = _records(path, ("label",), "claimant")
    for cid, claimant in claimants.items():
        if not isinstance(claimant.get("chinese"), bool):
            raise DataError(path, f"claimant {cid}: chinese must be true or false")
    return claimants
