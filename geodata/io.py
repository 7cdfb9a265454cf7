"""Reading the committed data files, turning any failure into a DataError that names the file."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

import yaml

from .errors import DataError

if TYPE_CHECKING:   # geopandas is imported when a GeoJSON file is read: the app reads none at start
    import geopandas as gpd

DATA_DIR = Path(__file__).resolve().parent
# libyaml's safe loader where PyYAML has it: the same result, ten times faster than the pure-Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; a missing, unreadable or unparsable file becomes a DataError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot be read ({exc})") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise DataError(path, f"is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        raise DataError(path, "is empty")
    return data


def read_geojson(path: Path) -> "gpd.GeoDataFrame":
    """Read a GeoJSON FeatureCollection into EPSG:4326; any failure becomes a DataError."""
    import geopandas as gpd

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, "file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
        raise DataError(path, "is not a GeoJSON FeatureCollection")
    try:
        frame = gpd.GeoDataFrame.from_features(raw["features"], crs="EPSG:4326")
    except Exception as exc:  # shapely/geopandas raise many types for bad geometry
        raise DataError(path, f"has a feature that is not valid GeoJSON ({exc})") from None
    if frame.empty:
        raise DataError(path, "has no features")
    return frame


def require(path: Path, record: Any, keys: tuple[str, ...], what: str) -> None:
    """Check that a mapping has the given keys, naming the record in the error."""
    if not isinstance(record, dict):
        raise DataError(path, f"{what} is not a mapping")
    missing = [k for k in keys if k not in record or record[k] in (None, "")]
    if missing:
        raise DataError(path, f"{what} lacks {', '.join(missing)}")


def require_keys(path: Path, data: Any, expected: list[str], what: str) -> None:
    """Check a mapping has exactly the expected ids as keys: none unknown, none missing."""
    if not isinstance(data, dict):
        raise DataError(path, f"should map each {what} id to its record")
    unknown = sorted(set(data) - set(expected))
    if unknown:
        raise DataError(path, f"unknown {what} ids {unknown} (known: {', '.join(expected)})")
    missing = [k for k in expected if k not in data]
    if missing:
        raise DataError(path, f"no entry for {what} ids {missing}")
