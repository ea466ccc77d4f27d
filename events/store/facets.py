"""The filter values of live events (`Store.facets`), kept as counts in `facet_counts`.

Every write that changes which live events carry which document, actor, tag, granularity,
origin or status adds +1 / -1 per (kind, value) to a `FacetDelta`; the store applies it at the end
of the same transaction, so the counts commit (or roll back) with the events. Applying it is an
upsert, `live_count = facet_counts.live_count + excluded.live_count`, which is atomic per row on
PostgreSQL (two writers never lose a count) and runs under SQLite's one writer; rows are upserted
in sorted key order, so two PostgreSQL writers lock them in the same order and never deadlock,
and last in the transaction, so the hot rows (e.g. origin "extracted") are held only until commit.
A row whose count reaches 0 is deleted.

`exact_facets` is the old computation from the event tables themselves (one index probe per distinct
value): the oracle the tests compare the counts with.
"""

from __future__ import annotations

from collections import Counter
from typing import get_args

from sqlalchemy import ColumnElement, Connection, bindparam, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from events.models import Event, Granularity, Origin, Status
from events.store import schema as t

KINDS = ("documents", "actors", "tags", "granularities", "origins", "statuses")


def facet_keys(ev: Event) -> set[tuple[str, str]]:
    """The (kind, value) pairs one event carries, each once; empty values are not facets."""
    keys = {("documents", s.document_id) for s in ev.sources}
    keys.update(("actors", a) for a in ev.actors)
    keys.update(("tags", g) for g in ev.tags)
    keys.update([("granularities", ev.when.granularity), ("origins", ev.origin), ("statuses", ev.status)])
    return {(k, v) for k, v in keys if v}


class FacetDelta(Counter[tuple[str, str]]):
    """Pending changes to `facet_counts` of one write transaction: (kind, value) -> +n / -n."""

    def add(self, ev: Event, sign: int) -> None:
        for key in facet_keys(ev):
            self[key] += sign

    def apply(self, conn: Connection) -> None:
        rows = [{"kind": k, "value": v, "live_count": n} for (k, v), n in sorted(self.items()) if n]
        if not rows:
            return
        fc = t.facet_counts
        dialect = conn.dialect.name
        if dialect in ("postgresql", "sqlite"):
            ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(fc)
            conn.execute(
                ins.on_conflict_do_update(
                    index_elements=[fc.c.kind, fc.c.value],
                    set_={"live_count": fc.c.live_count + ins.excluded.live_count},
                ),
                rows,
            )
        else:  # another back end: correct for one writer at a time
            _update_or_insert(conn, rows)
        gone = [{"k": r["kind"], "v": r["value"]} for r in rows if r["live_count"] < 0]
        if gone:
            conn.execute(
                delete(fc).where(
                    fc.c.kind == bindparam("k"), fc.c.value == bindparam("v"), fc.c.live_count <= 0
                ),
                gone,
            )
        self.clear()


def _update_or_insert(conn: Connection, rows: list[dict[str, object]]) -> None:
    fc = t.facet_counts
    for r in rows:
        res = conn.execute(
            update(fc)
            .where(fc.c.kind == r["kind"], fc.c.value == r["value"])
            .values(live_count=fc.c.live_count + r["live_count"])
        )
        if res.rowcount == 0:
            conn.execute(fc.insert().values(**r))


def read_facets(conn: Connection) -> dict[str, list[str]]:
    """Each kind's values with a live event, sorted (the counts' table: one small read)."""
    fc = t.facet_counts.c
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    for kind, value in conn.execute(select(fc.kind, fc.value).where(fc.live_count > 0)):
        out.setdefault(kind, []).append(value)
    return {k: sorted(v) for k, v in out.items()}


def exact_facets(conn: Connection) -> dict[str, list[str]]:
    """The same answer as `read_facets`, computed from the event tables (the oracle for the counts).

    Asked value by value, never row by row: the distinct values of a child table come from its
    index in one seek each (a loose index scan), each kept when one live event uses it (an EXISTS
    that stops at the first); granularity, origin and status take their few possible values,
    each an EXISTS on the partial index of live events (0006). Its cost follows the number of
    distinct values: 3.1 s on SQLite, 5.9 s on PostgreSQL at 1M events (100k documents)."""
    out = {
        "documents": _live_values(conn, "event_sources", "document_id"),
        "actors": _live_values(conn, "event_actors", "actor"),
        "tags": _live_values(conn, "event_tags", "tag"),
    }
    out.update(_live_kinds(conn))
    return out


def _live_values(conn: Connection, table: str, column: str) -> list[str]:
    # Table and column names are ours (above), never user input.
    stmt = text(
        f"WITH RECURSIVE v(x) AS ("
        f" SELECT MIN({column}) FROM {table}"
        f" UNION ALL"
        f" SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL"
        f") SELECT x FROM v WHERE x IS NOT NULL AND EXISTS ("
        f" SELECT 1 FROM {table} c JOIN events e ON e.id = c.event_id"
        f" WHERE c.{column} = v.x AND e.deleted_at IS NULL)"
    )
    return sorted(x for x in conn.execute(stmt).scalars() if x)


def _live_kinds(conn: Connection) -> dict[str, list[str]]:
    e = t.events.c
    live = e.deleted_at.is_(None)

    def present(*conds: ColumnElement[bool]) -> bool:
        return conn.execute(select(e.id).where(live, *conds).limit(1)).first() is not None

    found: dict[str, set[str]] = {"granularities": set(), "origins": set(), "statuses": set()}
    # Nested along the index's column order, so every probe is a seek on its prefix.
    for g in get_args(Granularity):
        if not present(e.granularity == g):
            continue
        found["granularities"].add(g)
        for o in get_args(Origin):
            if not present(e.granularity == g, e.origin == o):
                continue
            found["origins"].add(o)
            for st in get_args(Status):
                if st not in found["statuses"] and present(e.granularity == g, e.origin == o, e.status == st):
                    found["statuses"].add(st)
    return {k: sorted(v) for k, v in found.items()}
