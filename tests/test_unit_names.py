"""Names of the period: geodata.unit_name gives what a unit was called at a date, in en, zh and mn."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import geodata
from geodata import i18n
from geodata.io import DATA_DIR
from geodata.names import unit_name


@pytest.mark.parametrize("when, en, zh, mn", [
    ("1690-06-01", "Khalkha Mongolia", "喀尔喀蒙古", "Халх Монгол"),
    ("1800-01-01", "Outer Mongolia (Qing)", "外蒙古（清朝）", "Ар Монгол (Манж Чин улсын үед)"),
    ("1911-12-01", "Bogd Khanate of Mongolia", "外蒙古（博克多汗国）", "Богд хаант Монгол Улс"),
    ("1920-06-01", "Outer Mongolia (Chinese-administered)", "外蒙古", "Ар Монгол (Хятадын захиргаанд)"),
    ("1924-11-25", "Bogd Khanate of Mongolia", "外蒙古（博克多汗国）", "Богд хаант Монгол Улс"),
    ("1924-11-26", "Mongolian People's Republic", "外蒙古（蒙古人民共和国）", "Бүгд Найрамдах Монгол Ард Улс"),
    ("1946-01-05", "Mongolian People's Republic", "蒙古人民共和国", "Бүгд Найрамдах Монгол Ард Улс"),
    ("1992-02-12", "Mongolia", "蒙古国", "Монгол Улс"),
    ("2005-06-01", "Mongolia", "蒙古国", "Монгол Улс"),
])
def test_outer_mongolia_is_called_by_the_name_of_the_date(when: str, en: str, zh: str, mn: str) -> None:
    assert [unit_name("outer_mongolia", when, lang) for lang in ("en", "zh", "mn")] == [en, zh, mn]


def test_other_units_with_names_of_the_period() -> None:
    assert unit_name("tannu_uriankhai", "1930-01-01", "en") == "Tuvan People's Republic"
    assert unit_name("tannu_uriankhai", "1950-01-01", "mn") == "Тува"
    assert unit_name("manchuria", "1940-01-01", "zh") == "“满洲国”"
    assert unit_name("manchuria", "1950-01-01", "en") == "Manchuria"
    assert unit_name("mengjiang", "1940-01-01", "mn") == "Мэнжян"


def test_a_unit_without_dated_names_keeps_its_one_name_in_each_language() -> None:
    assert unit_name("barga", "1950-01-01", "en") == "Barga (Hulunbuir)"
    assert unit_name("barga", "1950-01-01", "zh") == i18n.translate("zh", "units", "barga", "name")
    assert unit_name("amur_left_bank", "1900-01-01", "mn") == "Амар мөрний хойд эрэг (Приамурье)"


def test_every_units_name_exists_in_every_language_at_every_step() -> None:
    days = {d.isoformat() for d in geodata.change_dates()} | {"1689-01-01", "2008-12-31"}
    for unit in geodata.load_units().region:
        for day in days:
            assert all(unit_name(unit, day, lang) for lang in ("en", "zh", "mn")), (unit, day)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        unit_name("atlantis", "1900-01-01", "en")
    with pytest.raises(ValueError, match="unknown language"):
        unit_name("outer_mongolia", "1900-01-01", "fr")
    with pytest.raises(ValueError, match="outside"):
        unit_name("outer_mongolia", "1600-01-01", "en")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in i18n.ENGLISH_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    shutil.copytree(DATA_DIR / "i18n", tmp_path / "i18n")
    return tmp_path


def _edit_yaml(path: Path, change) -> None:
    """Load a YAML data file, let `change` edit the parsed data in place, and write it back (any formatting)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _outer_mongolia_names(units: list[dict]) -> list[dict]:
    return next(u for u in units if u["id"] == "outer_mongolia")["names_by_date"]


