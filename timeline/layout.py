"""The page: components only, no callbacks. Built per page load so filter options are current.

Accessibility: every control has a visible label; the chart takes focus and steps through the
events it draws with the arrow keys (Home/End: first/last, Enter opens; see assets/keyboard.js);
the events table is the keyboard route to everything else (arrow keys move, Space selects, Enter
edits); the detail panel is a live region so a screen reader hears the event that was opened.
"""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
from dash import dcc, html

from timeline import ids
from timeline.app_settings import DashboardSettings
from timeline.detail import empty_detail
from timeline.view import GRANULARITIES, ORIGINS, STATUSES

PRESET_YEARS = ((1, "Last year"), (5, "Last 5 years"), (10, "Last 10 years"), (0, "Everything"))
CHART_KEYS_LABEL = (
    "Timeline chart. Arrow keys step through the events in time order, Home and End go to the first"
    " and last, Enter opens the event's detail."
)


def _field(label: str, control: Any, *, error_for: str | None = None, hint: str | None = None) -> html.Div:
    control_id = getattr(control, "id", None)
    children: list[Any] = [html.Label(label, htmlFor=control_id) if isinstance(control_id, str) else label]
    children.append(control)
    if hint:
        children.append(html.Div(hint, className="hint"))
    if error_for:
        children.append(html.Div(id={"type": ids.ADD_ERROR, "field": error_for}, className="field-error"))
    return html.Div(children, className="field")


def _options(values: list[str], labels: dict[str, str] | None = None) -> list[dict[str, str]]:
    labels = labels or {}
    return [{"label": labels.get(v, v), "value": v} for v in values]


def filters() -> html.Section:
    """Documents, actors and tags get their options from a callback after the page loads."""
    return html.Section(
        [
            html.H2("Filters", className="visually-hidden"),
            _field("Search", dcc.Input(id=ids.F_TEXT, type="search", debounce=True, placeholder="words")),
            _field("From", dcc.Input(id=ids.F_START, type="date", debounce=True)),
            _field("To", dcc.Input(id=ids.F_END, type="date", debounce=True)),
            _field(
                "Documents",
                dcc.Dropdown(id=ids.F_DOCUMENTS, multi=True, options=[]),
            ),
            _field("Actors", dcc.Dropdown(id=ids.F_ACTORS, multi=True, options=[])),
            _field("Tags", dcc.Dropdown(id=ids.F_TAGS, multi=True, options=[])),
            _field(
                "Precision",
                dcc.Dropdown(id=ids.F_PRECISION, multi=True, options=_options(list(GRANULARITIES))),
            ),
            _field(
                "Origin",
                dcc.Checklist(id=ids.F_ORIGIN, options=_options(list(ORIGINS)), value=[], inline=True),
            ),
            _field(
                "Status",
                dcc.Checklist(id=ids.F_STATUS, options=_options(list(STATUSES)), value=[], inline=True),
            ),
            _field(
                "Lanes",
                dcc.RadioItems(
                    id=ids.F_LANES,
                    options=_options(["none", "document", "actor", "tag"]),
                    value="none",
                    inline=True,
                ),
            ),
            _field(
                "Colour by",
                dcc.RadioItems(
                    id=ids.F_COLOUR, options=_options(["status", "source"]), value="status", inline=True
                ),
            ),
            html.Div(
                [
                    html.Span("Window: ", className="muted"),
                    *[
                        html.Button(label, id={"type": ids.PRESET, "years": years}, className="btn small")
                        for years, label in PRESET_YEARS
                    ],
                    html.Button("Clear filters", id=ids.F_RESET, className="btn small secondary"),
                ],
                id=ids.PRESETS,
                className="presets",
            ),
        ],
        className="filters",
        **{"aria-label": "Filters"},
    )


def eras_form() -> html.Details:
    return html.Details(
        [
            html.Summary("Eras (bands behind the timeline)"),
            html.Div(
                [
                    _field("Name", dcc.Input(id=ids.ERA_NAME, type="text", maxLength=80)),
                    _field("Start", dcc.Input(id=ids.ERA_START, type="date")),
                    _field("End", dcc.Input(id=ids.ERA_END, type="date")),
                    html.Button("Add era", id=ids.ERA_ADD, className="btn small"),
                    html.Button("Remove all eras", id=ids.ERA_CLEAR, className="btn small secondary"),
                    html.Div(id=ids.ERA_MESSAGE, className="message", role="status"),
                ],
                className="form-row",
            ),
        ],
        className="panel",
    )


