"""The built-in guided tour (tour.yaml): key dates of the atlas, each with a short caption in English, Chinese and Mongolian."""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .dates import in_range
from .errors import DataError
from .io import DATA_DIR, read_yaml

CAPTION_LANGUAGES = ("en", "zh", "mn")


@dataclass(frozen=True)
class TourStop:
    """One stop of the tour: a date, the event it shows, and its caption per language."""

    date: dt.date
    event: str
    caption: dict[str, str]


def load_tour(path: Path | None = None, event_ids: Collection[str] | None = None) -> list[TourStop]:
    """Tour stops, oldest first; any problem raises DataError naming the file (event ids checked if given)."""
    path = path or DATA_DIR / "tour.yaml"
    raw = read_yaml(path)
    if not isinstance(raw, list) or not raw:
        raise DataError(path, "should be a non-empty list of tour stops")
    stops: list[TourStop] = []
    for n, item in enumerate(raw, 1):
        what = f"stop #{n}"
        if not isinstance(item, dict):
            raise DataError(path, f"{what} is not a mapping")
        try:
            day = in_range(item.get("date"))
        except ValueError as exc:
            raise DataError(path, f"{what}: {exc}") from None
        event = str(item.get("event") or "").strip()
        if not event:
            raise DataError(path, f"{what} ({day}) lacks an event id")
        if event_ids is not None and event not in event_ids:
            raise DataError(path, f"{what} ({day}) names unknown event {event!r}")
        caption = item.get("caption")
        if not isinstance(caption, dict):
            raise DataError(path, f"{what} ({day}) needs a caption mapping with {', '.join(CAPTION_LANGUAGES)}")
        texts = {str(k): str(v).strip() for k, v in caption.items() if v is not None}
        missing = [lang for lang in CAPTION_LANGUAGES if not texts.get(lang)]
        if missing:
            raise DataError(path, f"{what} ({day}) lacks a caption in {', '.join(missing)}")
        if stops and day <= stops[-1].date:
            raise DataError(path, f"{what} ({day}) is not after the stop before it ({stops[-1].date})")
        stops.append(TourStop(date=day, event=event, caption=texts))
    return stops
