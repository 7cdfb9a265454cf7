"""China's area through time, with the current date marked."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from .. import figures
from ..i18n import t


def area_figure(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """China's area chart with its labels in a language."""
    fig = figures.area_figure(data)
    names = {"claimed": t(lang, "panel.area_claimed"), "controlled": t(lang, "panel.area_controlled")}
    unit = t(lang, "panel.area_axis")
    for trace in fig["data"]:
        name = names.get(trace["name"], trace["name"])
        trace["name"] = name
        trace["hovertemplate"] = "%{y:.2f} " + unit + "<extra>" + name + "</extra>"
    fig["layout"]["yaxis"]["title"]["text"] = unit
    return fig


def area_panel(data: dict[str, Any], stop: int, lang: str) -> Any:
    """The chart's panel (atlas.js moves the date mark)."""
    return html.Section([
        html.H2(t(lang, "panel.area"), className="panel-title"),
        html.Div([
            dcc.Graph(id="area-chart", figure=area_figure(data, lang),
                      config={"displayModeBar": False, "responsive": True}, style={"height": "100%"}),
            html.Div(id="area-date", className="area-date", style={"--f": str(data["stopFrac"][stop])},
                     **{"aria-hidden": "true"}),
        ], className="area-chart"),
    ], className="panel")
