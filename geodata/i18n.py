"""Translations of the atlas's data texts: English from the data files, Chinese and Mongolian from i18n/*.yaml.

A translation file mirrors the translatable fields of the English data, keyed by the data's own ids:

    statuses:  {<status id>: {label, description}}
    claimants: {<claimant id>: {label}}
    precision: {close, approximate}
    units:     {<unit id>: {name, precision_note}}
    events:    {<event id>: {title, summary, place, date_note, uncertainty}}
    periods:   {<unit id>: {"<start ISO date>": {note, uncertainty}}}
    claims:    {source_text: {title, description},
                paragraphs: {"<n>": {summary}},
                items: {<claim id>: {explanation, quote_gloss}},
                verdicts: {<verdict>: <label>}}
    perspectives: {<moment id>: {title, facts, date_note, uncertainty, views: {"<n>": {view, who}}}}
    perspectives_sides: {<side>: <label>}

Optional English fields (an event's date_note or uncertainty, a period's uncertainty, a moment's date_note or
uncertainty, a view's who) are expected in a translation only where the English has them. A missing
translation falls back to English (`translate`).

Paragraphs and views are numbered from 1, in file order (views as in "moment 'x' view #n" of claims.py).
A claim's quote is not translated: it stays in the source text's own English words. `quote_gloss` says in the
translation's language what those words say; in the English dict it is the quote itself.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .catalog import PRECISION_LABELS
from .claims import SIDES, VERDICTS, load_claims, load_perspectives
from .errors import DataError
from .io import DATA_DIR, read_yaml

LANGUAGES = ("en", "zh", "mn")


def language_texts(path: Path, raw: object, what: str, noun: str, not_a_mapping: str) -> dict[str, str]:
    """A {language: text} mapping from a data file, with a text in every language (else DataError naming it)."""
    if not isinstance(raw, dict):
        raise DataError(path, not_a_mapping)
    texts = {str(k): str(v).strip() for k, v in raw.items() if v is not None}
    missing = [lang for lang in LANGUAGES if not texts.get(lang)]
    if missing:
        raise DataError(path, f"{what} lacks {noun} in {', '.join(missing)}")
    return {lang: texts[lang] for lang in LANGUAGES}
SECTIONS = ("statuses", "claimants", "precision", "units", "events", "periods", "claims", "perspectives",
            "perspectives_sides")
FIELDS = {
    "statuses": ("label", "description"),
    "claimants": ("label",),
    "units": ("name", "precision_note"),
    "events": ("title", "summary", "place", "date_note", "uncertainty"),
    "periods": ("note", "uncertainty"),
    "source_text": ("title", "description"),
    "paragraphs": ("summary",),
    "claim_items": ("explanation", "quote_gloss"),
    "perspectives": ("title", "facts", "date_note", "uncertainty"),
    "views": ("view", "who"),
}
ENGLISH_FILES = ("statuses.yaml", "claimants.yaml", "units.yaml", "events.yaml", "periods.yaml", "claims.yaml",
                 "perspectives.yaml")
VERDICT_LABELS = {
    "correct": "Correct",
    "partly_correct": "Partly correct",
    "wrong": "Wrong",
    "garbled": "Garbled translation",
    "opinion": "Opinion",
    "unverified": "Unverified",
    "contested": "Contested",
}
SIDE_LABELS = {
    "prc": "People's Republic of China",
    "roc": "Republic of China (Taiwan)",
    "mongolia": "Mongolia",
    "soviet_russian": "Soviet Union / Russia",
    "scholars": "Outside scholars",
}
assert set(VERDICT_LABELS) == set(VERDICTS) and set(SIDE_LABELS) == set(SIDES)

# The nesting of each section: a mapping lists its known keys ("*" stands for any id), 0 marks a text.
_TEXT = 0
_SHAPES: dict[str, Any] = {
    "statuses": {"*": {"*": _TEXT}},
    "claimants": {"*": {"*": _TEXT}},
    "precision": {"*": _TEXT},
    "units": {"*": {"*": _TEXT}},
    "events": {"*": {"*": _TEXT}},
    "periods": {"*": {"*": {"*": _TEXT}}},
    "claims": {
        "source_text": {"*": _TEXT},
        "paragraphs": {"*": {"*": _TEXT}},
        "items": {"*": {"*": _TEXT}},
        "verdicts": {"*": _TEXT},
    },
    "perspectives": {"*": {"views": {"*": {"*": _TEXT}}, "*": _TEXT}},
    "perspectives_sides": {"*": _TEXT},
}

KeyPath = tuple[str, ...]


def translation_path(lang: str, data_dir: Path = DATA_DIR) -> Path:
    """Where the translation file of a (non-English) language lives."""
    return data_dir / "i18n" / f"{lang}.yaml"


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date_key(value: Any) -> str:
    """A period start as an ISO string, whether YAML gave a string or a date."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _records(path: Path, what: str) -> list[dict]:
    data = read_yaml(path)
    if not isinstance(data, list) or not all(isinstance(r, dict) and r.get("id") for r in data):
        raise DataError(path, f"should be a list of {what} records with ids")
    return data


