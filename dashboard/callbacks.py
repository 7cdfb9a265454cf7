"""Callbacks: the slider path runs in the browser (assets/atlas.js); clicks and the URL use the server."""
from __future__ import annotations

from typing import Any

import flask
from dash import ClientsideFunction, Dash, Input, Output, Patch, State, no_update

from . import figures, layout, trust
from .data import Atlas
from .i18n import LANGUAGES
from .query import parse_query

MAP_DYNAMIC = ("units", "hatch", "ghost", "border_close", "border_approx", "selected", "events", "event_selected")


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


def map_patch(atlas: Atlas, stop: int, mode: str, unit: str | None, event: str | None) -> Patch:
    """The part of the map figure that changes with the date, as a Patch (server-callback path)."""
    fig = figures.map_figure(atlas.data, atlas.units_fc, atlas.context_fc, stop, mode, unit, event)
    patch = Patch()
    keys = ("z", "customdata", "lon", "lat", "text")
    for name in MAP_DYNAMIC:
        i = figures.TRACE[name]
        for key in keys:
            if key in fig["data"][i]:
                patch["data"][i][key] = fig["data"][i][key]
    return patch


def register(app: Dash, atlas: Atlas, default_year: int) -> None:
    """Attach every callback to the app."""
    stops = [figures.to_date(s) for s in atlas.data["stops"]]
    n_stops = len(stops)
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
        Output("render-mode", "data"),
        Input("view-request", "data"),
        State("page-lang", "data"),
        prevent_initial_call=True,
    )
    def open_view(request: Any, lang: Any) -> tuple[Any, ...]:
        """Move the page to the view in its address (?date, region, mode), with notices for bad values."""
        if not isinstance(request, dict) or not isinstance(request.get("search"), str):
            _bad_request("view request must be an object with a search string")
        view = parse_query(request["search"], stops, default_year, units, None, _valid_lang(lang))
        return (view.stop, view.region, view.mode, view.notice or None, view.render)

    @app.callback(Output("details-panel", "children"), Input("details-request", "data"),
                  State("page-lang", "data"), prevent_initial_call=True)
    def show_details(request: Any, lang: Any) -> Any:
        """Fill the details panel for the selected unit at the current state, in the page's language."""
        lang = _valid_lang(lang)
        if not request:
            return layout.details_panel(atlas, None, 0, lang)
        if not isinstance(request, dict):
            _bad_request("details request must be an object")
        unit = _valid_unit(atlas, request.get("unit"))
        state = _valid_index(request.get("state"), n_states)
        return layout.details_panel(atlas, unit, state, lang)

    @app.callback(Output("map", "figure", allow_duplicate=True), Input("server-request", "data"),
                  prevent_initial_call=True)
    def server_render(request: Any) -> Any:
        """Benchmark-only path (?render=server): redraw the map through the server."""
        if not request:
            return no_update
        if not isinstance(request, dict):
            _bad_request("render request must be an object")
        stop = _valid_index(request.get("stop"), n_stops)
        mode = request.get("mode")
        if mode not in figures.MODES:
            _bad_request("unknown mode")
        event = request.get("event")
        if event is not None and not isinstance(event, str):
            _bad_request("bad event id")
        return map_patch(atlas, stop, mode, _valid_unit(atlas, request.get("unit")), event)

    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="init"),
        Output("page-ready", "data"),
        Input("atlas-data", "data"),
        State("year-slider", "value"),
        State("selected-event", "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="render"),
        Output("state-index", "data"),
        Output("server-request", "data"),
        Input("year-slider", "value"),
        Input("mode-switch", "value"),
        Input("region-picker", "value"),
        Input("selected-event", "data"),
        State("atlas-data", "data"),
        State("render-mode", "data"),
        State("state-index", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="navigate"),
        Output("year-slider", "value"),
        Output("play-interval", "disabled"),
        Output("play-button", "children"),
        Output("selected-event", "data"),
        Input("play-button", "n_clicks"),
        Input("play-interval", "n_intervals"),
        Input("prev-change", "n_clicks"),
        Input("next-change", "n_clicks"),
        Input("map", "clickData"),
        State("year-slider", "value"),
        State("play-interval", "disabled"),
        State("atlas-data", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="select"),
        Output("region-picker", "value"),
        Input("map", "clickData"),
        Input("clear-selection", "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="atlas", function_name="detailsRequest"),
        Output("details-request", "data"),
        Input("state-index", "data"),
        Input("region-picker", "value"),
        State("details-request", "data"),
        prevent_initial_call=True,
    )
    trust.register(app)