def chart() -> html.Section:
    return html.Section(
        [
            html.Div(id=ids.GRAPH_STATUS, className="status-line", role="status"),
            html.Div(
                dcc.Loading(
                    dcc.Graph(
                        id=ids.GRAPH,
                        config={
                            "scrollZoom": True,
                            "displaylogo": False,
                            "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"],
                            "toImageButtonOptions": {"filename": "timeline"},
                        },
                        clear_on_unhover=True,
                    ),
                    delay_show=400,
                    type="dot",
                ),
                id=ids.CHART_KEYS,
                className="chart-keys",
                tabIndex="0",
                # "application": screen readers hand the arrow keys to the page here instead of
                # using them to read on, which is what stepping through the events needs.
                role="application",
                **{"aria-label": CHART_KEYS_LABEL},
            ),
            html.Div(id=ids.CHART_POSITION, className="status-line", role="status"),
            html.P(
                "Points: events dated to the day. Bars: spans (months, years, ranges); the coarser the"
                " date, the lighter the bar. Dotted ends: approximate dates. Drag to pan, wheel to zoom,"
                " double-click to see everything. Keyboard: Tab to the chart, then the arrow keys step"
                " through its events, Home and End go to the first and last, Enter opens one.",
                className="key muted small",
            ),
            html.Div(id=ids.UNDATED, className="undated"),
        ],
        className="chart",
        **{"aria-label": "Timeline chart"},
    )


COLUMNS: list[dict[str, Any]] = [
    {"field": "title", "headerName": "Title", "editable": True, "flex": 3, "minWidth": 220},
    {
        "field": "date",
        "headerName": "Date (type to change)",
        "editable": True,
        "flex": 1,
        "minWidth": 130,
        "headerTooltip": "Type a date as you would write it: 'early 2014', 'Jan 3 2020', '2007 to 2011'",
    },
    {"field": "date_text", "headerName": "As written", "flex": 1, "minWidth": 120},
    {"field": "start", "headerName": "Start", "width": 115},
    {"field": "end", "headerName": "End", "width": 115},
    {"field": "granularity", "headerName": "Precision", "width": 110},
    {"field": "status", "headerName": "Status", "width": 105},
    {"field": "origin", "headerName": "Origin", "width": 105},
    {"field": "actors", "headerName": "Actors", "flex": 1, "minWidth": 120},
    {"field": "tags", "headerName": "Tags (; separated)", "editable": True, "flex": 1, "minWidth": 120},
    {"field": "source", "headerName": "Source", "flex": 1, "minWidth": 140},
    {"field": "n_sources", "headerName": "Sources", "width": 95, "filter": "agNumberColumnFilter"},
    {"field": "confidence", "headerName": "Conf.", "width": 85, "filter": "agNumberColumnFilter"},
    {"field": "conflict", "headerName": "Conflict", "flex": 1, "minWidth": 120},
]


def table(read_only: bool) -> html.Section:
    columns = [
        {**c, "editable": False} if read_only else c  # read-only servers show the same columns
        for c in COLUMNS
    ]
    actions: list[Any] = []
    if not read_only:
        actions = [
            html.Button("Accept", id=ids.ACT_ACCEPT, className="btn small"),
            html.Button("Reject", id=ids.ACT_REJECT, className="btn small"),
            html.Button("Delete", id=ids.ACT_DELETE, className="btn small danger"),
            html.Button("Merge", id=ids.ACT_MERGE, className="btn small"),
        ]
    return html.Section(
        [
            html.H2("Events", id="events-heading"),
            html.Div(
                [
                    html.Label("Search the table", htmlFor=ids.GRID_SEARCH, className="visually-hidden"),
                    dcc.Input(id=ids.GRID_SEARCH, type="search", placeholder="Search the table…"),
                    *actions,
                    html.Span("selected rows", className="muted small") if actions else None,
                ],
                className="toolbar",
            ),
            html.Div(id=ids.ACT_MESSAGE, className="message", role="status", **{"aria-live": "polite"}),
            dag.AgGrid(
                id=ids.GRID,
                columnDefs=columns,
                rowData=[],
                getRowId="params.data.id",
                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                dashGridOptions={
                    "rowSelection": {"mode": "multiRow", "enableClickSelection": False},
                    "stopEditingWhenCellsLoseFocus": True,
                    "singleClickEdit": False,
                    "animateRows": False,
                    "tooltipShowDelay": 300,
                },
                style={"height": "420px", "width": "100%"},
            ),
            html.Div(id=ids.GRID_NOTE, className="muted small"),
        ],
        className="table",
        **{"aria-labelledby": "events-heading"},
    )


