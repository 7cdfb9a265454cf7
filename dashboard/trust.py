"""The 'Trust' views: reading the source text, each side's view of contested moments, and the sources page.

The page itself holds only the view tabs and empty shells (a few kB). The views' HTML is built here once per
process and language and served at GET /trust/<view>?lang=xx; assets/trust.js fetches it when a view is first
opened and only shows and hides things after that, so the slider path gains no work. (Rendering these views as
Dash components was tried: Dash took over 10 s in the browser to mount the ~1,200 components of the reading view.)
Data texts come through geodata.i18n in the page's language; English stand-ins are marked lang="en".
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import urlparse

import flask
from dash import Dash, html
from geodata.claims import load_claims, load_perspectives
from geodata.i18n import translate
from geodata.publishers import KINDS, load_publishers, publisher_of

from . import figures, urls
from .data import Atlas, load_atlas
from .i18n import LANGUAGES, data_text, t
from .i18n import date_words as i18n_date_words

VERDICT_MARKS = {"correct": "✓", "partly_correct": "◐", "wrong": "✗", "garbled": "≈", "opinion": "❝",
                 "unverified": "?", "contested": "⇄"}
VIEWS = ("map", "reading", "sources")
# Topics of the sources page, in page order: a topic gathers the units whose rows and events cite a source.
UNIT_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("outer_mongolia", ("outer_mongolia",)),
    ("tuva", ("tannu_uriankhai",)),
    ("manchuria", ("barga", "manchuria", "mengjiang")),
    ("amur", ("amur_left_bank", "sixty_four_villages", "primorye", "heixiazi")),
    ("northwest", ("northwest_cession", "ili", "xinjiang")),
    ("elsewhere", ("tibet", "taiwan", "china", "russia")),
)
OTHER_TOPICS = ("general", "perspectives", "reading")
TOPICS = tuple(t for t, _ in UNIT_TOPICS) + OTHER_TOPICS
# The map view is the page's existing <main>; these make it the first tab's panel.
# <main> keeps its landmark role (a tabpanel role would hide it from screen readers).
MAP_VIEW_PROPS = {"id": "map-view", "aria-labelledby": "tab-map"}


@dataclass(frozen=True)
class Use:
    """One place in the data that cites a source: what it is, where it sits, and an optional link inside the page."""

    topic: str
    text: str
    href: str = ""


@lru_cache(maxsize=1)
def load_trust() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The claims and the perspectives (read once per process)."""
    return load_claims(), load_perspectives()


@lru_cache(maxsize=1)
def publishers() -> dict[str, dict[str, str]]:
    """The publishers registry (read once per process)."""
    return load_publishers()


def ui(lang: str, key: str, **values: Any) -> str:
    """An interface text of these views (section `trust` of dashboard/i18n/<lang>.yaml)."""
    return t(lang, f"trust.{key}", **values)


def date_words(value: dt.date | str, precision: str = "day", lang: str = "en") -> str:
    """A date in words in the page's language ('20 October 1945', '1945年10月20日', ...)."""
    return i18n_date_words(figures.to_date(value), lang, precision)


def moment_events(atlas: Atlas) -> dict[str, str]:
    """Contested moment id -> the id of the event it belongs to (the moment's `event`; validate checks the dates)."""
    _claims, moments = load_trust()
    known = {e.id for e in atlas.events}
    return {mid: moment["event"] for mid, moment in moments.items() if moment["event"] in known}


def claim_stop(atlas: Atlas, when: dt.date) -> int:
    """The slider position for a claim's date: its own stop, else the last stop before it."""
    return atlas.stop_of(when.isoformat())


def _links(sources: Iterable[dict[str, str]], cls: str = "sources") -> Any:
    """A list of source links (titles as the data gives them), or None."""
    items = [html.Li(html.A(s.get("title") or s["url"], href=s["url"], target="_blank", rel="noopener noreferrer"))
             for s in sources if s.get("url")]
    return html.Ul(items, className=cls) if items else None


