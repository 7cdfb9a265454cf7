"""Security headers on every response: a Content-Security-Policy that allows only this server (plus the
inline bootstrap script Dash writes into its index page, by hash), who may frame the page
(`frame-ancestors`, from NBA_FRAME_ANCESTORS), nosniff, a referrer policy and a permissions policy."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import flask

DEFAULT_FRAME_ANCESTORS = "*"
# Keywords and host sources a frame-ancestors list may hold; anything else is dropped (no header injection).
_SOURCE = re.compile(r"^(?:'self'|'none'|\*|[a-z][a-z0-9+.-]*:|"
                     r"(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?(?:/[^\s;,']*)?)$", re.I)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
REFERRER_POLICY = "strict-origin-when-cross-origin"   # same-origin requests keep the full URL (the page's ?lang=)


def frame_ancestors(raw: str | None) -> str:
    """A clean frame-ancestors source list from the setting; the default ('*', any site) when empty or invalid."""
    if raw is None or not raw.strip():
        return DEFAULT_FRAME_ANCESTORS
    first = re.split(r"[;\r\n]", raw, maxsplit=1)[0]   # one directive's sources: nothing after ';' or a line break
    sources = [s for s in first.replace(",", " ").split() if _SOURCE.match(s)]
    if not sources:
        return DEFAULT_FRAME_ANCESTORS
    if "'none'" in sources:
        return "'none'"   # 'none' cannot be combined with other sources
    return " ".join(dict.fromkeys(sources))


def content_security_policy(ancestors: str, script_hashes: Sequence[str]) -> str:
    """The CSP: everything from this origin only; inline scripts only by hash; styles may be inline (Plotly, Dash)."""
    scripts = " ".join(["'self'", *script_hashes])   # Dash gives them quoted: 'sha256-...'
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ])


def x_frame_options(ancestors: str) -> str | None:
    """X-Frame-Options for browsers without frame-ancestors, when the list can be said that way."""
    return {"'none'": "DENY", "'self'": "SAMEORIGIN"}.get(ancestors)


def install(app: Any, raw_frame_ancestors: str | None) -> None:
    """Send the security headers on every response of a Dash app's Flask server."""
    ancestors = frame_ancestors(raw_frame_ancestors)
    cache: dict[str, str] = {}

    def policy() -> str:
        # Dash knows its inline scripts only once every callback is registered: hash them at the first response.
        if "csp" not in cache:
            cache["csp"] = content_security_policy(ancestors, app.csp_hashes())
        return cache["csp"]

    @app.server.after_request
    def _headers(response: flask.Response) -> flask.Response:
        headers = response.headers
        headers["Content-Security-Policy"] = policy()
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = REFERRER_POLICY
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        xfo = x_frame_options(ancestors)
        if xfo:
            headers["X-Frame-Options"] = xfo
        return response
