"""The worksheet and answer key (worksheet.yaml): the key dates whose maps it prints and its questions with answers."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .dates import in_range
from .errors import DataError
from .i18n import LANGUAGES, language_texts
from . import models
from .io import DATA_DIR, read_yaml

ORIGINS = ("tour", "source_reading")   # where a question is drawn from: the guided tour or 'Reading the source'
MIN_QUESTIONS = 8
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class WorksheetMap:
    """A printed map: the date it shows and the event of that date."""

    date: dt.date
    event: str


@dataclass(frozen=True)
class WorksheetQuestion:
    """One question with its answer for the key, per language, and the events and claims it rests on."""

    id: str
    origin: str
    question: dict[str, str]
    answer: dict[str, str]
    events: tuple[str, ...]
    claims: tuple[str, ...]
    on_maps: tuple[dt.date, ...]


@dataclass(frozen=True)
class Worksheet:
    """The worksheet's maps, oldest first, and its questions in file order."""

    maps: tuple[WorksheetMap, ...]
    questions: tuple[WorksheetQuestion, ...]


def _date(path: Path, value: object, what: str) -> dt.date:
    try:
        return in_range(value)
    except ValueError as exc:
        raise DataError(path, f"{what}: {exc}") from None


def _texts(path: Path, raw: object, what: str) -> dict[str, str]:
    return language_texts(path, raw, what, "a text", f"{what} should map each of {', '.join(LANGUAGES)} to a text")


def _ids(path: Path, raw: object, known: Collection[str] | None, what: str, kind: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise DataError(path, f"{what}: {kind}s should be a list of {kind} ids")
    if known is not None:
        unknown = [x for x in raw if x not in known]
        if unknown:
            raise DataError(path, f"{what} names unknown {kind} ids {unknown}")
    return tuple(raw)


def load_worksheet(path: Path | None = None, event_dates: dict[str, dt.date] | None = None,
                   claim_ids: Collection[str] | None = None) -> Worksheet:
    """worksheet.yaml, checked; DataError names the file. Event ids (and that each map shows its event's date)
    and claim ids are checked when given."""
    path = path or DATA_DIR / "worksheet.yaml"
    raw = read_yaml(path)
    models.validated(path, models.WorksheetFile, raw)
    maps: list[WorksheetMap] = []
    for n, item in enumerate(raw["maps"], 1):
        what = f"map #{n}"
        day = _date(path, item["date"], what)
        event = str(item["event"])
        if event_dates is not None:
            if event not in event_dates:
                raise DataError(path, f"{what} ({day}) names unknown event {event!r}")
            if event_dates[event] != day:
                raise DataError(path, f"{what} ({day}) is not the date of its event {event!r} ({event_dates[event]})")
        if maps and day <= maps[-1].date:
            raise DataError(path, f"{what} ({day}) is not after the map before it ({maps[-1].date})")
        maps.append(WorksheetMap(date=day, event=event))
    map_dates = {m.date for m in maps}

    questions: list[WorksheetQuestion] = []
    seen: set[str] = set()
    for item in raw["questions"]:
        qid = str(item["id"])
        what = f"question {qid!r}"
        if not _ID.match(qid) or qid in seen:
            raise DataError(path, f"{what}: ids must be snake_case and unique")
        seen.add(qid)
        if item["from"] not in ORIGINS:
            raise DataError(path, f"{what}: from {item['from']!r} is not one of {', '.join(ORIGINS)}")
        events = _ids(path, item.get("events"), event_dates, what, "event")
        claims = _ids(path, item.get("claims"), claim_ids, what, "claim")
        if not events and not claims:
            raise DataError(path, f"{what} rests on no event or claim")
        if item["from"] == "source_reading" and not claims:
            raise DataError(path, f"{what} is drawn from the source text but names no claim")
        on_maps = item.get("on_maps") or []
        if not isinstance(on_maps, list):
            raise DataError(path, f"{what}: on_maps should be a list of map dates")
        days = tuple(_date(path, d, what) for d in on_maps)
        stray = [d.isoformat() for d in days if d not in map_dates]
        if stray:
            raise DataError(path, f"{what} refers to maps the worksheet does not print: {stray}")
        questions.append(WorksheetQuestion(
            id=qid, origin=item["from"], question=_texts(path, item["question"], f"{what} question"),
            answer=_texts(path, item["answer"], f"{what} answer"), events=events, claims=claims, on_maps=days))
    if len(questions) < MIN_QUESTIONS:
        raise DataError(path, f"has {len(questions)} questions; a worksheet needs at least {MIN_QUESTIONS}")
    return Worksheet(maps=tuple(maps), questions=tuple(questions))
