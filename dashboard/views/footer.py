"""The page footer: the data and calendar notes, and the fallback note where a translation is missing."""
from __future__ import annotations

from typing import Any

from dash import html

from .. import lessons
from ..data import Atlas
from ..i18n import t


def footer(atlas: Atlas, lang: str) -> Any:
    """The footer."""
    fallback = lang != "en" and any(e.get("en") for e in atlas.texts[lang]["events"])
    return html.Footer([
        html.P(t(lang, "footer.data") + " " + t(lang, "footer.calendar")),
        lessons.classroom_links(lang),
        html.P(t(lang, "footer.fallback"), className="fallback-note") if fallback else None,
    ], className="site-footer")
