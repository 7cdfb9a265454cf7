"""Translations: complete, non-empty, not stale, numbers kept, and a broken file is named."""
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import geodata
from geodata import i18n
from geodata.claims import SIDES, VERDICTS, load_claims, load_perspectives
from geodata.io import DATA_DIR

MN_REQUIRED = {("statuses", "label"), ("claimants", "label"), ("precision",), ("units", "name"),
               ("claims", "verdicts"), ("perspectives_sides",)}
DIGITS = re.compile(r"\d+(?:,\d{3})+(?!\d)|\d+")
# Chinese writes months as digits (5月) where English spells them out, and counts large numbers in 万.
# "October Revolution" (十月革命) names an event, not a month.
MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
                    r"(?! Revolution)")
MONTH_NUMBER = {m: str(n) for n, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
EN_MILLIONS = re.compile(r"(\d+(?:\.\d+)?) million")
ZH_WAN = re.compile(r"(\d+(?:\.\d+)?)万")


def _get(tree, path):
    for key in path:
        tree = tree[key]
    return tree


def _numbers(text: str) -> set[str]:
    """Digit runs, with thousands separators removed (494,960 == 494960)."""
    return {run.replace(",", "") for run in DIGITS.findall(text)}


def _en_numbers(text: str) -> set[str]:
    """Digit runs of an English text, plus the numbers of the months it names; "1.8 million" is 1800000."""
    text = EN_MILLIONS.sub(lambda m: str(int(Decimal(m.group(1)) * 1_000_000)), text)
    return _numbers(text) | {MONTH_NUMBER[m] for m in MONTHS.findall(text)}


# Reign-era dates (康熙三十年五月初二) and ordinal titles (十三世达赖喇嘛) are written in Chinese numerals.
ZH_NUMERAL = "〇一二三四五六七八九十"
ZH_REIGN_DATE = re.compile(rf"(?:康熙|雍正|乾隆|嘉庆|道光|咸丰|同治|光绪|宣统|(?<!华)民国)[{ZH_NUMERAL}年月日初至到持续]+")
ZH_ORDINAL = re.compile(rf"[{ZH_NUMERAL}]+(?=世(?:达赖|班禅|哲布尊丹巴))")
ZH_RUN = re.compile(rf"[{ZH_NUMERAL}]+")


def _zh_int(run: str) -> str:
    """A Chinese numeral below 100 as digits: 八 -> 8, 十三 -> 13, 三十 -> 30, 五十九 -> 59."""
    digits = {c: n for n, c in enumerate(ZH_NUMERAL)}
    if "十" not in run:
        return str(digits[run]) if len(run) == 1 else "".join(str(digits[c]) for c in run)
    tens, _, units = run.partition("十")
    return str((digits[tens] if tens else 1) * 10 + (digits[units] if units else 0))


# Decades as Chinese writes them: 19世纪50年代 (the 1850s), 20世纪20-30年代 (the 1920s-30s), 21世纪头十年 (the 2000s).
ZH_DECADE = re.compile(r"(\d+)世纪(?:(\d0)(?:-(\d0))?年代|头十年)")


def _zh_decades(match: re.Match[str]) -> str:
    """A decade as the digits of its first year (and of the last decade of a range)."""
    base = (int(match.group(1)) - 1) * 100
    first, last = match.group(2) or "0", match.group(3)
    return " ".join(str(base + int(d)) for d in (first, last) if d)


def _zh_numbers(text: str) -> set[str]:
    """Digit runs of a Chinese text; "900万" is 9000000; reign dates and ordinals in Chinese numerals count too, and
    a decade counts as its first year."""
    text = ZH_DECADE.sub(_zh_decades, text)
    words = {_zh_int(run) for span in ZH_REIGN_DATE.findall(text) for run in ZH_RUN.findall(span)}
    words |= {_zh_int(run) for run in ZH_ORDINAL.findall(text)}
    return _numbers(ZH_WAN.sub(lambda m: str(int(Decimal(m.group(1)) * 10_000)), text)) | words


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
    sections = ("statuses", "claimants", "precision", "units", "claims", "perspectives_sides")
    missing = [k for k in i18n.missing_keys("mn", sections)
               if (k[0],) in MN_REQUIRED or (k[0], k[-1]) in MN_REQUIRED or k[:2] in MN_REQUIRED]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_no_empty_translations(lang):
    tree = i18n.load_translations(lang)
    empty = [p for p in i18n._paths(tree) if not str(_get(tree, p)).strip()]
    assert empty == []


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_no_stale_keys(lang):
    assert i18n.stale_keys(lang) == []


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
    assert _en_numbers("about 1.56 million km², not 1.8 million") == {"1560000", "1800000"}
    assert _zh_numbers("约156万平方公里，而不是180万") == {"1560000", "1800000"}
    assert _en_numbers("The October Revolution broke out in 1917") == {"1917"}
    assert _zh_numbers("康熙三十年五月初二，十三世达赖喇嘛，19世纪") == {"30", "5", "2", "13", "19"}
    assert _zh_numbers("19世纪50年代，20世纪20-30年代，21世纪头十年") == {"1850", "1920", "1930", "2000"}
    assert _zh_numbers("民国三十四年十月二十日，中华民国1946年") == {"34", "10", "20", "1946"}


# The claims ("Reading the source") and the perspectives on contested moments.

def test_expected_keys_cover_claims_and_perspectives():
    keys = i18n.expected_keys()
    claims, moments = load_claims(), load_perspectives()
    assert {("claims", "source_text", "title"), ("claims", "source_text", "description")} <= keys
    assert {("claims", "paragraphs", str(p["n"]), "summary") for p in claims["paragraphs"]} <= keys
    assert {("claims", "items", c["id"], f) for c in claims["claims"] for f in ("explanation", "quote_gloss")} <= keys
    assert not {k for k in keys if k[:2] == ("claims", "items") and k[-1] == "quote"}
    assert {("claims", "verdicts", v) for v in VERDICTS} <= keys
    assert {("perspectives_sides", s) for s in SIDES} <= keys
    for mid, m in moments.items():
        assert {("perspectives", mid, "title"), ("perspectives", mid, "facts")} <= keys
        for field in ("date_note", "uncertainty"):
            assert (("perspectives", mid, field) in keys) == bool(m[field]), (mid, field)
        for n, view in enumerate(m["views"], 1):
            assert ("perspectives", mid, "views", str(n), "view") in keys
            assert (("perspectives", mid, "views", str(n), "who") in keys) == bool(view["who"]), (mid, n)
    en = i18n.load_translations("en")
    assert en["claims"]["verdicts"]["garbled"] == "Garbled translation"
    assert en["perspectives_sides"]["roc"] == "Republic of China (Taiwan)"
    assert all(en["claims"]["items"][c["id"]]["quote_gloss"] == c["quote"] for c in claims["claims"])


def test_zh_has_every_claims_and_perspectives_key():
    assert i18n.missing_keys("zh", ("claims", "perspectives", "perspectives_sides")) == []


def test_zh_quote_glosses_are_chinese_and_quotes_stay_english():
    zh = i18n.load_translations("zh")
    for c in load_claims()["claims"]:
        gloss = zh["claims"]["items"][c["id"]]["quote_gloss"]
        assert gloss != c["quote"] and re.search(r"[\u4e00-\u9fff]", gloss), c["id"]
    assert i18n.translate("en", "claims", "items", "coulomb_kulun", "quote_gloss") == "Coulomb only left some troops behind"


def _differing_numbers(paths):
    en, zh = i18n.load_translations("en"), i18n.load_translations("zh")
    differ = {}
    for path in paths:
        en_text, zh_text = _get(en, path), _get(zh, path)
        if _zh_numbers(zh_text) != _en_numbers(en_text):
            differ[path] = (sorted(_en_numbers(en_text)), sorted(_zh_numbers(zh_text)))
    return differ


def test_zh_claim_explanations_keep_the_numbers():
    keys = sorted(k for k in i18n.expected_keys() if k[:2] == ("claims", "items") and k[-1] == "explanation")
    assert keys and _differing_numbers(keys) == {}


def test_zh_quote_glosses_keep_the_numbers_of_the_quotes():
    keys = sorted(k for k in i18n.expected_keys() if k[:2] == ("claims", "items") and k[-1] == "quote_gloss")
    assert keys and _differing_numbers(keys) == {}


def test_zh_perspective_views_keep_the_numbers():
    keys = sorted(k for k in i18n.expected_keys() if k[0] == "perspectives" and k[-1] == "view")
    assert keys and _differing_numbers(keys) == {}


def test_zh_other_claim_and_perspective_texts_keep_the_numbers():
    keys = sorted(k for k in i18n.expected_keys()
                  if (k[0] == "perspectives" and k[-1] in ("title", "facts", "date_note", "uncertainty"))
                  or k[:2] == ("claims", "paragraphs") or k[:2] == ("claims", "source_text"))
    assert keys and _differing_numbers(keys) == {}


def test_zh_garbled_explanations_keep_the_original_chinese_term():
    """Where the English explanation names the Chinese original (买卖城), the translation keeps it."""
    en, zh = i18n.load_translations("en"), i18n.load_translations("zh")
    for cid, fields in en["claims"]["items"].items():
        for term in re.findall(r"[\u4e00-\u9fff]+", fields["explanation"]):
            assert term in zh["claims"]["items"][cid]["explanation"], (cid, term)


def test_translate_reaches_claims_and_perspectives():
    assert i18n.translate("zh", "claims", "verdicts", "contested") == "有争议"
    assert i18n.translate("zh", "claims", "paragraphs", 1, "summary").startswith("该文")
    assert i18n.translate("mn", "perspectives_sides", "mongolia") == "Монгол Улс"
    assert i18n.translate("mn", "perspectives", "taiwan_2002", "views", 1, "view").startswith("Гадаад хэргийн яам")


def test_claims_translation_of_an_unknown_shape_is_named(data_copy):
    path = i18n.translation_path("zh", data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("  verdicts:\n", "  verdict_labels:\n", 1),
                    encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"zh\.yaml: claims has unknown key 'verdict_labels'"):
        i18n.load_translations("zh", data_copy)


def test_removed_claim_makes_its_translation_stale(data_copy):
    import yaml
    path = data_copy / "claims.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    dropped = data["claims"].pop(0)["id"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    stale = i18n.stale_keys("zh", data_copy)
    assert ("claims", "items", dropped, "explanation") in stale
    assert ("claims", "items", dropped, "quote_gloss") in stale


def test_zh_unit_names_match_units_yaml():
    zh = i18n.load_translations("zh")
    for unit in geodata.load_units().itertuples():
        assert zh["units"][unit.region]["name"] == unit.name_zh


def test_translate_falls_back_to_english(data_copy):
    assert i18n.translate("zh", "statuses", "qing", "label") == i18n.load_translations("zh")["statuses"]["qing"]["label"]
    first = geodata.load_events()[0]
    i18n.translation_path("mn", data_copy).write_text("statuses: {}\n", encoding="utf-8")
    assert i18n.translate("mn", "events", first.id, "title", data_dir=data_copy) == first.title
    assert i18n.translate("mn", "events", first.id, "title", default="x", data_dir=data_copy) == "x"
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


def test_zh_decades_are_written_by_century():
    """Mainland usage writes the 1850s as 19世纪50年代, not 1850年代 (which the texts once mixed with it)."""
    from geodata.glossary import data_texts

    found = {".".join(p): t for p, t in data_texts("zh").items() if re.search(r"\d{3}0(?:-\d0)?年代", t)}
    assert found == {}
