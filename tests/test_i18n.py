"""Translations: complete, non-empty, not stale, numbers kept, and a broken file is named."""
import re
import shutil
from pathlib import Path

import pytest

import geodata
from geodata import i18n
from geodata.io import DATA_DIR

MN_REQUIRED = {("statuses", "label"), ("claimants", "label"), ("precision",), ("units", "name")}
DIGITS = re.compile(r"\d+(?:,\d{3})+(?!\d)|\d+")
# Chinese writes months as digits (5月) where English spells them out, and counts large numbers in 万.
MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")
MONTH_NUMBER = {m: str(n) for n, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
EN_MILLIONS = re.compile(r"(\d+) million")
ZH_WAN = re.compile(r"(\d+)万")


def _get(tree, path):
    for key in path:
        tree = tree[key]
    return tree


def _numbers(text: str) -> set[str]:
    """Digit runs, with thousands separators removed (494,960 == 494960)."""
    return {run.replace(",", "") for run in DIGITS.findall(text)}


def _en_numbers(text: str) -> set[str]:
    """Digit runs of an English text, plus the numbers of the months it names; "9 million" is 9000000."""
    text = EN_MILLIONS.sub(lambda m: str(int(m.group(1)) * 1_000_000), text)
    return _numbers(text) | {MONTH_NUMBER[m] for m in MONTHS.findall(text)}


def _zh_numbers(text: str) -> set[str]:
    """Digit runs of a Chinese text; "900万" is 9000000."""
    return _numbers(ZH_WAN.sub(lambda m: str(int(m.group(1)) * 10_000), text))


def test_languages():
    assert i18n.LANGUAGES == ("en", "zh", "mn")
    with pytest.raises(ValueError):
        i18n.load_translations("fr")


def test_expected_keys_follow_the_english_data():
    keys = i18n.expected_keys()
    events = geodata.load_events()
    assert {("events", e.id, "title") for e in events} <= keys
    assert {("events", e.id, "uncertainty") for e in events if e.uncertainty} <= keys
    assert not {("events", e.id, "date_note") for e in events if not e.date_note} & keys
    assert {("statuses", s, "label") for s in geodata.load_statuses()} <= keys
    assert ("precision", "close") in keys and ("precision", "approximate") in keys
    assert all(k[0] in i18n.SECTIONS for k in keys)
    assert i18n.missing_keys("en") == []


def test_zh_has_every_key():
    assert i18n.missing_keys("zh") == []


def test_mn_has_the_required_keys():
    missing = [k for k in i18n.missing_keys("mn", ("statuses", "claimants", "precision", "units"))
               if (k[0],) in MN_REQUIRED or (k[0], k[-1]) in MN_REQUIRED]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_no_empty_translations(lang):
    tree = i18n.load_translations(lang)
    empty = [p for p in i18n._paths(tree) if not str(_get(tree, p)).strip()]
    assert empty == []


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_no_stale_keys(lang):
    assert i18n.stale_keys(lang) == []


def test_mn_leaves_out_events_and_periods():
    tree = i18n.load_translations("mn")
    assert not tree.get("events") and not tree.get("periods")


def test_zh_event_summaries_keep_the_numbers():
    en, zh = i18n.load_translations("en"), i18n.load_translations("zh")
    differ = {}
    for eid, fields in en["events"].items():
        text = zh.get("events", {}).get(eid, {}).get("summary", "")
        if text and _zh_numbers(text) != _en_numbers(fields["summary"]):
            differ[eid] = (sorted(_en_numbers(fields["summary"])), sorted(_zh_numbers(text)))
    assert differ == {}


def test_numbers_helper_tolerates_thousands_separators():
    assert _numbers("494,960 registered in 1945") == {"494960", "1945"}
    assert _numbers("登记494960人，1945年") == {"494960", "1945"}
    assert _en_numbers("on 5 January 1946 for 9 million roubles") == {"5", "1", "1946", "9000000"}
    assert _zh_numbers("1946年1月5日，900万卢布") == {"5", "1", "1946", "9000000"}


def test_zh_unit_names_match_units_yaml():
    zh = i18n.load_translations("zh")
    for unit in geodata.load_units().itertuples():
        assert zh["units"][unit.region]["name"] == unit.name_zh


def test_translate_falls_back_to_english():
    assert i18n.translate("zh", "statuses", "qing", "label") == i18n.load_translations("zh")["statuses"]["qing"]["label"]
    first = geodata.load_events()[0]
    assert i18n.translate("mn", "events", first.id, "title") == first.title
    assert i18n.translate("mn", "events", first.id, "title", default="x") == "x"
    assert i18n.translate("en", "precision", "approximate") == "approximate"
    assert i18n.translate("zh", "events", "no_such_event", "title") == ""


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in i18n.ENGLISH_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    (tmp_path / "i18n").mkdir()
    for lang in ("zh", "mn"):
        shutil.copyfile(i18n.translation_path(lang), i18n.translation_path(lang, tmp_path))
    return tmp_path


def test_corrupt_zh_is_named(data_copy):
    path = i18n.translation_path("zh", data_copy)
    path.write_text(path.read_text(encoding="utf-8") + "\nevents: [unclosed\n", encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"zh\.yaml: is not valid YAML"):
        i18n.load_translations("zh", data_copy)
    with pytest.raises(geodata.DataError, match=r"zh\.yaml"):
        i18n.missing_keys("zh", data_dir=data_copy)


def test_missing_translation_file_is_named(data_copy):
    i18n.translation_path("mn", data_copy).unlink()
    with pytest.raises(geodata.DataError, match=r"mn\.yaml: file is missing"):
        i18n.load_translations("mn", data_copy)


def test_removed_event_makes_its_translation_stale(data_copy):
    import yaml
    path = data_copy / "events.yaml"
    events = yaml.safe_load(path.read_text(encoding="utf-8"))
    dropped = events.pop(0)["id"]
    path.write_text(yaml.safe_dump(events, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert ("events", dropped, "title") in i18n.stale_keys("zh", data_copy)
