"""What the user is looking at: a window, filters, lanes, colours and eras, kept in the URL.

The query string is the single shareable form of a view; parsing never raises (a hand-edited link
with a bad value drops that value and keeps the rest).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args
from urllib.parse import parse_qsl, urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Lanes = Literal["none", "document", "actor", "tag"]
Colour = Literal["source", "status"]
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade", "century", "time")
ORIGINS = ("extracted", "manual")
STATUSES = ("review", "accepted", "rejected")


# Scalars are one key each; lists repeat the key (?actor=A&actor=B), which is what browsers and
# people write by hand.
LIST_KEYS: dict[str, str] = {
    "documents": "doc",
    "actors": "actor",
    "tags": "tag",
    "granularities": "precision",
    "origins": "origin",
    "statuses": "status",
}


class Era(BaseModel):
    """A period the user names; drawn as a band behind the events."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1, max_length=80)
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Era:
        if self.start > self.end:
            raise ValueError("the era ends before it starts")
        return self

    def encode(self) -> str:
        return f"{self.start.isoformat()}~{self.end.isoformat()}~{self.name}"

    @classmethod
    def decode(cls, raw: str) -> Era:
        start, end, name = raw.split("~", 2)
        return cls(name=name, start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))


class View(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: dt.date | None = None
    end: dt.date | None = None
    lanes: Lanes = "none"
    colour: Colour = "status"
    text: str = ""
    documents: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    granularities: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    eras: tuple[Era, ...] = ()

    @model_validator(mode="after")
    def _window(self) -> View:
        if self.start and self.end and self.start > self.end:
            raise ValueError("the window ends before it starts")
        return self

    # -- URL ---------------------------------------------------------------------------------
    def to_query_string(self) -> str:
        pairs: list[tuple[str, str]] = []
        if self.start:
            pairs.append(("start", self.start.isoformat()))
        if self.end:
            pairs.append(("end", self.end.isoformat()))
        if self.lanes != "none":
            pairs.append(("lanes", self.lanes))
        if self.colour != "status":
            pairs.append(("colour", self.colour))
        if self.text:
            pairs.append(("q", self.text))
        for field, key in LIST_KEYS.items():
            pairs.extend((key, v) for v in getattr(self, field))
        pairs.extend(("era", e.encode()) for e in self.eras)
        return "?" + urlencode(pairs) if pairs else ""

    @classmethod
    def from_query_string(cls, search: str | None) -> View:
        pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=False)
        data: dict[str, Any] = {}
        lists: dict[str, list[Any]] = {}
        by_key = {key: field for field, key in LIST_KEYS.items()}
        allowed = {
            "granularities": GRANULARITIES,
            "origins": ORIGINS,
            "statuses": STATUSES,
        }
        for key, value in pairs:
            if key in ("start", "end"):
                data[key] = _date_or_none(value)
            elif key == "lanes" and value in get_args(Lanes):
                data["lanes"] = value
            elif key == "colour" and value in get_args(Colour):
                data["colour"] = value
            elif key == "q":
                data["text"] = value[:500]
            elif key in by_key:
                field = by_key[key]
                if field not in allowed or value in allowed[field]:
                    lists.setdefault(field, []).append(value)
            elif key == "era":
                try:
                    lists.setdefault("eras", []).append(Era.decode(value))
                except (ValueError, ValidationError):
                    continue
        data.update({k: tuple(dict.fromkeys(v)) for k, v in lists.items()})
        try:
            return cls(**data)
        except ValidationError:
            # Only the window can be inconsistent once each value parsed: drop it.
            data.pop("start", None)
            data.pop("end", None)
            return cls(**data)

    # -- Store query -------------------------------------------------------------------------
    def query_kwargs(self, *, window: bool = True) -> dict[str, Any]:
        """Keyword arguments for `events.query.EventQuery` (an empty list filters nothing)."""
        kw: dict[str, Any] = {
            "text": self.text or None,
            "document_ids": list(self.documents),
            "actors": list(self.actors),
            "tags": list(self.tags),
            "granularities": list(self.granularities),
            "origins": list(self.origins),
            "statuses": list(self.statuses),
        }
        if window:
            kw["start"] = self.start
            kw["end"] = self.end
        return kw

    def with_window(self, start: dt.date | None, end: dt.date | None) -> View:
        if start and end and start > end:
            start, end = end, start
        return self.model_copy(update={"start": start, "end": end})


def _date_or_none(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def window_from_relayout(relayout: dict[str, Any] | None) -> tuple[dt.date | None, dt.date | None] | None:
    """The x window a plotly relayout event asks for; None when the event is not about x.

    Zoom/pan give `xaxis.range[0]`/`[1]`, the range slider and selector buttons give
    `xaxis.range`, and a double-click (reset) gives `xaxis.autorange`.
    """
    if not relayout:
        return None
    if relayout.get("xaxis.autorange"):
        return (None, None)
    lo = relayout.get("xaxis.range[0]")
    hi = relayout.get("xaxis.range[1]")
    if lo is None and isinstance(relayout.get("xaxis.range"), list | tuple):
        rng = relayout["xaxis.range"]
        if len(rng) == 2:
            lo, hi = rng
    if lo is None or hi is None:
        return None
    start, end = _date_or_none(str(lo)), _date_or_none(str(hi))
    if start is None or end is None:
        return None
    return (min(start, end), max(start, end))
