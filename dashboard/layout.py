"""The page's component tree, rendered at a given slider position."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from dash import dcc, html

from . import figures, trust, urls
from . import downloads, lessons, tour
from .data import Atlas
from .i18n import HTML_LANG, LANGUAGES, data_text, date_words, format_number, page_config, raw, t
from .query import View, view_query

def slider_marks(atlas: Atlas) -> dict[int, str]:
    """Slider marks at the key years (positions are indices of 1 January of that year)."""
    stops = atlas.data["stops"]
    return {stops.index(f"{y}-01-01"): str(y) for y in figures.KEY_YEARS if f"{y}-01-01" in stops}


def _sources(sources: list[dict[str, str]] | None) -> Any:
    """A short list of source links."""
    items = [html.Li(html.A(s.get("title") or s.get("url"), href=s.get("url"), target="_blank",
                            rel="noopener noreferrer")) for s in (sources or []) if s.get("url")]
    return html.Ul(items, className="sources") if items else None


def legend(lang: str = "en") -> Any:
    """HTML legend: status colours, border line styles (every colour named in words)."""
    rows = [html.Li([html.Span(className="swatch" + (" hatched" if g["hatch"] else ""),
                               style={"backgroundColor": g["color"]}), t(lang, f"legend.{g['id']}")])
            for g in figures.STATUS_GROUPS]
    rows += [html.Li([html.Span(className=f"line-key {cls}"), t(lang, f"legend.{key}")])
             for cls, key in (("border", "border"), ("border-approx", "border_approx"), ("ghost", "ghost"),
                              ("approx", "approx"))]
    return html.Ul(rows, className="legend", id="legend", **{"aria-label": t(lang, "legend.label")})


def language_nav(lang: str, query: str) -> Any:
    """Links to this view in each language (atlas.js keeps their hrefs in step with the address)."""
    links = []
    for code in LANGUAGES:
        href = _with_param(query, "lang", code)
        name = raw(code, "meta.lang_name")
        if code == lang:
            links.append(html.A(name, href=href, lang=HTML_LANG[code], hrefLang=HTML_LANG[code],
                                className="lang-link current", **{"aria-current": "true", "data-lang": code}))
        else:
            links.append(html.A(name, href=href, lang=HTML_LANG[code], hrefLang=HTML_LANG[code],
                                className="lang-link", **{"data-lang": code}))
    return html.Nav(links, id="language-nav", className="language-nav", **{"aria-label": t(lang, "header.languages")})


def _with_param(query: str, key: str, value: str) -> str:
    """A query string with one parameter set (others kept, in order)."""
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?")) if k != key]
    return "?" + urlencode([*pairs, (key, value)])


def share_buttons(lang: str) -> Any:
    """The Share and Embed buttons (atlas.js handles them: no server call)."""
    return html.Div([
        html.Button(t(lang, "share.share"), id="share-button", n_clicks=0, className="btn",
                    title=t(lang, "share.share_title"), **{"aria-controls": "share-panel"}),
        html.Button(t(lang, "share.embed"), id="embed-button", n_clicks=0, className="btn",
                    title=t(lang, "share.embed_title"), **{"aria-controls": "embed-panel", "aria-expanded": "false"}),
    ], className="buttons share-buttons")


def share_panel(lang: str) -> Any:
    """What Share and Embed show: the link to this view and an <iframe> snippet (filled and copied by atlas.js)."""
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


def text_view(lang: str) -> Any:
    """What the map shows as a table (unit, status, since, claims): for screen readers and print; atlas.js fills it."""
    return html.Section([
        html.H2(t(lang, "text_view.heading"), id="text-view-heading", className="panel-title"),
        html.Table([
            html.Caption(id="text-view-caption"),
            html.Thead(html.Tr([html.Th(t(lang, f"text_view.{col}"), scope="col")
                                for col in ("unit", "status", "since", "claims")])),
            html.Tbody(id="text-view-body"),
        ], id="text-view", className="text-view"),
    ], className="panel text-view-wrap", **{"aria-labelledby": "text-view-heading"})


def map_block(lang: str) -> Any:
    """The map's place in the page with its zoom buttons; assets/nba_map.js draws the SVG map into #map."""
    zoom = [html.Button(label, id=f"map-{key}", n_clicks=0, className="btn small map-zoom", type="button",
                        title=t(lang, f"map.{key.replace('-', '_')}"), **{"aria-label": t(lang, f"map.{key.replace('-', '_')}")})
            for key, label in (("zoom-in", "+"), ("zoom-out", "−"), ("reset", "⟲"))]
    return html.Div([
        html.Div(id="map", className="map-canvas", **{"aria-label": t(lang, "map.label")}),
        html.Div(zoom, className="map-zoom-buttons"),
    ], className="map", role="region", **{"aria-label": t(lang, "map.label")})