def _english(data_dir: Path) -> dict:
    """The translatable English texts, in the same nested shape as a translation file."""
    out: dict[str, dict] = {section: {} for section in SECTIONS}
    for rec in _records(data_dir / "statuses.yaml", "status"):
        out["statuses"][str(rec["id"])] = {"label": _text(rec.get("label")),
                                           "description": _text(rec.get("description"))}
    for rec in _records(data_dir / "claimants.yaml", "claimant"):
        out["claimants"][str(rec["id"])] = {"label": _text(rec.get("label"))}
    out["precision"] = dict(PRECISION_LABELS)
    for rec in _records(data_dir / "units.yaml", "unit"):
        names = rec.get("names") if isinstance(rec.get("names"), dict) else {}
        out["units"][str(rec["id"])] = {"name": _text(names.get("en")),
                                        "precision_note": _text(rec.get("precision_note"))}
    for rec in _records(data_dir / "events.yaml", "event"):
        out["events"][str(rec["id"])] = {k: _text(rec.get(k)) for k in FIELDS["events"] if _text(rec.get(k))}
    path = data_dir / "periods.yaml"
    periods = read_yaml(path)
    if not isinstance(periods, dict):
        raise DataError(path, "should map unit ids to lists of period rows")
    for uid, rows in periods.items():
        if not isinstance(rows, list):
            raise DataError(path, f"unit {uid}: should be a list of period rows")
        unit: dict[str, dict] = {}
        for row in rows:
            if not isinstance(row, dict) or "start" not in row:
                raise DataError(path, f"unit {uid}: every row needs a start")
            unit[_date_key(row["start"])] = {k: _text(row.get(k)) for k in FIELDS["periods"] if _text(row.get(k))}
        out["periods"][str(uid)] = unit
    claims = load_claims(data_dir)
    out["claims"] = {
        "source_text": {k: claims["source_text"][k] for k in FIELDS["source_text"]},
        "paragraphs": {str(p["n"]): {"summary": p["summary"]} for p in claims["paragraphs"]},
        "items": {c["id"]: {"explanation": c["explanation"], "quote_gloss": c["quote"]} for c in claims["claims"]},
        "verdicts": dict(VERDICT_LABELS),
    }
    for mid, moment in load_perspectives(data_dir).items():
        entry: dict[str, Any] = {k: moment[k] for k in FIELDS["perspectives"] if _text(moment[k])}
        entry["views"] = {str(n): {k: view[k] for k in FIELDS["views"] if _text(view[k])}
                          for n, view in enumerate(moment["views"], 1)}
        out["perspectives"][mid] = entry
    out["perspectives_sides"] = dict(SIDE_LABELS)
    return out


def _normalise(path: Path, data: Any) -> dict:
    """Check a translation file's shape and return it with string keys and stripped string leaves."""
    if not isinstance(data, dict):
        raise DataError(path, "should be a mapping of sections")
    unknown = [str(k) for k in data if k not in SECTIONS]
    if unknown:
        raise DataError(path, f"has unknown sections {unknown}; expected some of {list(SECTIONS)}")

    def walk(node: Any, shape: Any, where: str) -> Any:
        if shape == _TEXT:
            if node is not None and not isinstance(node, (str, int, float)):
                raise DataError(path, f"{where} should be a text")
            return _text(node)
        if node is None:
            return {}
        if not isinstance(node, dict):
            raise DataError(path, f"{where} should be a mapping")
        out = {}
        for k, v in node.items():
            key = _date_key(k)
            if key not in shape and "*" not in shape:
                raise DataError(path, f"{where} has unknown key {key!r}; expected some of {sorted(shape)}")
            out[key] = walk(v, shape.get(key, shape.get("*")), f"{where}.{key}")
        return out

    return {section: walk(data[section], _SHAPES[section], section) for section in SECTIONS if section in data}


def load_translations(lang: str, data_dir: Path = DATA_DIR) -> dict:
    """The nested translation dict of a language; for "en", the same shape built from the English data."""
    _check_lang(lang)
    if lang == "en":
        return _english(data_dir)
    path = translation_path(lang, data_dir)
    return _normalise(path, read_yaml(path))


