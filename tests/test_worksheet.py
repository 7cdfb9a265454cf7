"""The worksheet and answer key (geodata/worksheet.yaml): its maps, its questions, and what validation catches."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import geodata
from geodata import validate
from geodata.claims import load_claims
from geodata.errors import DataError
from geodata.io import DATA_DIR
from geodata.tour import load_tour
from geodata.worksheet import MIN_QUESTIONS, load_worksheet
from tests.test_validate import DATA_FILES

EVENT_DATES = {e.id: e.date for e in geodata.load_events()}
CLAIMS = {c["id"]: c for c in load_claims()["claims"]}
CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _worksheet():
    return load_worksheet(event_dates=EVENT_DATES, claim_ids=set(CLAIMS))


def test_worksheet_prints_maps_of_tour_dates_oldest_first() -> None:
    sheet = _worksheet()
    tour_dates = {s.date for s in load_tour()}
    assert 4 <= len(sheet.maps) <= 8
    assert [m.date for m in sheet.maps] == sorted(m.date for m in sheet.maps)
    assert all(m.date in tour_dates for m in sheet.maps)     # each printed map is a stop the class has seen


def test_worksheet_has_questions_from_the_tour_and_the_source_text_in_three_languages() -> None:
    questions = _worksheet().questions
    assert len(questions) >= MIN_QUESTIONS
    origins = {q.origin for q in questions}
    assert origins == {"tour", "source_reading"}
    for q in questions:
        assert q.question["en"].endswith("?") and q.question["zh"].endswith("？") and q.question["mn"].endswith("?")
        assert CJK.search(q.question["zh"]) and CJK.search(q.answer["zh"]), q.id
        assert CYRILLIC.search(q.question["mn"]) and CYRILLIC.search(q.answer["mn"]), q.id
        assert not CJK.search(q.question["en"]), q.id
        assert len(q.answer["en"]) >= 40, q.id


def test_source_reading_questions_ask_about_the_texts_errors() -> None:
    source = [q for q in _worksheet().questions if q.origin == "source_reading"]
    assert len(source) >= 4
    wrong = [q for q in source if any(CLAIMS[c]["verdict"] in ("wrong", "garbled") for c in q.claims)]
    assert len(wrong) >= 3
    plebiscite = next(q for q in source if "referendum_2014" in q.claims)
    assert "October 20, 2014" in plebiscite.question["en"]
    assert "1945" in plebiscite.answer["en"] and "民国三十四年" in plebiscite.answer["zh"]
    # where the text gives a wrong year, the answer gives the year the claim's verdict gives
    for q in wrong:
        for cid in q.claims:
            claim = CLAIMS[cid]
            years = set(re.findall(r"\b1[6-9]\d\d|20\d\d\b", claim["quote"]))
            if claim["date"] is not None and years and str(claim["date"].year) not in years:
                assert str(claim["date"].year) in q.answer["en"], (q.id, cid)


def test_quotes_in_source_questions_are_the_texts_own_words() -> None:
    checked = 0
    for q in _worksheet().questions:
        if q.origin != "source_reading":
            continue
        quoted = re.findall(r"(?:(?<=\s)|^)'(.+?)'(?=[\s.,;:?]|$)", q.question["en"])
        for words in quoted:
            assert any(words in CLAIMS[c]["quote"] for c in q.claims), (q.id, words)
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("old, new, problem", [
    ("claims: [referendum_2014]", "claims: [no_such_claim]", "unknown claim ids ['no_such_claim']"),
    ("events: [treaty_of_kyakhta_1915]", "events: [nope_1915]", "unknown event ids ['nope_1915']"),
    ("- {date: '1860-11-14', event: peking_1860_russia}", "- {date: '1860-11-15', event: peking_1860_russia}",
     "is not the date of its event"),
    ("on_maps: ['1915-06-07']", "on_maps: ['1916-06-07']", "does not print"),
    ("  from: tour\n", "  from: textbook\n", "from: Input should be 'tour' or 'source_reading' (got 'textbook')"),
    ("claims: [area_1_8_million]", "claims: []", "names no claim"),
])
def test_broken_worksheet_raises_data_error_naming_the_file(tmp_path: Path, old: str, new: str, problem: str) -> None:
    text = (DATA_DIR / "worksheet.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "worksheet.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_worksheet(path, event_dates=EVENT_DATES, claim_ids=set(CLAIMS))
    assert "worksheet.yaml" in str(err.value) and problem in str(err.value)


def test_validate_reports_a_worksheet_naming_an_unknown_claim(tmp_path: Path) -> None:
    for name in DATA_FILES + ["worksheet.yaml", "calendars.yaml"]:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    path = tmp_path / "worksheet.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[referendum_2014]", "[no_such_claim]"), encoding="utf-8")
    found = validate.problems(tmp_path)
    assert len(found) == 1 and "worksheet.yaml" in found[0] and "no_such_claim" in found[0], found


def test_worksheet_missing_a_language_or_too_short_raises_data_error(tmp_path: Path) -> None:
    text = (DATA_DIR / "worksheet.yaml").read_text(encoding="utf-8")
    path = tmp_path / "worksheet.yaml"
    mn_line = next(line for line in text.split("\n") if line.startswith("    mn: "))
    path.write_text(text.replace(mn_line + "\n", "", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"worksheet\.yaml: question [a-z_0-9]+: question\.mn: is missing"):
        load_worksheet(path)
    head = text[:text.index("- id:", text.index("- id:") + 1)]      # the maps and one question only
    path.write_text(head, encoding="utf-8")
    with pytest.raises(DataError, match=r"has 1 questions; a worksheet needs at least 8"):
        load_worksheet(path)
