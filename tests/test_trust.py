"""The 'Trust' views without a browser: reading the source, perspectives, the sources page, their callbacks."""
from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import Any

import geodata
import pytest
from geodata.claims import load_claims, load_perspectives
from geodata.i18n import translate
from geodata.publishers import KINDS, host_of, load_publishers

from dashboard import figures, trust
from dashboard.data import load_atlas


def _walk(node: Any) -> Iterator[Any]:
    """Every Dash component in a tree (lists and single children alike)."""
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from _walk(item)
        return
    if hasattr(node, "to_plotly_json"):
        yield node
        yield from _walk(getattr(node, "children", None))


def _text(node: Any) -> str:
    """All text in a tree, in order."""
    if isinstance(node, str):
        return node
    if isinstance(node, (int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return " ".join(_text(n) for n in node)
    if hasattr(node, "to_plotly_json"):
        return _text(getattr(node, "children", None))
    return ""


def _by_id(tree: Any) -> dict[str, Any]:
    return {c.id: c for c in _walk(tree) if getattr(c, "id", None)}


def _data_urls() -> set[str]:
    """Every URL the data cites, read straight from the data layer."""
    urls = {s["url"] for _, row in geodata.load_layer().iterrows() for s in row["sources"]}
    urls |= {s["url"] for e in geodata.load_events() for s in e.sources}
    claims = load_claims()
    urls.add(claims["source_text"]["url"])
    urls |= {s["url"] for c in claims["claims"] for s in c["sources"]}
    for m in load_perspectives().values():
        urls |= {s["url"] for s in m["facts_sources"]}
        urls |= {s["url"] for v in m["views"] for s in v["sources"]}
    return urls


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_sources_page_lists_every_cited_url_once(atlas, lang) -> None:
    content = trust.sources_content(atlas, lang)
    titles = [c.href for c in _walk(content) if "source-title" in (getattr(c, "className", "") or "")]
    expected = _data_urls()
    assert len(expected) > 100
    assert sorted(titles) == sorted(expected)        # every URL, each once
    for item in (c for c in _walk(content) if getattr(c, "className", None) == "source"):
        uses = [c for c in _walk(item) if getattr(c, "className", None) == "uses"]
        assert uses and uses[0].children, f"source without what it supports: {_text(item)[:80]}"


def test_sources_page_says_what_each_supports(atlas) -> None:
    sources = trust.cited_sources(atlas)
    kyakhta = next(e for e in atlas.events if e.id == "treaty_of_kyakhta_1915")
    uses = sources[kyakhta.sources[0]["url"]]["uses"]
    assert any("Treaty of Kyakhta" in u.text and u.text.startswith("Event:") for u in uses)
    claim = load_claims()["claims"][0]
    uses = sources[claim["sources"][0]["url"]]["uses"]
    assert any(u.href == f"#claim-{claim['id']}" for u in uses)
    view = load_perspectives()["plebiscite_1945"]["views"][0]
    uses = sources[view["sources"][0]["url"]]["uses"]
    assert any(u.href == "#perspectives-plebiscite_1945" for u in uses)
    row = atlas.periods["outer_mongolia"][0]
    uses = sources[row["sources"][0]["url"]]["uses"]
    assert any(u.text.startswith("Status: Outer Mongolia, 1689–") for u in uses)
    groups = {c.id for c in _walk(trust.sources_content(atlas)) if str(getattr(c, "id", "")).startswith("sources-")}
    assert {"sources-outer_mongolia", "sources-tuva", "sources-reading", "sources-perspectives"} <= groups


def test_sources_page_groups_by_kind_of_publisher_and_names_it(atlas) -> None:
    registry = load_publishers()
    seed_url = load_claims()["source_text"]["url"]
    for section in (c for c in _walk(trust.sources_content(atlas)) if getattr(c, "className", None) == "source-group"):
        kinds = [getattr(c, "data-kind") for c in _walk(section) if getattr(c, "className", None) == "source-list"]
        order = (*KINDS, "unlisted", "none")
        assert kinds == sorted(kinds, key=order.index), f"{section.id}: kinds out of order {kinds}"
        for item in (c for c in _walk(section) if getattr(c, "className", None) == "source"):
            url = next(c.href for c in _walk(item) if getattr(c, "className", None) == "source-title")
            publisher = _text([c for c in _walk(item) if getattr(c, "className", None) == "source-publisher"])
            host = host_of(url)
            if url == seed_url:
                assert getattr(item, "data-kind") == "none"
            elif host in registry:
                assert getattr(item, "data-kind") == registry[host]["kind"]
                assert publisher == registry[host]["publisher"]
            else:
                assert getattr(item, "data-kind") == "unlisted" and publisher.strip()
    zh = trust.sources_content(atlas, "zh")
    summary = next(c for c in _walk(zh) if getattr(c, "className", None) == "kind-summary")
    assert "百科全书" in _text(summary) and "按出版者类别" in _text(summary)


def test_reading_view_quotes_every_claim_in_order(atlas) -> None:
    claims = load_claims()
    content = trust.reading_content(atlas, "en")
    articles = [c for c in _walk(content) if str(getattr(c, "id", "")).startswith("claim-")]
    assert [a.id for a in articles] == [f"claim-{c['id']}" for c in claims["claims"]]
    for article, claim in zip(articles, claims["claims"]):
        text = _text(article)
        assert "A text circulating online says:" in text
        quotes = [c for c in _walk(article) if type(c).__name__ == "Blockquote"]
        assert len(quotes) == 1 and _text(quotes[0]).strip() == claim["quote"]
        assert translate("en", "claims", "verdicts", claim["verdict"]) in text
        assert claim["explanation"] in text
        hrefs = {c.href for c in _walk(article) if getattr(c, "href", None)}
        assert {s["url"] for s in claim["sources"]} <= hrefs
    ids = _by_id(content)
    assert ids["source-text-link"].href == claims["source_text"]["url"]
    for para in claims["paragraphs"]:
        if any(c["paragraph"] == para["n"] for c in claims["claims"]):
            assert para["summary"] in _text(ids[f"paragraph-{para['n']}"])


def test_dated_claims_point_at_the_right_slider_stop(atlas) -> None:
    content = trust.reading_content(atlas, "en")
    buttons = {b.to_plotly_json()["props"]["data-claim"]: b.to_plotly_json()["props"]
               for b in _walk(content) if "claim-map" in (getattr(b, "className", "") or "")}
    claims = load_claims()["claims"]
    dated = [c for c in claims if c["date"] is not None]
    assert set(buttons) == {c["id"] for c in dated}
    stops = atlas.data["stops"]
    for c in dated:
        props = buttons[c["id"]]
        stop = int(props["data-stop"])
        iso = c["date"].isoformat()
        assert stops[stop] <= iso and (stop + 1 == len(stops) or stops[stop + 1] > iso)
        assert bool(props["data-note"]) == (stops[stop] != c["date"].isoformat())
    # 17 November 1919 has no stop: the map shows the last one before it, and the button says so
    note = buttons["petition_november_17"]["data-note"]
    assert "17 November 1919" in note and "has no step of its own" in note


def test_each_moment_belongs_to_an_event(atlas) -> None:
    links = trust.moment_events(atlas)
    moments = load_perspectives()
    assert set(links) == set(moments)
    events = {e.id: e for e in atlas.events}
    for mid, event in links.items():
        assert event == moments[mid]["event"] and figures.to_date(events[event].date) == moments[mid]["date"], mid
    assert links["plebiscite_1945"] == "mongolian_plebiscite_1945"
    assert trust.perspectives_button(atlas, "mongolian_plebiscite_1945") is not None
    assert trust.perspectives_button(atlas, "nerchinsk_1689") is None


def test_perspectives_keep_facts_apart_from_attributed_views(atlas) -> None:
    ids = _by_id(trust.perspectives_content(atlas, "en"))
    for mid, moment in load_perspectives().items():
        article = ids[f"perspectives-{mid}"]
        assert article.hidden is True
        text = _text(article)
        assert text.index("Agreed facts") < text.index(moment["facts"]) < text.index("Views, by side")
        views = [c for c in _walk(article) if getattr(c, "className", None) == "view"]
        assert len(views) == len(moment["views"])
        for item, view in zip(views, moment["views"]):
            assert translate("en", "perspectives_sides", view["side"]) in _text(item)
            assert view["view"] in _text(item)
            hrefs = {c.href for c in _walk(item) if getattr(c, "href", None)}
            assert {s["url"] for s in view["sources"]} <= hrefs
        if moment["uncertainty"]:
            assert "Sources differ:" in text


def test_views_in_chinese_use_the_translations(atlas) -> None:
    reading = _text(trust.reading_content(atlas, "zh"))
    assert "网上流传的一篇文章说" in reading
    assert translate("zh", "claims", "verdicts", "wrong") in reading
    first = load_claims()["claims"][0]
    assert translate("zh", "claims", "items", first["id"], "explanation") in reading
    assert first["quote"] in reading                      # the quote stays in the text's own words
    panel = _text(trust.perspectives_content(atlas, "zh"))
    assert translate("zh", "perspectives", "plebiscite_1945", "facts") in panel
    assert translate("zh", "perspectives_sides", "prc") in panel


def test_layout_has_tabs_and_view_shells() -> None:
    from dashboard.app import app, server

    with server.test_request_context("/?lang=zh"):
        ids = _by_id(app.layout() if callable(app.layout) else app.layout)
    for view in trust.VIEWS:
        tab = ids[f"tab-{view}"].to_plotly_json()["props"]
        assert tab["role"] == "tab" and tab["aria-controls"] == f"{view}-view"
        assert f"{view}-view" in ids
    for view in ("reading", "sources"):
        props = ids[f"{view}-view"].to_plotly_json()["props"]
        assert props["hidden"] is True and props["data-src"].endswith(f"/trust/{view}") and props["data-lang"] == "zh"
    panel = ids["perspectives-panel"].to_plotly_json()["props"]
    assert json.loads(panel["data-events"])["mongolian_plebiscite_1945"] == "plebiscite_1945"
    assert panel["data-open-label"] == "各方怎么看"


def test_fragments_are_html_with_every_url() -> None:
    from dashboard.app import server

    client = server.test_client()
    resp = client.get("/trust/sources?lang=en")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    for url in _data_urls():
        assert f'href="{escape(url, quote=True)}"' in page, url
    assert "<script" not in page.lower()
    reading = client.get("/trust/reading?lang=zh").get_data(as_text=True)
    assert 'id="claim-treaty_signed_14_august"' in reading and "网上流传的一篇文章说" in reading
    perspectives = client.get("/trust/perspectives?lang=mn").get_data(as_text=True)
    assert 'id="perspectives-plebiscite_1945"' in perspectives


@pytest.mark.parametrize("path, status", [
    ("/trust/reading?lang=xx", 400), ("/trust/reading?lang=", 400), ("/trust/reading?lang=en&lang=zh", 200),
    ("/trust/nothing?lang=en", 404), ("/trust/sources?lang=%00", 400),
])
def test_fragment_route_refuses_bad_input(path, status) -> None:
    from dashboard.app import server

    resp = server.test_client().get(path)
    assert resp.status_code == status
    if status != 200:
        assert resp.is_json and "error" in resp.get_json()


def test_to_html_escapes_text_and_attributes() -> None:
    from dash import html

    out = trust.to_html(html.P(["<b>&", html.A("x", href='"><script>', className="c")], hidden=True))
    assert out == '<p hidden>&lt;b&gt;&amp;<a class="c" href="&quot;&gt;&lt;script&gt;">x</a></p>'
    with pytest.raises(TypeError):
        trust.to_html(html.Iframe(src="x"))


def test_reading_view_is_in_mongolian_and_chinese() -> None:
    """The claim explanations are shown in the page's language, with no English fallback left."""
    first = load_claims()["claims"][0]
    for lang, intro in (("mn", "Цахим орчинд тархсан нэгэн бичвэрт:"), ("zh", None)):
        reading = trust.fragment("reading", lang)
        if intro:
            assert intro in reading
        assert translate(lang, "claims", "verdicts", "wrong") in reading
        assert escape(translate(lang, "claims", "items", first["id"], "explanation"), quote=False) in reading
        assert escape(first["explanation"], quote=False) not in reading
        assert '<span lang="en">' not in reading


def test_details_panel_says_where_sources_differ(atlas) -> None:
    from dashboard.views import details

    state = atlas.data["stopState"][atlas.stop_of("1689-01-01")]
    panel = details.details_panel(atlas, "outer_mongolia", state, "en")
    text = _text(panel)
    row = atlas.periods["outer_mongolia"][0]
    assert f"Sources differ: {row['uncertainty']}" in text.replace("Sources differ:  ", "Sources differ: ")
    assert atlas.units["outer_mongolia"]["precision_note"] in text        # how the border was drawn
    # the events that changed the unit carry their calendar notes, disagreements and each side's view
    events = [e for e in atlas.events if "outer_mongolia" in (e.regions or [])]
    for e in events:
        if e.uncertainty:
            assert e.uncertainty in text
        if e.date_note:
            assert e.date_note in text
    buttons = [c for c in _walk(panel) if "perspectives-open" in (getattr(c, "className", "") or "")]
    linked = {m for m, ev in trust.moment_events(atlas).items() if ev in {e.id for e in events}}
    assert {b.to_plotly_json()["props"]["data-moment"] for b in buttons} == linked and linked
