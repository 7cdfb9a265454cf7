"""The page's invisible parts: the address, the Stores the callbacks use and the Play timer."""
from __future__ import annotations

from typing import Any

from dash import dcc

from ..query import View


def stores(view: View, config: dict[str, Any], play_ms: int) -> list[Any]:
    """dcc.Location, the Stores and the Play interval."""
    return [
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="atlas-data", data=config),
        # Stores that callbacks listen to start as {} (not None): a Store whose data is None sets it again when it
        # mounts, which fires its callbacks (server round trips) on every page load.
        dcc.Store(id="selected-event", data=None),
        dcc.Store(id="details-request", data={}),
        dcc.Store(id="page-ready", data=False),
        dcc.Store(id="page-lang", data=view.lang),
        dcc.Store(id="view-search", data=view.search),
        dcc.Store(id="view-request", data={}),
        dcc.Store(id="view-checked", data=False),
        dcc.Interval(id="play-interval", interval=play_ms, disabled=True, n_intervals=0),
    ]