def add_event_form() -> html.Details:
    return html.Details(
        [
            html.Summary("Add an event by hand"),
            html.Div(
                [
                    _field(
                        "Title", dcc.Input(id=ids.ADD_TITLE, type="text", maxLength=500), error_for="title"
                    ),
                    _field(
                        "Date",
                        dcc.Input(
                            id=ids.ADD_DATE, type="text", placeholder="early 2014, Jan 3 2020, 2007-2011"
                        ),
                        error_for="date",
                    ),
                    _field("End (optional)", dcc.Input(id=ids.ADD_END, type="text"), error_for="end"),
                    html.Div(
                        id=ids.ADD_PREVIEW, className="preview", role="status", **{"aria-live": "polite"}
                    ),
                    _field("Description", dcc.Textarea(id=ids.ADD_DESCRIPTION), error_for="description"),
                    _field(
                        "Actors",
                        dcc.Input(id=ids.ADD_ACTORS, type="text"),
                        hint="separate with ;",
                        error_for="actors",
                    ),
                    _field(
                        "Tags",
                        dcc.Input(id=ids.ADD_TAGS, type="text"),
                        hint="separate with ;",
                        error_for="tags",
                    ),
                    _field("Source URL", dcc.Input(id=ids.ADD_URL, type="url"), error_for="url"),
                    _field("Quote", dcc.Textarea(id=ids.ADD_QUOTE), error_for="quote"),
                    html.Button("Add event", id=ids.ADD_SUBMIT, className="btn primary"),
                    html.Div(id=ids.ADD_MESSAGE, className="message", role="status"),
                ],
                className="form",
            ),
        ],
        className="panel",
    )


def add_article_form(max_bytes: int) -> html.Details:
    return html.Details(
        [
            html.Summary("Add an article"),
            html.Div(
                [
                    dcc.Upload(
                        id=ids.ART_UPLOAD,
                        children=html.Div(
                            [
                                "Drop a .txt, .md or .html file here, or ",
                                html.Span("choose one", className="link"),
                            ]
                        ),
                        accept=".txt,.md,.markdown,.html,.htm",
                        max_size=max_bytes,
                        multiple=False,
                        className="upload",
                    ),
                    html.Div(f"Up to {max_bytes // 1000:,} kB.", className="hint"),
                    _field("…or paste the text", dcc.Textarea(id=ids.ART_TEXT)),
                    _field("Title", dcc.Input(id=ids.ART_TITLE, type="text")),
                    _field("URL", dcc.Input(id=ids.ART_URL, type="url")),
                    _field(
                        "Published",
                        dcc.Input(id=ids.ART_PUBLISHED, type="date"),
                        hint="Relative dates ('on Wednesday') are resolved against it; without it they stay"
                        " undated.",
                    ),
                    html.Button("Add article", id=ids.ART_SUBMIT, className="btn primary"),
                    html.Div(id=ids.ART_MESSAGE, className="message", role="status"),
                ],
                className="form",
            ),
        ],
        className="panel",
    )


def export_bar() -> html.Div:
    return html.Div(
        [
            html.Span("Export this view: ", className="muted"),
            html.Button("CSV", id=ids.EXPORT_CSV, className="btn small"),
            html.Button("JSON Lines", id=ids.EXPORT_JSONL, className="btn small"),
            html.Button("TimelineJS", id=ids.EXPORT_TIMELINEJS, className="btn small"),
            dcc.Download(id=ids.DOWNLOAD),
        ],
        className="export",
    )


def build_layout(settings: DashboardSettings) -> html.Div:
    writers: list[Any] = []
    if not settings.read_only:
        writers = [add_event_form(), add_article_form(settings.upload_max_bytes)]
    return html.Div(
        [
            html.A("Skip to the events table", href="#events-heading", className="skip-link"),
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VIEW),
            dcc.Store(id=ids.REVISION, data=0),
            dcc.Store(id=ids.SELECTED, data=[]),
            dcc.Store(id=ids.FOCUS),
            dcc.Store(id=ids.CHART_ORDER, data=[]),
            html.Header(
                [html.H1(settings.title), export_bar()],
                className="header",
            ),
            filters(),
            eras_form(),
            html.Main(
                [
                    chart(),
                    html.Aside(
                        # Focusable from script only: Enter on the chart moves the reader here.
                        html.Div(empty_detail(), id=ids.DETAIL, tabIndex="-1"),
                        className="detail-column",
                        **{"aria-label": "Event detail", "aria-live": "polite"},
                    ),
                ],
                className="main",
            ),
            table(settings.read_only),
            *writers,
        ],
        className="page",
    )
