"""Share and Embed: the buttons and what they show. The fields are filled by atlas.js (no server call) and copied
by Dash's dcc.Clipboard; where the page may not use the clipboard (a plain-http school server), atlas.js selects
the field for the reader to copy instead."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from ..i18n import t


def _copier(id_: str, target: str, label: str, title: str) -> Any:
    """A button that copies the text of a field (after a copy it shows a tick, which atlas.js reports)."""
    return dcc.Clipboard(id=id_, target_id=target, title=title, className="btn clip-button",
                         children=html.Span(label), copied_children=html.Span([label, " ✓"], className="copied"))


def share_buttons(lang: str) -> Any:
    """The Share (copies the link) and Embed (shows the snippet) buttons."""
    return html.Div([
        _copier("share-button", "share-link", t(lang, "share.share"), t(lang, "share.share_title")),
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
                _copier("copy-embed", "embed-code", t(lang, "share.copy_code"), t(lang, "share.copy_code")),
                html.Button(t(lang, "share.close"), id="close-embed", n_clicks=0, className="btn small"),
            ], className="buttons"),
        ], id="embed-panel", className="share-panel", hidden=True, role="group",
            **{"aria-label": t(lang, "share.embed_heading")}),
        html.P(id="share-status", className="share-status", role="status"),
    ], className="share")