def area_figure(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """China's area chart with its labels in a language."""
    fig = figures.area_figure(data)
    names = {"claimed": t(lang, "panel.area_claimed"), "controlled": t(lang, "panel.area_controlled")}
    unit = t(lang, "panel.area_axis")
    for trace in fig["data"]:
        name = names.get(trace["name"], trace["name"])
        trace["name"] = name
        trace["hovertemplate"] = "%{y:.2f} " + unit + "<extra>" + name + "</extra>"
    fig["layout"]["yaxis"]["title"]["text"] = unit
    return fig


def build_layout(atlas: Atlas, stop: int, play_ms: int, view: View | None = None, bundle: str | None = None) -> Any:
    """The page at a view from the URL (date, region, mode, language, embed); `stop` when no view is given.
    `bundle`: where the page script finds the bundle files (default: the app's /page-data/ under its prefix)."""
    view = view or View(stop)
    lang = view.lang
    data = atlas.data
    stop = view.stop
    date_iso = data["stops"][stop]
    query = view_query(view, atlas.stops())
    names = atlas.texts[lang]["units"]
    unit_options = [{"label": name, "value": u} for u, name in zip(data["units"], names)]
    state = data["stopState"][stop]
    config = {**page_config(lang), "bundle": bundle or urls.page_data(), "mode": view.mode, "region": view.region}
    details = (details_panel(atlas, view.region, state, lang) if view.region
               else html.P(t(lang, "panel.empty"), className="empty"))
    fallback = lang != "en" and any(e.get("en") for e in atlas.texts[lang]["events"])
    return html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="atlas-data", data=config),
        # Stores that callbacks listen to start as {} (not None): a Store whose data is None sets it again when it
        # mounts, which fires its callbacks (server round trips) on every page load.
        dcc.Store(id="selected-event", data=None),
        dcc.Store(id="details-request", data={}),
        dcc.Store(id="page-ready", data=False),
        dcc.Store(id="page-lang", data=lang),
        dcc.Store(id="view-search", data=view.search),
        dcc.Store(id="view-request", data={}),
        dcc.Store(id="view-checked", data=False),
        dcc.Interval(id="play-interval", interval=play_ms, disabled=True, n_intervals=0),
        html.A(t(lang, "header.skip"), href="#controls", className="skip-link"),
        html.Header([
            html.H1(t(lang, "header.title")),
            html.P(t(lang, "header.subtitle"), className="subtitle"),
            language_nav(lang, query),
            html.A(t(lang, "share.open_full") + " ↗", id="open-full", className="open-full", target="_blank",
                   rel="noopener", href=_with_param(query, "embed", "0")),
        ], className="site-header"),
        trust.view_tabs(lang),
        html.Div(view.notice or None, id="url-notice", className="notice", role="status"),
        html.Main([
            html.Section([
                trust.claim_return(lang),
                html.Div([
                    html.H2(date_words(date_iso, lang), id="date-text"),
                    html.P(atlas.texts[lang].get("dates", {}).get(date_iso, ""), id="date-contemporary",
                           className="date-contemporary"),
                    html.P("", id="change-text"),
                ], className="date-block"),
                # one polite live region for the date and what changed (atlas.js, debounced while dragging)
                html.Div(id="announce", className="sr-only", role="status", **{"aria-atomic": "true"}),
                html.Div(dcc.Slider(id="year-slider", min=0, max=len(data["stops"]) - 1, step=1, value=stop,
                                    marks=slider_marks(atlas), updatemode="drag", allow_direct_input=False,
                                    included=False),
                         className="slider-wrap", id="controls", role="group",
                         **{"aria-label": t(lang, "controls.slider")}),
                html.Div([
                    html.Div([
                        html.Button(t(lang, "controls.play"), id="play-button", n_clicks=0, className="btn primary",
                                    title=t(lang, "controls.play_title")),
                        html.Button(t(lang, "controls.prev"), id="prev-change", n_clicks=0, className="btn",
                                    title=t(lang, "controls.prev_title")),
                        html.Button(t(lang, "controls.next"), id="next-change", n_clicks=0, className="btn",
                                    title=t(lang, "controls.next_title")),
                    ], className="buttons"),
                    html.Div([
                        html.Span(t(lang, "controls.mode_label"), className="mode-label", id="mode-label"),
                        dcc.RadioItems(id="mode-switch", value=view.mode, inline=True,
                                       options=[{"label": t(lang, "controls.mode_control"), "value": "control"},
                                                {"label": t(lang, "controls.mode_claim"), "value": "claim"}],
                                       className="mode-switch", inputClassName="mode-input"),
                    ], className="mode-block", role="radiogroup", **{"aria-labelledby": "mode-label"}),
                    share_buttons(lang),
                ], className="controls"),
                share_panel(lang),
                tour.tour_bar(atlas, lang),
                map_block(lang),
                legend(lang),
            ], className="map-col"),
            html.Aside([
                trust.perspectives_panel(atlas, lang),
                html.Section([
                    html.Div([
                        html.H2(t(lang, "panel.region"), className="panel-title", id="region-heading"),
                        html.Button(t(lang, "panel.clear"), id="clear-selection", n_clicks=0, className="btn small",
                                    title=t(lang, "panel.clear_title")),
                    ], className="panel-head"),
                    dcc.Dropdown(id="region-picker", options=unit_options, value=view.region, clearable=True,
                                 placeholder=t(lang, "panel.picker"), className="region-picker"),
                    html.Div(details, id="details-panel", **{"aria-live": "polite"}),
                ], className="panel details", **{"aria-labelledby": "region-heading"}),
                html.Section([
                    html.H2(t(lang, "panel.area"), className="panel-title"),
                    html.Div([
                        dcc.Graph(id="area-chart", figure=area_figure(data, lang),
                                  config={"displayModeBar": False, "responsive": True}, style={"height": "100%"}),
                        html.Div(id="area-date", className="area-date", style={"--f": str(data["stopFrac"][stop])},
                                 **{"aria-hidden": "true"}),
                    ], className="area-chart"),
                ], className="panel"),
                html.Section([
                    html.H2(t(lang, "panel.events"), className="panel-title"),
                    html.Ol([], id="event-list", className="event-list"),
                ], className="panel"),
                downloads.download_panel(date_iso, lang),
            ], className="side-col"),
            text_view(lang),
        ], className="page", **trust.MAP_VIEW_PROPS),
        trust.reading_view(lang),
        trust.sources_view(lang),
        html.Footer([
            html.P(t(lang, "footer.data") + " " + t(lang, "footer.calendar")),
            lessons.classroom_links(lang),
            html.P(t(lang, "footer.fallback"), className="fallback-note") if fallback else None,
        ], className="site-footer"),
    ], className="app embed" if view.embed else "app", lang=HTML_LANG[lang], id="app-root")


