"""Lesson tools in the page: comparing two dates (?compare=) and locking a lesson's range (?lock=).

The server reads and checks both in the address (dashboard/query.py); these are the page's parts for them, empty
until assets/lesson.js fills them in the browser (the same in the app and in the static export, which has no
server): the "Compare with…" control and the lock note, the second map beside the first, and the list of what
changed between the two dates.
"""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from .i18n import t


def lesson_bar(lang: str) -> Any:
    """The lesson controls under the page's controls: the note of a locked range and the "Compare with…" field."""
    return html.Div([
        html.P(id="lock-note", className="lock-note", hidden=True, role="note"),
        html.Div([
            html.Label(t(lang, "lesson.compare_label"), htmlFor="compare-input", className="compare-label"),
            dcc.Input(id="compare-input", type="text", inputMode="numeric", autoComplete="off", spellCheck="false",
                      placeholder=t(lang, "lesson.compare_placeholder"), className="compare-input", maxLength=10),
            html.Button(t(lang, "lesson.compare_go"), id="compare-go", n_clicks=0, className="btn small", type="button",
                        title=t(lang, "lesson.compare_title")),
            html.Button(t(lang, "lesson.compare_clear"), id="compare-clear", n_clicks=0, className="btn small",
                        type="button", hidden=True),
        ], className="compare-form", role="group", **{"aria-label": t(lang, "lesson.compare_title")}),
        html.P(id="compare-status", className="compare-status", role="status"),
    ], id="lesson-bar", className="lesson-bar")


def compare_map(lang: str) -> Any:
    """The second date's map, beside the first (assets/lesson.js draws it with NBA.map.create); hidden until used."""
    return html.Div([
        html.Div(id="compare-map", className="map-canvas", **{"aria-label": t(lang, "lesson.compare_label")}),
        html.P(id="compare-date-b", className="map-date-tag"),
    ], id="compare-box", className="compare-map", hidden=True, role="region",
        **{"aria-label": t(lang, "lesson.compare_label")})


def compare_changes(lang: str) -> Any:
    """What changed between the two dates (filled by assets/lesson.js); hidden until a comparison is shown."""
    return html.Section([
        html.H2(id="compare-heading", className="panel-title"),
        html.P(id="compare-count", className="compare-count"),
        html.Ul(id="compare-list", className="compare-list"),
    ], id="compare-changes", className="panel compare-changes", hidden=True, **{"aria-labelledby": "compare-heading"})
