"""The events near the date (assets/atlas.js fills the list at every step)."""
from __future__ import annotations

from typing import Any

from dash import html

from ..i18n import t


def events_panel(lang: str) -> Any:
    """The panel with its empty list."""
    return html.Section([
        html.H2(t(lang, "panel.events"), className="panel-title"),
        html.Ol([], id="event-list", className="event-list"),
    ], className="panel")
