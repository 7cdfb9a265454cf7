"""Callbacks. A slider step runs in the browser alone (assets/atlas.js watches the slider); what is left here:
the page's first load, Play and previous/next change (browser-side), the address read by the server when it
could not see it, and the details panel (server-side, in the page's language)."""
from __future__ import annotations

from typing import Any

import flask
from dash import ClientsideFunction, Dash, Input, Output, State

from . import trust
from .views import details
from .data import Atlas
from .i18n import LANGUAGES
from .query import parse_query


def _bad_request(message: str) -> None:
    """Stop a callback with HTTP 400 (malformed input from the client)."""
    flask.abort(400, description=message)


def _valid_unit(atlas: Atlas, unit: Any) -> str | None:
    """A known unit id, None for no selection; anything else is a bad request."""
    if unit is None or unit == "":
        return None
    if not isinstance(unit, str) or unit not in atlas.units:
        _bad_request("unknown region")
    return unit


def _valid_lang(lang: Any) -> str:
    """A language code of the page; anything else is a bad request (None: English)."""
    if lang is None:
        return "en"
    if not isinstance(lang, str) or lang not in LANGUAGES:
        _bad_request("unknown language")
    return lang


def _valid_index(value: Any, size: int) -> int:
    """An integer index into a list of `size` items; anything else is a bad request."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        _bad_request("index out of range")
    return value


def register(app: Dash, atlas: Atlas, default_year: int) -> None:
    """Attach every callback to the app."""
    stops = atlas.stops()
    n_states = len(atlas.data["states"])
    units = set(atlas.units)

    # The page is drawn for the view in its address (app.page_layout). Only when the server could not see that
    # address (no Referer on the layout request) does the browser send it here, once, after loading.
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="checkView"),
        Output("view-checked", "data"),
        Input("url", "search"),
        State("view-search", "data"),
    )

    @app.callback(
        Output("year-slider", "value", allow_duplicate=True),
        Output("region-picker", "value", allow_duplicate=True),
        Output("mode-switch", "value"),
        Output("url-notice", "children"),
        Input("view-request", "data"),
        State("page-lang", "data"),
        prevent_initial_call=True,
    )
    def open_view(request: Any, lang: Any) -> tuple[Any, ...]:
        """Move the page to the view in its address (?date, region, mode), with notices for bad values."""
        if not isinstance(request, dict) or not isinstance(request.get("search"), str):
            _bad_request("view request must be an object with a search string")
        view = parse_query(request["search"], stops, default_year, units, None, _valid_lang(lang))
        return (view.stop, view.region, view.mode, view.notice or None)

    @app.callback(Output("details-panel", "children"), Input("details-request", "data"),
                  State("page-lang", "data"), prevent_initial_call=True)
    def show_details(request: Any, lang: Any) -> Any:
        """Fill the details panel for the selected unit at the current state, in the page's language."""
        lang = _valid_lang(lang)
        if not request:
            return details.details_panel(atlas, None, 0, lang)
        if not isinstance(request, dict):
            _bad_request("details request must be an object")
        unit = _valid_unit(atlas, request.get("unit"))
        state = _valid_index(request.get("state"), n_states)
        return details.details_panel(atlas, unit, state, lang)

    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="init"),
        Output("page-ready", "data"),
        Input("atlas-data", "data"),
        State("year-slider", "value"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="view"),
        Output("view-checked", "data", allow_duplicate=True),
        Input("mode-switch", "value"),
        Input("region-picker", "value"),
        Input("selected-event", "data"),
        prevent_initial_call=True,
    )
    # Play, the tour, the server and trust.js set the slider's value in Dash: the page follows it
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="follow"),
        Output("slider-seen", "data"),
        Input("year-slider", "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="navigate"),
        Output("year-slider", "value"),
        Output("play-interval", "disabled"),
        Output("play-button", "children"),
        Input("play-button", "n_clicks"),
        Input("play-interval", "n_intervals"),
        Input("prev-change", "n_clicks"),
        Input("next-change", "n_clicks"),
        State("year-slider", "value"),
        State("play-interval", "disabled"),
        prevent_initial_call=True,
    )
    trust.register(app)