def _period_at(periods: list[dict[str, Any]], iso: str) -> dict[str, Any] | None:
    """The status row covering an ISO date."""
    return next((p for p in periods if p["start"] <= iso and (not p["end"] or iso < p["end"])), None)


def _text(lang: str, *path: str) -> Any:
    """A data text in a language; English fallback wrapped in lang="en" so screen readers read it right."""
    text, fell_back = data_text(lang, *path)
    return html.Span(text, lang="en") if fell_back and text else text


def _range(p: dict[str, Any], lang: str) -> str:
    """'start – end' of a status row in words (end 'today' when open)."""
    until = date_words(p["end"], lang) if p["end"] else t(lang, "details.today")
    return f"{date_words(p['start'], lang)} – {until}"


def status_strip(atlas: Atlas, unit: str, iso: str, lang: str = "en") -> Any:
    """A small chart of a unit's status through time: coloured spans, the current date marked."""
    first = figures.FIRST_DATE.toordinal()
    span = figures.LAST_DATE.toordinal() - first
    segments = []
    for p in atlas.periods.get(unit, []):
        start = figures.to_date(p["start"]).toordinal()
        end = figures.to_date(p["end"]).toordinal() if p["end"] else figures.LAST_DATE.toordinal()
        group = figures.status_group(p["status"])
        label = data_text(lang, "statuses", p["status"], "label")[0]
        segments.append(html.Span(
            className="seg" + (" hatched" if group["hatch"] else ""),
            title=f"{_range(p, lang)}: {label}",
            style={"left": f"{100 * (start - first) / span:.3f}%", "width": f"{100 * (end - start) / span:.3f}%",
                   "backgroundColor": group["color"]}))
    pos = 100 * (figures.to_date(iso).toordinal() - first) / span
    ticks = [html.Span(str(y), className="tick",
                       style={"left": f"{100 * (figures.dt.date(y, 1, 1).toordinal() - first) / span:.2f}%"})
             for y in (1700, 1800, 1900, 2000)]
    return html.Div([
        html.Div([*segments, html.Span(className="now", style={"left": f"{pos:.3f}%"})], className="strip",
                 role="img", **{"aria-label": t(lang, "details.strip_label")}),
        html.Div(ticks, className="strip-ticks", **{"aria-hidden": "true"}),
    ], className="strip-wrap")


