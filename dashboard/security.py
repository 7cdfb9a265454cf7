"""Security headers on every response: a Content-Security-Policy that allows only this server (plus the
inline bootstrap script Dash writes into its index page, by hash), who may frame the page
(`frame-ancestors`, from NBA_FRAME_ANCESTORS), nosniff, a referrer policy and a permissions policy."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import flask

DEFAULT_FRAME_ANCESTORS = "*"
_KEYWORDS = {"'self'", "'none'", "*"}
# A frame-ancestors source: a scheme ("https:") or a host with an optional scheme, port and path. A bare word is
# taken as a host only if it is "localhost" or has a dot, so "DENY" or "self" (a typo for 'self') is refused.
_HOST = r"(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)"
_SOURCE = re.compile(rf"^(?:[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?{_HOST}(?::(?:\d{{1,5}}|\*))?(?:/[^\s;,']*)?)$",
                     re.I)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
REFERRER_POLICY = "strict-origin-when-cross-origin"   # same-origin requests keep the full URL (the page's ?lang=)


def frame_ancestors(raw: str | None) -> str:
    """The frame-ancestors source list of the setting ('*' when unset); ValueError naming the bad part if invalid."""
    if raw is None or not raw.strip():
        return DEFAULT_FRAME_ANCESTORS
    sources = raw.replace(",", " ").split()
    bad = [s for s in sources if s.lower() not in _KEYWORDS and not _SOURCE.match(s)]
    if bad or any(c in raw for c in ";\r\n"):
        shown = bad[0] if bad else raw.strip()
        raise ValueError(f"NBA_FRAME_ANCESTORS: {shown!r} is not a frame-ancestors source; use '*', \"'self'\", "
                         f"\"'none'\" or sites such as \"'self' https://school.example\"")
    sources = [s.lower() if s.lower() in _KEYWORDS else s for s in sources]
    if "'none'" in sources and len(set(sources)) > 1:
        raise ValueError("NBA_FRAME_ANCESTORS: \"'none'\" cannot be combined with other sources")
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


def static_headers(ancestors: str) -> dict[str, str]:
    """The security headers for responses without scripts (nginx's own error pages and the assets it serves)."""
    headers = {
        "Content-Security-Policy": f"default-src 'none'; style-src 'self'; frame-ancestors {ancestors}",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": REFERRER_POLICY,
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
    xfo = x_frame_options(ancestors)
    if xfo:
        headers["X-Frame-Options"] = xfo
    return headers


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
