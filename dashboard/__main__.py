"""Serve the atlas: `python -m dashboard [--host H] [--port P] [--debug]`."""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys

from werkzeug.serving import WSGIRequestHandler

from .config import ConfigError, load_settings


class _QuietHandler(WSGIRequestHandler):
    """Werkzeug's request handler without its Werkzeug and Python versions in the Server header, logging only
    the requests that went wrong (a teacher's terminal stays calm)."""

    def version_string(self) -> str:
        return "atlas"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code).isdigit() and int(code) >= 400:
            super().log_request(code, size)


def serve(wsgi_app: object, host: str, port: int) -> None:
    """Serve the app on Werkzeug's threaded server (the classroom server: one teacher's computer), with one
    calm line instead of Flask's development-server warning; a school server uses deploy/serve."""
    from werkzeug.serving import make_server

    # a port in use: Werkzeug says so in one line ("Port 8050 is in use by another program...") and exits 1
    server = make_server(host, port, wsgi_app, threaded=True, request_handler=_QuietHandler)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    print(f"Northern Border Atlas is running at http://{shown}:{port} "
          "(local classroom server; for a school server see README: deploy/serve). Ctrl-C stops it.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Northern Border Atlas stopped.")
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve the atlas (or `export OUTDIR`: the static site)."""
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["export"]:
        from .export import main as export_main

        raise SystemExit(export_main(args_in[1:]))
    if args_in[:1] in (["animate"], ["pack"]):   # classroom tools (dashboard/animate.py, dashboard/pack.py)
        raise SystemExit(importlib.import_module(f"{__package__}.{args_in[0]}").main(args_in[1:]))
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"Northern Border Atlas cannot start: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Serve the Northern Border Atlas.",
                                     epilog="`python -m dashboard export OUTDIR` writes a static copy for use without Python or network.")
    parser.add_argument("--host", default=settings.host, help=f"address to listen on (NBA_HOST, default {settings.host})")
    parser.add_argument("--port", type=int, default=settings.port, help=f"port (NBA_PORT, default {settings.port})")
    parser.add_argument("--debug", action="store_true", default=settings.debug,
                        help="Dash debug mode (NBA_DEBUG=1); off by default")
    args = parser.parse_args(args_in)
    if not 1 <= args.port <= 65535:
        parser.error("--port must be between 1 and 65535")
    settings = dataclasses.replace(settings, host=args.host, port=args.port, debug=args.debug)
    from .app import app

    if settings.debug:   # Dash's dev tools and reloader; Flask's own warning is right for that
        app.run(host=settings.host, port=settings.port, debug=True, request_handler=_QuietHandler)
    else:
        serve(app.server, settings.host, settings.port)


if __name__ == "__main__":
    main()
