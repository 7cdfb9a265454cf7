"""Every data text in Chinese and Mongolian, in the page's own script, with the numbers and the glossary's terms."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import geodata
from geodata import i18n
from geodata.glossary import data_texts, glossary_problems, load_glossary, terms_in
from geodata.io import DATA_DIR

TRANSLATED = ("zh", "mn")
OWN_SCRIPT = {"zh": re.compile(r"[\u4e00-\u9fff]"), "mn": re.compile(r"[\u0400-\u04ff]")}
# Share of a text's letters in the language's own script, below which it reads as untranslated. Names of
# sources and datasets (Natural Earth, China Daily, Radchenko) stay in Latin letters, so it cannot be 100%.
MIN_OWN_SHARE = {"zh": 0.2, "mn": 0.5}
LETTER = re.compile(r"[^\W\d_]")
DIGITS = re.compile(r"\d+(?:,\d{3})+(?!\d)|\d+")
MONTHS = "January February March April May June July August September October November December".split()
EN_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b(?! Revolution)")
ROMAN = re.compile(r"\b[IVX]+\b(?!\.)")  # not an initial (C. X. George Wei)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("section", i18n.SECTIONS)
def test_every_data_text_has_a_rendering(lang: str, section: str) -> None:
    """No silent English fallback: each English data text of each section has a translation in zh and mn."""
    missing = i18n.missing_keys(lang, (section,))
    assert missing == [], f"{len(missing)} {section} texts lack a {lang} rendering, e.g. {missing[:3]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_are_in_the_languages_own_script(lang: str) -> None:
    english = data_texts("en")
    low = []
    for path, text in data_texts(lang).items():
        letters = LETTER.findall(text)
        if letters and len(OWN_SCRIPT[lang].findall(text)) < MIN_OWN_SHARE[lang] * len(letters):
            low.append(".".join(path))
        elif text == english.get(path) and LETTER.search(text):
            low.append(".".join(path))
    assert low == []


def _roman(numeral: str) -> int:
    value = {"I": 1, "V": 5, "X": 10}
    return sum(-value[c] if i + 1 < len(numeral) and value[c] < value[numeral[i + 1]] else value[c]
               for i, c in enumerate(numeral))


def _full_ranges(text: str) -> str:
    """Year ranges written in full: 1881-82 -> 1881-1882 (either language may shorten them)."""
    return re.sub(r"\b(\d\d)(\d\d)([-–])(\d\d)\b", r"\1\2\3\1\4", text)


def _en_numbers(text: str) -> set[str]:
    """Digit runs of an English text (494,960 == 494960; 8th == 8; 1.8 million == 1800000; 1881-82 == 1881-1882),
    its months' numbers and its Roman numerals (Nicholas II == 2)."""
    text = re.sub(r"(\d+(?:\.\d+)?) million", lambda m: str(int(Decimal(m.group(1)) * 1_000_000)), text)
    text = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1", text)
    text = _full_ranges(text)
    return ({run.replace(",", "") for run in DIGITS.findall(text)}
            | {str(MONTHS.index(m) + 1) for m in EN_MONTH.findall(text)}
            | {str(_roman(r)) for r in ROMAN.findall(text)})


def _mn_numbers(text: str) -> set[str]:
    """Digit runs of a Mongolian text, with "9 сая" as 9000000 and Roman ordinals (VIII Богд, XIII зуун) as numbers."""
    text = _full_ranges(re.sub(r"(\d+(?:\.\d+)?) сая", lambda m: str(int(Decimal(m.group(1)) * 1_000_000)), text))
    return {run.replace(",", "") for run in DIGITS.findall(text)} | {str(_roman(r)) for r in ROMAN.findall(text)}


def test_number_helpers() -> None:
    assert _en_numbers("the 8th Khutuktu on 29 December 1911, 494,960 voters") == {"8", "29", "12", "1911", "494960"}
    assert _mn_numbers("VIII Богд 1911 оны 12-р сарын 29-нд, 494,960 сонгогч") == {"8", "29", "12", "1911",
                                                                                        "494960"}
    assert _mn_numbers("9 сая рубль, XIII зуун") == {"9000000", "13"}
    assert _en_numbers("The February Revolution of 1917") == {"1917"}
    assert _en_numbers("in 1881-82, under Nicholas II") == {"1881", "1882", "2"}