def _tr(lang: str, *path: str) -> Any:
    """A data text in the page's language; English marked lang="en" where the language has no translation yet."""
    text, fell_back = data_text(lang, *path)
    return html.Span(text, lang="en") if fell_back else text


def verdict_badge(verdict: str, lang: str) -> Any:
    """A verdict as a badge: symbol and words (colour only repeats them)."""
    label = translate(lang, "claims", "verdicts", verdict)
    return html.Span([html.Span(VERDICT_MARKS.get(verdict, "•"), className="verdict-mark", **{"aria-hidden": "true"}),
                      label], className=f"verdict verdict-{verdict}")


def view_tabs(lang: str = "en") -> Any:
    """The view switch: Map / Reading the source / Sources (buttons with tab roles; trust.js switches)."""
    tabs = [html.Button(ui(lang, f"tab_{v}"), id=f"tab-{v}", className="view-tab", role="tab", type="button",
                        tabIndex="0" if v == "map" else "-1",
                        **{"aria-selected": "true" if v == "map" else "false", "aria-controls": f"{v}-view",
                           "data-view": v})
            for v in VIEWS]
    return html.Nav(html.Div(tabs, role="tablist", className="view-tabs",
                             **{"aria-label": ui(lang, "views_label")}), className="view-switch")


def claim_return(lang: str = "en") -> Any:
    """The map view's note after following a claim: which claim moved the map, and a way back to it."""
    return html.Div([
        html.Span(ui(lang, "claim_return_lead"), className="claim-return-lead"), " ",
        html.Q("", id="claim-return-quote", lang="en"), " ",
        html.Span("", id="claim-return-note"), " ",
        html.Span([
            html.A(ui(lang, "claim_return_back"), id="claim-return-back", href="#reading-view", className="btn small"),
            html.Button(ui(lang, "close"), id="claim-return-close", type="button", className="btn small"),
        ], className="claim-return-actions"),
    ], id="claim-return", className="notice claim-return", role="status", hidden=True)


def _claim(atlas: Atlas, claim: dict[str, Any], lang: str) -> Any:
    """One claim: the quote as the text's words, our verdict, the explanation, sources, and a map button."""
    cid = claim["id"]
    gloss = translate(lang, "claims", "items", cid, "quote_gloss", default="") if lang != "en" else ""
    quote = [html.P(ui(lang, "text_says"), className="says"),
             html.Blockquote(html.P(claim["quote"]), lang="en", cite=load_trust()[0]["source_text"]["url"])]
    if gloss and gloss != claim["quote"]:
        quote.append(html.P([html.Span(ui(lang, "gloss_label") + " "), gloss], className="gloss"))
    body: list[Any] = [
        html.Div(quote, className="claim-quote"),
        html.P([html.Span(ui(lang, "verdict_label") + " ", className="verdict-lead"),
                verdict_badge(claim["verdict"], lang)],
               className="claim-verdict"),
        html.P(_tr(lang, "claims", "items", cid, "explanation"), className="claim-explanation"),
    ]
    links = _links(claim["sources"])
    if links is not None:
        body.append(html.Div([html.Span(ui(lang, "sources_label"), className="sources-lead"), links]))
    if claim["date"] is not None:
        stop = claim_stop(atlas, claim["date"])
        stop_iso = atlas.data["stops"][stop]
        when = date_words(claim["date"], claim["date_precision"], lang)
        note = "" if stop_iso == claim["date"].isoformat() else ui(
            lang, "snapped_note", date=when, shown=date_words(stop_iso, "day", lang))
        body.append(html.Button(ui(lang, "show_on_map", date=when), type="button", className="btn small claim-map",
                                **{"data-stop": str(stop), "data-date": claim["date"].isoformat(), "data-note": note,
                                   "data-claim": cid}))
    return html.Article(body, id=f"claim-{cid}", className=f"claim claim-{claim['verdict']}", tabIndex="-1")


