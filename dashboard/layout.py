"""The page: its parts (dashboard/views/, one module per part) assembled in order, for a view from the URL."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from . import compare, downloads, tour, trust, urls
from .data import Atlas
from .i18n import HTML_LANG, page_config
from .query import View, view_query
from .views import area, controls, datebar, details, events, footer, header, legend, map_block, share, slider
from .views import stores
from .views import text_view


def build_layout(atlas: Atlas, stop: int, play_ms: int, view: View | None = None, bundle: str | None = None) -> Any:
    """The page at a view from the URL (date, region, mode, language, embed); `stop` when no view is given.
    `bundle`: where the page script finds the bundle files (default: the app's /page-data/ under its prefix)."""
    view = view or View(stop)
    lang, data, stop = view.lang, atlas.data, view.stop
    date_iso = data["stops"][stop]
    state = data["stopState"][stop]
    config = {**page_config(lang), "bundle": bundle or urls.page_data(), "mode": view.mode,
              "region": view.region}
    map_column = [
        trust.claim_return(lang),
        *datebar.date_block(atlas, date_iso, lang),
        slider.slider(stop, lang),
        controls.controls(lang, view.mode, [tour.tour_bar(atlas, lang)]),
        share.share_panel(lang),
        compare.lesson_bar(lang),
        # the map, and beside it (under it on a phone) the second date's map when comparing
        html.Div([map_block.map_block(lang), compare.compare_map(lang)], className="maps"),
    ]
    # the legend heads the side column: beside the map on a wide screen, right under it on a narrow one
    side_column = [
        legend.legend(lang),
        compare.compare_changes(lang),   # when comparing: what changed between the two dates
        trust.perspectives_panel(atlas, lang),
        details.region_panel(atlas, view.region, state, lang, date_iso),
        area.area_panel(data, stop, lang),
        events.events_panel(lang),
        downloads.download_panel(date_iso, lang),
    ]
    return html.Div([
        *stores.stores(view, config, play_ms),
        *header.header(lang, view_query(view, atlas.stops()), trust.view_tabs(lang)),
        html.Div(view.notice or None, id="url-notice", className="notice", role="status"),
        html.Main([
            html.Section(map_column, className="map-col"),
            html.Aside(side_column, className="side-col"),
            text_view.text_view(lang),
        ], className="page", **trust.MAP_VIEW_PROPS),
        trust.reading_view(lang),
        trust.sources_view(lang),
        footer.footer(atlas, lang),
    ], className="app embed" if view.embed else "app", lang=HTML_LANG[lang], id="app-root")


def validation_layout(atlas: Atlas, play_ms: int) -> Any:
    """Every component of the page that has an id, flattened, with no data or text: Dash sends this in the index
    page to check callbacks against (with a layout function it would otherwise send the whole page again)."""
    found: list[Any] = []

    def collect(node: Any) -> None:
        if isinstance(node, (list, tuple)):
            for child in node:
                collect(child)
            return
        if node is None or isinstance(node, (str, int, float)):
            return
        children = getattr(node, "children", None)
        if getattr(node, "id", None) is not None:
            found.append(node)
            if isinstance(node, dcc.Store):
                node.data = None
            elif isinstance(node, dcc.Graph):
                node.figure = {}
            node.children = None
        collect(children)

    collect(build_layout(atlas, 0, play_ms))
    return html.Div(found)
