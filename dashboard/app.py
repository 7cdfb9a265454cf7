"""The Dash app: `app` and its Flask `server` (for gunicorn: `gunicorn dashboard.app:server`)."""
from __future__ import annotations

import functools
import json
import threading
from pathlib import Path
from typing import Any

import flask
from dash import Dash
from werkzeug.exceptions import BadRequest, HTTPException

from . import callbacks, layout
from . import downloads, tour
from . import i18n, security
from .query import View, parse_query, request_view
from .config import Settings, load_settings
from .data import load_atlas, register_bundle_route

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CALLBACK_PATH = "/_dash-update-component"


def _malformed(message: str) -> flask.Response:
    """A short JSON 400 answer (no stack trace)."""
    return flask.Response(json.dumps({"error": message}), status=400, mimetype="application/json")


def _check_callback_request(app: Dash) -> flask.Response | None:
    """Reject callback requests that are not shaped like the renderer's (before Dash reads them)."""
    if flask.request.method != "POST" or not flask.request.path.endswith(CALLBACK_PATH):
        return None
    body = flask.request.get_json(silent=True)
    if not isinstance(body, dict):
        return _malformed("callback request must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str) or output not in app.callback_map:
        return _malformed("unknown callback output")
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list):
            return _malformed(f"'{key}' must be a list")
        for item in items:
            for one in (item if isinstance(item, list) else [item]):
                if not isinstance(one, dict) or "id" not in one or not isinstance(one.get("property"), str):
                    return _malformed(f"bad entry in '{key}'")
    if not isinstance(body.get("changedPropIds", []), list):
        return _malformed("'changedPropIds' must be a list")
    if not isinstance(body.get("outputs"), (dict, list)):
        return _malformed("'outputs' must be an object or a list")
    return None


def create_app(settings: Settings | None = None) -> Dash:
    """Build the app from the committed data (cached per process)."""
    settings = settings or load_settings()
    atlas = load_atlas()
    app = Dash(
        __name__,
        title="Northern Border Atlas",
        assets_folder=str(ASSETS),
        assets_path_ignore=["^static$"],  # assets/static/ is the static export's own driver, not the app's
        compress=settings.compress,
        serve_locally=True,
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "China's northern border and Outer Mongolia, 1689–2008"}],
    )
    stops = atlas.stops()
    units = set(atlas.units)

    @functools.lru_cache(maxsize=64)
    def view_layout(view: View) -> Any:
        return layout.build_layout(atlas, view.stop, settings.play_ms, view)

    def page_layout() -> Any:
        """The page for this request's view: ?date/region/mode/lang/embed (the layout fetch carries the page's
        address in its Referer), else the browser's language and the defaults (built once per view)."""
        return view_layout(request_view(stops, settings.default_year, units))

    app.validation_layout = layout.validation_layout(atlas, settings.play_ms)
    app.layout = page_layout
    i18n.install_index_language(app, lambda: request_view(stops, settings.default_year, units).lang)
    security.install(app, settings.frame_ancestors)
    callbacks.register(app, atlas, settings.default_year)

    def _warm() -> None:
        """Build each language's default page and a details panel now, so that no visitor's request pays for the
        first reading of the translations (runs beside the server starting, not before it)."""
        for lang in i18n.LANGUAGES:
            view_layout(parse_query("", stops, settings.default_year, units, None, lang))
            layout.details_panel(atlas, next(iter(atlas.units)), 0, lang)

    threading.Thread(target=_warm, name="warm-up", daemon=True).start()
    tour.register(app)
    server = app.server
    downloads.register_routes(server)
    register_bundle_route(server)

    @server.before_request
    def _guard() -> Any:
        return _check_callback_request(app)

    @server.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Any:
        return flask.Response(json.dumps({"error": err.description or err.name}), status=err.code,
                              mimetype="application/json")

    @server.errorhandler(Exception)
    def _error(err: Exception) -> Any:
        if isinstance(err, HTTPException):
            return _http_error(err)
        if flask.request.path.endswith(CALLBACK_PATH) and isinstance(
                err, (KeyError, TypeError, ValueError, IndexError, AttributeError, BadRequest)):
            server.logger.warning("malformed callback request: %r", err)
            return _malformed("malformed callback request")
        server.logger.exception("server error")
        return flask.Response(json.dumps({"error": "internal error"}), status=500, mimetype="application/json")

    return app


app = create_app()
server = app.server