def reading_content(atlas: Atlas, lang: str = "en") -> list[Any]:
    """'Reading the source': the text's checkable claims in its order, grouped by the paragraph they come from."""
    claims, moments = load_trust()
    src = claims["source_text"]
    counts = Counter(c["verdict"] for c in claims["claims"])
    intro = html.Div([
        html.H2(ui(lang, "reading_title"), id="reading-title"),
        html.P(ui(lang, "reading_intro")),
        html.Div([html.P(html.Strong(_tr(lang, "claims", "source_text", "title"))),
                  html.P([_tr(lang, "claims", "source_text", "description"), " ",
                          html.A(ui(lang, "open_text"), href=src["url"], target="_blank", rel="noopener noreferrer",
                                 id="source-text-link")])], className="source-text"),
        html.Ul([html.Li([verdict_badge(v, lang), html.Span(f" {counts.get(v, 0)} ", className="verdict-count"),
                          ui(lang, f"verdict_help_{v}")]) for v in VERDICT_MARKS],
                className="verdict-key", **{"aria-label": ui(lang, "verdict_counts")}),
        html.P(ui(lang, "map_hint")),
        html.P([ui(lang, "moments_lead"), " "] + _join([
            html.A(_tr(lang, "perspectives", mid, "title"), href=f"#perspectives-{mid}",
                   className="moment-link") for mid in moments]), className="moment-links"),
    ], className="reading-intro")
    sections = []
    for para in claims["paragraphs"]:
        n = para["n"]
        items = [_claim(atlas, c, lang) for c in claims["claims"] if c["paragraph"] == n]
        if not items:
            continue
        sections.append(html.Section([
            html.H3(ui(lang, "paragraph", n=n)),
            html.P([html.Span(ui(lang, "in_our_words") + " ", className="summary-lead"),
                    _tr(lang, "claims", "paragraphs", str(n), "summary")], className="paragraph-summary"),
            *items,
        ], className="paragraph", id=f"paragraph-{n}"))
    return [intro, *sections]


def _fragment_url(view: str) -> str:
    """Where the browser fetches a view's HTML (under Dash's path prefix when the page has one)."""
    return urls.trust(view)


def _shell(view: str, lang: str) -> Any:
    """An empty view: trust.js fetches its HTML on first opening (kept out of the page, which stays small)."""
    return html.Section(html.Div(id=f"{view}-body", className="trust-body", **{"data-loading": ui(lang, "loading")}),
                        id=f"{view}-view", className=f"trust-view {view}", role="tabpanel", hidden=True, tabIndex="-1",
                        **{"aria-labelledby": f"tab-{view}", "data-lang": lang, "data-src": _fragment_url(view),
                           "data-error": ui(lang, "load_error")})


def reading_view(lang: str = "en") -> Any:
    """The 'Reading the source' view as the page first holds it (its content comes on first opening)."""
    return _shell("reading", lang)


def sources_view(lang: str = "en") -> Any:
    """The Sources view as the page first holds it (its content comes on first opening)."""
    return _shell("sources", lang)


def _join(nodes: list[Any], sep: str = " · ") -> list[Any]:
    """Nodes with a separator between them."""
    out: list[Any] = []
    for i, node in enumerate(nodes):
        if i:
            out.append(sep)
        out.append(node)
    return out


