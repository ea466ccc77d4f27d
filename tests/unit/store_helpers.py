"""Builders for store tests: Events made directly, never through extraction."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from typing import Any

from events.models import Event, Source, TimeSpan

D = dt.date


def span(start: str | None, end: str | None = None, granularity: str = "day", **kw: Any) -> TimeSpan:
    if start is None:
        return TimeSpan(granularity=granularity, value="XXXX-XX-XX", unresolved=True, **kw)
    s = D.fromisoformat(start)
    e = D.fromisoformat(end) if end else s
    return TimeSpan(start=s, end=e, granularity=granularity, value=kw.pop("value", start), **kw)


def make_event(
    id: str,
    start: str | None = "2020-01-01",
    end: str | None = None,
    *,
    title: str | None = None,
    granularity: str = "day",
    doc: str = "doc1",
    sentence: str | None = None,
    n_sources: int = 1,
    **kw: Any,
) -> Event:
    sources = [
        Source(
            document_id=doc if i == 0 else f"{doc}-{i}",
            sentence=sentence or f"Sentence {i} about {id}.",
            sentence_start=10 * i,
            sentence_end=10 * i + 9,
            date_text="then",
            date_start=10 * i,
            date_end=10 * i + 4,
            url=f"https://example.org/{doc}/{i}",
            title=f"Article {doc}",
            published=D(2021, 5, 6),
        )
        for i in range(n_sources)
    ]
    return Event(
        id=id,
        title=title or f"Event {id}",
        when=span(start, end, granularity),
        sources=sources,
        **kw,
    )


def run_in_threads(writer: Callable[[str], None], names: Iterable[str]) -> list[BaseException]:
    """Run writer(name) in one thread per name, all at once; what any of them raised, as a list
    (an exception in a thread would otherwise only be printed, and the test would pass)."""
    errors: list[BaseException] = []

    def guarded(name: str) -> None:
        try:
            writer(name)
        except BaseException as err:  # collected for the caller's assertion
            errors.append(err)

    threads = [threading.Thread(target=guarded, args=(n,)) for n in names]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return errors
