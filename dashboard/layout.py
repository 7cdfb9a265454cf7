"""The page's component tree, rendered at a given slider position."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from . import figures
from .data import Atlas

GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,
    "responsive": True,
    "modeBarButtons": [["zoomInGeo", "zoomOutGeo", "resetGeo"]],
    "doubleClick": False,
}


def slider_marks(atlas: Atlas) -> dict[int, str]:
    """Slider marks at the key years (positions are indices of 1 January of that year)."""
    stops = atlas.data["stops"]
    return {stops.index(f"{y}-01-01"): str(y) for y in figures.KEY_YEARS if f"{y}-01-01" in stops}


def change_text(data: dict[str, Any], stop: int) -> str:
    """Sentence about status changes at a slider position (mirrors changeText in assets/atlas.js)."""
    k = data["stopState"][stop]
    state = data["states"][k]
    if k > 0 and data["stops"][stop] == state["date"]:
        year = state["date"][:4]
        same_year = [i for i, s in enumerate(data["states"]) if s["date"][:4] == year and i > 0]
        parts = []
        for u, _old, new in state["changes"]:
            label = data["statuses"][new]["label"] if new >= 0 else "no data"
            parts.append(f"{data['unitNames'][u]}: {label}")
        count = f" (change {same_year.index(k) + 1} of {len(same_year)} in {year})" if len(same_year) > 1 else ""
        return "Changed on this date" + count + ": " + "; ".join(parts) + "."
    if k == 0:
        return "The map shows the status at the start of the atlas."
    return f"Last change: {figures.date_in_words(state['date'])}."


def _sources(sources: list[dict[str, str]] | None) -> Any:
    """A short list of source links."""
    items = [html.Li(html.A(s.get("title") or s.get("url"), href=s.get("url"), target="_blank",
                            rel="noopener noreferrer")) for s in (sources or []) if s.get("url")]
    return html.Ul(items, className="sources") if items else None


def legend() -> Any:
    """HTML legend: status colours, border line styles."""
    rows = [html.Li([html.Span(className="swatch" + (" hatched" if g["hatch"] else ""),
                               style={"backgroundColor": g["color"]}), g["label"]])
            for g in figures.STATUS_GROUPS]
    rows += [
        html.Li([html.Span(className="line-key border"), "China's border at this date"]),
        html.Li([html.Span(className="line-key border-approx"), "China's border, approximate"]),
        html.Li([html.Span(className="line-key ghost"), "Border before the last change"]),
        html.Li([html.Span(className="line-key approx"), "Dotted outline: approximate unit"]),
    ]
    return html.Ul(rows, className="legend", id="legend", **{"aria-label": "Map legend"})


def build_layout(atlas: Atlas, stop: int, play_ms: int) -> Any:
    """The page at a slider position (the URL may move it after load)."""
    data = atlas.data
    date_iso = data["stops"][stop]
    unit_options = [{"label": atlas.units[u]["name"], "value": u} for u in data["units"]]
    return html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="atlas-data", data=data),
        dcc.Store(id="state-index", data=data["stopState"][stop]),
        dcc.Store(id="selected-event", data=None),
        dcc.Store(id="details-request", data=None),
        dcc.Store(id="render-mode", data="client"),
        dcc.Store(id="server-request", data=None),
        dcc.Store(id="page-ready", data=False),
        dcc.Interval(id="play-interval", interval=play_ms, disabled=True, n_intervals=0),
        html.Header([
            html.H1("Northern Border Atlas"),
            html.P("China's northern frontier, 1689–2008: who held each region, and when the border moved.",
                   className="subtitle"),
        ], className="site-header"),
        html.Div(id="url-notice", className="notice", role="status"),
        html.Main([
            html.Section([
                html.Div([
                    html.H2(figures.date_in_words(date_iso), id="date-text", **{"aria-live": "polite"}),
                    html.P(change_text(data, stop), id="change-text"),
                ], className="date-block"),
                html.Div(dcc.Slider(id="year-slider", min=0, max=len(data["stops"]) - 1, step=1, value=stop,
                                    marks=slider_marks(atlas), updatemode="drag", allow_direct_input=False,
                                    included=False),
                         className="slider-wrap", **{"aria-label": "Year"}),
                html.Div([
                    html.Div([
                        html.Button("Play", id="play-button", n_clicks=0, className="btn primary",
                                    title="Play through time"),
                        html.Button("◀ Previous change", id="prev-change", n_clicks=0, className="btn",
                                    title="Go to the previous date at which a status changed"),
                        html.Button("Next change ▶", id="next-change", n_clicks=0, className="btn",
                                    title="Go to the next date at which a status changed"),
                    ], className="buttons"),
                    html.Div([
                        html.Span("Border shows what China", className="mode-label", id="mode-label"),
                        dcc.RadioItems(id="mode-switch", value="control", inline=True,
                                       options=[{"label": "controlled", "value": "control"},
                                                {"label": "claimed", "value": "claim"}],
                                       className="mode-switch", inputClassName="mode-input"),
                    ], className="mode-block"),
                ], className="controls"),
                html.Div(dcc.Graph(id="map", figure=figures.map_figure(data, atlas.units_fc, atlas.context_fc, stop),
                                   config=GRAPH_CONFIG, clear_on_unhover=True, style={"height": "100%"}),
                         className="map"),
                legend(),
            ], className="map-col"),
            html.Aside([
                html.Section([
                    html.Div([
                        html.H2("Region", className="panel-title"),
                        html.Button("Clear", id="clear-selection", n_clicks=0, className="btn small",
                                    title="Clear the selected region"),
                    ], className="panel-head"),
                    dcc.Dropdown(id="region-picker", options=unit_options, value=None, clearable=True,
                                 placeholder="Choose a region (or click the map)", className="region-picker"),
                    html.Div(html.P("No region selected. Click a region on the map, or choose one above.",
                                    className="empty"), id="details-panel", **{"aria-live": "polite"}),
                ], className="panel details"),
                html.Section([
                    html.H2("China's area", className="panel-title"),
                    html.Div([
                        dcc.Graph(id="area-chart", figure=figures.area_figure(data),
                                  config={"displayModeBar": False, "responsive": True}, style={"height": "100%"}),
                        html.Div(id="area-date", className="area-date", style={"--f": str(data["stopFrac"][stop])},
                                 **{"aria-hidden": "true"}),
                    ], className="area-chart"),
                ], className="panel"),
                html.Section([
                    html.H2("Events near this date", className="panel-title"),
                    html.Ol([], id="event-list", className="event-list"),
                ], className="panel"),
            ], className="side-col"),
        ], className="page"),
        html.Footer(html.P(["Borders are drawn from Natural Earth (public domain); dotted lines are approximate. ",
                            "Dates are Gregorian."]), className="site-footer"),
    ], className="app")


def _period_at(periods: list[dict[str, Any]], iso: str) -> dict[str, Any] | None:
    """The status row covering an ISO date."""
    return next((p for p in periods if p["start"] <= iso and (not p["end"] or iso < p["end"])), None)


def status_strip(atlas: Atlas, unit: str, iso: str) -> Any:
    """A small chart of a unit's status through time: coloured spans, the current date marked."""
    first = figures.FIRST_DATE.toordinal()
    span = figures.LAST_DATE.toordinal() - first
    segments = []
    for p in atlas.periods.get(unit, []):
        start = figures.to_date(p["start"]).toordinal()
        end = figures.to_date(p["end"]).toordinal() if p["end"] else figures.LAST_DATE.toordinal()
        group = figures.status_group(p["status"])
        until = figures.date_in_words(p["end"]) if p["end"] else "today"
        segments.append(html.Span(
            className="seg" + (" hatched" if group["hatch"] else ""),
            title=f"{figures.date_in_words(p['start'])} – {until}: {p['status_label']}",
            style={"left": f"{100 * (start - first) / span:.3f}%", "width": f"{100 * (end - start) / span:.3f}%",
                   "backgroundColor": group["color"]}))
    pos = 100 * (figures.to_date(iso).toordinal() - first) / span
    ticks = [html.Span(str(y), className="tick",
                       style={"left": f"{100 * (figures.dt.date(y, 1, 1).toordinal() - first) / span:.2f}%"})
             for y in (1700, 1800, 1900, 2000)]
    return html.Div([
        html.Div([*segments, html.Span(className="now", style={"left": f"{pos:.3f}%"})], className="strip",
                 role="img", **{"aria-label": "Status through time; the list below gives the same periods"}),
        html.Div(ticks, className="strip-ticks"),
    ], className="strip-wrap")