def _paths(tree: dict, prefix: KeyPath = ()) -> set[KeyPath]:
    out: set[KeyPath] = set()
    for key, value in tree.items():
        if isinstance(value, dict):
            out |= _paths(value, (*prefix, key))
        else:
            out.add((*prefix, key))
    return out


def _get(tree: dict, path: KeyPath) -> Any:
    node: Any = tree
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def expected_keys(data_dir: Path = DATA_DIR) -> set[KeyPath]:
    """Every translatable key path of the English data, e.g. ("events", "nerchinsk_1689", "title")."""
    return _paths(_cached("en", data_dir))


def missing_keys(lang: str, required_sections: tuple[str, ...] | list[str] = SECTIONS,
                 data_dir: Path = DATA_DIR) -> list[KeyPath]:
    """Sorted key paths in the required sections that the language lacks or leaves empty."""
    _check_lang(lang)
    bad = [s for s in required_sections if s not in SECTIONS]
    if bad:
        raise ValueError(f"unknown sections {bad}; expected some of {SECTIONS}")
    tree = _cached(lang, data_dir)
    return sorted(p for p in expected_keys(data_dir)
                  if p[0] in required_sections and not _text(_get(tree, p)))


def stale_keys(lang: str, data_dir: Path = DATA_DIR) -> list[KeyPath]:
    """Sorted key paths a translation has but the English data does not (removed ids, dropped fields)."""
    _check_lang(lang)
    return sorted(_paths(_cached(lang, data_dir)) - expected_keys(data_dir))


_CACHE: dict[tuple[str, Path], dict] = {}


def _cached(lang: str, data_dir: Path) -> dict:
    """The translation tree of a language, read once per process: the app serves one consistent set of texts
    (editing a file while it runs changes nothing until a restart; the data is checked at start-up)."""
    key = (lang, Path(data_dir))
    if key not in _CACHE:
        _CACHE[key] = load_translations(lang, data_dir)
    return _CACHE[key]


def translation_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Problems of the translation files: unreadable or misshapen files, and keys the English data lacks."""
    found = []
    expected = _paths(_cached("en", data_dir))
    for lang in LANGUAGES[1:]:
        try:
            tree = _cached(lang, data_dir)
        except DataError as exc:
            found.append(str(exc))
            continue
        stale = sorted(_paths(tree) - expected)
        if stale:
            shown = ", ".join(".".join(k) for k in stale[:3]) + (" ..." if len(stale) > 3 else "")
            found.append(f"{translation_path(lang, data_dir)}: {len(stale)} key(s) the English data does not have "
                         f"(removed or misspelt ids): {shown}")
    return found


def ui_problems(ui_dir: Path) -> list[str]:
    """Problems of the interface string files ({en,zh,mn}.yaml): unreadable, not a mapping, or keys not as in English."""
    found: list[str] = []
    trees: dict[str, dict[str, Any]] = {}
    for lang in LANGUAGES:
        path = Path(ui_dir) / f"{lang}.yaml"
        try:
            tree = read_yaml(path)
        except DataError as exc:
            found.append(str(exc))
            continue
        if not isinstance(tree, dict):
            found.append(f"{path}: should be a mapping of sections")
            continue
        trees[lang] = _flat(tree)
        bad = [k for k, v in trees[lang].items() if not isinstance(v, str)
               and not (isinstance(v, list) and all(isinstance(x, str) for x in v))]
        if bad:
            found.append(f"{path}: {bad[0]} should be a text or a list of texts")
    english = trees.get("en")
    for lang, keys in trees.items():
        if english is None or lang == "en":
            continue
        path = Path(ui_dir) / f"{lang}.yaml"
        missing = sorted(set(english) - set(keys))
        extra = sorted(set(keys) - set(english))
        if missing:
            found.append(f"{path}: lacks {len(missing)} key(s) English has: {', '.join(missing[:3])}")
        if extra:
            found.append(f"{path}: has {len(extra)} key(s) English does not: {', '.join(extra[:3])}")
    return found


def _flat(tree: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def translate(lang: str, *path: str, default: str | None = None, data_dir: Path = DATA_DIR) -> str:
    """The translated text at a key path, e.g. translate("zh", "statuses", "qing", "label").

    When the language lacks the text (or leaves it empty), returns `default`, or the English text if no
    default is given ("" if English has none either).
    """
    _check_lang(lang)
    keys = tuple(_date_key(p) for p in path)
    value = _text(_get(_cached(lang, data_dir), keys))
    if value:
        return value
    if default is not None:
        return default
    return "" if lang == "en" else _text(_get(_cached("en", data_dir), keys))
