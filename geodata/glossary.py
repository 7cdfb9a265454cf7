"""The glossary of historical terms (i18n/glossary.yaml) and the check that the zh and mn texts follow it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import models
from .catalog import unit_records
from .errors import DataError
from .i18n import LANGUAGES, _cached, _get, _paths, _text
from .io import DATA_DIR, read_yaml

TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "en")


@dataclass(frozen=True)
class Term:
    """One glossary entry: its English forms, its rendering per language, accepted and wrong variants."""

    en: tuple[str, ...]
    rendering: dict[str, str]
    match: dict[str, tuple[str, ...]]
    wrong: dict[str, tuple[str, ...]]


def glossary_path(data_dir: Path = DATA_DIR) -> Path:
    """Where the glossary lives."""
    return data_dir / "i18n" / "glossary.yaml"


def load_glossary(data_dir: Path = DATA_DIR) -> list[Term]:
    """The glossary's terms in file order; a malformed entry raises DataError naming the file."""
    path = glossary_path(data_dir)
    terms: list[Term] = []
    seen: set[str] = set()
    for item in models.records(path, models.Term, read_yaml(path)):
        en = tuple(item.en)
        where = f"term {en[0]!r}"
        for form in en:
            if form in seen:
                raise DataError(path, f"{where}: English form {form!r} is listed twice")
            seen.add(form)
        rendering = {lang: getattr(item, lang) for lang in TRANSLATED}
        match = {lang: tuple(forms) for lang, forms in (item.match or {}).items()}
        wrong = {lang: tuple(forms) for lang, forms in (item.wrong or {}).items()}
        for lang, forms in wrong.items():
            clash = [f for f in forms if f in rendering[lang] or any(f in m for m in match.get(lang, ()))]
            if clash:
                raise DataError(path, f"{where}: wrong {lang} variants {clash} are part of an accepted form")
        terms.append(Term(en=en, rendering=rendering,
                          match={lang: match.get(lang, (rendering[lang],)) for lang in TRANSLATED}, wrong=wrong))
    return terms


def _pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def terms_in(text: str, terms: list[Term]) -> list[Term]:
    """The terms an English text names; a term inside or across a longer term's words ("Bogd Khan" in "Bogd
    Khanate", "Republic of China" in "People's Republic of China") does not count there."""
    text = text.replace("\u2019", "'")  # a quote's curly apostrophe (People’s) names the same term
    forms = sorted(((form, term) for term in terms for form in term.en), key=lambda ft: -len(ft[0]))
    taken: list[tuple[int, int]] = []
    found: list[Term] = []
    for form, term in forms:
        for m in _pattern(form).finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            if term not in found:
                found.append(term)
    return found


def _tour_texts(data_dir: Path) -> dict[str, dict[tuple[str, ...], str]]:
    from .tour import load_tour  # the tour is optional in a copied data dir

    path = Path(data_dir) / "tour.yaml"
    if not path.exists():
        return {lang: {} for lang in LANGUAGES}
    stops = load_tour(path)
    return {lang: {("tour", s.date.isoformat()): s.caption.get(lang, "") for s in stops} for lang in LANGUAGES}


def data_texts(lang: str, data_dir: Path = DATA_DIR) -> dict[tuple[str, ...], str]:
    """Every data text of a language by key path: the translation sections, the tour captions and the units'
    names of the period (units.yaml names_by_date, keyed "units", id, "names_by_date", n)."""
    tree = _cached(lang, Path(data_dir))
    texts = {p: _text(_get(tree, p)) for p in _paths(tree)}
    texts.update(_tour_texts(data_dir)[lang])
    for uid, unit in unit_records(data_dir).items():
        for n, entry in enumerate(unit.get("names_by_date", ()), 1):
            texts[("units", uid, "names_by_date", str(n))] = entry[lang]
    return texts


def glossary_problems(lang: str, data_dir: Path = DATA_DIR) -> list[str]:
    """Where a translated text departs from the glossary, as readable sentences (empty when all is well).

    A text whose English names a term must contain one of the term's accepted forms; no text may contain a
    term's wrong variants. Texts not yet translated are left to the completeness check.
    """
    if lang not in TRANSLATED:
        raise ValueError(f"the glossary checks {TRANSLATED}, not {lang!r}")
    terms = load_glossary(data_dir)
    english, translated = data_texts("en", data_dir), data_texts(lang, data_dir)
    found: list[str] = []
    for path, text in sorted(translated.items()):
        if not text:
            continue
        key = ".".join(path)
        for term in terms_in(english.get(path, ""), terms):
            if not any(form in text for form in term.match[lang]):
                found.append(f"{lang} {key}: English names {term.en[0]!r} but the text has none of "
                             f"{list(term.match[lang])}")
        for term in terms:
            for bad in term.wrong.get(lang, ()):
                if bad in text:
                    found.append(f"{lang} {key}: has {bad!r}; the glossary renders {term.en[0]!r} "
                                 f"as {term.rendering[lang]!r}")
    return found
