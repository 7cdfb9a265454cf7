"""Share and Embed: the buttons and what they show (atlas.js fills and copies: no server call)."""
from __future__ import annotations

from typing import Any

from dash import html

from ..i18n import t


def share_buttons(lang: str) -> Any:
    """The Share and Embed buttons."""
    return html.Div([
        html.Button(t(lang, "share.share"), id="share-button", n_clicks=0, className="btn",
                    title=t(lang, "share.share_title"), **{"aria-controls": "share-panel"}),
        html.Button(t(lang, "share.embed"), id="embed-button", n_clicks=0, className="btn",
                    title=t(lang, "share.embed_title"), **{"aria-controls": "embed-panel", "aria-expanded": "false"}),
    ], className="buttons share-buttons")


def share_panel(lang: str) -> Any:
    """What Share and Embed show: the link to this view and an <iframe> snippet."""
    return html.Div([
        html.Div([
            html.Label(t(lang, "share.link_label"), htmlFor="share-link"),
            html.Textarea(id="share-link", readOnly=True, rows=2, className="share-field", spellCheck="false"),
        ], id="share-panel", className="share-panel", hidden=True),
        html.Div([
            html.H2(t(lang, "share.embed_heading"), className="panel-title"),
            html.P(t(lang, "share.embed_help")),
            html.Label(t(lang, "share.code_label"), htmlFor="embed-code"),
            html.Textarea(id="embed-code", readOnly=True, rows=4, className="share-field", spellCheck="false",
                          **{"data-frame-title": t(lang, "share.frame_title")}),
            html.Div([
                html.Button(t(lang, "share.copy_code"), id="copy-embed", n_clicks=0, className="btn small"),
                html.Button(t(lang, "share.close"), id="close-embed", n_clicks=0, className="btn small"),
            ], className="buttons"),
        ], id="embed-panel", className="share-panel", hidden=True, role="group",
            **{"aria-label": t(lang, "share.embed_heading")}),
        html.P(id="share-status", className="share-status", role="status"),
    ], className="share")
