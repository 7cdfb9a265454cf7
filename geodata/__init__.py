"""The Northern Border Atlas data layer: territorial units, their status through time, and events.

This package never imports Dash. See docs/design.md for the files and the contract.
"""
from .catalog import MODES, load_claimants, load_statuses
from .dates import FIRST, LAST
from .errors import DataError
from .events import Event, load_events
from .names import unit_name
from .periods import change_dates

_LAYER = ("border_edges", "china_area_km2", "china_outline", "load_context", "load_edges",
          "load_layer", "load_units", "status_at")


def __getattr__(name: str) -> object:
    """The geometry helpers, imported on first use: they need geopandas, which the app never loads at start."""
    if name in _LAYER:
        from . import layer

        return getattr(layer, name)
    raise AttributeError(f"module 'geodata' has no attribute {name!r}")



def check(data_dir=None, ui_dir=None, geometry: bool = True) -> None:
    """DataError with the first problem: every check of `python -m geodata.validate`, or with geometry=False the
    app's start-up check (the same files and rules; the geometry by its digests in geodata/manifest.json)."""
    from . import validate   # imported here: `python -m geodata.validate` must not find itself imported already

    validate.check(data_dir or validate.DATA_DIR, ui_dir if ui_dir is not None else validate.UI_DIR, geometry)

__all__ = [
    "DataError", "Event", "check", "FIRST", "LAST", "MODES", "border_edges", "change_dates", "china_area_km2",
    "china_outline", "load_claimants", "load_context", "load_edges", "load_events", "load_layer", "load_statuses",
    "load_units", "status_at", "unit_name",
]
