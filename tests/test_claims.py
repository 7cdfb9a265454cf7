"""The 'Reading the source' claims and the perspectives: quotes match the source text, and every verdict,
view and date is well-formed and sourced. A broken data file stops the load with a message naming it."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from geodata import claims as claims_mod
from geodata.claims import (MOMENTS, SIDES, VERDICTS, load_claims, load_perspectives, quote_positions,
                            seed_text)
from geodata.dates import FIRST, LAST
from geodata.errors import DataError
from geodata.io import DATA_DIR

SEED = seed_text()
needs_seed = pytest.mark.skipif(
    SEED is None, reason=f"seed folder {claims_mod.SEED_DIR} is absent, so quotes cannot be checked against the "
                         "source text (it is present in CI)")


@pytest.fixture(scope="module")
def claims() -> dict:
    return load_claims()


@pytest.fixture(scope="module")
def perspectives() -> dict:
    return load_perspectives()


@needs_seed
def test_every_quote_occurs_in_the_seed_text(claims):
    missing = [c["id"] for c in claims["claims"] if c["quote"] not in SEED]
    assert missing == []


@needs_seed
def test_claims_follow_the_text_order_and_paragraphs(claims):
    positions = quote_positions(claims, SEED)
    assert positions == sorted(positions)
    assert len(claims["paragraphs"]) == len(SEED.split("\n"))


def test_seed_file_named_in_claims_is_the_one_read(claims):
    assert claims["source_text"]["file"] == claims_mod.SEED_FILE
    assert claims["source_text"]["url"].startswith("http")


def test_every_claim_has_a_known_verdict_and_a_source(claims):
    assert claims["claims"]
    for c in claims["claims"]:
        assert c["verdict"] in VERDICTS, c["id"]
        assert c["sources"] and all(s["url"].startswith(("http://", "https://")) for s in c["sources"]), c["id"]
        assert c["explanation"], c["id"]
        assert 1 <= c["paragraph"] <= len(claims["paragraphs"]), c["id"]


def test_contested_claims_cite_two_sources(claims):
    contested = [c for c in claims["claims"] if c["verdict"] == "contested"]
    assert contested
    assert all(len(c["sources"]) >= 2 for c in contested)


def test_claim_dates_parse_and_lie_in_range(claims):
    dated = [c for c in claims["claims"] if c["date"] is not None]
    assert dated
    for c in dated:
        assert isinstance(c["date"], dt.date) and FIRST <= c["date"] <= LAST, c["id"]


def test_known_errors_of_the_text_are_flagged(claims):
    by_quote = {c["quote"]: c for c in claims["claims"]}
    referendum = next(c for q, c in by_quote.items() if "October 20, 2014" in q)
    assert referendum["verdict"] == "wrong" and referendum["date"] == dt.date(1945, 10, 20)
    assert any("Coulomb" in q and c["verdict"] == "garbled" for q, c in by_quote.items())
    # right date, mislabelled figure: the 97.8% is the preliminary count, not the result
    share = next(c for q, c in by_quote.items() if "97.8%" in q)
    assert share["verdict"] == "partly_correct" and share["date"] == dt.date(1945, 10, 20)
    assert "partly_correct" in VERDICTS


def test_every_moment_has_facts_and_sourced_views(perspectives):
    assert list(perspectives) == list(MOMENTS)
    for mid, moment in perspectives.items():
        assert isinstance(moment["date"], dt.date) and FIRST <= moment["date"] <= LAST, mid
        assert moment["facts"], mid
        assert moment["views"], mid
        for view in moment["views"]:
            assert view["side"] in SIDES, mid
            assert view["view"], mid
            assert view["sources"] and all(s["url"].startswith(("http://", "https://")) for s in view["sources"]), mid


def test_moments_show_several_sides(perspectives):
    for mid, moment in perspectives.items():
        assert len({v["side"] for v in moment["views"]}) >= 3, mid


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in ("claims.yaml", "perspectives.yaml"):
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _replace_once(path, old: str, new: str) -> None:
    """Corrupt a copied data file by replacing the first occurrence of a string that must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, problem", [
    ("verdict: wrong", "verdict: probably", r"unknown verdict 'probably'"),
    ("date: '1945-08-09'", "date: '1945-13-09'", r"is not an ISO date"),
    ("date: '1945-08-09'", "date: '2014-10-20'", r"outside 1689-01-01\.\.2008-12-31"),
    ("url: https://", "url: ftp://", r"claim [a-z_]+: sources\.#1\.url: 'ftp://\S+' is not an http\(s\) address"),
    ("paragraph: 12", "paragraph: 99", r"paragraph 99 is not one of"),
    ("claims:\n", "claims:\n  - [broken\n", r"is not valid YAML"),
    ("  about:\n  - '", "  about:\n  - 'Not An Id ", r"about\.#1: 'Not An Id \w+' is not an event id or a 'unit:YYYY-MM-DD' row"),
    ("claimed_date: '1945-08-14'", "claimed_date: 'soon'", r"claim [a-z_]+: claimed_date: 'soon' is not an ISO date"),
])
def test_corrupted_claims_raise_data_error_naming_the_file(data_copy, old, new, problem):
    _replace_once(data_copy / "claims.yaml", old, new)
    with pytest.raises(DataError, match=r"claims\.yaml: .*" + problem):
        load_claims(data_copy)


def test_contested_claim_with_one_source_is_refused(data_copy):
    path = data_copy / "claims.yaml"
    data = path.read_text(encoding="utf-8")
    start = data.index("verdict: contested")
    sources = data.index("  sources:\n", start)
    second = data.index("  - title:", data.index("  - title:", sources) + 1)
    end = data.index("- id:", second)
    path.write_text(data[:second] + data[end:], encoding="utf-8")
    with pytest.raises(DataError, match=r"claims\.yaml: .*contested but cites fewer than two sources"):
        load_claims(data_copy)


def test_missing_claims_file_is_named(data_copy):
    (data_copy / "claims.yaml").unlink()
    with pytest.raises(DataError, match=r"claims\.yaml: file is missing"):
        load_claims(data_copy)


@pytest.mark.parametrize("old, new, problem", [
    ("- side: prc", "- side: usa", r"unknown side 'usa'"),
    ("taiwan_2002:", "taiwan_2003:", r"unknown moment ids \['taiwan_2003'\]"),
    ("date: '1953-02-24'", "date: 24 February 1953", r"is not an ISO date"),
])
def test_corrupted_perspectives_raise_data_error_naming_the_file(data_copy, old, new, problem):
    _replace_once(data_copy / "perspectives.yaml", old, new)
    with pytest.raises(DataError, match=r"perspectives\.yaml: .*" + problem):
        load_perspectives(data_copy)


def test_seed_text_is_none_without_the_seed_folder(tmp_path):
    assert seed_text(seed_dir=tmp_path / "no-such-folder") is None


def test_seed_folder_without_the_file_is_an_error(tmp_path):
    with pytest.raises(DataError, match="file is missing"):
        seed_text(seed_dir=tmp_path)
