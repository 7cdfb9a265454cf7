"""The shape of each YAML file as pydantic models; `validated` turns a validation error into the one-line DataError
that names the file, the entry and the field.

The models say what each entry holds (fields, types, vocabularies, non-empty texts, dates); the loaders keep the
rules between entries and files (ids unique, rows tiling the years, events naming known units...).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, RootModel, StrictBool,
                      StringConstraints, TypeAdapter, ValidationError)

from .dates import in_range, parse_date
from .errors import DataError

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_URL = re.compile(r"^https?://\S+$")
_ABOUT = re.compile(r"^[a-z][a-z0-9_]*(:\d{4}-\d{2}-\d{2})?$")   # an event id, or a unit's row as "unit:start"


def _matching(pattern: re.Pattern[str], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(f"{value!r} is not {what}")
        return value
    return AfterValidator(check)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True)]
Id = Annotated[str, _matching(_ID, "a snake_case id")]
Url = Annotated[str, StringConstraints(strip_whitespace=True), _matching(_URL, "an http(s) address")]
Date = Annotated[dt.date, BeforeValidator(parse_date)]             # ISO text or a YAML date; never a number
AtlasDate = Annotated[dt.date, BeforeValidator(parse_date), AfterValidator(in_range)]   # within 1689..2008
PRECISIONS = ("day", "month", "year")    # how precise a date is (events, claims, moments)
Precision = Literal[PRECISIONS]   # type: ignore[valid-type]
# Vocabularies with a home elsewhere (unit precision: geodata.catalog; verdicts and sides: geodata.claims; publisher
# kinds: geodata.publishers) are plain ids here; their loaders check them against that home.


def _blank_is_none(value: Any) -> Any:
    return None if value in ("", None) else value


def _none_is_empty(value: Any) -> Any:
    return "" if value is None else value


MaybeText = Annotated[OptionalText, BeforeValidator(_none_is_empty)]   # optional text: absent, null or "" alike
MaybeDate = Annotated[Date | None, BeforeValidator(_blank_is_none)]
MaybeAtlasDate = Annotated[AtlasDate | None, BeforeValidator(_blank_is_none)]


class Entry(BaseModel):
    """An entry of a data file: unknown keys are kept (loaders pass some on), types are not coerced silently."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class Closed(Entry):
    """An entry whose keys are all known: a misspelt key is an error."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(Entry):
    """A citation: the work's title and its canonical address (other keys are allowed and not passed on)."""

    title: Text
    url: Url


Sources = Annotated[list[Source], Field(min_length=1)]


def source_dicts(sources: list[Source] | None) -> list[dict[str, str]]:
    """Checked sources as the plain {title, url} dicts the loaders return (model_dump is several times slower)."""
    return [{"title": s.title, "url": s.url} for s in sources or []]


class LangTexts(Entry):
    """A text in each page language."""

    en: Text
    zh: Text
    mn: Text


# units.yaml, statuses.yaml, claimants.yaml
class UnitNames(Entry):
    """A unit's names: English and Chinese always, the local name (mn or ru) where there is one."""

    en: Text
    zh: Text
    mn: Text | None = None
    ru: Text | None = None


class DatedNames(Closed):
    """A unit's names in one period (`until`: exclusive; absent on the last, open entry)."""

    until: MaybeAtlasDate = None
    en: Text
    zh: Text
    mn: Text


class Unit(Entry):
    """units.yaml: one territorial unit."""

    id: Id
    names: UnitNames
    precision: Id
    precision_note: Text
    names_by_date: Annotated[list[DatedNames], Field(min_length=2)] | None = None
    names_sources: Sources | None = None


class Status(Entry):
    """statuses.yaml: one status of the vocabulary."""

    id: Id
    label: Text
    description: Text
    china_control: StrictBool


class Claimant(Entry):
    """claimants.yaml: a government that can claim a unit; Chinese ones with the span their claim is drawn."""

    id: Id
    label: Text
    chinese: StrictBool
    outline_from: MaybeDate = None
    outline_until: MaybeDate = None


# periods.yaml
class PeriodRow(Entry):
    """periods.yaml: one status row of a unit (`end` exclusive; absent on the last row only)."""

    start: Date
    end: MaybeDate = None
    status: Id
    claimed_by: Annotated[list[Id], BeforeValidator(lambda v: v or [])] = []
    note: Text
    uncertainty: MaybeText = ""
    sources: Sources


Periods = RootModel[dict[str, Annotated[list[PeriodRow], Field(min_length=1)]]]


# events.yaml
class EventEntry(Entry):
    """events.yaml: one dated event."""

    id: Id
    date: AtlasDate
    date_precision: Precision = "day"
    date_note: MaybeText = ""
    title: Text
    summary: Text
    place: Text
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    regions: Annotated[list[Id], BeforeValidator(lambda v: v or [])] = []
    contested: StrictBool = False
    uncertainty: MaybeText = ""
    sources: Sources


