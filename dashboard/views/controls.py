"""The controls under the slider: Play, previous/next change, the border mode switch, Share and Embed."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from ..i18n import t
from .share import share_buttons
from .slider import date_field


def controls(lang: str, mode: str, extra: list[Any] | None = None) -> Any:
    """The controls, wrapping as one compact block: Play, previous/next, a date to type, the border mode, Share
    and Embed, then `extra` (the guided tour's button)."""
    return html.Div([
        html.Div([
            html.Button(t(lang, "controls.play"), id="play-button", n_clicks=0, className="btn primary",
                        title=t(lang, "controls.play_title")),
            html.Button(t(lang, "controls.prev"), id="prev-change", n_clicks=0, className="btn",
                        title=t(lang, "controls.prev_title")),
            html.Button(t(lang, "controls.next"), id="next-change", n_clicks=0, className="btn",
                        title=t(lang, "controls.next_title")),
        ], className="buttons play-buttons"),
        date_field(lang),
        html.Div([
            html.Span(t(lang, "controls.mode_label"), className="mode-label", id="mode-label"),
            dcc.RadioItems(id="mode-switch", value=mode, inline=True,
                           options=[{"label": t(lang, "controls.mode_control"), "value": "control"},
                                    {"label": t(lang, "controls.mode_claim"), "value": "claim"}],
                           className="mode-switch", inputClassName="mode-input"),
        ], className="mode-block", role="radiogroup", **{"aria-labelledby": "mode-label"}),
        share_buttons(lang),
        *(extra or []),
    ], className="controls")
