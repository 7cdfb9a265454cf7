"""Dates and numbers by Babel (CLDR): geodata.cldr in Python, and the browser model writing them the same way."""
from __future__ import annotations

import datetime as dt
import re
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dashboard.i18n import LANGUAGES, date_words, format_number, js_strings
from geodata import cldr
from geodata.io import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
# Runs nba_model.js on a JSON job from stdin: {ui, dates: [[iso, precision]], numbers: [...]}.
NODE_JOB = """
const M = require(process.argv[1]);
let raw = "";
process.stdin.on("data", (c) => { raw += c; });
process.stdin.on("end", () => {
    const job = JSON.parse(raw);
    process.stdout.write(JSON.stringify({
        dates: job.dates.map(([iso, p]) => M.words(iso, p, job.ui)),
        numbers: job.numbers.map((n) => M.number(n, job.ui)),
    }));
});
"""


def run_model(ui: dict | None, day_list: list[tuple[str, str]], number_list: list[float]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: install Node.js 18 or later to test the browser model")
    job = json.dumps({"ui": ui, "dates": day_list, "numbers": number_list})
    out = subprocess.run([node, "-e", NODE_JOB, str(ROOT / "assets" / "nba_model.js")], input=job,
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout)


def atlas_dates() -> list[tuple[str, str]]:
    """Every date the page writes in words (slider stops, events at their precision), plus each month's first and
    last day in a leap and a common year and the years at both ends."""
    timeline = json.loads((DATA_DIR / "page" / "timeline.json").read_text(encoding="utf-8"))
    out = [(s, "day") for s in timeline["stops"]] + [(e["date"], e["precision"]) for e in timeline["events"]]
    for year in (1700, 1912):
        for month in range(1, 13):
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            out += [(f"{year}-{month:02d}-01", p) for p in cldr.PRECISIONS] + [(f"{year}-{month:02d}-{last}", "day")]
    return out + [("1689-01-01", "year"), ("2008-12-31", "day")]


NUMBERS = [0, 7, 999, 1000, 12345.4, 123456, 1564116, 9876543210, -4321, 2.5, 3.5, -2.5, 1564115.5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_writes_dates_and_numbers_as_babel(lang: str) -> None:
    """The browser's words() and number() on the page config's CLDR data give exactly what Babel gives."""
    days = atlas_dates()
    got = run_model(js_strings(lang), days, NUMBERS)
    want_dates = [date_words(iso, lang, p) for iso, p in days]
    wrong = [(d, g, w) for d, g, w in zip(days, got["dates"], want_dates) if g != w]
    assert not wrong, wrong[:5]
    assert got["numbers"] == [format_number(n, lang) for n in NUMBERS]


def test_browser_fallback_is_babels_english() -> None:
    """Without a page config the model writes English; its built-in copy of the en_GB data is Babel's."""
    days = atlas_dates()
    got = run_model(None, days, NUMBERS)
    assert got["dates"] == [date_words(iso, "en", p) for iso, p in days]
    assert got["numbers"] == [format_number(n, "en") for n in NUMBERS]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_patterns_use_only_fields_the_browser_knows(lang: str) -> None:
    for precision, pattern in cldr.date_patterns(lang).items():
        assert _fields(pattern) <= cldr.BROWSER_FIELDS, (lang, precision, pattern)


def _fields(pattern: str) -> set[str]:
    """The field letters of a CLDR pattern, outside quoted literals."""
    out, quoted = set(), False
    for c in pattern:
        if c == "'":
            quoted = not quoted
        elif c.isascii() and c.isalpha() and not quoted:
            out.add(c)
    return out


def test_the_chosen_formats_read_naturally() -> None:
    """The formats chosen per language (geodata.cldr.DATE_STYLE), as a reader sees them."""
    assert [date_words("1911-12-29", lang) for lang in LANGUAGES] == [
        "29 December 1911", "1911年12月29日", "1911\u202fоны 12-р сарын 29"]
    assert [date_words("1921-03-18", lang, "month") for lang in LANGUAGES] == [
        "March 1921", "1921年3月", "1921\u202fоны 3-р сар"]
    assert [date_words("1689-06-01", lang, "year") for lang in LANGUAGES] == ["1689", "1689年", "1689"]
    assert [format_number(1564116.3, lang) for lang in LANGUAGES] == ["1,564,116"] * 3


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        cldr.format_date("1911-12-29", "fr")


# Texts written by hand (data texts, tour, worksheet, interface) must date things as Babel does for the page.
HAND_WRITTEN = {"mn": ("geodata/i18n/mn.yaml", "geodata/tour.yaml", "geodata/worksheet.yaml", "dashboard/i18n/mn.yaml"),
                "zh": ("geodata/i18n/zh.yaml", "geodata/tour.yaml", "geodata/worksheet.yaml", "dashboard/i18n/zh.yaml")}
NOT_CLDR = {
    # "12 дугаар сарын" (the long ordinal) where CLDR writes "12-р сарын"; era years take the same short form
    "mn": re.compile(r"\d+\s+(?:дугаар|дүгээр)\s+(?:сар|он)(?:ын|ы|д|аас|оос|тай)?\b"),
    # 1911年05月, 1911 年 12 月, 1911.12.29 where CLDR writes 1911年12月29日
    "zh": re.compile(r"[年月]0\d|\d\s+[年月日]|[年月]\s+\d|\b1[6-9]\d\d[./]\d{1,2}[./]\d{1,2}\b"),
}


@pytest.mark.parametrize("lang", ["mn", "zh"])
def test_hand_written_texts_date_as_cldr_does(lang: str) -> None:
    found = [(name, m.group(0)) for name in HAND_WRITTEN[lang]
             for m in NOT_CLDR[lang].finditer((ROOT / name).read_text(encoding="utf-8"))]
    assert found == [], found[:10]
    day = date_words("1911-12-29", lang).replace("\u202f", " ")
    assert day in (ROOT / HAND_WRITTEN[lang][0]).read_text(encoding="utf-8")   # the style the texts use is Babel's
