"""The map's place in the page and its zoom buttons; assets/nba_map.js draws the SVG map into #map."""
from __future__ import annotations

from typing import Any

from dash import html

from ..i18n import t


def map_block(lang: str) -> Any:
    """The map region with its zoom buttons."""
    zoom = [html.Button(label, id=f"map-{key}", n_clicks=0, className="btn small map-zoom", type="button",
                        title=t(lang, f"map.{key.replace('-', '_')}"), **{"aria-label": t(lang, f"map.{key.replace('-', '_')}")})
            for key, label in (("zoom-in", "+"), ("zoom-out", "−"), ("reset", "⟲"))]
    return html.Div([
        html.Div(id="map", className="map-canvas", **{"aria-label": t(lang, "map.label")}),
        html.Div(zoom, className="map-zoom-buttons"),
        # the compact card of the region tapped (embed and phones, where the details panel is out of sight)
        html.Div(id="region-card", className="region-card", hidden=True, role="group",
                 **{"aria-label": t(lang, "panel.region")}),
    ], className="map", role="region", **{"aria-label": t(lang, "map.label")})
