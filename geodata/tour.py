"""The built-in guided tour (tour.yaml): key dates of the atlas, each with a short caption in English, Chinese and Mongolian."""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from . import models
from .errors import DataError
from .i18n import LANGUAGES, language_texts
from .io import DATA_DIR, read_yaml



@dataclass(frozen=True)
class TourStop:
    """One stop of the tour: a date, the event it shows, its caption per language and, optionally, a question to
    ask before the map is shown and its answer (predict, then reveal), each in every language or not at all."""

    date: dt.date
    event: str
    caption: dict[str, str]
    question: dict[str, str] | None = None
    answer: dict[str, str] | None = None


def _question_and_answer(path: Path, item: dict, what: str) -> tuple[dict[str, str] | None, dict[str, str] | None]:
    """A stop's optional question and answer: both or neither, each with a text in every language."""
    if item.get("question") is None and item.get("answer") is None:
        return None, None
    texts = {}
    article = {"question": "a question", "answer": "an answer"}
    for key, other in (("question", "answer"), ("answer", "question")):
        texts[key] = language_texts(path, item.get(key), what, article[key],
                                    f"{what} has {article[other]} but no {key} mapping with {', '.join(LANGUAGES)}")
    return texts["question"], texts["answer"]


def load_tour(path: Path | None = None, event_ids: Collection[str] | None = None) -> list[TourStop]:
    """Tour stops, oldest first; any problem raises DataError naming the file (event ids checked if given)."""
    path = path or DATA_DIR / "tour.yaml"
    raw = read_yaml(path)
    checked = models.validated(path, models.Tour, raw).root
    stops: list[TourStop] = []
    for n, (item, stop) in enumerate(zip(raw, checked), 1):
        what = f"stop #{n}"
        day, event = stop.date, stop.event
        if event_ids is not None and event not in event_ids:
            raise DataError(path, f"{what} ({day}) names unknown event {event!r}")
        texts = language_texts(path, item.get("caption"), f"{what} ({day})", "a caption",
                               f"{what} ({day}) needs a caption mapping with {', '.join(LANGUAGES)}")
        if stops and day <= stops[-1].date:
            raise DataError(path, f"{what} ({day}) is not after the stop before it ({stops[-1].date})")
        question, answer = _question_and_answer(path, item, f"{what} ({day})")
        stops.append(TourStop(date=day, event=event, caption=texts, question=question, answer=answer))
    return stops
