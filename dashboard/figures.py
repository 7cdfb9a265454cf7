"""Vocabularies and small pure helpers of the page (no Dash imports): status colour groups, key years, the area chart.

The moving map itself is drawn in the browser (assets/nba_map.js) from the page bundle (geodata/page/).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from geodata.catalog import MODES
from geodata.dates import FIRST as FIRST_DATE
from geodata.dates import LAST as LAST_DATE

from .data import stop_index

__all__ = ["FIRST_DATE", "LAST_DATE", "MODES", "KEY_YEARS", "STATUS_GROUPS", "OTHER_GROUP", "status_group",
           "status_styles", "to_date", "stop_index", "area_figure", "AREA_MARGIN"]

KEY_YEARS = (1689, 1727, 1758, 1858, 1881, 1911, 1921, 1945, 1962, 1991, 2008)

# Colour groups for statuses: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
# Groups whose `hatch` is true are also marked with diagonal strokes on the map.
STATUS_GROUPS: tuple[dict[str, Any], ...] = (
    {"id": "control", "label": "Controlled by China (Qing, ROC, PRC)", "color": "#D55E00",
     "statuses": ("qing", "china"), "hatch": False},
    {"id": "communist", "label": "Held by the Chinese Communists (civil war, 1945-49)", "color": "#882255",
     "statuses": ("ccp_held",), "hatch": False},
    {"id": "roc_after_1949", "label": "Held by the ROC after 1949, claimed by the PRC", "color": "#F4A582",
     "statuses": ("roc_held",), "hatch": False},
    {"id": "suzerainty", "label": "Self-governing under China (suzerainty or special region)", "color": "#E69F00",
     "statuses": ("autonomous", "special_region"), "hatch": False},
    {"id": "lease", "label": "Leased to a foreign power, or a colony", "color": "#56B4E9",
     "statuses": ("leased", "colony"), "hatch": False},
    {"id": "claimed", "label": "Self-ruled, claimed by China", "color": "#F0E442",
     "statuses": ("declared_independent", "de_facto_independent"), "hatch": False},
    {"id": "independent", "label": "Independent (khanate or recognised state)", "color": "#009E73",
     "statuses": ("independent", "khanate"), "hatch": False},
    {"id": "russia", "label": "Russia / USSR (incl. protectorate)", "color": "#0072B2",
     "statuses": ("russia", "protectorate"), "hatch": False},
    {"id": "japan", "label": "Japan or Japanese puppet state", "color": "#CC79A7",
     "statuses": ("japan", "japanese_puppet"), "hatch": False},
    {"id": "contested", "label": "Occupied, contested or held in common (hatched)", "color": "#BBBBBB",
     "statuses": ("occupied", "contested", "joint"), "hatch": True},
)
OTHER_GROUP = {"id": "other", "label": "Other", "color": "#999999", "statuses": (), "hatch": False}


def to_date(value: dt.date | str) -> dt.date:
    """Parse an ISO date string (or pass a date through)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def status_group(status: str) -> dict[str, Any]:
    """Return the colour group of a status id."""
    for group in STATUS_GROUPS:
        if status in group["statuses"]:
            return group
    return OTHER_GROUP


def status_styles(status_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Colour, group and hatching of each status, in the bundle's status order (for the browser)."""
    return [{"id": s, "color": status_group(s)["color"], "group": status_group(s)["id"],
             "hatch": bool(status_group(s)["hatch"])} for s in status_ids]


AREA_MARGIN = {"l": 40, "r": 8, "t": 8, "b": 28}   # assets/atlas.css positions the date line with these


def area_figure(data: Mapping[str, Any]) -> dict[str, Any]:
    """Small step chart of China's area (controlled and claimed) over time (the date line is HTML)."""
    states = data["states"]
    xs = [s["date"] for s in states] + [LAST_DATE.isoformat()]
    traces = []
    for mode, name, color, dash in (("claim", "claimed", "#E69F00", "dot"), ("control", "controlled", "#D55E00", "solid")):
        ys = [s["area"][mode] / 1e6 for s in states]
        traces.append({"type": "scatter", "mode": "lines", "name": name, "x": xs, "y": ys + ys[-1:],
                       "line": {"shape": "hv", "color": color, "width": 2, "dash": dash},
                       "hovertemplate": "%{y:.2f} million km²<extra>" + name + "</extra>"})
    layout = {
        "margin": AREA_MARGIN,
        "xaxis": {"type": "date", "range": [FIRST_DATE.isoformat(), LAST_DATE.isoformat()], "fixedrange": True,
                  "showgrid": False},
        "yaxis": {"title": {"text": "million km²", "font": {"size": 11}}, "fixedrange": True, "rangemode": "tozero"},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "font": {"size": 11}},
        "plot_bgcolor": "#ffffff", "paper_bgcolor": "rgba(0,0,0,0)",
        "font": {"size": 11},
    }
    return {"data": traces, "layout": layout}
