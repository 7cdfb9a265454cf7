"""Reading the committed data files, turning any failure into a DataError that names the file."""
from __future__ import annotations

import json
import pickle
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import DataError

if TYPE_CHECKING:   # geopandas is imported when a GeoJSON file is read: the app reads none at start
    import geopandas as gpd

DATA_DIR = Path(__file__).resolve().parent
# libyaml's safe loader where PyYAML has it: the same result, ten times faster than the pure-Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Each YAML file parsed once per process and version of the file: start-up's check and the loaders after it read the
# same files several times, and parsing is most of their cost. Kept pickled, so every caller gets its own copy to
# change (pickle.loads is some ten times faster than parsing again).
_PARSED: dict[tuple[str, int, int], bytes] = {}
_LOCK = threading.Lock()


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; a missing, unreadable or unparsable file becomes a DataError."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(path, "file is missing") from None
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc})") from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    blob = _PARSED.get(key)
    if blob is None:
        data = _parse_yaml(path)
        with _LOCK:
            _PARSED[key] = blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.loads(blob)


def _parse_yaml(path: Path) -> Any:
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


_JSON: dict[tuple[str, int, int], Any] = {}


def read_json(path: Path, advice: str = "") -> Any:
    """Parse a JSON file (once per process and version of the file: callers share the result and must not change
    it); a missing, unreadable or unparsable file becomes a DataError (with `advice` appended)."""
    tail = f": {advice}" if advice else ""
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _JSON:
            _JSON[key] = json.loads(path.read_bytes())
        return _JSON[key]
    except FileNotFoundError:
        raise DataError(path, f"file is missing{tail}") from None
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc}){tail}") from None
    except UnicodeDecodeError as exc:
        raise DataError(path, f"is not UTF-8 ({exc.reason}){tail}") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"is not valid JSON (line {exc.lineno}: {exc.msg}){tail}") from None


def read_geojson(path: Path) -> "gpd.GeoDataFrame":
    """Read a GeoJSON FeatureCollection into EPSG:4326; any failure becomes a DataError."""
    import geopandas as gpd

    raw = read_json(path)   # shared: from_features only reads it
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
