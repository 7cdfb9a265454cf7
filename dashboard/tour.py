"""The guided tour: key moments from geodata/tour.yaml, or a teacher's own dates from ?tour=, stepped in the browser."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html

import geodata
from geodata.tour import load_tour

from . import figures, i18n
from .config import load_settings
from .data import Atlas

MAX_CUSTOM_STOPS = 40

TOUR_KEYS = ("start", "start_title", "start_custom", "prev", "next", "exit", "step", "dropped", "none_valid",
             "too_many", "no_step", "predict", "predict_title", "reveal", "reveal_title", "question",
             "question_generic", "answer", "pending_note")


@lru_cache(maxsize=1)
def tour_strings() -> dict[str, dict[str, str]]:
    """The tour's interface strings (dashboard/i18n/*.yaml, section `tour`) in every language, placeholders
    such as {i} and {n} left for assets/classroom.js to fill."""
    return {lang: {key: str(i18n.raw(lang, f"tour.{key}")) for key in TOUR_KEYS} for lang in i18n.LANGUAGES}


@lru_cache(maxsize=4)
def _built_in(stops: tuple[str, ...], event_ids: frozenset[str], path: str = "") -> tuple[dict[str, Any], ...]:
    """The tour's stops placed on the slider, with their questions and answers (read once per process): the
    built-in geodata/tour.yaml, or a teacher's file in its format (NBA_TOUR)."""
    return tuple({"stop": figures.stop_index(list(stops), s.date.isoformat()), "date": s.date.isoformat(), "event": s.event,
                  "caption": s.caption, "question": s.question, "answer": s.answer}
                 for s in load_tour(Path(path) if path else None, event_ids=event_ids))


def check_tour(atlas: Atlas) -> None:
    """Read the tour now (at start-up), so a broken tour file (NBA_TOUR) stops the app with its DataError."""
    tour_data(atlas)


def tour_data(atlas: Atlas, lang: str = i18n.DEFAULT) -> dict[str, Any]:
    """What the browser needs for the tour: its stops (slider index, date, captions, questions, answers), the
    page's language and the strings."""
    stops = _built_in(tuple(atlas.data["stops"]), frozenset(e.id for e in atlas.events), load_settings().tour)
    return {"stops": list(stops), "strings": tour_strings(), "lang": lang, "max": MAX_CUSTOM_STOPS,
            "first": geodata.FIRST.isoformat(), "last": geodata.LAST.isoformat()}


def tour_bar(atlas: Atlas, lang: str = i18n.DEFAULT) -> Any:
    """The tour controls and caption (hidden parts show once a tour runs; assets/classroom.js drives them)."""
    lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT
    s = tour_strings()[lang]
    return html.Div([
        dcc.Store(id="tour-data", data=tour_data(atlas, lang)),
        dcc.Store(id="tour-state", data=None),
        html.Div([
            html.Button(s["start"], id="tour-start", n_clicks=0, className="btn", type="button",
                        title=s["start_title"]),
            html.Button(s["prev"], id="tour-prev", n_clicks=0, className="btn tour-step-btn", type="button",
                        disabled=True),
            html.Span("", id="tour-step", className="tour-step"),
            html.Button(s["next"], id="tour-next", n_clicks=0, className="btn tour-step-btn", type="button",
                        disabled=True),
            html.Button(s["exit"], id="tour-exit", n_clicks=0, className="btn small tour-step-btn", type="button"),
            # predict, then reveal: each stop's question first, the map and the answer on "Reveal" (?predict=1)
            html.Button(s["predict"], id="tour-predict", n_clicks=0, className="btn small tour-predict", type="button",
                        title=s["predict_title"], **{"aria-pressed": "false"}),
        ], className="tour-buttons"),
        html.P("", id="tour-caption", className="tour-caption", **{"aria-live": "polite"}),
        html.Div([
            html.Button(s["reveal"], id="tour-reveal", n_clicks=0, className="btn primary", type="button",
                        title=s["reveal_title"]),
            html.Span(s["pending_note"], className="tour-pending-note"),
        ], className="tour-reveal"),
        html.P("", id="tour-answer", className="tour-answer", **{"aria-live": "polite"}),
        html.P("", id="tour-notice", className="notice tour-notice", role="status"),
    ], id="tour", className="tour")


def register(app: Dash) -> None:
    """The tour's one browser-side callback: buttons and the ?tour= link move the slider and the caption (and, in
    predict mode, hold the map back until "Reveal")."""
    app.clientside_callback(
        ClientsideFunction(namespace="classroom", function_name="tour"),
        Output("year-slider", "value", allow_duplicate=True),
        Output("tour-state", "data"),
        Output("tour-caption", "children"),
        Output("tour-step", "children"),
        Output("tour", "className"),
        Output("tour-notice", "children"),
        Output("tour-prev", "disabled"),
        Output("tour-next", "disabled"),
        Output("tour-start", "children"),
        Output("tour-answer", "children"),
        Input("tour-start", "n_clicks"),
        Input("tour-prev", "n_clicks"),
        Input("tour-next", "n_clicks"),
        Input("tour-exit", "n_clicks"),
        Input("tour-reveal", "n_clicks"),
        Input("tour-predict", "n_clicks"),
        Input("url", "search"),
        State("tour-data", "data"),
        State("tour-state", "data"),
        prevent_initial_call="initial_duplicate",
    )
