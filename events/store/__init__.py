"""Storage: SQLite by default, PostgreSQL (or any SQLAlchemy URL) by URL. Returns models, not rows.

>>> store = Store.open("sqlite:///events.sqlite")   # creates / migrates to head
>>> store.ingest(doc, events)                       # one transaction, idempotent by content
>>> store.query(EventQuery(start=date(2020, 1, 1), end=date(2020, 12, 31), limit=500))
"""

from events.store.models import Change, DocumentSummary, ImportResult, IngestResult
from events.store.repository import Store, default_url

__all__ = ["Change", "DocumentSummary", "ImportResult", "IngestResult", "Store", "default_url"]
