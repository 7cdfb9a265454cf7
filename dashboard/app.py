"""The Dash app: `app` and its Flask `server` (for gunicorn: `gunicorn dashboard.app:server`)."""
from __future__ import annotations

import functools
import json
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import flask
from dash import Dash
from dash._utils import to_json
from dash.exceptions import DependencyException
import geodata
from geodata.errors import DataError
from werkzeug.exceptions import BadRequest, HTTPException

from . import callbacks, layout
from .views import details
from . import downloads, lessons, tour, urls
from . import i18n, security
from .query import View, parse_query, request_view
from .config import ConfigError, Settings, load_settings
from .data import load_atlas, register_bundle_route

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CALLBACK_PATH = "/_dash-update-component"
MAX_BODY_BYTES = 64 * 1024     # real callback bodies are about 400 bytes; nginx refuses larger ones first
LONG_CACHE = "public, max-age=31536000, immutable"
# Config fields the page gets that only name versions (Dash's dev tools show them; without debug nobody needs them).
VERSION_FIELDS = ("python_version", "dash_version", "dash_version_url", "ddk_version", "plotly_version")


class AtlasDash(Dash):
    """Dash without the Python and package versions in the page config (outside debug mode), and with that
    config written as JSON once: only its per-page-load token changes between requests."""

    _config_json: str | None = None

    def _config(self) -> dict[str, Any]:
        config = super()._config()
        if not self._dev_tools.ui:
            for key in VERSION_FIELDS:
                config.pop(key, None)
        return config

    def _generate_config_html(self) -> str:
        config = self._config()
        end_id = config.pop("end_id")
        if self._config_json is None or self._dev_tools.ui:   # the rest (validation layout too) never changes
            self._config_json = to_json(config)
        text = f'{self._config_json[:-1]},"end_id":{to_json(end_id)}}}'
        return f'<script id="_dash-config" type="application/json">{text}</script>'


def _answer(status: int, message: str) -> flask.Response:
    """A short JSON answer to a client mistake, logged as one line (no stack trace)."""
    flask.current_app.logger.warning("%d %s %s: %s", status, flask.request.method, flask.request.path, message)
    return flask.Response(json.dumps({"error": message}), status=status, mimetype="application/json")


def _malformed(message: str) -> flask.Response:
    """A short JSON 400 answer (no stack trace)."""
    return _answer(400, message)


def _bare(prop: str) -> str:
    return prop.split("@", 1)[0]   # "figure@<hash>" (allow_duplicate) is the property "figure"


def _defined_outputs(key: str) -> list[tuple[str, str]]:
    """(id, property) of each output in a callback_map key ("a.b" or "..a.b...c.d..")."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    return [(p.rsplit(".", 1)[0], _bare(p.rsplit(".", 1)[1])) for p in parts]


def _matches(sent: Any, defined: list[dict[str, Any]]) -> bool:
    """Whether the sent inputs (or state) name the defined components and properties, in order."""
    if not isinstance(sent, list) or len(sent) != len(defined):
        return False
    for item, want in zip(sent, defined):
        wildcard = str(want["id"]).startswith("{")   # pattern-matching ids arrive as dicts or lists of them
        for one in (item if isinstance(item, list) and wildcard else [item]):
            if not isinstance(one, dict) or one.get("property") != want["property"]:
                return False
            if not wildcard and one.get("id") != want["id"]:
                return False
    return True


def _check_callback_request(app: Dash) -> flask.Response | None:
    """Reject callback requests that do not match a server callback's definition (before Dash reads them)."""
    if flask.request.method != "POST" or not flask.request.path.endswith(CALLBACK_PATH):
        return None
    try:
        body = flask.request.get_json(silent=True)
    except RecursionError:
        return _malformed("callback request is nested too deeply")
    if not isinstance(body, dict):
        return _malformed("callback request must be a JSON object")
    output = body.get("output")
    spec = app.callback_map.get(output) if isinstance(output, str) else None
    if spec is None or "callback" not in spec:
        return _malformed("unknown callback output")
    for key in ("inputs", "state"):
        if not _matches(body.get(key, []), spec.get(key, [])):
            return _malformed(f"'{key}' do not match the callback's definition")
    if not isinstance(body.get("changedPropIds", []), list):
        return _malformed("'changedPropIds' must be a list")
    outputs = body.get("outputs")
    sent = outputs if isinstance(outputs, list) else [outputs]
    if not all(isinstance(o, dict) for o in sent) or [
            (o.get("id"), _bare(str(o.get("property")))) for o in sent] != _defined_outputs(output):
        return _malformed("'outputs' do not match the callback's definition")
    return None


