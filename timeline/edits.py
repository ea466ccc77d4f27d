"""Write-side callbacks: table edits, accept/reject/delete/merge, the add-event and add-article
forms, and exports. Every write bumps the revision store so the read side re-queries.

Edits carry the version the user saw; a ConflictError (someone else changed the event first) is
shown as a message and the table reloads with the current values.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
from pathlib import PurePath
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from pydantic import ValidationError

import events
from events.dedupe import merge_pending
from events.errors import ConflictError, InputError, NotFoundError, TimelineError
from events.sources import decode, parse_html, parse_text
from events.store import Store
from timeline import ids
from timeline.app_settings import DashboardSettings
from timeline.callbacks import view_of
from timeline.curate import export_query, manual_event, parse_typed_date, split_list
from timeline.detail import safe_href
from timeline.queries import ViewCache, all_query
from timeline.words import date_in_words, precision_label

log = logging.getLogger(__name__)

def cell_change(column: str, value: Any) -> dict[str, Any]:
    """The Event fields an edited table cell changes; InputError when the value is not usable."""
    text = "" if value is None else str(value)
    if column == "title":
        if not text.strip():
            raise InputError("a title cannot be empty")
        return {"title": text.strip()}
    if column == "date":
        return {"when": parse_typed_date(text)}
    if column == "tags":
        return {"tags": split_list(text)}
    raise InputError(f"the {column} column cannot be edited here")


def preview(date_text: str | None, end_text: str | None) -> Any:
    if not (date_text or "").strip():
        return html.Span("Type a date to see how it is read.", className="muted")
    try:
        span = parse_typed_date(date_text, end_text)
    except (InputError, ValueError) as err:
        return html.Span(str(err), className="field-error")
    return html.Span(
        [
            "Read as ",
            html.Strong(date_in_words(span)),
            f" ({span.start} to {span.end}; {precision_label(span)}; EDTF ",
            html.Code(span.edtf or span.value),
            ")",
        ]
    )


def field_errors(err: ValidationError) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in err.errors():
        loc = [str(p) for p in e.get("loc", ())]
        name = loc[0] if loc else "title"
        if name == "sources":
            name = "url" if "url" in loc else "quote"
        out.setdefault(name, str(e.get("msg", "invalid")).removeprefix("Value error, "))
    return out


def read_upload(contents: str, filename: str | None, max_bytes: int) -> tuple[str, bytes]:
    """A dcc.Upload data URL -> (name, bytes), refusing files over the cap or of other types."""
    name = filename or "upload.txt"
    if PurePath(name).suffix.lower() not in (".txt", ".md", ".markdown", ".html", ".htm"):
        raise InputError(f"{name}: upload a .txt, .md or .html file")
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=False)
    except (IndexError, binascii.Error) as err:
        raise InputError(f"{name}: the upload could not be read") from err
    if len(raw) > max_bytes:
        raise InputError(f"{name}: {len(raw):,} bytes is over the {max_bytes:,}-byte limit")
    return name, raw


def register_writes(app: Dash, store: Store, settings: DashboardSettings, cache: ViewCache) -> None:
    user = settings.user

    @app.callback(
        Output(ids.REVISION, "data", allow_duplicate=True),
        Output(ids.ACT_MESSAGE, "children", allow_duplicate=True),
        Input(ids.GRID, "cellValueChanged"),
        State(ids.REVISION, "data"),
        prevent_initial_call=True,
    )
    def edit_cell(changes: list[dict[str, Any]] | None, revision: int) -> tuple[int, str]:
        messages = []
        for change in changes or []:
            row = change.get("data") or {}
            event_id, column = row.get("id") or change.get("rowId"), change.get("colId")
            # dash-ag-grid sends the new value as `value` (its docs say `newValue`): accept both.
            new = change["value"] if "value" in change else change.get("newValue")
            if not event_id or change.get("oldValue") == new:
                continue
            try:
                store.update_event(event_id, int(row["version"]), cell_change(column, new), actor=user)
                messages.append(f"Saved the {column} of “{row.get('title', event_id)}”.")
            except ConflictError:
                messages.append(
                    f"“{row.get('title', event_id)}” was changed by someone else meanwhile; the table now"
                    " shows the current version: edit it again."
                )
            except (InputError, NotFoundError) as err:
                messages.append(f"Not saved: {err}")
        cache.bump()
        return (revision or 0) + 1, " ".join(messages)

    @app.callback(
        Output(ids.REVISION, "data", allow_duplicate=True),
        Output(ids.ACT_MESSAGE, "children", allow_duplicate=True),
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Output(ids.FOCUS, "data", allow_duplicate=True),
        Output(ids.GRID, "selectedRows", allow_duplicate=True),
        Input(ids.ACT_ACCEPT, "n_clicks"),
        Input(ids.ACT_REJECT, "n_clicks"),
        Input(ids.ACT_DELETE, "n_clicks"),
        Input(ids.ACT_MERGE, "n_clicks"),
        State(ids.SELECTED, "data"),
        State(ids.GRID, "rowData"),
        State(ids.REVISION, "data"),
        prevent_initial_call=True,
    )
    def act(_a: Any, _r: Any, _d: Any, _m: Any, selected: list[str] | None, rows: Any, revision: int) -> Any:
        selected = selected or []
        if not selected:
            return (
                no_update,
                "Select rows first (tick them in the table or click events in the chart).",
                no_update,
                no_update,
                no_update,
            )
        versions = {r["id"]: r.get("version") for r in rows or [] if "id" in r}
        trigger = ctx.triggered_id
        if trigger == ids.ACT_MERGE:
            try:
                merged = store.merge_events(selected, actor=user)
            except TimelineError as err:
                return no_update, f"Not merged: {err}", no_update, no_update, no_update
            cache.bump()
            note = f" Conflict: {merged.conflict}" if merged.conflict else ""
            return (
                (revision or 0) + 1,
                f"Merged {len(selected)} events into “{merged.title}”.{note}",
                [merged.id],
                merged.id,
                {"ids": [merged.id]},
            )
        done, stale, failed = 0, 0, []
        for event_id in selected:
            version = versions.get(event_id)
            try:
                if trigger == ids.ACT_DELETE:
                    store.delete_event(event_id, version, actor=user)
                else:
                    status = "accepted" if trigger == ids.ACT_ACCEPT else "rejected"
                    store.set_status(event_id, status, version, actor=user)
                done += 1
            except ConflictError:
                stale += 1
            except TimelineError as err:
                failed.append(str(err))
        cache.bump()
        verb = {ids.ACT_ACCEPT: "Accepted", ids.ACT_REJECT: "Rejected", ids.ACT_DELETE: "Deleted"}[trigger]
        message = f"{verb} {done} event{'s' if done != 1 else ''}."
        if stale:
            message += f" {stale} had changed since the table was loaded: reloaded, check and try again."
        if failed:
            message += " " + " ".join(failed)
        if trigger == ids.ACT_DELETE:
            return (revision or 0) + 1, message, [], no_update, {"ids": []}
        return (revision or 0) + 1, message, no_update, no_update, no_update

    @app.callback(
        Output(ids.ADD_PREVIEW, "children"),
        Input(ids.ADD_DATE, "value"),
        Input(ids.ADD_END, "value"),
    )
    def live_preview(date_text: str | None, end_text: str | None) -> Any:
        return preview(date_text, end_text)

    @app.callback(
        Output({"type": ids.ADD_ERROR, "field": ALL}, "children"),
        Output(ids.ADD_MESSAGE, "children"),
        Output(ids.REVISION, "data", allow_duplicate=True),
        Output(ids.FOCUS, "data", allow_duplicate=True),
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Output(ids.ADD_TITLE, "value"),
        Input(ids.ADD_SUBMIT, "n_clicks"),
        State(ids.ADD_TITLE, "value"),
        State(ids.ADD_DATE, "value"),
        State(ids.ADD_END, "value"),
        State(ids.ADD_DESCRIPTION, "value"),
        State(ids.ADD_ACTORS, "value"),
        State(ids.ADD_TAGS, "value"),
        State(ids.ADD_URL, "value"),
        State(ids.ADD_QUOTE, "value"),
        State(ids.REVISION, "data"),
        prevent_initial_call=True,
    )
    def add_event(_n: int, title: Any, date_text: Any, end_text: Any, description: Any, actors: Any,
                  tags: Any, url: Any, quote: Any, revision: int) -> Any:  # fmt: skip
        order = [o["id"]["field"] for o in ctx.outputs_list[0]]
        errors: dict[str, str] = {}
        when = None
        try:
            when = parse_typed_date(date_text, end_text)
        except (InputError, ValueError) as err:
            errors["end" if (end_text or "").strip() and "end" in str(err) else "date"] = str(err)
        if (url or "").strip() and safe_href(url) is None:
            errors["url"] = "give a web address starting with http:// or https://"
        if when is not None and not errors:
            try:
                event = manual_event(
                    title=title,
                    when=when,
                    description=description,
                    actors=actors,
                    tags=tags,
                    url=url,
                    quote=quote,
                )
            except ValidationError as err:
                errors.update(field_errors(err))
        if not (title or "").strip():
            errors.setdefault("title", "a title is needed")
        if errors:
            return [errors.get(f, "") for f in order], "Not added: see the fields marked.", *[no_update] * 4
        stored = store.add_event(event, actor=user)
        cache.bump()
        return (
            ["" for _ in order],
            f"Added “{stored.title}” ({date_in_words(stored.when)}).",
            (revision or 0) + 1,
            stored.id,
            [stored.id],
            "",
        )

    @app.callback(
        Output(ids.ART_MESSAGE, "children", allow_duplicate=True),
        Input(ids.ART_UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def chosen_file(filename: str | None) -> str:
        return (
            f"Chosen: {filename}. Add a published date if the file has none, then press Add article."
            if filename
            else ""
        )

    @app.callback(
        Output(ids.ART_MESSAGE, "children", allow_duplicate=True),
        Output(ids.REVISION, "data", allow_duplicate=True),
        Output(ids.ART_UPLOAD, "contents"),
        Output(ids.ART_TEXT, "value"),
        Input(ids.ART_SUBMIT, "n_clicks"),
        State(ids.ART_UPLOAD, "contents"),
        State(ids.ART_UPLOAD, "filename"),
        State(ids.ART_TEXT, "value"),
        State(ids.ART_TITLE, "value"),
        State(ids.ART_URL, "value"),
        State(ids.ART_PUBLISHED, "value"),
        State(ids.REVISION, "data"),
        prevent_initial_call=True,
    )
    def add_article(_n: int, contents: str | None, filename: str | None, text: str | None, title: str | None,
                    url: str | None, published: str | None, revision: int) -> Any:  # fmt: skip
        meta = {k: v.strip() for k, v in (("title", title), ("url", url)) if v and v.strip()}
        try:
            day = dt.date.fromisoformat(published) if published else None
            if contents:
                name, raw = read_upload(contents, filename, settings.upload_max_bytes)
                body = decode(raw, name)
                is_html = PurePath(name).suffix.lower() in (".html", ".htm")
                doc = (parse_html if is_html else parse_text)(body, name, day, **meta)
            elif text and text.strip():
                if len(text.encode("utf-8")) > settings.upload_max_bytes:
                    raise InputError(f"the pasted text is over the {settings.upload_max_bytes:,}-byte limit")
                doc = parse_text(text, "pasted text", day, **meta)
            else:
                raise InputError("choose a file or paste the article's text first")
            found = [e.model_copy(update={"status": "review"}) for e in events.extract_document(doc)]
            result = store.ingest(doc, found, actor=user)
            merge_pending(store)  # the same event already reported elsewhere gains this source
        except (TimelineError, ValueError) as err:
            return f"Not added: {err}", no_update, no_update, no_update
        except Exception as err:  # a bug in extraction must cost this article, not the page
            log.exception("adding an article failed")
            reason = f"Not added: the article could not be read ({type(err).__name__})"
            return reason, no_update, no_update, no_update
        cache.bump()
        name = doc.title or doc.source or "the article"
        if not result.added:
            return f"“{name}” is already in the store.", no_update, None, ""
        return (
            f"Added “{name}”: {_n_events(result.events_added)} to review.",
            (revision or 0) + 1,
            None,
            "",
        )


def _n_events(n: int) -> str:
    return f"{n} event{'s' if n != 1 else ''}"


def register_exports(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.EXPORT_CSV, "n_clicks"),
        Input(ids.EXPORT_JSONL, "n_clicks"),
        Input(ids.EXPORT_TIMELINEJS, "n_clicks"),
        State(ids.VIEW, "data"),
        prevent_initial_call=True,
    )
    def export(_c: Any, _j: Any, _t: Any, view_data: dict[str, Any] | None) -> dict[str, Any]:
        fmt = {ids.EXPORT_CSV: "csv", ids.EXPORT_JSONL: "jsonl", ids.EXPORT_TIMELINEJS: "timelinejs"}.get(
            str(ctx.triggered_id)
        )
        if fmt is None:
            raise PreventUpdate
        name, data = export_query(store, all_query(view_of(view_data)), fmt)
        return dcc.send_bytes(data, name)
