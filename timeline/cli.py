"""The `timeline` command. Each command parses its arguments, calls one library function, prints.

Errors the library raises (`TimelineError`) become one line on stderr and an exit code; no
traceback reaches the user. Commands that use the database live in `timeline.cli_store`, and
the dashboard commands in `timeline.cli_serve`; both register on the `app` defined here.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from events.errors import InputError, TimelineError


class _Group(TyperGroup):
    """Turns a TimelineError from any command into one line on stderr and its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            typer.echo(f"timeline: {err}", err=True)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("timeline: interrupted", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    name="timeline",
    help="Turn news articles into a dated, source-linked chronology.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def parse_cli_date(value: str | None, option: str) -> dt.date | None:
    """An ISO date from the command line; anything else is a one-line error (exit code 2)."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


class TagFormat(enum.StrEnum):
    json = "json"
    timeml = "timeml"


class ExtractFormat(enum.StrEnum):
    jsonl = "jsonl"
    csv = "csv"


FileArg = Annotated[Path, typer.Argument(help="An article: .txt, .md (front matter allowed) or .html.")]


@app.command()
def tag(
    file: FileArg,
    dct: Annotated[
        str | None, typer.Option("--dct", help="Document creation date (YYYY-MM-DD) for relative dates.")
    ] = None,
    fmt: Annotated[TagFormat, typer.Option("--format", help="json (one list) or timeml.")] = TagFormat.json,
) -> None:
    """Find and normalise the temporal expressions (TIMEX3) of an article."""
    from events import sources
    from events.temporal import tag as tag_text
    from events.temporal.timeml import to_timeml

    anchor = parse_cli_date(dct, "--dct")
    doc = sources.read_path(file, published=anchor)
    anchor = anchor or doc.published
    timexes = tag_text(doc.text, anchor)
    if fmt is TagFormat.timeml:
        typer.echo(to_timeml(doc.text, timexes, anchor, doc_id=file.stem))
        return
    typer.echo(json.dumps([t.model_dump(mode="json", exclude_none=True) for t in timexes], indent=2))


@app.command()
def extract(
    file: FileArg,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Published date (YYYY-MM-DD); relative dates resolve against it."),
    ] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="jsonl (lossless) or csv.")] = (
        ExtractFormat.jsonl
    ),
) -> None:
    """Extract dated events from one article and print them (no database)."""
    from events import extract_document, sources
    from events.io import csv as csv_io

    given = parse_cli_date(published, "--published")
    doc = sources.read_path(file)
    if given is not None:
        doc = doc.model_copy(update={"published": given})
    found = extract_document(doc)
    if fmt is ExtractFormat.csv:
        csv_io.write_events(found, sys.stdout)
        return
    for event in found:
        typer.echo(event.model_dump_json())


def main() -> None:
    app()


# The database and dashboard commands live in their own modules and register on `app` when
# imported; importing them here (after `app` exists) makes `timeline --help` list them all.
from timeline import cli_serve, cli_store  # noqa: E402, F401