def _check_referer() -> flask.Response | None:
    """A Referer that is not a URL (the page reads ?lang= and the view from it) is a client mistake."""
    referer = flask.request.headers.get("Referer")
    if referer:
        try:
            urlsplit(referer).port   # raises on a broken host ("http://[::1") or port
        except ValueError:
            return _malformed("malformed Referer header")
    return None


def create_app(settings: Settings | None = None) -> Dash:
    """Build the app from the committed data (cached per process)."""
    settings = settings or load_settings()
    atlas = load_atlas()
    app = AtlasDash(
        __name__,
        title="Northern Border Atlas",
        assets_folder=str(ASSETS),
        assets_path_ignore=["^static$", "^lessons$"],  # the static export's own driver; the worksheet's files (not the page's)
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
        """Build each language's default page, a details panel and the default downloads now, so that no visitor's
        request pays for the first reading of the translations or the first compression of a download (runs beside
        the server starting, not before it)."""
        for lang in i18n.LANGUAGES:
            view_layout(parse_query("", stops, settings.default_year, units, None, lang))
            details.details_panel(atlas, next(iter(atlas.units)), 0, lang)
        downloads.all_borders()                # the borders file, parsed once per process
        client = app.server.test_client()      # the downloads built and compressed once per process: do it now
        for lang in i18n.LANGUAGES:
            client.get(urls.route(urls.EVENTS), query_string={"lang": lang})
        default = parse_query("", stops, settings.default_year, units, None, i18n.DEFAULT).stop
        client.get(urls.route(urls.BORDERS), query_string={"date": stops[default].isoformat()})   # what a visitor sees
        client.get(urls.route(urls.BORDERS_ALL))

    tour.check_tour(atlas)   # a teacher's tour file (NBA_TOUR) is read now: a broken one stops start-up
    tour.register(app)
    lessons.register(app.server)
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    downloads.register_routes(server, atlas)
    register_bundle_route(server)

    @server.before_request
    def _guard() -> Any:
        return _check_referer() or _check_callback_request(app)

    @server.after_request
    def _cache_assets(response: flask.Response) -> flask.Response:
        # Dash adds ?m=<mtime> to asset URLs and changes it when the file changes: such a URL never goes stale.
        if urls.is_asset(flask.request.path) and flask.request.args.get("m") and response.status_code == 200:
            response.headers["Cache-Control"] = LONG_CACHE
        return response

    @server.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Any:
        if (err.code or 500) >= 500:
            server.logger.error("%s %s: %s", flask.request.method, flask.request.path, err)
            return flask.Response(json.dumps({"error": err.name}), status=err.code, mimetype="application/json")
        if err.code == 413:
            return _answer(413, f"request body too large (limit {MAX_BODY_BYTES // 1024} KB)")
        return _answer(err.code or 400, err.description or err.name)

    @server.errorhandler(Exception)
    def _error(err: Exception) -> Any:
        if isinstance(err, HTTPException):
            return _http_error(err)
        if isinstance(err, DependencyException):     # an unknown /_dash-component-suites/ file
            return _answer(404, "no such file")
        if isinstance(err, RecursionError):
            return _malformed("request nested too deeply")
        if flask.request.path.endswith(CALLBACK_PATH) and isinstance(
                err, (KeyError, TypeError, ValueError, IndexError, AttributeError, BadRequest)):
            return _malformed("malformed callback request")
        server.logger.exception("server error")
        return flask.Response(json.dumps({"error": "internal error"}), status=500, mimetype="application/json")

    threading.Thread(target=_warm, name="warm-up", daemon=True).start()   # after every route exists
    return app


def _create_or_exit() -> Dash:
    """The app, or one line naming the bad file or setting and exit code 1 (for python -m dashboard and gunicorn)."""
    try:
        return create_app()
    except (DataError, ConfigError) as exc:
        print(f"Northern Border Atlas cannot start: {exc}", file=sys.stderr)
        raise SystemExit(1) from None


app = _create_or_exit()
server = app.server
