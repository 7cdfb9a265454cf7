"""The vocabularies: territorial units (names, precision), status ids and claimant ids."""
from __future__ import annotations

from pathlib import Path

from .dates import FIRST, in_range, parse_date
from .errors import DataError
from .io import DATA_DIR, read_yaml, require
from .periods import check_sources

NAME_LANGUAGES = ("en", "zh", "mn")

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
        if "names_by_date" in unit:
            unit["names_by_date"] = _dated_names(path, uid, unit["names_by_date"])
            check_sources(path, unit.get("names_sources"), f"unit {uid}: names_by_date")
    return units


def _dated_names(path: Path, uid: str, entries: object) -> list[dict]:
    """A unit's names by period: every entry names en, zh and mn; each but the last ends at an `until` date
    (exclusive, later than the one before), the last is open."""
    what = f"unit {uid}: names_by_date"
    if not isinstance(entries, list) or len(entries) < 2:
        raise DataError(path, f"{what} should list at least two periods' names")
    out: list[dict] = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) - {"until", *NAME_LANGUAGES}:
            raise DataError(path, f"{what} #{n} should have until, {', '.join(NAME_LANGUAGES)} only")
        missing = [lang for lang in NAME_LANGUAGES if not str(entry.get(lang) or "").strip()]
        if missing:
            raise DataError(path, f"{what} #{n} lacks a name in {', '.join(missing)}")
        last = n == len(entries)
        if last and "until" in entry:
            raise DataError(path, f"{what}: the last entry is open and has no until")
        until = None
        if not last:
            try:
                until = in_range(entry.get("until"))
            except ValueError as exc:
                raise DataError(path, f"{what} #{n}: until {exc}") from None
            if out and until <= out[-1]["until"]:
                raise DataError(path, f"{what} #{n}: until {until} is not after {out[-1]['until']}")
        out.append({"until": until, **{lang: str(entry[lang]).strip() for lang in NAME_LANGUAGES}})
    return out


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
        if claimant["chinese"]:
            try:
                claimant["outline_from"] = parse_date(claimant.get("outline_from") or FIRST.isoformat()).isoformat()
                until = claimant.get("outline_until")
                claimant["outline_until"] = parse_date(until).isoformat() if until else ""
            except ValueError as exc:
                raise DataError(path, f"claimant {cid}: outline dates: {exc}") from None
    return claimants


def outline_claimant(claimants: dict[str, dict], claimant: str, start: str) -> bool:
    """Whether a Chinese claimant's claim on a row starting at `start` (ISO) counts in the "claimed" outline."""
    rec = claimants[claimant]
    return bool(rec["chinese"]) and rec["outline_from"] <= start and (not rec["outline_until"] or start < rec["outline_until"])
