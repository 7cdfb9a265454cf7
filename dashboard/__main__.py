"""Serve the atlas: `python -m dashboard [--host H] [--port P] [--debug]`."""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys

from werkzeug.serving import WSGIRequestHandler

from .config import ConfigError, load_settings


class _QuietHandler(WSGIRequestHandler):
    """The development server without its Werkzeug and Python versions in the Server header."""

    def version_string(self) -> str:
        return "atlas"


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and run the development server (or `export OUTDIR`: the static site)."""
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

    app.run(host=settings.host, port=settings.port, debug=settings.debug, request_handler=_QuietHandler)


if __name__ == "__main__":
    main()
