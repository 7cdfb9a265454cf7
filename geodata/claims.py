"""The 'Reading the source' claims (claims.yaml) and the perspectives on contested moments (perspectives.yaml).

claims.yaml quotes, in order, the checkable claims of a text circulating online (the seed text in
../shared/seed/) and gives each a verdict, an explanation and sources. perspectives.yaml keeps the agreed
facts of a contested moment apart from each side's attributed view.
"""
from __future__ import annotations

from pathlib import Path

from . import models
from .errors import DataError
from .io import DATA_DIR, read_yaml, require_keys

VERDICTS = ("correct", "partly_correct", "wrong", "garbled", "opinion", "unverified", "contested")
SIDES = ("prc", "roc", "mongolia", "soviet_russian", "scholars")
MOMENTS = ("declaration_1911", "kyakhta_1915", "revocation_1919", "revolution_1921", "plebiscite_1945",
           "recognition_1946", "roc_reversal_1953", "taiwan_2002")
PRECISIONS = models.PRECISIONS
MAX_QUOTE_WORDS = 30

REPO_ROOT = DATA_DIR.parent
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"
SEED_FILE = "000_9b99ca4862ae13bf.txt"

def load_claims(data_dir: Path = DATA_DIR) -> dict:
    """claims.yaml, checked: source text, numbered paragraphs, and claims with known verdicts, dates and sources.

    Returns {"source_text": {...}, "paragraphs": [{"n", "summary"}], "claims": [{"id", "paragraph", "quote",
    "verdict", "date" (datetime.date or None), "date_precision", "explanation", "sources", "event" (the event
    whose date `date` is, or ""), "about" (event ids and "unit:start" rows the claim concerns), "claimed_date"
    (the date the text asserts, or None)}]} in file order.
    """
    path = data_dir / "claims.yaml"
    data = models.validated(path, models.Claims, read_yaml(path))
    source_text = {k: getattr(data.source_text, k) for k in ("title", "url", "file", "description")}
    out_paragraphs = []
    for n, raw in enumerate(data.paragraphs, 1):
        if raw.n != n:
            raise DataError(path, f"paragraph #{n} is numbered {raw.n!r}; paragraphs must be numbered 1, 2, 3...")
        out_paragraphs.append({"n": n, "summary": raw.summary})
    out_claims: list[dict] = []
    seen: set[str] = set()
    for c in data.claims:
        what = f"claim {c.id!r}"
        if c.id in seen:
            raise DataError(path, f"{what} appears twice")
        seen.add(c.id)
        if not 1 <= c.paragraph <= len(out_paragraphs):
            raise DataError(path, f"{what}: paragraph {c.paragraph!r} is not one of 1..{len(out_paragraphs)}")
        if len(c.quote.split()) > MAX_QUOTE_WORDS:
            raise DataError(path, f"{what}: quote has {len(c.quote.split())} words; keep it under {MAX_QUOTE_WORDS}")
        if c.verdict not in VERDICTS:
            raise DataError(path, f"{what}: unknown verdict {c.verdict!r} (use one of {', '.join(VERDICTS)})")
        if c.verdict == "contested" and len(c.sources) < 2:
            raise DataError(path, f"{what} is contested but cites fewer than two sources")
        out_claims.append({
            "id": c.id, "paragraph": c.paragraph, "quote": c.quote, "verdict": c.verdict, "date": c.date,
            "date_precision": c.date_precision, "explanation": c.explanation,
            "sources": models.source_dicts(c.sources), "event": c.event, "about": list(c.about),
            "claimed_date": c.claimed_date,
        })
    return {"source_text": source_text, "paragraphs": out_paragraphs, "claims": out_claims}


def load_perspectives(data_dir: Path = DATA_DIR) -> dict:
    """perspectives.yaml, checked: every moment with a title, a date, the agreed facts and attributed views.

    Returns {moment_id: {"title", "date" (datetime.date), "date_precision", "date_note", "facts",
    "facts_sources", "uncertainty", "event" (the event the moment belongs to, or ""), "views": [{"side", "who",
    "view", "sources"}]}} in MOMENTS order.
    """
    path = data_dir / "perspectives.yaml"
    data = read_yaml(path)
    require_keys(path, data, list(MOMENTS), "moment")
    moments = models.validated(path, models.Perspectives, data).root
    out: dict[str, dict] = {}
    for mid in MOMENTS:
        m = moments[mid]
        out_views = []
        for n, view in enumerate(m.views, 1):
            if view.side not in SIDES:
                raise DataError(path, f"moment {mid!r} view #{n}: unknown side {view.side!r} "
                                      f"(use one of {', '.join(SIDES)})")
            out_views.append({"side": view.side, "who": view.who, "view": view.view,
                              "sources": models.source_dicts(view.sources)})
        out[mid] = {
            "title": m.title, "date": m.date, "date_precision": m.date_precision, "date_note": m.date_note,
            "facts": m.facts, "facts_sources": models.source_dicts(m.facts_sources),
            "uncertainty": m.uncertainty, "event": m.event, "views": out_views,
        }
    return out


def seed_text(name: str = SEED_FILE, seed_dir: Path = SEED_DIR) -> str | None:
    """The seed text the claims quote, or None when the seed folder (../shared/seed) is absent.

    A present folder without the file is an error, so a broken checkout is not mistaken for a missing one.
    """
    if not seed_dir.is_dir():
        return None
    path = seed_dir / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "file is missing (the seed folder exists)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot be read ({exc})") from None


def quote_positions(claims: dict, text: str, data_dir: Path = DATA_DIR) -> list[int]:
    """Where each quote starts in the seed text; DataError if a quote is absent, out of order or in another paragraph.

    Paragraphs are the text's lines. Quotes must appear in the text's order (positions never decrease).
    """
    path = data_dir / "claims.yaml"
    lines = text.split("\n")
    positions: list[int] = []
    last = 0
    for c in claims["claims"]:
        what = f"claim {c['id']!r}"
        if c["quote"] not in text:
            raise DataError(path, f"{what}: quote {c['quote']!r} does not occur in the source text")
        pos = text.find(c["quote"], last)
        if pos < 0:
            raise DataError(path, f"{what}: quote occurs only before the previous claim's quote (claims must "
                                  "follow the text's order)")
        if c["paragraph"] > len(lines) or c["quote"] not in lines[c["paragraph"] - 1]:
            raise DataError(path, f"{what}: quote is not in paragraph {c['paragraph']} of the source text")
        positions.append(pos)
        last = pos
    return positions
