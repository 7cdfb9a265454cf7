"""Interface translations: every key in every language, placeholders kept, dates in words, language choice."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from geodata import i18n as data_i18n

from dashboard import figures, i18n
from dashboard.data import load_atlas
from dashboard.i18n import LANGUAGES, flat_keys, load_ui, page_config, pick_language, t

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
    for path in (ROOT / "dashboard").rglob("*.py"):   # the page parts live in dashboard/views/
        used |= set(re.findall(r"""\bt\(\s*\w+,\s*["']([a-z_]+\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
    used |= {f"legend.{g['id']}" for g in figures.STATUS_GROUPS}
    assert len(used) > 60
    assert sorted(k for k in used if k not in english) == []
    for lang in LANGUAGES:   # raises KeyError if a key the browser needs is gone
        assert set(i18n.js_strings(lang)) == set(i18n.js_strings("en"))


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


def test_text_bundles_carry_the_language() -> None:
    texts, tl = load_atlas().texts, load_atlas().data
    en, zh, mn = texts["en"], texts["zh"], texts["mn"]
    i = tl["units"].index("outer_mongolia")
    assert en["units"][i] == "Outer Mongolia"
    assert zh["units"][i] == data_i18n.translate("zh", "units", "outer_mongolia", "name") == "外蒙古"
    assert mn["units"][i] == data_i18n.translate("mn", "units", "outer_mongolia", "name") == "Монгол (Ар Монгол)"
    assert zh["statuses"][0] == data_i18n.translate("zh", "statuses", tl["statuses"][0], "label")
    assert mn["statuses"][0] != en["statuses"][0]
    first = tl["events"][0]["id"]
    assert zh["events"][0]["title"] == data_i18n.translate("zh", "events", first, "title") and "en" not in zh["events"][0]
    # every event is in Mongolian: none is shown in English (marked "en" for lang="en")
    assert [e["title"] for e in mn["events"] if e.get("en")] == []
    assert mn["events"][0]["title"] == data_i18n.translate("mn", "events", first, "title") != en["events"][0]["title"]


def test_page_config_gives_the_script_its_strings() -> None:
    zh = page_config("zh")
    assert zh["lang"] == "zh" and zh["ui"]["cldr"]["dates"]["day"] == "y年M月d日"
    assert len(zh["styles"]) == len(load_atlas().data["statuses"])