@pytest.mark.parametrize("change, problem", [
    (lambda names: names[1].pop("mn"), "unit outer_mongolia: names_by_date.#2.mn: is missing"),
    (lambda names: names[1].update(until="1690-01-01"), "#2: until 1690-01-01 is not after 1691-05-29"),
    (lambda names: names[-1].update(until="2000-01-01"), "the last entry is open"),
    (lambda names: names[1].update(until="1911-13-01"), "names_by_date.#2.until: '1911-13-01' is not an ISO date"),
])
def test_broken_dated_names_are_named(data_copy: Path, change, problem: str) -> None:
    _edit_yaml(data_copy / "units.yaml", lambda units: change(_outer_mongolia_names(units)))
    with pytest.raises(geodata.DataError, match=r"units\.yaml: unit outer_mongolia: names_by_date") as err:
        unit_name("outer_mongolia", "1900-01-01", "en", data_copy)
    assert problem in str(err.value)


def test_dated_names_need_sources(data_copy: Path) -> None:
    path = data_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  names_sources:\n  - title: Uryankhay Krai")
    end = text.index("- id: barga")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(geodata.DataError, match="unit tannu_uriankhai: names_by_date has no sources"):
        unit_name("tannu_uriankhai", "1900-01-01", "en", data_copy)


def test_a_missing_mongolian_unit_name_is_an_error_not_english(data_copy: Path) -> None:
    _edit_yaml(i18n.translation_path("mn", data_copy), lambda mn: mn["units"]["barga"].pop("name"))
    with pytest.raises(geodata.DataError, match=r"mn\.yaml: units\.barga\.name is missing"):
        unit_name("barga", "1900-01-01", "mn", data_copy)


@pytest.mark.parametrize("lang", ["en", "zh", "mn"])
def test_bundle_and_details_panel_use_the_names_of_the_period(lang: str) -> None:
    """The page's dated names (text-<lang>.json datedNames, read by nba_model.unitName) are units.yaml's, and the
    details panel is headed by the name at the slider's date, with the timeless names beside it."""
    import json

    from dashboard.views import details
    from dashboard.data import PAGE_DIR, load_atlas

    atlas = load_atlas()
    text = json.loads((PAGE_DIR / f"text-{lang}.json").read_text(encoding="utf-8"))
    for i, unit in enumerate(atlas.data["units"]):
        for until, name in text["datedNames"][i]:
            if until:   # the day before an `until` still has this name
                import datetime as dt
                day = (dt.date.fromisoformat(until) - dt.timedelta(days=1)).isoformat()
                assert unit_name(unit, day, lang) == name
    for when in ("1913-01-01", "1925-01-01", "1950-01-01", "1993-01-01"):
        k = atlas.data["stopState"][atlas.stop_of(when)]
        panel = details.details_panel(atlas, "outer_mongolia", k, lang, when)
        assert panel.children[0].children == unit_name("outer_mongolia", when, lang)
        timeless = atlas.texts[lang]["units"][atlas.data["units"].index("outer_mongolia")]
        assert timeless in panel.children[1].children


@pytest.mark.parametrize("lang, old, new", [("en", "Urga", "Ulaanbaatar"), ("zh", "库伦", "乌兰巴托"),
                                            ("mn", "Хүрээ", "Улаанбаатар")])
def test_events_call_urga_by_its_name_of_the_date(lang: str, old: str, new: str) -> None:
    """Urga until 26 November 1924, Ulaanbaatar after, in each event's place, title and summary (the modern name
    may stand beside the old one as a gloss, "Urga (Ulaanbaatar)"; after 1924 Urga appears only with the new name)."""
    events = yaml.safe_load((DATA_DIR / "events.yaml").read_text(encoding="utf-8"))
    found = []
    for e in events:
        when = str(e["date"])
        for field in ("place", "title", "summary"):
            text = e.get(field) or "" if lang == "en" else i18n.translate(lang, "events", e["id"], field, default="")
            if when < "1924-11-26" and new in text and old not in text:
                found.append((e["id"], field, text))
            if when >= "1924-11-26" and old in text and new not in text:
                found.append((e["id"], field, text))
    assert found == []
