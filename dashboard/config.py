"""Settings read from environment variables.

| variable | default | meaning |
|---|---|---|
| `NBA_HOST` | `127.0.0.1` | address `python -m dashboard` listens on (`--host` overrides it) |
| `NBA_PORT` | `8050` | port `python -m dashboard` listens on (`--port` overrides it) |
| `NBA_DEBUG` | `0` | `1` turns on Dash debug mode (dev tools, reloader); never on a shared server |
| `NBA_DEFAULT_YEAR` | `1911` | year the page opens at when the URL gives none |
| `NBA_PLAY_MS` | `350` | milliseconds between steps when "Play" runs |
| `NBA_COMPRESS` | `1` | `0` turns off brotli/gzip compression of responses |
| `NBA_FRAME_ANCESTORS` | `*` | who may show the atlas in an `<iframe>` (CSP `frame-ancestors`): `*` any site, `'self'` this server only, `'none'` nobody, or a space-separated list such as `'self' https://school.example`; anything else stops start-up with a message |
| `NBA_TOUR` | (built-in) | a teacher's tour file in the format of `geodata/tour.yaml` (dates, event ids, captions and, optionally, a question and its answer per stop, each in en, zh and mn) used instead of the built-in tour, by the app and by `export`; a missing or broken file stops start-up with a message naming it |
| `DASH_URL_BASE_PATHNAME` | `/` | Dash's own setting: serve under a path such as `/atlas/` (`DASH_REQUESTS_PATHNAME_PREFIX` behind a proxy that strips it); dashboard/urls.py follows it |

Hidden, for the benchmark only: the URL flag `?render=server` makes the slider redraw the map
through a server callback instead of in the browser, to compare the two paths.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .security import frame_ancestors

FIRST_YEAR = 1689
LAST_YEAR = 2008


class ConfigError(ValueError):
    """A setting has a value the app refuses to start with; the message names the variable."""


def _int(name: str, default: int, low: int, high: int) -> int:
    """Read an integer environment variable, falling back to the default when unset or invalid."""
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        return default
    return value if low <= value <= high else default


def _flag(name: str, default: bool) -> bool:
    """Read a 0/1 style boolean environment variable."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    return raw in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """The app's settings, as read from the environment."""

    host: str
    port: int
    debug: bool
    default_year: int
    play_ms: int
    compress: bool
    frame_ancestors: str = "*"
    tour: str = ""              # a teacher's tour file (NBA_TOUR); "" for the built-in geodata/tour.yaml


def load_settings() -> Settings:
    """Read all settings from the environment (see the module docstring for the table); ConfigError if one is invalid."""
    try:
        ancestors = frame_ancestors(os.environ.get("NBA_FRAME_ANCESTORS"))
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    tour = os.environ.get("NBA_TOUR", "").strip()
    if tour and not os.path.isfile(tour):
        raise ConfigError(f"NBA_TOUR: no tour file at {tour}")
    return Settings(
        host=os.environ.get("NBA_HOST", "").strip() or "127.0.0.1",
        port=_int("NBA_PORT", 8050, 1, 65535),
        debug=_flag("NBA_DEBUG", False),
        default_year=_int("NBA_DEFAULT_YEAR", 1911, FIRST_YEAR, LAST_YEAR),
        play_ms=_int("NBA_PLAY_MS", 350, 50, 10000),
        compress=_flag("NBA_COMPRESS", True),
        frame_ancestors=ancestors,
        tour=tour,
    )
