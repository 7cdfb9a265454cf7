"""The legend: status colours and border line styles, every colour named in words."""
from __future__ import annotations

from typing import Any

from dash import html

from .. import figures
from ..i18n import t

LINES = (("border", "border"), ("border-approx", "border_approx"), ("ghost", "ghost"), ("approx", "approx"))


def legend(lang: str = "en") -> Any:
    """HTML legend."""
    rows = [html.Li([html.Span(className="swatch" + (" hatched" if g["hatch"] else ""),
                               style={"backgroundColor": g["color"]}), t(lang, f"legend.{g['id']}")])
            for g in figures.STATUS_GROUPS]
    rows += [html.Li([html.Span(className=f"line-key {cls}"), t(lang, f"legend.{key}")]) for cls, key in LINES]
    return html.Ul(rows, className="legend", id="legend", **{"aria-label": t(lang, "legend.label")})
