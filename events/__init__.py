"""News articles in, dated and source-linked event records out.

    >>> import events
    >>> [t.value for t in events.tag("They returned in 2014.")]
    ['2014']
"""

from events.errors import ConflictError, InputError, NotFoundError, TimelineError
from events.extract import extract, extract_document
from events.models import Document, Event, Source, TimeSpan, Timex
from events.temporal import tag

__all__ = [
    "ConflictError",
    "Document",
    "Event",
    "InputError",
    "NotFoundError",
    "Source",
    "TimeSpan",
    "TimelineError",
    "Timex",
    "extract",
    "extract_document",
    "tag",
]
