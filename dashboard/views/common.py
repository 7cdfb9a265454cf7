"""Small helpers the page parts share."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from dash import html

from ..i18n import data_text


def with_param(query: str, key: str, value: str) -> str:
    """A query string with one parameter set (others kept, in order)."""
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?")) if k != key]
    return "?" + urlencode([*pairs, (key, value)])


def source_links(sources: list[dict[str, str]] | None) -> Any:
    """A short list of source links (None when there is none)."""
    items = [html.Li(html.A(s.get("title") or s.get("url"), href=s.get("url"), target="_blank",
                            rel="noopener noreferrer")) for s in (sources or []) if s.get("url")]
    return html.Ul(items, className="sources") if items else None


def data_span(lang: str, *path: str) -> Any:
    """A data text in a language; English fallback wrapped in lang="en" so screen readers read it right."""
    text, fell_back = data_text(lang, *path)
    return html.Span(text, lang="en") if fell_back and text else text
