"""The region panel: the region picker and the details of the selected region at the map's date (the server
renders it in the page's language; callbacks.show_details and the static export call `details_panel`)."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from .. import figures, trust
from ..data import Atlas
from ..i18n import data_text, date_words, format_number, t
from .common import data_span, source_links


def region_panel(atlas: Atlas, unit: str | None, state: int, lang: str) -> Any:
    """The panel: heading, Clear, the region picker and the details (or the 'nothing selected' message)."""
    names = atlas.texts[lang]["units"]
    options = [{"label": name, "value": u} for u, name in zip(atlas.data["units"], names)]
    details = details_panel(atlas, unit, state, lang) if unit else html.P(t(lang, "panel.empty"), className="empty")
    return html.Section([
        html.Div([
            html.H2(t(lang, "panel.region"), className="panel-title", id="region-heading"),
            html.Button(t(lang, "panel.clear"), id="clear-selection", n_clicks=0, className="btn small",
                        title=t(lang, "panel.clear_title")),
        ], className="panel-head"),
        dcc.Dropdown(id="region-picker", options=options, value=unit, clearable=True,
                     placeholder=t(lang, "panel.picker"), className="region-picker"),
        html.Div(details, id="details-panel"),
    ], className="panel details", **{"aria-labelledby": "region-heading"})


def _period_at(periods: list[dict[str, Any]], iso: str) -> dict[str, Any] | None:
    """The status row covering an ISO date."""
    return next((p for p in periods if p["start"] <= iso and (not p["end"] or iso < p["end"])), None)


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
            parts.append(html.P(data_span(lang, "periods", unit, row["start"], "note"), className="note"))
        if row.get("uncertainty"):
            parts.append(html.P([t(lang, "details.uncertain"), data_span(lang, "periods", unit, row["start"], "uncertainty")],
                                className="uncertainty"))
        src = source_links(row.get("sources"))
        if src is not None:
            parts.append(html.Details([html.Summary(t(lang, "details.sources")), src]))
    precision = info.get("precision", "")
    parts.append(html.Dl([
        html.Dt(t(lang, "details.area")),
        html.Dd(t(lang, "details.area_value", area=format_number(info["area_km2"], lang))),
        html.Dt(t(lang, "details.border")),
        html.Dd([html.Strong(t(lang, "details.approximate" if precision == "approximate" else "details.close")),
                 t(lang, "punct.colon"), data_span(lang, "units", unit, "precision_note")]),
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
                      className="event-date"), " ", html.Strong(data_span(lang, "events", e.id, "title")),
            html.P(data_span(lang, "events", e.id, "summary"), className="event-summary"),
            *trust.event_notes(e, lang), source_links(e.sources),
            trust.perspectives_button(atlas, e.id, lang)]) for e in evs], className="unit-events"))
    else:
        parts.append(html.P(t(lang, "details.no_events")))
    return html.Div(parts, className="details-body")
