"""Each YAML file's model (geodata.models): a broken field gives one line naming the file, the entry and the field."""
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from geodata import publishers, validate
from geodata.errors import DataError
from geodata.io import DATA_DIR

YAML_FILES = ["units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "claims.yaml",
              "perspectives.yaml", "tour.yaml", "worksheet.yaml", "calendars.yaml", "checks.yaml", "publishers.yaml"]


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    for name in YAML_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    (tmp_path / "i18n").mkdir()
    shutil.copyfile(DATA_DIR / "i18n" / "glossary.yaml", tmp_path / "i18n" / "glossary.yaml")
    return tmp_path


def _first_unit(d: dict) -> str:
    return next(iter(d))


# (file, how to break the parsed file, the expected message after "<path>: ", given the parsed file)
CASES: list[tuple[str, Callable[[object], None], Callable[[object], str]]] = [
    ("units.yaml", lambda d: d[0].update(precision_note="  "),
     lambda d: f"unit {d[0]['id']}: precision_note: should not be empty"),
    ("units.yaml", lambda d: d[0]["names"].pop("zh"), lambda d: f"unit {d[0]['id']}: names.zh: is missing"),
    ("statuses.yaml", lambda d: d[1].update(china_control="yes"),
     lambda d: f"status {d[1]['id']}: china_control: Input should be a valid boolean (got 'yes')"),
    ("claimants.yaml", lambda d: d[0].update(outline_from="1912-02-30"),
     lambda d: f"claimant {d[0]['id']}: outline_from: '1912-02-30' is not an ISO date (YYYY-MM-DD)"),
    ("periods.yaml", lambda d: d[_first_unit(d)][0].pop("note"), lambda d: f"{_first_unit(d)} row 1: note: is missing"),
    ("periods.yaml", lambda d: d[_first_unit(d)][1]["sources"][0].update(url="ftp://x.org/a"),
     lambda d: f"{_first_unit(d)} row 2: sources.#1.url: 'ftp://x.org/a' is not an http(s) address"),
    ("events.yaml", lambda d: d[2].update(lat=95),
     lambda d: f"event {d[2]['id']}: lat: Input should be less than or equal to 90 (got 95)"),
    ("events.yaml", lambda d: d[0].update(date="1600-01-01"),
     lambda d: f"event {d[0]['id']}: date: 1600-01-01 is outside 1689-01-01..2008-12-31"),
    ("events.yaml", lambda d: d[0].update(date_precision="week"),
     lambda d: f"event {d[0]['id']}: date_precision: Input should be 'day', 'month' or 'year' (got 'week')"),
    ("claims.yaml", lambda d: d["claims"][3].update(explanation=""),
     lambda d: f"claim {d['claims'][3]['id']}: explanation: should not be empty"),
    ("claims.yaml", lambda d: d["source_text"].pop("file"), lambda d: "source_text: file: is missing"),
    ("perspectives.yaml", lambda d: d["kyakhta_1915"]["views"][1].pop("view"),
     lambda d: "kyakhta_1915: views.#2.view: is missing"),
    ("tour.yaml", lambda d: d[0]["caption"].pop("mn"), lambda d: f"stop {d[0]['date']}: caption.mn: is missing"),
    ("worksheet.yaml", lambda d: d["questions"][0]["answer"].pop("zh"),
     lambda d: f"question {d['questions'][0]['id']}: answer.zh: is missing"),
    ("worksheet.yaml", lambda d: d["maps"][1].pop("event"), lambda d: f"map {d['maps'][1]['date']}: event: is missing"),
    ("calendars.yaml", lambda d: d["qing"]["reigns"][0].update(first_year="early"),
     lambda d: "qing: reigns.#1.first_year: Input should be a valid integer, unable to parse string as an integer "
               "(got 'early')"),
    ("checks.yaml", lambda d: d["correction_markers"].append(""),
     lambda d: f"correction_markers: #{len(d['correction_markers'])}: should not be empty"),
    ("publishers.yaml", lambda d: d[0].pop("why"), lambda d: f"publisher {d[0]['host']}: why: is missing"),
    ("publishers.yaml", lambda d: d[0].update(wny="typo"),
     lambda d: f"publisher {d[0]['host']}: wny: is not a known field (misspelt?)"),
    ("i18n/glossary.yaml", lambda d: d[0].pop("mn"), lambda d: f"term {d[0]['en'][0]!r}: mn: is missing"),
]


@pytest.mark.parametrize(("name", "breaks", "expected"), CASES,
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_a_broken_field_is_named_in_one_line(data, name, breaks, expected):
    path = data / name
    parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
    breaks(parsed)
    path.write_text(yaml.safe_dump(parsed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as info:
        if name == "publishers.yaml":
            publishers.load_publishers(data)
        else:
            validate.load_all(data)
    assert str(info.value) == f"{path}: {expected(parsed)}"
    assert "\n" not in str(info.value)
