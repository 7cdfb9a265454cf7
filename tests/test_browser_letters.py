"""As a reader sees it: the share of letters in the page's own script (Cyrillic on the Mongolian page, Han on the
Chinese one) on a map page with a region selected and on "Reading the source"; screenshots in test-artifacts/babel/.

Only letters count (not digits or punctuation), in the text the page displays (`document.body.innerText`). What is
not in the page's script is sorted into what may stay so (a source's own title, the quoted words of the text under
review, both marked lang="en" or in a source list) and the rest, which should be next to nothing.
"""
from __future__ import annotations

import json

import pytest

from tests.conftest import ARTIFACTS, open_app

SCRIPT = {"mn": r"\p{Script=Cyrillic}", "zh": r"\p{Script=Han}"}
# Letters of another script may stay (`allowed` below) in the titles of cited works (in their own language), the
# quoted words of the text under review, and what is marked as another language (the language links, a unit's names
# in the other page languages).
# Thresholds a little under what was measured on 2026-12-01 (printed with -s: mn map 87.0%, zh map 65.8%, mn reading
# 71.0%, zh reading 41.4%; a Han character is one letter, an English word several, so the Chinese shares look low).
# Nearly all the rest is source titles; outside them the page's script is almost everything (measured: mn map 99.5%,
# zh map 98.7%: Natural Earth, admin-0, PNG, GeoJSON, CSV, VIII; mn reading 99.5%: Chinese terms the explanations
# quote; zh reading 93.0%: the English words of the machine translation that the explanations discuss, such as
# "Coulomb" for Kulun, and names given in romanisation beside their Chinese form).
MIN_SHARE = {("mn", "map"): 0.85, ("zh", "map"): 0.60, ("mn", "reading"): 0.65, ("zh", "reading"): 0.35}
MIN_SHARE_OUTSIDE_OWN_WORDS = {("mn", "map"): 0.99, ("zh", "map"): 0.98, ("mn", "reading"): 0.99,
                               ("zh", "reading"): 0.90}

MEASURE = """(args) => {
    const own = new RegExp(args.script, "u"), letter = /\\p{L}/gu;
    const count = (text) => { let all = 0, mine = 0;
        for (const c of text.match(letter) || []) { all += 1; if (own.test(c)) { mine += 1; } } return {all, mine}; };
    const whole = count(document.body.innerText);
    // the same text by text node, to say where letters of another script sit
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const kept = {all: 0, mine: 0}, rest = {all: 0, mine: 0}, words = {}, keptWords = {};
    const pageLang = document.documentElement.lang;
    const kinds = {titles: 0, quotes: 0, tagged: 0};   // letters not in the page's script, by why they may stay
    const allowed = (el) => {
        if (el.closest(".sources a")) { return "titles"; }
        if (el.closest("blockquote")) { return "quotes"; }
        const tagged = el.closest("[lang]");
        return tagged !== null && tagged !== document.documentElement && tagged.lang !== pageLang ? "tagged" : "";
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) { continue; }
        if (el.closest("script, style, noscript, template")) { continue; }
        const kind = allowed(el), c = count(n.textContent), bucket = kind ? kept : rest;
        const seen = bucket === rest ? words : keptWords;
        bucket.all += c.all; bucket.mine += c.mine;
        if (kind) { kinds[kind] += c.all - c.mine; }
        for (const w of n.textContent.match(/[\\p{L}]+/gu) || []) {
            if (!own.test(w)) { seen[w] = (seen[w] || 0) + w.length; }
        }
    }
    return {whole, kept, rest, words, keptWords, kinds};
}"""


def _shots(pg, lang: str, where: str, part: str) -> None:
    """The first screen, the whole page, and one part of it up close."""
    folder = ARTIFACTS / "babel"
    folder.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(folder / f"letters-{lang}-{where}.png"))
    pg.screenshot(path=str(folder / f"letters-{lang}-{where}-full.png"), full_page=True)
    pg.locator(part).screenshot(path=str(folder / f"letters-{lang}-{where}-part.png"))


def _measure(pg, lang: str) -> dict:
    return pg.evaluate(MEASURE, {"script": SCRIPT[lang]})


def _report(lang: str, where: str, m: dict) -> float:
    share = m["whole"]["mine"] / m["whole"]["all"]
    foreign = m["whole"]["all"] - m["whole"]["mine"]
    kept_foreign = m["kept"]["all"] - m["kept"]["mine"]
    top = sorted(m["words"].items(), key=lambda kv: -kv[1])[:25]
    kept_top = sorted(m["keptWords"].items(), key=lambda kv: -kv[1])[:12]
    rest = m["rest"]
    print(f"\n[letters] {lang} {where}: {m['whole']['mine']} of {m['whole']['all']} letters in the page's script "
          f"({share:.1%}); of the {foreign} others, {kept_foreign} in source titles, quotes and other-language "
          f"names ({json.dumps(m['kinds'])}; most: {json.dumps(kept_top, ensure_ascii=False)}); "
          f"outside those {rest['mine']} of {rest['all']} "
          f"({rest['mine'] / rest['all']:.1%}), other words (letters): {json.dumps(top, ensure_ascii=False)}")
    (ARTIFACTS / "babel").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "babel" / f"letters-{lang}-{where}.json").write_text(
        json.dumps({"share": share, **m}, ensure_ascii=False, indent=1), encoding="utf-8")
    return share


def _check(lang: str, where: str, m: dict) -> None:
    share = _report(lang, where, m)
    assert share >= MIN_SHARE[(lang, where)], f"{lang} {where}: {share:.1%} of the letters are in the page's script"
    rest = m["rest"]
    outside = rest["mine"] / rest["all"]
    assert outside >= MIN_SHARE_OUTSIDE_OWN_WORDS[(lang, where)], (
        f"{lang} {where}: outside source titles and quotes only {outside:.1%} of the letters are in the page's "
        f"script; other words: {sorted(m['words'].items(), key=lambda kv: -kv[1])[:15]}")


@pytest.mark.parametrize("lang", ["mn", "zh"])
def test_map_page_with_a_region_is_in_the_pages_script(page, lang: str) -> None:
    open_app(page, f"?lang={lang}&year=1921&region=outer_mongolia")
    page.wait_for_function("() => document.querySelector('#details-panel dl, #details-panel h3') !== null",
                           timeout=15000)
    page.wait_for_function("() => document.querySelector('#map path.unit.is-selected') !== null", timeout=10000)
    _shots(page, lang, "map", "#details-panel")
    _check(lang, "map", _measure(page, lang))


@pytest.mark.parametrize("lang", ["mn", "zh"])
def test_reading_the_source_is_in_the_pages_script(page, lang: str) -> None:
    open_app(page, f"?lang={lang}&year=1921")
    page.click("#tab-reading")
    page.wait_for_selector("#reading-view article.claim", timeout=15000)
    _shots(page, lang, "reading", "#reading-view article.claim >> nth=2")
    _check(lang, "reading", _measure(page, lang))
