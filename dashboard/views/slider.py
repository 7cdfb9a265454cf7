"""The time slider and the exact-date field.

Dash holds the slider's value (a stop index) in a hidden input, `year-slider`: Play, the tour, the server and
the trust views set it, and a clientside callback (atlas.follow) brings the page to it. assets/atlas.js draws
the visible slider into `#date-slider`: a track even in time, a tick at each change, the key years, and a thumb
(role=slider) whose keys step from stop to stop."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from .. import figures
from ..i18n import t


def slider(stop: int, lang: str) -> Any:
    """The slider's frame, Dash's value and the field to type a date."""
    return html.Div([
        dcc.Input(id="year-slider", type="hidden", value=stop),
        html.Div(id="date-slider", className="time-slider",
                 **{"data-label": t(lang, "controls.slider"), "data-describedby": "slider-help",
                    "data-years": ",".join(str(y) for y in figures.KEY_YEARS)}),
        html.P(t(lang, "controls.slider_help"), id="slider-help", className="sr-only"),
        dcc.Store(id="slider-seen", data=None),
    ], className="slider-wrap", id="controls", role="group", **{"aria-label": t(lang, "controls.slider")})


def date_field(lang: str) -> Any:
    """Type a year or a date and press Enter (or Go); atlas.js moves the page there or says what is wrong."""
    return html.Div([
        html.Label(t(lang, "controls.date_input"), htmlFor="date-input", className="date-field-label"),
        dcc.Input(id="date-input", type="text", placeholder=t(lang, "controls.date_placeholder"), autoComplete="off",
                  className="date-input", debounce=True),
        html.Button(t(lang, "controls.date_go"), id="date-go", n_clicks=0, className="btn small", type="button"),
        html.P("", id="date-input-msg", className="date-input-msg", role="status"),
    ], className="date-field")