def details_panel(atlas: Atlas, unit: str | None, state_index: int) -> Any:
    """The details panel for a unit at a state (or the plain 'nothing selected' message)."""
    if not unit or unit not in atlas.units:
        return html.P("No region selected. Click a region on the map, or choose one above.", className="empty")
    info = atlas.units[unit]
    iso = atlas.data["states"][state_index]["date"]
    periods = atlas.periods.get(unit, [])
    row = _period_at(periods, iso)
    names = [n for n in (info.get("name_zh"), info.get("name_local")) if n]
    parts: list[Any] = [html.H3(info["name"], className="unit-name")]
    if names:
        parts.append(html.P(" · ".join(names), className="unit-names", lang="und"))
    if row is None:
        parts.append(html.P("No status recorded for this date."))
    else:
        group = figures.status_group(row["status"])
        until = f", until {figures.date_in_words(row['end'])}" if row["end"] else ""
        parts.append(html.P([html.Span(className="swatch" + (" hatched" if group["hatch"] else ""),
                                       style={"backgroundColor": group["color"]}),
                             html.Strong(row["status_label"])], className="status-line"))
        parts.append(html.P(f"Since {figures.date_in_words(row['start'])}{until}.", className="since"))
        claims = [atlas.claimants.get(c, {}).get("label", c) for c in row["claimed_by"].split(",") if c]
        parts.append(html.P("Claimed by: " + (", ".join(claims) if claims else "no other claimant recorded") + ".",
                            className="claims"))
        if row.get("note"):
            parts.append(html.P(row["note"], className="note"))
        if row.get("uncertainty"):
            parts.append(html.P(["Uncertain: ", row["uncertainty"]], className="uncertainty"))
        src = _sources(row.get("sources"))
        if src is not None:
            parts.append(html.Details([html.Summary("Sources for this status"), src]))
    precision = info.get("precision", "")
    parts.append(html.Dl([
        html.Dt("Area"), html.Dd(figures.format_area(info["area_km2"]) + " (as drawn)"),
        html.Dt("Border"), html.Dd([html.Strong("approximate" if precision == "approximate" else "close to historical"),
                                    ": " + (info.get("precision_note") or "")]),
    ], className="facts"))
    parts.append(html.H4("Status through time"))
    parts.append(status_strip(atlas, unit, iso))
    parts.append(html.Details([
        html.Summary("All periods"),
        html.Ol([html.Li(f"{figures.date_in_words(p['start'])} – "
                         f"{figures.date_in_words(p['end']) if p['end'] else 'today'}: {p['status_label']}")
                 for p in periods], className="periods"),
    ]))
    evs = [e for e in atlas.events if unit in (e.regions or [])]
    parts.append(html.H4("Events that changed it"))
    if evs:
        parts.append(html.Ol([html.Li([
            html.Time(figures.date_in_words(e.date, e.date_precision), dateTime=figures.to_date(e.date).isoformat(),
                      className="event-date"), " ", html.Strong(e.title), html.P(e.summary, className="event-summary"),
            _sources(e.sources)]) for e in evs], className="unit-events"))
    else:
        parts.append(html.P("No event in the atlas changed this region's status."))
    return html.Div(parts, className="details-body")
