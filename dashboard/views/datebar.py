"""The date in words and what changed on it, with the polite live region screen readers hear."""
from __future__ import annotations

from typing import Any

from dash import html

from ..data import Atlas
from ..i18n import date_words


def date_block(atlas: Atlas, date_iso: str, lang: str) -> list[Any]:
    """The date heading, the date as contemporaries wrote it (if exact), the "what changed" sentence and the live region (atlas.js fills them)."""
    written = atlas.texts[lang].get("dates", {}).get(date_iso, "")
    return [
        html.Div([
            # the contemporary date has a line of its own under the date, kept when empty: nothing moves
            html.Div([
                html.H2(date_words(date_iso, lang), id="date-text"),
                html.P(written, id="date-contemporary", className="date-contemporary", title=written),
            ], className="date-head"),
            html.P("", id="change-text"),
        ], className="date-block"),
        # one polite live region for the date and what changed (atlas.js, debounced while dragging)
        html.Div(id="announce", className="sr-only", role="status", **{"aria-atomic": "true"}),
        # one short sentence when a region is chosen (the details panel itself is not read out)
        html.Div(id="region-announce", className="sr-only", role="status", **{"aria-atomic": "true"}),
    ]
