"""The page header: skip link, title, language links, and "open the full atlas" (shown in the embed)."""
from __future__ import annotations

from typing import Any

from dash import html

from ..i18n import HTML_LANG, LANGUAGES, raw, t
from .common import with_param


def language_nav(lang: str, query: str) -> Any:
    """Links to this view in each language (atlas.js keeps their hrefs in step with the address)."""
    links = []
    for code in LANGUAGES:
        current = {"aria-current": "true"} if code == lang else {}
        links.append(html.A(raw(code, "meta.lang_name"), href=with_param(query, "lang", code), lang=HTML_LANG[code],
                            hrefLang=HTML_LANG[code], className="lang-link current" if code == lang else "lang-link",
                            **current, **{"data-lang": code}))
    return html.Nav(links, id="language-nav", className="language-nav", **{"aria-label": t(lang, "header.languages")})


def header(lang: str, query: str, tabs: Any = None) -> list[Any]:
    """The skip link and the site header (with `tabs`, the view switch, in its bottom row)."""
    return [
        html.A(t(lang, "header.skip"), href="#controls", className="skip-link"),
        html.Header([
            html.H1(t(lang, "header.title")),
            html.P(t(lang, "header.subtitle"), className="subtitle"),
            language_nav(lang, query),
            tabs,
            html.A(t(lang, "share.open_full") + " ↗", id="open-full", className="open-full", target="_blank",
                   rel="noopener", href=with_param(query, "embed", "0")),
        ], className="site-header"),
    ]
