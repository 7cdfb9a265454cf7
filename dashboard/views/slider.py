"""The time slider."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from .. import figures
from ..data import Atlas
from ..i18n import t


def slider_marks(atlas: Atlas) -> dict[int, str]:
    """Slider marks at the key years (positions are indices of 1 January of that year)."""
    stops = atlas.data["stops"]
    return {stops.index(f"{y}-01-01"): str(y) for y in figures.KEY_YEARS if f"{y}-01-01" in stops}


def slider(atlas: Atlas, stop: int, lang: str) -> Any:
    """The slider over the stops (assets/atlas.js takes its keys and dragging before Dash)."""
    return html.Div(dcc.Slider(id="year-slider", min=0, max=len(atlas.data["stops"]) - 1, step=1, value=stop,
                               marks=slider_marks(atlas), updatemode="drag", allow_direct_input=False,
                               included=False),
                    className="slider-wrap", id="controls", role="group", **{"aria-label": t(lang, "controls.slider")})