# claims.yaml and perspectives.yaml
class SourceText(Entry):
    """claims.yaml: the seed text under examination."""

    title: Text
    url: Url
    file: Text
    description: Text


class Paragraph(Entry):
    """claims.yaml: one paragraph of the seed text, summarised."""

    n: int
    summary: Text


class Claim(Entry):
    """claims.yaml: one checkable claim of the seed text, with its verdict."""

    id: Id
    paragraph: int
    quote: Text
    verdict: Id
    date: MaybeAtlasDate = None
    date_precision: Annotated[Precision, BeforeValidator(lambda v: v or "day")] = "day"
    claimed_date: MaybeDate = None
    explanation: Text
    event: MaybeText = ""
    about: Annotated[list[Annotated[str, _matching(_ABOUT, "an event id or a 'unit:YYYY-MM-DD' row")]],
                     BeforeValidator(lambda v: v or [])] = []
    sources: Sources


class Claims(Entry):
    """claims.yaml as a whole."""

    source_text: SourceText
    paragraphs: Annotated[list[Paragraph], Field(min_length=1)]
    claims: Annotated[list[Claim], Field(min_length=1)]


class View(Entry):
    """perspectives.yaml: one side's attributed view of a moment."""

    side: Id
    who: MaybeText = ""
    view: Text
    sources: Sources


class Moment(Entry):
    """perspectives.yaml: a contested moment, the agreed facts apart from each side's view."""

    title: Text
    date: AtlasDate
    date_precision: Annotated[Precision, BeforeValidator(lambda v: v or "day")] = "day"
    date_note: MaybeText = ""
    facts: Text
    facts_sources: Sources | None = None
    uncertainty: MaybeText = ""
    event: MaybeText = ""
    views: Annotated[list[View], Field(min_length=1)]


Perspectives = RootModel[dict[str, Moment]]


# tour.yaml, worksheet.yaml
class Stop(Entry):
    """tour.yaml: one stop of the guided tour, with an optional question and its answer."""

    date: AtlasDate
    event: Text
    caption: LangTexts
    question: LangTexts | None = None
    answer: LangTexts | None = None


Tour = RootModel[Annotated[list[Stop], Field(min_length=1)]]


class WorksheetMapEntry(Entry):
    """worksheet.yaml: one key-date map."""

    date: AtlasDate
    event: Text


class QuestionEntry(Entry):
    """worksheet.yaml: one question with its answer."""

    id: Id
    from_: Literal["tour", "source_reading"] = Field(alias="from")
    on_maps: Annotated[list[AtlasDate], BeforeValidator(lambda v: v or [])] = []
    events: Annotated[list[Id], BeforeValidator(lambda v: v or [])] = []
    claims: Annotated[list[Id], BeforeValidator(lambda v: v or [])] = []
    question: LangTexts
    answer: LangTexts


class WorksheetFile(Entry):
    """worksheet.yaml as a whole."""

    maps: Annotated[list[WorksheetMapEntry], Field(min_length=1)]
    questions: list[QuestionEntry]


# calendars.yaml (the order of reigns and spans: geodata.calendars)
class Calendar(Entry):
    """calendars.yaml: one calendar, with its label in each language and its sources."""

    label: LangTexts
    sources: Sources
    uncertainty: MaybeText = ""


class Julian(Calendar):
    """The Old Style calendar, until Russia's switch (exclusive)."""

    until: Date


class Reign(Entry):
    """A Qing reign: the Gregorian year its first lunar year began, and its title."""

    id: Id
    first_year: int
    zh: Text
    en: Text
    mn: Text


class Qing(Calendar):
    """The Qing reign-year calendar."""

    until: Date
    reigns: Annotated[list[Reign], Field(min_length=1)]


class Minguo(Calendar):
    """The Republic of China's calendar."""

    since: Date
    first_year: int
    taiwan_since: Date
    label_taiwan: LangTexts


class Span(Entry):
    """A span of days (until exclusive)."""

    since: Date
    until: Date


class BogdEra(Calendar):
    """The Bogd Khanate's era ('elevated by all')."""

    name: Text
    first_year: int
    new_year_doubt_days: int
    in_use: Annotated[list[Span], Field(min_length=1)]


class CalendarsFile(Entry):
    """calendars.yaml as a whole."""

    julian: Julian
    qing: Qing
    minguo: Minguo
    bogd_era: BogdEra


# checks.yaml, publishers.yaml, i18n/glossary.yaml
class ChecksFile(Entry):
    """checks.yaml: the vocabularies of the consistency rules."""

    correction_markers: Annotated[list[Text], Field(min_length=1)]
    verdicts_doubting: Annotated[list[Text], Field(min_length=1)]