def _moment(mid: str, moment: dict[str, Any], event: str, lang: str) -> Any:
    """One contested moment: agreed facts first, then each side's attributed view, each with sources."""
    parts: list[Any] = [
        html.H3(_tr(lang, "perspectives", mid, "title"), tabIndex="-1", className="moment-title"),
        html.P(html.Time(date_words(moment["date"], moment["date_precision"], lang),
                         dateTime=moment["date"].isoformat()), className="moment-date"),
    ]
    note = _tr(lang, "perspectives", mid, "date_note") if moment["date_note"] else ""
    if note:
        parts.append(html.P(note, className="date-note"))
    parts += [html.H4(ui(lang, "agreed_facts")),
              html.P(_tr(lang, "perspectives", mid, "facts"), className="facts-text")]
    links = _links(moment["facts_sources"])
    if links is not None:
        parts.append(links)
    if moment["uncertainty"]:
        parts.append(html.P([html.Strong(ui(lang, "sources_differ") + " "),
                             _tr(lang, "perspectives", mid, "uncertainty")], className="uncertainty"))
    parts.append(html.H4(ui(lang, "views_by_side")))
    parts.append(html.P(ui(lang, "views_note"), className="views-note"))
    views = []
    for n, view in enumerate(moment["views"], 1):
        who = _tr(lang, "perspectives", mid, "views", str(n), "who") if view["who"] else ""
        side = translate(lang, "perspectives_sides", view["side"])
        views.append(html.Li([
            html.P([html.Span(side, className=f"side side-{view['side']}"),
                    html.Span([" (", who, ")"], className="who") if who else None], className="view-side"),
            html.P(_tr(lang, "perspectives", mid, "views", str(n), "view"), className="view-text"),
            _links(view["sources"]),
        ], className="view", **{"data-side": view["side"]}))
    parts.append(html.Ul(views, className="views"))
    return html.Article(parts, id=f"perspectives-{mid}", className="moment", hidden=True,
                        **{"data-event": event, "data-moment": mid})


def perspectives_content(atlas: Atlas, lang: str = "en") -> list[Any]:
    """Every contested moment, each hidden until trust.js shows it."""
    _claims, moments = load_trust()
    links = moment_events(atlas)
    return [_moment(mid, m, links.get(mid, ""), lang) for mid, m in moments.items()]


def perspectives_panel(atlas: Atlas, lang: str = "en") -> Any:
    """The side panel 'How each side sees it' (its moments are fetched on first opening)."""
    events = {event: mid for mid, event in moment_events(atlas).items()}
    return html.Section([
        html.Div([html.H2(ui(lang, "perspectives_title"), className="panel-title", id="perspectives-title"),
                  html.Button(ui(lang, "close"), id="perspectives-close", type="button", className="btn small")],
                 className="panel-head"),
        html.Div(id="perspectives-body", className="trust-body", **{"data-loading": ui(lang, "loading")}),
    ], id="perspectives-panel", className="panel perspectives", hidden=True, tabIndex="-1",
        **{"aria-labelledby": "perspectives-title", "data-open-label": ui(lang, "perspectives_open"),
           "data-events": json.dumps(events, separators=(",", ":")), "data-lang": lang,
           "data-src": _fragment_url("perspectives"), "data-error": ui(lang, "load_error")})


def perspectives_button(atlas: Atlas, event_id: str, lang: str = "en") -> Any:
    """A 'How each side sees it' button for an event that is a contested moment (None otherwise)."""
    for mid, event in moment_events(atlas).items():
        if event == event_id:
            return html.Button(ui(lang, "perspectives_open"), type="button", className="btn small perspectives-open",
                               **{"data-moment": mid, "aria-controls": "perspectives-panel", "aria-expanded": "false"})
    return None


def event_notes(event: Any, lang: str = "en") -> list[Any]:
    """An event's calendar note and, where sources disagree, what they disagree on (for the details panel)."""
    out = []
    if event.date_note:
        out.append(html.P(_tr(lang, "events", event.id, "date_note"), className="date-note"))
    if event.uncertainty:
        out.append(html.P([html.Strong(t(lang, "events.uncertain")), _tr(lang, "events", event.id, "uncertainty")],
                          className="uncertainty"))
    return out


def _topics_of(units: Iterable[str]) -> list[str]:
    """The sources-page topics a set of unit ids belongs to."""
    units = set(units)
    return [topic for topic, members in UNIT_TOPICS if units & set(members)]


def _period_range(row: dict[str, Any]) -> str:
    """A status row's years, e.g. '1915–1919' or '1992–'."""
    end = row["end"][:4] if row["end"] else ""
    return f"{row['start'][:4]}–{end}"


