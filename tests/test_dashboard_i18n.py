"""Interface translations: every key in every language, placeholders kept, dates in words, language choice."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from geodata import i18n as data_i18n

from dashboard import figures, i18n
from dashboard.i18n import LANGUAGES, date_words, flat_keys, load_ui, page_data, pick_language, t

ROOT = Path(__file__).resolve().parent.parent
FIELD = re.compile(r"{(\w+)}")


def test_every_language_has_every_key() -> None:
    english = flat_keys(load_ui("en"))
    for lang in LANGUAGES:
        keys = flat_keys(load_ui(lang))
        missing = sorted(k for k in english if k not in keys or keys[k] in (None, "", []))
        extra = sorted(k for k in keys if k not in english)
        assert missing == [], f"{lang}.yaml lacks {missing}"
        assert extra == [], f"{lang}.yaml has keys English does not: {extra}"


def test_a_missing_key_is_caught(tmp_path, monkeypatch) -> None:
    """The check above really fails when a translation drops a key (not a test that cannot fail)."""
    for lang in LANGUAGES:
        text = i18n.ui_path(lang).read_text(encoding="utf-8")
        if lang == "mn":
            text = re.sub(r"^  pause: .*\n", "", text, flags=re.M)
        (tmp_path / f"{lang}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "UI_DIR", tmp_path)
    i18n.load_ui.cache_clear()
    try:
        assert "controls.pause" not in flat_keys(load_ui("mn"))
        assert t("mn", "controls.pause") == "Pause"   # at run time it falls back to English
    finally:
        monkeypatch.undo()
        i18n.load_ui.cache_clear()


def test_placeholders_and_lists_match_english() -> None:
    english = flat_keys(load_ui("en"))
    for lang in LANGUAGES:
        keys = flat_keys(load_ui(lang))
        for key, value in english.items():
            if isinstance(value, list):
                assert len(keys[key]) == len(value), (lang, key)
            elif key.startswith("date."):   # date patterns may use the month's number or its name
                assert set(FIELD.findall(keys[key])) <= {"y", "m", "d", "month"}, (lang, key)
                assert "y" in FIELD.findall(keys[key]), (lang, key)
            else:
                assert set(FIELD.findall(str(keys[key]))) == set(FIELD.findall(str(value))), (lang, key)


def test_every_key_the_code_uses_exists() -> None:
    english = flat_keys(load_ui("en"))
    used: set[str] = set()
    for path in (ROOT / "dashboard").glob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*\w+,\s*["']([a-z_]+\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
    used |= {f"legend.{g['id']}" for g in figures.STATUS_GROUPS}
    assert len(used) > 60
    assert sorted(k for k in used if k not in english) == []
    for lang in LANGUAGES:   # raises KeyError if a key the browser needs is gone
        assert set(i18n.js_strings(lang)) == set(i18n.js_strings("en"))


@pytest.mark.parametrize(("lang", "day", "month", "year"), [
    ("en", "1 January 1911", "March 1921", "1689"),
    ("zh", "1911年1月1日", "1921年3月", "1689年"),
    ("mn", "1911 оны 1-р сарын 1", "1921 оны 3-р сар", "1689 он"),
])
def test_dates_in_words(lang, day, month, year) -> None:
    assert date_words("1911-01-01", lang) == day
    assert date_words("1921-03-18", lang, "month") == month
    assert date_words("1689-01-01", lang, "year") == year


def test_language_from_url_then_browser_then_english() -> None:
    assert pick_language("zh", "mn") == ("zh", False)
    assert pick_language("ZH-cn", None) == ("zh", False)
    assert pick_language(None, "fr-FR,mn;q=0.8,en;q=0.5") == ("mn", False)
    assert pick_language(None, "zh-TW;q=0.4, en;q=0.9") == ("en", False)
    assert pick_language(None, "fr, de") == ("en", False)
    assert pick_language(None, None) == ("en", False)
    assert pick_language("klingon", "zh") == ("zh", True)
    assert pick_language("", "garbage;;q=x,,") == ("en", True)
    assert i18n.parse_accept_language("en;q=0, zh;q=0.5, mn") == ["mn", "zh"]


def test_page_data_carries_the_language() -> None:
    en, zh, mn = page_data("en"), page_data("zh"), page_data("mn")
    i = en["units"].index("outer_mongolia")
    assert en["unitNames"][i] == "Outer Mongolia"
    assert zh["unitNames"][i] == data_i18n.translate("zh", "units", "outer_mongolia", "name") == "外蒙古"
    assert mn["unitNames"][i] == data_i18n.translate("mn", "units", "outer_mongolia", "name") == "Монгол (Ар Монгол)"
    assert zh["statuses"][0]["label"] == data_i18n.translate("zh", "statuses", zh["statuses"][0]["id"], "label")
    assert mn["statuses"][0]["label"] != en["statuses"][0]["label"]
    assert zh["events"][0]["title"] == data_i18n.translate("zh", "events", zh["events"][0]["id"], "title")
    assert zh["events"][0]["words"].endswith("日") and "en" not in zh["events"][0]
    # an event Mongolian translates shows in Mongolian (the English fallback is tested below)
    assert mn["events"][0]["title"] == data_i18n.translate("mn", "events", mn["events"][0]["id"], "title")
    assert mn["events"][0]["title"] != en["events"][0]["title"] and "en" not in mn["events"][0]
    assert mn["events"][0]["words"].startswith("1689 оны")
    # only texts differ: the geometry-sized parts are shared, not copied
    assert zh["edges"] is en["edges"] and zh["states"] is en["states"]
    assert zh["ui"]["dateDay"] == "{y}年{m}月{d}日"


def test_an_untranslated_event_shows_in_english_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """An event Mongolian does not translate yet is shown in English, marked so the page can say so and set
    lang="en" (every event has a Mongolian text now, so the first one's is taken away here)."""
    eid = page_data("en")["events"][0]["id"]
    real = data_i18n.translate

    def without_first_event(lang: str, *path: str, **kw):
        return "" if lang == "mn" and path[:2] == ("events", eid) else real(lang, *path, **kw)

    monkeypatch.setattr(data_i18n, "translate", without_first_event)
    i18n.data_text.cache_clear()
    page_data.cache_clear()
    try:
        ev = page_data("mn")["events"][0]
        assert ev["title"] == page_data("en")["events"][0]["title"] and ev["en"] == 1
    finally:
        i18n.data_text.cache_clear()
        page_data.cache_clear()
