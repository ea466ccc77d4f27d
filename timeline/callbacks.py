"""Read-side callbacks: URL <-> view, view -> figure and table, selection, detail panel.

Thin by design: each one turns inputs into a View or an id, asks the store, and hands the answer
to a pure builder (figures, detail, rows). Write-side callbacks are in `timeline/edits.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, Patch, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

from events.errors import NotFoundError
from events.models import Event
from events.query import EventQuery
from events.store import Store
from timeline import ids
from timeline.app_settings import DashboardSettings
from timeline.detail import build_detail, empty_detail
from timeline.figures import (
    bin_from_points,
    build_density_figure,
    build_figure,
    ids_from_points,
    step_order,
)
from timeline.queries import ViewCache, snapshot, table_events, undated, view_key
from timeline.view import Era, View, window_from_relayout
from timeline.words import date_as_written

CONTROLS = (
    ids.F_TEXT,
    ids.F_START,
    ids.F_END,
    ids.F_DOCUMENTS,
    ids.F_ACTORS,
    ids.F_TAGS,
    ids.F_PRECISION,
    ids.F_ORIGIN,
    ids.F_STATUS,
    ids.F_LANES,
    ids.F_COLOUR,
)


def view_of(data: dict[str, Any] | None) -> View:
    return View.model_validate(data) if data else View()


def view_from_controls(values: list[Any], eras: tuple[Era, ...]) -> View:
    text, start, end, docs, actors, tags, precision, origin, status, lanes, colour = values
    data = {
        "text": (text or "").strip(),
        "start": start or None,
        "end": end or None,
        "documents": tuple(docs or ()),
        "actors": tuple(actors or ()),
        "tags": tuple(tags or ()),
        "granularities": tuple(precision or ()),
        "origins": tuple(origin or ()),
        "statuses": tuple(status or ()),
        "lanes": lanes or "none",
        "colour": colour or "status",
        "eras": eras,
    }
    try:
        return View.model_validate(data)
    except ValueError:  # an inverted window typed by hand: swap rather than refuse
        data["start"], data["end"] = data["end"], data["start"]
        return View.model_validate(data)


def controls_of(view: View) -> list[Any]:
    return [
        view.text,
        view.start.isoformat() if view.start else "",
        view.end.isoformat() if view.end else "",
        list(view.documents),
        list(view.actors),
        list(view.tags),
        list(view.granularities),
        list(view.origins),
        list(view.statuses),
        view.lanes,
        view.colour,
    ]


def row_of(e: Event) -> dict[str, Any]:
    w = e.when
    src = e.source
    return {
        "id": e.id,
        "title": e.title,
        "date": w.edtf or w.value,
        "date_text": date_as_written(e),
        "start": w.start.isoformat() if w.start else "",
        "end": w.end.isoformat() if w.end else "",
        "granularity": ("unresolved " if w.unresolved else "") + w.granularity,
        "status": e.status,
        "origin": e.origin,
        "actors": "; ".join(e.actors),
        "tags": "; ".join(e.tags),
        "source": (src.title or src.document_id or src.url or "") if src else "",
        "n_sources": len({s.document_id for s in e.sources if s.document_id}),
        "confidence": round(e.confidence, 2),
        "conflict": e.conflict or "",
        "version": e.version,
    }


def data_extent(store: Store, view: View) -> tuple[dt.date, dt.date] | None:
    bins = store.density(EventQuery(**view.query_kwargs(window=False), include_unresolved=False), 1)
    return (bins[0][0], bins[-1][1]) if bins else None


def register(app: Dash, store: Store, settings: DashboardSettings, cache: ViewCache) -> None:

    @app.callback(
        Output(ids.URL, "search"),
        *[Output(c, "value") for c in CONTROLS],
        Output(ids.VIEW, "data"),
        Output(ids.ERA_MESSAGE, "children"),
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        Input(ids.GRAPH, "relayoutData"),
        Input(ids.GRAPH, "clickData"),
        Input({"type": ids.PRESET, "years": ALL}, "n_clicks"),
        Input(ids.F_RESET, "n_clicks"),
        Input(ids.ERA_ADD, "n_clicks"),
        Input(ids.ERA_CLEAR, "n_clicks"),
        State(ids.ERA_NAME, "value"),
        State(ids.ERA_START, "value"),
        State(ids.ERA_END, "value"),
        State(ids.VIEW, "data"),
    )
    def sync_view(search: str | None, *args: Any) -> tuple[Any, ...]:
        """The one owner of the view: the URL, the controls and zooms all write it here, so
        they can never disagree (and Dash allows this circle inside a single callback)."""
        values = list(args[: len(CONTROLS)])
        relayout, click = args[len(CONTROLS)], args[len(CONTROLS) + 1]
        era_name, era_start, era_end, current_data = args[-4:]
        current = view_of(current_data) if current_data else View.from_query_string(search)
        trigger = ctx.triggered_id
        message: Any = no_update
        if trigger is None or trigger == ids.URL:
            view = View.from_query_string(search)
        elif trigger == ids.GRAPH:
            prop = ctx.triggered[0]["prop_id"].rsplit(".", 1)[-1]
            window = bin_from_points(click) if prop == "clickData" else window_from_relayout(relayout)
            if window is None or window == (current.start, current.end):
                raise PreventUpdate
            view = current.with_window(*window)
        elif isinstance(trigger, dict) and trigger.get("type") == ids.PRESET:
            years = int(trigger["years"])
            extent = data_extent(store, current) if years else None
            if extent is None:
                view = current.with_window(None, None)
            else:
                end = extent[1]
                view = current.with_window(end.replace(year=end.year - years, day=min(end.day, 28)), end)
        elif trigger == ids.F_RESET:
            view = View(lanes=current.lanes, colour=current.colour, eras=current.eras)
        elif trigger == ids.ERA_ADD:
            try:
                era = Era(name=(era_name or "").strip(), start=era_start, end=era_end)
            except ValueError as err:
                return (*[no_update] * (len(CONTROLS) + 2), _first_error(err))
            view = current.model_copy(update={"eras": (*current.eras, era)})
            message = f"Added the era {era.name}."
        elif trigger == ids.ERA_CLEAR:
            view = current.model_copy(update={"eras": ()})
            message = "Removed every era."
        else:
            view = view_from_controls(values, current.eras)
        search_out = no_update if trigger in (None, ids.URL) else view.to_query_string()
        view_data = view.model_dump(mode="json")
        return (
            search_out,
            *controls_of(view),
            view_data if view_data != current_data else no_update,
            message,
        )

    @app.callback(
        Output(ids.GRAPH, "figure"),
        Output(ids.GRAPH_STATUS, "children"),
        Output(ids.UNDATED, "children"),
        Output(ids.CHART_ORDER, "data"),
        Input(ids.VIEW, "data"),
        Input(ids.REVISION, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.FOCUS, "data"),
    )
    def render_figure(
        view_data: dict[str, Any] | None, _revision: int, selected: list[str] | None, focus: str | None
    ) -> Any:
        """The figure, plus the order its events are stepped through from the keyboard: exactly
        the events drawn, so the keys follow the filters and the window (none while binned)."""
        view = view_of(view_data)
        undated_of = cache.get(("undated", view_key(view, window=False)), lambda: undated(store, view))
        snap = cache.get(
            ("snapshot", view_key(view)),
            lambda: snapshot(
                store, view, max_points=settings.max_points, bins=settings.density_bins, undated_of=undated_of
            ),
        )
        order: list[str] = []
        if snap.kind == "density":
            fig = build_density_figure(snap.bins, view, total=snap.total)
            status = f"{snap.total:,} events in this window, shown as counts; zoom in to see each event."
        else:
            fig = build_figure(snap.events, view, selected or (), current=focus)
            order = step_order(snap.events)
            status = f"{snap.total:,} dated event{'s' if snap.total != 1 else ''} in this view."
            if snap.undated_total:
                status += f" {snap.undated_total:,} undated: listed below the chart, not placed on it."
            if snap.coarse_hidden:
                status += (
                    f" {snap.coarse_hidden:,} longer, coarser spans (quarters, years, decades) overlapping"
                    " it are not drawn: choose them under Precision to see them."
                )
        return fig, status, undated_list(snap.undated_total, snap.undated), order

    @app.callback(
        Output(ids.F_DOCUMENTS, "options"),
        Output(ids.F_ACTORS, "options"),
        Output(ids.F_TAGS, "options"),
        Input(ids.REVISION, "data"),
    )
    def fill_options(_revision: int) -> tuple[list[dict[str, str]], ...]:
        # Long-lived: values only appear through writes, which drop the cache anyway.
        return cache.get(("options",), lambda: filter_options(store), ttl=OPTIONS_TTL)

    @app.callback(
        Output(ids.GRID, "rowData"),
        Output(ids.GRID_NOTE, "children"),
        Input(ids.VIEW, "data"),
        Input(ids.REVISION, "data"),
    )
    def render_table(view_data: dict[str, Any] | None, _revision: int) -> tuple[list[dict[str, Any]], str]:
        view = view_of(view_data)
        und = cache.get(("undated", view_key(view, window=False)), lambda: undated(store, view))
        events, total = cache.get(
            ("table", view_key(view)), lambda: table_events(store, view, settings.max_table_rows, und)
        )
        note = ""
        if total > len(events):
            note = f"Showing the first {len(events):,} of {total:,} events: zoom or filter to see the rest."
        return [row_of(e) for e in events], note

    @app.callback(
        Output(ids.GRID, "dashGridOptions"),
        Input(ids.GRID_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search_table(text: str | None) -> Patch:
        patch = Patch()
        patch["quickFilterText"] = text or ""
        return patch

    @app.callback(
        Output(ids.SELECTED, "data"),
        Output(ids.FOCUS, "data"),
        Output(ids.GRID, "selectedRows"),
        Input(ids.GRAPH, "clickData"),
        Input(ids.GRAPH, "selectedData"),
        Input(ids.GRID, "selectedRows"),
        Input(ids.GRID, "cellClicked"),
        Input({"type": ids.UNDATED_ITEM, "id": ALL}, "n_clicks"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def select(click: Any, boxed: Any, rows: Any, cell: Any, _undated: Any, current: list[str] | None) -> Any:
        """Selection is shared: a click in the chart selects the row, a row selects the mark."""
        current = current or []
        trigger = ctx.triggered_id
        if trigger == ids.GRAPH:
            prop = ctx.triggered[0]["prop_id"].split(".")[-1]
            chosen = ids_from_points(click if prop == "clickData" else boxed)
            if not chosen:
                raise PreventUpdate
            return chosen, chosen[0], {"ids": chosen}
        if trigger == ids.GRID:
            prop = ctx.triggered[0]["prop_id"].split(".")[-1]
            if prop == "cellClicked":
                if not cell or not cell.get("rowId"):
                    raise PreventUpdate
                return no_update, cell["rowId"], no_update
            chosen = [r["id"] for r in (rows or []) if isinstance(r, dict) and "id" in r]
            if chosen == current:
                raise PreventUpdate
            added = [i for i in chosen if i not in current]
            return chosen, (added[-1] if added else no_update), no_update
        if isinstance(trigger, dict) and trigger.get("type") == ids.UNDATED_ITEM:
            if not ctx.triggered[0]["value"]:
                raise PreventUpdate  # the list was re-rendered, nobody clicked
            return no_update, trigger["id"], no_update
        raise PreventUpdate

    # The keys on the chart (assets/keyboard.js) write the focus store as a click does, so
    # render_detail and render_figure follow them unchanged. This keeps the script's copy of the
    # drawn order and the focus current, and says where the open event is among those drawn.
    app.clientside_callback(
        ClientsideFunction(namespace="timeline", function_name="followChart"),
        Output(ids.CHART_POSITION, "children"),
        Input(ids.CHART_ORDER, "data"),
        Input(ids.FOCUS, "data"),
    )

    @app.callback(
        Output(ids.DETAIL, "children"),
        Input(ids.FOCUS, "data"),
        Input(ids.REVISION, "data"),
    )
    def render_detail(event_id: str | None, _revision: int) -> Any:
        if not event_id:
            return empty_detail()
        try:
            event = store.get_event(event_id)
        except NotFoundError:
            return html.P("This event is no longer in the store (deleted or merged).", className="muted")
        docs = {}
        for source in event.sources:
            if source.document_id and source.document_id not in docs:
                doc = store.get_document(source.document_id)
                if doc is not None:
                    docs[doc.id] = doc
        try:
            n_changes = len(store.history(event_id))
        except NotFoundError:
            n_changes = 0
        return build_detail(event, docs, n_changes=n_changes)


OPTIONS_TTL = 600.0


def filter_options(store: Store) -> tuple[list[dict[str, str]], ...]:
    facets = store.facets()
    # Titles only (no article text), and only of the documents live events cite.
    cited = [i for i in facets.get("documents", []) if i]
    titles = {d.id: d.title or d.source or d.id[:12] for d in store.document_summaries(cited)}
    docs = [{"label": titles.get(i, i[:12]), "value": i} for i in facets.get("documents", []) if i]
    docs.sort(key=lambda o: o["label"].lower())
    return (
        docs,
        [{"label": a, "value": a} for a in facets.get("actors", [])],
        [{"label": t, "value": t} for t in facets.get("tags", [])],
    )


def undated_list(total: int, events: list[Event]) -> Any:
    if not total:
        return None
    items = [
        html.Li(
            html.Button(
                f"{e.title} — '{date_as_written(e)}'",
                id={"type": ids.UNDATED_ITEM, "id": e.id},
                className="link-button",
            )
        )
        for e in events
    ]
    more = total - len(events)
    return html.Div(
        [
            html.H3(f"Undated ({total}): no anchor known, so not placed on the timeline"),
            html.Ul(items),
            html.P(f"…and {more} more (see the table)", className="muted small") if more > 0 else None,
        ]
    )


def _first_error(err: ValueError) -> str:
    errors = getattr(err, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(err)
