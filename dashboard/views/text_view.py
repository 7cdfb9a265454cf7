"""What the map shows as a table (unit, status, since, claims): for screen readers and print; atlas.js fills it."""
from __future__ import annotations

from typing import Any

from dash import html

from ..i18n import t


def text_view(lang: str) -> Any:
    """The table's frame (caption and body filled by atlas.js)."""
    return html.Section([
        html.H2(t(lang, "text_view.heading"), id="text-view-heading", className="panel-title"),
        html.Table([
            html.Caption(id="text-view-caption"),
            html.Thead(html.Tr([html.Th(t(lang, f"text_view.{col}"), scope="col")
                                for col in ("unit", "status", "since", "claims")])),
            html.Tbody(id="text-view-body"),
        ], id="text-view", className="text-view"),
    ], className="panel text-view-wrap", **{"aria-labelledby": "text-view-heading"})