def cited_sources(atlas: Atlas, lang: str = "en") -> dict[str, dict[str, Any]]:
    """Every distinct URL the product cites -> {"title", "publisher", "kind", "uses": [Use]}, in first-cited order.

    publisher and kind come from the publishers registry; the seed text, the text under examination and not a
    citation, has kind "none", and a host missing from the registry (which validate refuses) kind "unlisted".
    """
    claims, moments = load_trust()
    out: dict[str, dict[str, Any]] = {}

    def add(source: dict[str, str], use: Use, exempt: bool = False) -> None:
        """Record one citation of a source (each use once)."""
        url = (source.get("url") or "").strip()
        if url:
            known = ({"publisher": "", "kind": "none"} if exempt else
                     publisher_of(url, publishers()) or {"publisher": "", "kind": "unlisted"})
            entry = out.setdefault(url, {"title": source.get("title") or url, "publisher": known["publisher"],
                                         "kind": known["kind"], "uses": []})
            if use not in entry["uses"]:
                entry["uses"].append(use)

    for unit, rows in atlas.periods.items():
        topic = (_topics_of([unit]) or ["general"])[0]
        name = translate(lang, "units", unit, "name")
        for row in rows:
            text = f"{name}, {_period_range(row)}: {translate(lang, 'statuses', row['status'], 'label')}"
            for s in row.get("sources") or []:
                add(s, Use(topic, ui(lang, "use_status", text=text)))
    for e in atlas.events:
        topics = _topics_of(e.regions or []) or ["general"]
        text = ui(lang, "use_event", title=translate(lang, "events", e.id, "title"),
                  date=date_words(e.date, e.date_precision, lang))
        for s in e.sources or []:
            for topic in topics:
                add(s, Use(topic, text))
    add({"url": claims["source_text"]["url"], "title": claims["source_text"]["title"]},
        Use("reading", ui(lang, "use_source_text"), "#reading-view"), exempt=True)
    for c in claims["claims"]:
        words = c["quote"].split()
        short = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        for s in c["sources"]:
            add(s, Use("reading", ui(lang, "use_claim", quote=short), f"#claim-{c['id']}"))
    for mid, m in moments.items():
        title = translate(lang, "perspectives", mid, "title")
        for s in m["facts_sources"]:
            add(s, Use("perspectives", ui(lang, "use_facts", title=title), f"#perspectives-{mid}"))
        for v in m["views"]:
            side = translate(lang, "perspectives_sides", v["side"])
            for s in v["sources"]:
                add(s, Use("perspectives", ui(lang, "use_view", title=title, side=side), f"#perspectives-{mid}"))
    return out


def _topic_of(uses: list[Use]) -> str:
    """The topic a source is listed under: the one most of its uses belong to (page order breaks ties)."""
    count = Counter(u.topic for u in uses)
    return max(TOPICS, key=lambda t: (count.get(t, 0), -TOPICS.index(t)))


def _topic_label(topic: str, lang: str) -> str:
    """A topic heading: unit names for the map's regions, fixed words for the rest."""
    for name, units in UNIT_TOPICS:
        if name == topic:
            return " · ".join(translate(lang, "units", u, "name") for u in units)
    return ui(lang, f"topic_{topic}")


def _source_item(url: str, entry: dict[str, Any], lang: str) -> Any:
    """One source: its title as a link, its publisher, and what it supports."""
    uses = [html.Li(html.A(u.text, href=u.href) if u.href else u.text) for u in entry["uses"]]
    publisher = entry["publisher"] or (urlparse(url).hostname or url)
    return html.Li([
        html.A(entry["title"], href=url, target="_blank", rel="noopener noreferrer", className="source-title"),
        html.Span([" — ", html.Span(publisher, className="source-publisher")], className="source-host"),
        html.Div([html.Span(ui(lang, "supports"), className="supports-lead"), html.Ul(uses, className="uses")]),
    ], className="source", **{"data-kind": entry["kind"]})


def _kind_label(kind: str, lang: str) -> str:
    """A kind of publisher in words ('Encyclopedias', ..., 'The text under examination')."""
    return ui(lang, f"kind_{kind}")


