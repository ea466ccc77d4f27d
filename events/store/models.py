"""Values the store returns besides Documents and Events."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Action = Literal["create", "ingest", "import", "update", "status", "delete", "restore", "merge"]


class Change(BaseModel):
    """One row of the audit trail: who did what to an event, when, with the state before/after."""

    model_config = ConfigDict(frozen=True)

    id: int
    event_id: str
    at: dt.datetime
    actor: str | None = None
    action: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class IngestResult(BaseModel):
    """What `Store.ingest` did with one document."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    added: bool = Field(description="False when the same content was already stored")
    events_added: int = 0
    events_skipped: int = Field(0, description="Events whose id was already stored")


class ImportResult(BaseModel):
    """What `Store.import_events` did with a file's events (all in one transaction)."""

    model_config = ConfigDict(frozen=True)

    added: int = 0
    updated: int = 0
    unchanged: int = 0


class DocumentSummary(BaseModel):
    """A stored document without its text: what lists and drop-downs show (`Store.document_summaries`)."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
