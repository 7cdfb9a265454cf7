"""Names on the map (issue 12 item 3, issue 10 item 3): region names inside their regions in the page's language,
called what they were called at the date, never colliding with each other or with event labels; screenshots at
1280x800, 390x844 and in the 640x480 embed, in en, zh and mn, under test-artifacts/maplabels/."""
from __future__ import annotations

import pytest

import geodata
from dashboard.data import load_atlas
from tests.conftest import ARTIFACTS, MAP_READY, finish_page, new_page

ATLAS = load_atlas()
OUT = ARTIFACTS / "maplabels"
SIZES = {"1280x800": ({"width": 1280, "height": 800}, ""), "390x844": ({"width": 390, "height": 844}, ""),
         "640x480-embed": ({"width": 640, "height": 480}, "&embed=1")}

# every shown label's screen box, whether it is a region name or an event's, and where a region name points
LABELS = """() => {
  const out = [];
  document.querySelectorAll('#map .labels text[data-unit]:not([display])').forEach(t => {
    const r = t.getBoundingClientRect();
    out.push({kind: 'region', unit: t.dataset.unit, text: t.dataset.name, shown: t.textContent, callout: t.classList.contains('callout'),
              box: [r.left, r.top, r.right, r.bottom]});
  });
  document.querySelectorAll('#map g.event.labelled text').forEach(t => {
    const r = t.getBoundingClientRect();
    out.push({kind: 'event', text: t.textContent, box: [r.left, r.top, r.right, r.bottom]});
  });
  return out;
}"""


def _open(pg, query: str) -> None:
    pg.goto(f"{pg.base}/{query}")
    pg.wait_for_selector(MAP_READY, timeout=15000)
    pg.wait_for_function("() => document.body.getAttribute('data-ready') === '1'", timeout=15000)
    pg.wait_for_function("() => document.querySelectorAll('#map .labels text[data-unit]:not([display])').length > 0",
                         timeout=10000)


def _unit_at(pg, x: float, y: float) -> str | None:
    """The region under a screen point (names may lie under an event marker, drawn over them)."""
    return pg.evaluate("([x, y]) => { const e = document.elementsFromPoint(x, y).find(n => n.matches('path.unit'));"
                       " return e ? e.dataset.unit : null; }", [x, y])


def _check(pg, iso: str, lang: str) -> list[dict]:
    """Labels shown: each names its unit as geodata.unit_name does; none overlap; each sits in its region."""
    labels = pg.evaluate(LABELS)
    assert labels, "no names on the map"
    for lab in labels:
        if lab["kind"] == "region":
            assert lab["text"] == geodata.unit_name(lab["unit"], iso, lang), lab
            assert lab["shown"].replace(" ", "") == lab["text"].replace(" ", ""), lab
    for n, a in enumerate(labels):
        for b in labels[n + 1:]:
            inter = (min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0]),
                     min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1]))
            assert inter[0] <= 1 or inter[1] <= 1, f"labels collide: {a} and {b}"
    for lab in labels:
        if lab["kind"] == "region" and not lab["callout"]:
            x0, y0, x1, y1 = lab["box"]
            assert _unit_at(pg, (x0 + x1) / 2, (y0 + y1) / 2) == lab["unit"], f"{lab} is not inside its region"
    return labels


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
@pytest.mark.parametrize("size", list(SIZES))
def test_names_on_the_map_at_each_size(browser, live_server, size, lang) -> None:
    viewport, extra = SIZES[size]
    pg = new_page(browser, live_server, viewport=viewport)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        for iso in ("1915-01-01", "1921-07-11", "1932-03-01", "1939-05-11", "1946-01-05"):
            _open(pg, f"?date={iso}&lang={lang}{extra}")
            pg.locator("#map").screenshot(path=str(OUT / f"map-{lang}-{size}-{iso[:4]}.png"))
            labels = _check(pg, iso, lang)
            named = {lab["unit"] for lab in labels if lab["kind"] == "region"}
            assert "outer_mongolia" in named, f"{iso}: Outer Mongolia is not named"
            if size == "1280x800":   # the regions the map is about at that date are named, inside or beside
                assert {"1915-01-01": {"tannu_uriankhai", "barga"}, "1932-03-01": {"tannu_uriankhai", "manchuria"}}.get(
                    iso, set()) <= named, named
    finally:
        finish_page(pg)


def test_names_follow_the_date_and_the_tooltip_says_a_claim_once(page) -> None:
    """Urga's state is the Bogd Khanate in 1923, the Mongolian People's Republic in 1925, in the label and the panel;
    zh calls it 外蒙古 before 1946, 蒙古人民共和国 after; the tooltip names a claim its status already states once."""
    for iso, lang, want in (("1923-01-01", "en", "Bogd Khanate of Mongolia"),
                            ("1925-01-01", "en", "Mongolian People's Republic"),
                            ("1940-01-01", "zh", "外蒙古（蒙古人民共和国）"), ("1950-01-01", "zh", "蒙古人民共和国"),
                            ("1993-01-01", "zh", "蒙古国"), ("1923-01-01", "mn", "Богд хаант Монгол Улс"),
                            ("1993-01-01", "mn", "Монгол Улс")):
        assert geodata.unit_name("outer_mongolia", iso, lang) == want
        _open(page, f"?date={iso}&lang={lang}&region=outer_mongolia")
        assert page.locator("#map .labels text[data-unit=outer_mongolia]").get_attribute("data-name") == want
        page.wait_for_function("w => (document.querySelector('#details-panel h3.unit-name') || {}).textContent === w",
                               arg=want, timeout=10000)
        table = page.locator("#text-view-body tr[data-unit=outer_mongolia] th").text_content()
        assert table == want
    # moving the slider across 1924-11-26 renames the region on the map and in the panel, without a reload
    _open(page, "?date=1924-11-25&region=outer_mongolia")
    page.locator("#date-slider [role=slider]").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#map .labels text[data-unit=outer_mongolia]').dataset.name"
                           " === \"Mongolian People's Republic\"", timeout=10000)
    page.wait_for_function("() => document.querySelector('#details-panel h3.unit-name').textContent"
                           " === \"Mongolian People's Republic\"", timeout=10000)
    # the tooltip: 1930 Outer Mongolia is "Independent in practice, claimed by China", claimed by the ROC
    _open(page, "?year=1930")
    box = page.locator("#map path.unit[data-unit=outer_mongolia]").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    page.wait_for_selector(".map-tip:not([hidden])")
    tip = page.inner_text(".map-tip")
    assert "Mongolian People's Republic" in tip
    assert tip.lower().count("claimed by") == 1, tip
