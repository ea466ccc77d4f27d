"""Every database command reports a TimelineError the same way, through the app's group
(timeline.cli): one line `timeline: <message>` on stderr, no traceback, the error's exit code.
And `events.ingest.failure_reason`, the one-line reason a failed document is reported with."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from events.errors import ConflictError, InputError, NotFoundError, TimelineError
from events.ingest import failure_reason
from events.store import Store
from timeline.cli import app


@pytest.fixture
def db(sqlite_url: str) -> str:
    Store.open(sqlite_url).close()
    return sqlite_url


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add", "--title", "Talks", "--date", "soonish"], 2, "cannot read 'soonish' as a date"),
        (["merge", "only-one"], 2, "merge needs at least two different event ids"),
        (["edit", "nope", "--title", "x"], 4, "no event with id nope"),
        (["history", "nope"], 4, "no event with id nope"),
        (["accept", "nope"], 4, "no event with id nope"),
        (["list", "--from", "2020", "--to", "2019"], 2, "bad filter"),
        (["import", "missing.csv"], 2, "missing.csv"),
    ],
)
def test_a_timeline_error_is_one_line_and_its_exit_code(
    db: str, args: list[str], code: int, message: str
) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: ") and message in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("err", "reason"),
    [
        (InputError("empty.txt: no text"), "empty.txt: no text"),
        (ConflictError("changed meanwhile"), "changed meanwhile"),
        (NotFoundError("gone"), "gone"),
        (TimelineError("plain"), "plain"),
        (RuntimeError("extractor exploded\nwith details"), "RuntimeError: extractor exploded"),
        (ValueError(""), "ValueError"),
        (KeyError("k"), "KeyError: 'k'"),
    ],
)
def test_failure_reason(err: BaseException, reason: str) -> None:
    assert failure_reason(err) == reason
