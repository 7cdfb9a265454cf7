"""The 'Reading the source' claims (claims.yaml) and the perspectives on contested moments (perspectives.yaml).

claims.yaml quotes, in order, the checkable claims of a text circulating online (the seed text in
../shared/seed/) and gives each a verdict, an explanation and sources. perspectives.yaml keeps the agreed
facts of a contested moment apart from each side's attributed view.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .dates import in_range
from .errors import DataError
from .io import DATA_DIR, read_yaml, require, require_keys
from .periods import check_sources

VERDICTS = ("correct", "partly_correct", "wrong", "garbled", "opinion", "unverified", "contested")
SIDES = ("prc", "roc", "mongolia", "soviet_russian", "scholars")
MOMENTS = ("declaration_1911", "kyakhta_1915", "revocation_1919", "revolution_1921", "plebiscite_1945",
           "recognition_1946", "roc_reversal_1953", "taiwan_2002")
PRECISIONS = ("day", "month", "year")
MAX_QUOTE_WORDS = 30

REPO_ROOT = DATA_DIR.parent
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"
SEED_FILE = "000_9b99ca4862ae13bf.txt"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# What a claim is `about`: an event id, or a unit's status row as "unit_id:YYYY-MM-DD" (the row's start).
_ABOUT = re.compile(r"^[a-z][a-z0-9_]*(:\d{4}-\d{2}-\d{2})?$")


def _date(path: Path, value: object, what: str) -> dt.date:
    try:
        return in_range(value)
    except ValueError as exc:
        raise DataError(path, f"{what}: {exc}") from None


def _precision(path: Path, raw: dict, what: str) -> str:
    precision = raw.get("date_precision") or "day"
    if precision not in PRECISIONS:
        raise DataError(path, f"{what}: date_precision {precision!r} is not one of {PRECISIONS}")
    return precision


def _text(path: Path, value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataError(path, f"{what} must be non-empty text")
    return value.strip()


def _about(path: Path, raw: dict, what: str) -> list[str]:
    about = raw.get("about") or []
    if not isinstance(about, list) or not all(isinstance(a, str) and _ABOUT.match(a) for a in about):
        raise DataError(path, f"{what}: about must list event ids or 'unit:YYYY-MM-DD' rows")
    return list(about)


def _claimed_date(path: Path, value: object, what: str) -> dt.date | None:
    """The date the source text asserts (any year: the text's own errors may fall outside the atlas's range)."""
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(path, f"{what}: claimed_date {value!r} is not an ISO date") from None


def load_claims(data_dir: Path = DATA_DIR) -> dict:
    """claims.yaml, checked: source text, numbered paragraphs, and claims with known verdicts, dates and sources.

    Returns {"source_text": {...}, "paragraphs": [{"n", "summary"}], "claims": [{"id", "paragraph", "quote",
    "verdict", "date" (datetime.date or None), "date_precision", "explanation", "sources", "event" (the event
    whose date `date` is, or ""), "about" (event ids and "unit:start" rows the claim concerns), "claimed_date"
    (the date the text asserts, or None)}]} in file order.
    """
    path = data_dir / "claims.yaml"
    data = read_yaml(path)
    require(path, data, ("source_text", "paragraphs", "claims"), "claims.yaml")

    src = data["source_text"]
    require(path, src, ("title", "url", "file", "description"), "source_text")
    if not str(src["url"]).startswith(("http://", "https://")):
        raise DataError(path, f"source_text url {src['url']!r} is not http(s)")
    source_text = {k: str(src[k]).strip() for k in ("title", "url", "file", "description")}

    paragraphs = data["paragraphs"]
    if not isinstance(paragraphs, list) or not paragraphs:
        raise DataError(path, "paragraphs should be a non-empty list")
    out_paragraphs = []
    for n, raw in enumerate(paragraphs, 1):
        require(path, raw, ("n", "summary"), f"paragraph #{n}")
        if raw["n"] != n:
            raise DataError(path, f"paragraph #{n} is numbered {raw['n']!r}; paragraphs must be numbered 1, 2, 3...")
        out_paragraphs.append({"n": n, "summary": _text(path, raw["summary"], f"paragraph {n} summary")})

    claims = data["claims"]
    if not isinstance(claims, list) or not claims:
        raise DataError(path, "claims should be a non-empty list")
    out_claims: list[dict] = []
    seen: set[str] = set()
    for n, raw in enumerate(claims, 1):
        require(path, raw, ("id", "paragraph", "quote", "verdict", "explanation"), f"claim #{n}")
        cid = str(raw["id"])
        what = f"claim {cid!r}"
        if not _ID.match(cid):
            raise DataError(path, f"{what}: id must be snake_case")
        if cid in seen:
            raise DataError(path, f"{what} appears twice")
        seen.add(cid)
        paragraph = raw["paragraph"]
        if not isinstance(paragraph, int) or not 1 <= paragraph <= len(out_paragraphs):
            raise DataError(path, f"{what}: paragraph {paragraph!r} is not one of 1..{len(out_paragraphs)}")
        quote = _text(path, raw["quote"], f"{what} quote")
        if len(quote.split()) > MAX_QUOTE_WORDS:
            raise DataError(path, f"{what}: quote has {len(quote.split())} words; keep it under {MAX_QUOTE_WORDS}")
        verdict = raw["verdict"]
        if verdict not in VERDICTS:
            raise DataError(path, f"{what}: unknown verdict {verdict!r} (use one of {', '.join(VERDICTS)})")
        date = _date(path, raw["date"], what) if raw.get("date") not in (None, "") else None
        sources = check_sources(path, raw.get("sources"), what)
        if verdict == "contested" and len(sources) < 2:
            raise DataError(path, f"{what} is contested but cites fewer than two sources")
        out_claims.append({
            "id": cid, "paragraph": paragraph, "quote": quote, "verdict": verdict, "date": date,
            "date_precision": _precision(path, raw, what), "explanation": _text(path, raw["explanation"], what),
            "sources": sources, "event": str(raw.get("event") or "").strip(), "about": _about(path, raw, what),
            "claimed_date": _claimed_date(path, raw.get("claimed_date"), what),
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
    out: dict[str, dict] = {}
    for mid in MOMENTS:
        raw = data[mid]
        what = f"moment {mid!r}"
        require(path, raw, ("title", "date", "facts", "views"), what)
        facts_sources = (check_sources(path, raw["facts_sources"], f"{what} facts")
                         if raw.get("facts_sources") is not None else [])
        views = raw["views"]
        if not isinstance(views, list) or not views:
            raise DataError(path, f"{what}: views should be a non-empty list")
        out_views = []
        for n, view in enumerate(views, 1):
            vwhat = f"{what} view #{n}"
            require(path, view, ("side", "view"), vwhat)
            if view["side"] not in SIDES:
                raise DataError(path, f"{vwhat}: unknown side {view['side']!r} (use one of {', '.join(SIDES)})")
            out_views.append({
                "side": view["side"], "who": str(view.get("who") or "").strip(),
                "view": _text(path, view["view"], vwhat), "sources": check_sources(path, view.get("sources"), vwhat),
            })
        out[mid] = {
            "title": _text(path, raw["title"], f"{what} title"), "date": _date(path, raw["date"], what),
            "date_precision": _precision(path, raw, what), "date_note": str(raw.get("date_note") or "").strip(),
            "facts": _text(path, raw["facts"], f"{what} facts"), "facts_sources": facts_sources,
            "uncertainty": str(raw.get("uncertainty") or "").strip(), "event": str(raw.get("event") or "").strip(),
            "views": out_views,
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