class Publisher(Closed):
    """publishers.yaml: one publisher we cite, by host."""

    host: Text
    publisher: Text
    kind: Id
    why: Text


Forms = Annotated[list[Text], Field(min_length=1)]


class Term(Closed):
    """i18n/glossary.yaml: a historical term, its rendering per language, accepted and wrong variants."""

    en: Forms
    zh: Text
    mn: Text
    match: dict[Literal["zh", "mn"], Forms] | None = None
    wrong: dict[Literal["zh", "mn"], Forms] | None = None
    note: MaybeText = ""


# i18n/{zh,mn}.yaml and dashboard/i18n/*.yaml mirror other files' keys: geodata.i18n checks them against those.

# The entry words of the messages, per file: a list file's entries are "<word> <id>" (or "#n" without an id).
ENTRY_WORDS = {"units.yaml": "unit", "statuses.yaml": "status", "claimants.yaml": "claimant", "events.yaml": "event",
               "tour.yaml": "stop", "publishers.yaml": "publisher", "glossary.yaml": "term", "claims": "claim",
               "paragraphs": "paragraph", "maps": "map", "questions": "question", "views": "view"}
M = TypeVar("M")


def _label(loc: tuple[Any, ...], data: Any, word: str) -> tuple[str, int]:
    """The entry an error is in, and how many loc parts name it: "event nerchinsk_1689", "claim treaty_signed",
    "outer_mongolia row 3", "julian" (a mapping's key)."""
    if not loc:
        return "", 0
    head = loc[0]
    if isinstance(head, int):                      # an entry of a list
        record = data[head] if isinstance(data, list) and head < len(data) else None
        name = (record.get("id") or record.get("host") or record.get("date")) if isinstance(record, dict) else None
        if not name and isinstance(record, dict) and isinstance(record.get("en"), list) and record["en"]:
            name = repr(record["en"][0])           # a glossary term by its first English form
        if word == "row":
            return f"row {head + 1}", 1
        return (f"{word} {name}" if name else f"{word} #{head + 1}"), 1
    inner = data.get(head) if isinstance(data, dict) else None
    items = inner if isinstance(inner, list) else []
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
        if head in ENTRY_WORDS:                    # an entry of a list under a key: claims, questions ...
            return _label(loc[1:], inner, ENTRY_WORDS[head])[0], 2
        return f"{head} {_label(loc[1:], inner, 'row')[0]}", 2     # periods.yaml: "outer_mongolia row 3"
    return str(head), 1


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(f"#{p + 1}" if isinstance(p, int) else str(p) for p in loc)


def problem_of(path: Path, exc: ValidationError, data: Any) -> str:
    """The first validation error as "<entry>: <field>: <problem>" (entry and field where the error has them)."""
    err = exc.errors(include_url=False)[0]
    loc = tuple(p for p in err["loc"] if p not in ("function-after", "function-before", "str", "list[str]"))
    loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith(("function-", "json-or-python"))))
    entry, used = _label(loc, data, ENTRY_WORDS.get(path.name, "entry"))
    field = _field(loc[used:])
    message = err["msg"]
    if err["type"] == "missing":
        message = "is missing"
    elif err["type"] == "extra_forbidden":
        message = "is not a known field (misspelt?)"
    elif err["type"] == "value_error":
        message = message.removeprefix("Value error, ")
    elif err["type"] in ("list_type", "too_short") and not loc:
        message = "should be a non-empty list of entries"
    elif err["type"] in ("dict_type", "model_type", "model_attributes_type"):
        message = "should be a mapping"
    elif err["type"] in ("too_short", "string_too_short"):
        message = "should not be empty"
    elif "input" in err and err["type"] not in ("model_type", "dict_type", "list_type"):
        message = f"{message} (got {err['input']!r})"[:200]
    where = ": ".join(p for p in (entry, field) if p)
    return f"{where}: {message}" if where else message


def validated(path: Path, model: type[M] | Any, data: Any) -> M:
    """Validate parsed YAML against a model (a class or a type); any mismatch is a DataError naming the file, the
    entry and the field, in one line."""
    adapter = model if isinstance(model, TypeAdapter) else _adapter(model)
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise DataError(path, problem_of(path, exc, data).replace("\n", " ")) from None


_ADAPTERS: dict[Any, TypeAdapter] = {}


def _adapter(model: Any) -> TypeAdapter:
    """One TypeAdapter per model (building one costs more than validating a file)."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def records(path: Path, model: type[M], data: Any) -> list[M]:
    """A list file of entries of one model."""
    return validated(path, list[model], data)   # type: ignore[valid-type]