def sources_content(atlas: Atlas, lang: str = "en") -> list[Any]:
    """The Sources page: every cited URL once, grouped by topic and within it by kind of publisher."""
    sources = cited_sources(atlas, lang)
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {t: [] for t in TOPICS}
    for url, entry in sources.items():
        groups[_topic_of(entry["uses"])].append((url, entry))
    kinds = (*KINDS, "unlisted", "none")
    sections = []
    for topic in TOPICS:
        if not groups[topic]:
            continue
        parts: list[Any] = [html.H3(f"{_topic_label(topic, lang)} ({len(groups[topic])})")]
        for kind in kinds:
            entries = sorted((item for item in groups[topic] if item[1]["kind"] == kind),
                             key=lambda item: item[1]["title"].casefold())
            if entries:
                parts += [html.H4(f"{_kind_label(kind, lang)} ({len(entries)})", className="kind-title"),
                          html.Ul([_source_item(url, e, lang) for url, e in entries], className="source-list",
                                  **{"data-kind": kind})]
        sections.append(html.Section(parts, id=f"sources-{topic}", className="source-group"))
    counts = Counter(e["kind"] for e in sources.values())
    summary = [f"{_kind_label(k, lang)}: {counts[k]}" for k in (*KINDS, "unlisted") if counts.get(k)]
    return [
        html.H2(ui(lang, "sources_title")),
        html.P(ui(lang, "sources_intro", n=len(sources))),
        html.P([html.Strong(ui(lang, "kinds_lead") + " "), " · ".join(summary)], className="kind-summary"),
        html.Nav(html.Ul([html.Li(html.A(_topic_label(t, lang), href=f"#sources-{t}")) for t in TOPICS if groups[t]],
                         className="topic-nav"), **{"aria-label": ui(lang, "topics_label")}),
        *sections,
    ]


FRAGMENTS = {"reading": reading_content, "sources": sources_content, "perspectives": perspectives_content}
# Attribute names Dash spells in camelCase, as HTML spells them.
_ATTRS = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex", "dateTime": "datetime"}
_TAGS = {"A", "Article", "Blockquote", "Button", "Details", "Div", "H2", "H3", "H4", "Li", "Nav", "P", "Q", "Section",
         "Span", "Strong", "Summary", "Time", "Ul"}


def to_html(node: Any) -> str:
    """HTML for a tree of dash.html components (text escaped; only the tags these views use)."""
    if node is None:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(n) for n in node)
    if isinstance(node, (str, int, float)):
        return escape(str(node), quote=False)
    name = type(node).__name__
    if name not in _TAGS:
        raise TypeError(f"to_html: unexpected component {name}")
    attrs = []
    for key, value in node.to_plotly_json()["props"].items():
        if key == "children" or value is None or value is False:
            continue
        attr = _ATTRS.get(key, key)
        attrs.append(f" {attr}" if value is True else f' {attr}="{escape(str(value), quote=True)}"')
    tag = name.lower()
    return f"<{tag}{''.join(attrs)}>{to_html(getattr(node, 'children', None))}</{tag}>"


@lru_cache(maxsize=len(FRAGMENTS) * len(LANGUAGES))
def fragment(view: str, lang: str) -> str:
    """A view's HTML in a language (built once per process and language)."""
    return to_html(FRAGMENTS[view](load_atlas(), lang))


def register(app: Dash) -> None:
    """Serve the views' HTML at /trust/<view>?lang=xx (trust.js fetches it when a view is first opened)."""

    @app.server.route(urls.route(urls.TRUST + "<view>"))
    def _trust_fragment(view: str) -> flask.Response:
        """One view's HTML; 404 for an unknown view, 400 for an unknown language."""
        lang = flask.request.args.get("lang", "en")
        if view not in FRAGMENTS:
            flask.abort(404, description="no such view")
        if lang not in LANGUAGES:
            flask.abort(400, description="unknown language")
        response = flask.Response(fragment(view, lang), mimetype="text/html")
        response.headers["Cache-Control"] = "public, max-age=600"
        return response