def test_mongolian_texts_keep_the_numbers_of_the_english() -> None:
    """Dates are written with month numbers in Mongolian ("12-р сарын 29", as CLDR writes them), so every number
    carries over."""
    english, mongolian = data_texts("en"), data_texts("mn")
    differ = {".".join(p): (sorted(_en_numbers(english.get(p, "")) - _mn_numbers(t)),
                            sorted(_mn_numbers(t) - _en_numbers(english.get(p, ""))))
              for p, t in mongolian.items()
              if p[0] not in ("claims",) or p[-1] != "quote_gloss"
              if _mn_numbers(t) != _en_numbers(english.get(p, ""))}
    assert differ == {}


# The glossary (geodata/i18n/glossary.yaml).

def test_glossary_is_large_and_complete() -> None:
    terms = load_glossary()
    assert len(terms) >= 40
    assert all(t.rendering["zh"] and t.rendering["mn"] for t in terms)
    by_en = {t.en[0]: t for t in terms}
    assert by_en["Bogd Khanate"].rendering == {"zh": "博克多汗国", "mn": "Богд хаант Монгол Улс"}
    assert by_en["Tannu Uriankhai"].rendering == {"zh": "唐努乌梁海", "mn": "Тагна Урианхай"}
    assert by_en["Urga"].rendering == {"zh": "库伦", "mn": "Нийслэл Хүрээ"}
    assert by_en["Qing"].rendering["mn"] == "Манж Чин улс"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_follow_the_glossary(lang: str) -> None:
    """Where the English names a term, the translation has the glossary's rendering; no wrong variant appears."""
    assert glossary_problems(lang) == []


def test_a_longer_term_hides_the_shorter_one_inside_it() -> None:
    terms = load_glossary()
    found = [t.en[0] for t in terms_in("The People's Republic of China and the Bogd Khanate", terms)]
    assert "People's Republic of China" in found and "Bogd Khanate" in found
    assert "Republic of China" not in found and "Bogd Khan" not in found
    assert [t.en[0] for t in terms_in("the Republic of China (ROC)", terms)] == ["Republic of China"]


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in (*i18n.ENGLISH_FILES, "tour.yaml"):
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    shutil.copytree(DATA_DIR / "i18n", tmp_path / "i18n")
    return tmp_path


def test_a_wrong_variant_is_caught(data_copy: Path) -> None:
    path = i18n.translation_path("mn", data_copy)
    mn = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert mn["units"]["amur_left_bank"]["name"] == "Амар мөрний хойд эрэг (Приамурье)"
    mn["units"]["amur_left_bank"]["name"] = "Амар мөрний зүүн эрэг"  # edited as data, whatever the file's layout
    path.write_text(yaml.safe_dump(mn, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = glossary_problems("mn", data_copy)
    assert any("units.amur_left_bank.name" in p and "'Амар мөрний зүүн эрэг'" in p for p in problems)


def test_a_term_rendered_otherwise_is_caught(data_copy: Path) -> None:
    path = i18n.translation_path("zh", data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("博克多汗", "博格多汗"), encoding="utf-8")
    problems = glossary_problems("zh", data_copy)
    assert any(p.startswith("zh claimants.bogd_khanate.label: English names 'Bogd Khanate'") for p in problems)


def test_a_malformed_glossary_is_named(data_copy: Path) -> None:
    path = data_copy / "i18n" / "glossary.yaml"
    path.write_text("- en: [Urga]\n  zh: 库伦\n", encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"glossary\.yaml: term 'Urga': mn: is missing"):
        load_glossary(data_copy)
    path.write_text("- en: [Urga]\n  zh: 库伦\n  mn: Нийслэл Хүрээ\n  wrong: {mn: [Хүрээ]}\n", encoding="utf-8")
    with pytest.raises(geodata.DataError, match="part of an accepted form"):
        load_glossary(data_copy)


def test_chinese_reign_years_and_ordinal_titles_use_chinese_numerals() -> None:
    """康熙三十年五月初二 and 十三世达赖喇嘛, not 康熙30年农历5月2日 or 第13世 (Gregorian dates keep Arabic digits)."""
    slips = re.compile(r"(康熙|雍正|乾隆|嘉庆|道光|咸丰|同治|光绪|宣统|(?<!华)民国)\d|第\d+世|\d+世(?!纪)|农历\d")
    found = {".".join(p): t for p, t in data_texts("zh").items() if slips.search(t)}
    assert found == {}
