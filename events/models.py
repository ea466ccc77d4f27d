"""The records that flow through the pipeline: Document -> Timex -> TimeSpan -> Event.

All models are pydantic and immutable where they are values (Timex, TimeSpan, Source); Events are
edited by curation, which goes through `model_copy(update=...)` so a change is always a new value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]
Origin = Literal["extracted", "manual"]
Status = Literal["review", "accepted", "rejected"]

# Coarse to fine; used to decide which of two compatible spans is the more precise one.
GRANULARITY_RANK: dict[str, int] = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "season": 3,
    "quarter": 3,
    "month": 4,
    "week": 5,
    "day": 6,
    "time": 7,
}


def content_hash(text: str) -> str:
    """A stable id for a text: documents with the same content are the same document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class TimeSpan(BaseModel):
    """An interval of calendar days with the precision it was written at.

    `start`/`end` are inclusive; both are None when the expression could not be placed on the
    calendar (no anchor known): such a span is kept and flagged `unresolved`, never guessed.
    """

    model_config = ConfigDict(frozen=True)

    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "day"
    value: str = Field(description="TIMEX3 value, e.g. 2020-01, 2014, 201, 2013-W11, XXXX-XX-XX")
    edtf: str = Field("", description="The same in EDTF (ISO 8601-2), e.g. 2007/2011, 2003~")
    approximate: bool = False
    relative: bool = False
    unresolved: bool = False
    anchor: str | None = Field(None, description="How a relative date was resolved, in words")
    mod: str | None = Field(None, description="TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...")

    @model_validator(mode="after")
    def _ordered(self) -> TimeSpan:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"span starts after it ends: {self.start} > {self.end}")
        if not self.unresolved and (self.start is None or self.end is None):
            raise ValueError("a resolved span needs a start and an end")
        return self

    @property
    def is_point(self) -> bool:
        return self.start == self.end

    def contains(self, other: TimeSpan) -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return False
        return self.start <= other.start and other.end <= self.end  # type: ignore[operator]

    def overlaps(self, other: TimeSpan) -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return False
        return self.start <= other.end and other.start <= self.end  # type: ignore[operator]


class Timex(BaseModel):
    """One temporal expression found in a text (TimeML TIMEX3).

    `start`/`end` are character offsets into the text given to `tag()`. `span` is the calendar
    interval a DATE/TIME denotes (None for DURATION and SET). Two timexes that TimeML annotates
    separately but the writer meant as one range ("between 2007 and 2011") share a `range_id`;
    the event layer turns them into one range event.
    """

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    tid: str | None = None
    anchor_tid: str | None = None
    span: TimeSpan | None = None
    range_id: int | None = None
    range_role: Literal["start", "end"] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Timex:
        if self.start > self.end:
            raise ValueError("timex starts after it ends")
        return self


class Document(BaseModel):
    """An article: its text and what we know about it. `id` is the content hash of the text."""

    model_config = ConfigDict(frozen=True)

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="Publisher or file the article came from")
    published: dt.date | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _hash(self) -> Document:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text)[:16])
        return self

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


class Source(BaseModel):
    """Where an event was read: the sentence (and the date mention inside it) in a document."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    sentence: str = ""
    sentence_start: int = Field(0, ge=0)
    sentence_end: int = Field(0, ge=0)
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    url: str | None = None
    title: str | None = Field(None, description="The document's title")
    published: dt.date | None = None
    quote: str | None = Field(None, description="For manual events: the passage the user cites")


EXTRACTOR_VERSION = "0.1.0"


class Event(BaseModel):
    """A dated happening with its provenance. Extracted events point at their sentences."""

    id: str
    title: str = Field(min_length=1, max_length=500)
    when: TimeSpan
    sources: list[Source] = Field(default_factory=list)
    origin: Origin = "extracted"
    status: Status = "review"
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    description: str | None = None
    actors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    conflict: str | None = Field(None, description="Why this event disagrees with another report")
    extractor_version: str | None = EXTRACTOR_VERSION
    version: int = 1

    @field_validator("title", "description", "actors", "tags", "conflict")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL text cannot hold NUL; refusing it here gives every path (CLI, form, import)
        # the same one-line validation error instead of a database failure.
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise ValueError("must not contain NUL characters")
        return value

    @property
    def source(self) -> Source | None:
        return self.sources[0] if self.sources else None

    def to_row(self) -> dict[str, Any]:
        """The flat export row (the CSV columns). Several sources are joined with ' | '.

        The first source's provenance has its own columns; `more_sources` holds the other sources
        as a JSON list (empty for one source), so `events.io.csv` reads every event back whole.
        """
        src = self.source
        w = self.when

        def joined(attr: str) -> str:
            vals = [getattr(s, attr) for s in self.sources]
            return " | ".join("" if v is None else str(v) for v in vals) if len(vals) > 1 else ""

        return {
            "id": self.id,
            "title": self.title,
            "start": w.start.isoformat() if w.start else "",
            "end": w.end.isoformat() if w.end else "",
            "granularity": w.granularity,
            "value": w.value,
            "edtf": w.edtf,
            "approximate": w.approximate,
            "relative": w.relative,
            "unresolved": w.unresolved,
            "anchor": w.anchor or "",
            "date_text": (src.date_text or "") if src else "",
            "sentence": src.sentence if src else "",
            "sentence_start": src.sentence_start if src else "",
            "sentence_end": src.sentence_end if src else "",
            "document_id": src.document_id if src else "",
            "document_ids": joined("document_id"),
            "url": (src.url or "") if src else "",
            "n_sources": len(self.sources),
            "origin": self.origin,
            "status": self.status,
            "confidence": round(self.confidence, 3),
            "actors": "; ".join(self.actors),
            "tags": "; ".join(self.tags),
            "description": self.description or "",
            "conflict": self.conflict or "",
            "version": self.version,
            # Additive columns (after the DESIGN.md keys) that make a CSV round trip lossless.
            "mod": w.mod or "",
            "date_start": "" if src is None or src.date_start is None else src.date_start,
            "date_end": "" if src is None or src.date_end is None else src.date_end,
            "source_title": (src.title or "") if src else "",
            "published": src.published.isoformat() if src and src.published else "",
            "quote": (src.quote or "") if src else "",
            "extractor_version": self.extractor_version or "",
            "more_sources": (
                json.dumps([s.model_dump(mode="json") for s in self.sources[1:]], ensure_ascii=False)
                if len(self.sources) > 1
                else ""
            ),
        }