def details_panel(atlas: Atlas, unit: str | None, state_index: int, lang: str = "en") -> Any:
    """The details panel for a unit at a state, in a language (or the plain 'nothing selected' message)."""
    if not unit or unit not in atlas.units:
        return html.P(t(lang, "panel.empty"), className="empty")
    info = atlas.units[unit]
    iso = atlas.data["states"][state_index]["date"]
    periods = atlas.periods.get(unit, [])
    row = _period_at(periods, iso)
    name = data_text(lang, "units", unit, "name")[0]
    names = list(dict.fromkeys(n for n in (info.get("name"), info.get("name_zh"), info.get("name_local"))
                               if n and n != name))
    parts: list[Any] = [html.H3(name, className="unit-name")]
    if names:
        parts.append(html.P(" · ".join(names), className="unit-names", lang="und"))
    if row is None:
        parts.append(html.P(t(lang, "details.no_status")))
    else:
        group = figures.status_group(row["status"])
        until = t(lang, "details.until", date=date_words(row["end"], lang)) if row["end"] else ""
        parts.append(html.P([html.Span(className="swatch" + (" hatched" if group["hatch"] else ""),
                                       style={"backgroundColor": group["color"]}),
                             html.Strong(data_text(lang, "statuses", row["status"], "label")[0])],
                            className="status-line"))
        since = date_words(row["start"], lang)
        written = atlas.texts[lang].get("dates", {}).get(row["start"])   # as contemporaries wrote it, if exact
        if written:
            since += t(lang, "details.contemporary", text=written)
        parts.append(html.P(t(lang, "details.since", date=since, until=until),
                            className="since"))
        claims = [data_text(lang, "claimants", c, "label")[0] for c in row["claimed_by"]]
        sep = t(lang, "punct.list_sep")
        parts.append(html.P(t(lang, "details.claimed_by", claims=sep.join(claims) if claims
                              else t(lang, "details.no_claimant")), className="claims"))
        if row.get("note"):
            parts.append(html.P(_text(lang, "periods", unit, row["start"], "note"), className="note"))
        if row.get("uncertainty"):
            parts.append(html.P([t(lang, "details.uncertain"), _text(lang, "periods", unit, row["start"], "uncertainty")],
                                className="uncertainty"))
        src = _sources(row.get("sources"))
        if src is not None:
            parts.append(html.Details([html.Summary(t(lang, "details.sources")), src]))
    precision = info.get("precision", "")
    parts.append(html.Dl([
        html.Dt(t(lang, "details.area")),
        html.Dd(t(lang, "details.area_value", area=format_number(info["area_km2"], lang))),
        html.Dt(t(lang, "details.border")),
        html.Dd([html.Strong(t(lang, "details.approximate" if precision == "approximate" else "details.close")),
                 t(lang, "punct.colon"), _text(lang, "units", unit, "precision_note")]),
    ], className="facts"))
    parts.append(html.H4(t(lang, "details.through_time")))
    parts.append(status_strip(atlas, unit, iso, lang))
    parts.append(html.Details([
        html.Summary(t(lang, "details.all_periods")),
        html.Ol([html.Li(f"{_range(p, lang)}{t(lang, 'punct.colon')}"
                         f"{data_text(lang, 'statuses', p['status'], 'label')[0]}")
                 for p in periods], className="periods"),
    ]))
    evs = [e for e in atlas.events if unit in (e.regions or [])]
    parts.append(html.H4(t(lang, "details.events")))
    if evs:
        parts.append(html.Ol([html.Li([
            html.Time(date_words(e.date, lang, e.date_precision), dateTime=figures.to_date(e.date).isoformat(),
                      className="event-date"), " ", html.Strong(_text(lang, "events", e.id, "title")),
            html.P(_text(lang, "events", e.id, "summary"), className="event-summary"),
            *trust.event_notes(e, lang), _sources(e.sources),
            trust.perspectives_button(atlas, e.id, lang)]) for e in evs], className="unit-events"))
    else:
        parts.append(html.P(t(lang, "details.no_events")))
    return html.Div(parts, className="details-body")


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
