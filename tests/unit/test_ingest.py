"""The ingest pipeline with the real extractor: idempotent, one transaction per document, failures
reported by name while the rest go in, the same result with 1 or 2 worker processes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events.ingest import Outcome, extract_one, ingest, serial_backend
from events.models import Document
from events.query import EventQuery
from events.store import Store

ARTICLES = {
    "a.txt": "The ministry announced the plan on 3 March 2020. Talks resumed in early 2021.",
    "sub/b.md": "---\ntitle: B\npublished: 2019-05-02\n---\nThe bridge opened on Monday. It closed in 2015.",
    "sub/deeper/c.html": (
        "<html><head><title>C page</title></head><body><article><p>The summit was held in January 2018 "
        "in Geneva, and leaders met again on 4 July 2019 to sign the accord that had been negotiated "
        "over many months by diplomats from several countries.</p></article></body></html>"
    ),
    "d.txt": "Nothing is dated here, only words about a meeting that happened yesterday.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    for name, text in ARTICLES.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (root / "ignored.pdf").write_bytes(b"%PDF")
    return root


def _counts(store: Store) -> tuple[int, int]:
    return len(store.list_documents()), store.count(EventQuery(include_deleted=True))


def test_folder_ingest_is_idempotent(store: Store, corpus: Path) -> None:
    first = ingest([str(corpus)], store, published=dt.date(2020, 6, 1), progress=False)
    assert first.ok and len(first.added) == len(ARTICLES)
    docs, events = _counts(store)
    assert docs == len(ARTICLES)
    assert events == first.events_added
    assert sum(r.events_added + r.events_skipped for r in first.added.values()) >= events
    second = ingest([str(corpus)], store, progress=False)
    assert second.ok and second.added == {} and len(second.unchanged) == len(ARTICLES)
    assert _counts(store) == (docs, events)


def test_published_default_applies_only_to_files_without_a_date(store: Store, corpus: Path) -> None:
    ingest([str(corpus)], store, published=dt.date(2020, 6, 1), progress=False)
    by_source = {Path(d.source or "").name: d for d in store.list_documents()}
    assert by_source["a.txt"].published == dt.date(2020, 6, 1)
    assert by_source["b.md"].published == dt.date(2019, 5, 2)
    assert by_source["b.md"].title == "B"


def test_bad_documents_are_reported_by_name_and_the_rest_go_in(store: Store, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("   ", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    report = ingest([str(corpus), str(corpus / "missing.txt")], store, progress=False)
    assert not report.ok
    assert set(report.failed) == {
        str(corpus / "empty.txt"),
        str(corpus / "binary.txt"),
        str(corpus / "missing.txt"),
    }
    assert "no such file" in report.failed[str(corpus / "missing.txt")]
    assert len(report.added) == len(ARTICLES)
    assert "failed" in report.summary()


def test_a_failing_extraction_or_write_loses_only_that_document(store: Store, corpus: Path) -> None:
    def flaky(doc: Document):
        if "bridge" in doc.text:
            raise RuntimeError("extractor exploded\nwith details")
        return extract_one(doc)

    report = ingest([str(corpus)], store, extractor=flaky, progress=False)
    [(name, reason)] = report.failed.items()
    assert name.endswith("b.md") and reason == "RuntimeError: extractor exploded"
    assert len(report.added) == len(ARTICLES) - 1
    again = ingest([str(corpus)], store, progress=False)  # the failed one goes in on a retry
    assert list(again.added) == [name]


def test_same_content_twice_in_one_run_is_stored_once(store: Store, tmp_path: Path) -> None:
    for n in ("x.txt", "y.txt"):
        (tmp_path / n).write_text(ARTICLES["a.txt"], encoding="utf-8")
    report = ingest([str(tmp_path / "*.txt")], store, progress=False)
    assert len(report.added) == 1 and len(report.unchanged) == 1
    assert len(store.list_documents()) == 1


def test_globs_pick_only_matching_articles(store: Store, corpus: Path) -> None:
    report = ingest([str(corpus / "**" / "*.md")], store, progress=False)
    assert [Path(n).name for n in report.added] == ["b.md"]


def test_two_workers_store_the_same_as_one(tmp_path: Path, corpus: Path) -> None:
    results = []
    for workers in (1, 2):
        with Store.open(f"sqlite:///{tmp_path / f'w{workers}.sqlite'}") as s:
            report = ingest([str(corpus)], s, published=dt.date(2020, 6, 1), workers=workers, progress=False)
            assert report.ok
            results.append(sorted((e.id, e.when.start, e.title) for e in s.query(EventQuery())))
    assert results[0] == results[1]


def test_a_backend_is_any_callable_yielding_outcomes(store: Store, corpus: Path) -> None:
    seen = []

    def recording_backend(fn, items):
        for out in serial_backend(fn, items):
            seen.append(out.name)
            yield out

    report = ingest([str(corpus)], store, backend=recording_backend, progress=False)
    assert sorted(seen) == sorted(report.added)
    assert isinstance(Outcome("n", Document(text="x")), Outcome)


def test_urls_are_fetched_and_ingested(store: Store, corpus: Path) -> None:
    """A local HTTP server (no outside network): a URL goes through the same pipeline."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(corpus))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        report = ingest([f"{base}/sub/deeper/c.html", f"{base}/missing.html"], store, progress=False)
    finally:
        server.shutdown()
        server.server_close()
    assert list(report.added) == [f"{base}/sub/deeper/c.html"]
    assert "cannot fetch" in report.failed[f"{base}/missing.html"]
    [doc] = store.list_documents()
    assert doc.url == f"{base}/sub/deeper/c.html" and "summit" in doc.text
