"""Component ids, in one place so layout, callbacks and browser tests agree on them."""

from __future__ import annotations

# Page state
URL = "url"
VIEW = "view-store"
REVISION = "revision-store"  # bumped after every write so queries re-run
SELECTED = "selected-store"  # ids of the selected events (figure <-> table)
FOCUS = "focus-store"  # the event shown in the detail panel
ERAS = "eras-store"

# Filters
F_TEXT = "filter-text"
F_START = "filter-start"
F_END = "filter-end"
F_DOCUMENTS = "filter-documents"
F_ACTORS = "filter-actors"
F_TAGS = "filter-tags"
F_PRECISION = "filter-precision"
F_ORIGIN = "filter-origin"
F_STATUS = "filter-status"
F_LANES = "filter-lanes"
F_COLOUR = "filter-colour"
F_RESET = "filter-reset"
PRESETS = "preset-windows"  # container of the preset buttons
PRESET = "preset"  # pattern-matching id type: {"type": PRESET, "years": n}

# Eras
ERA_NAME = "era-name"
ERA_START = "era-start"
ERA_END = "era-end"
ERA_ADD = "era-add"
ERA_CLEAR = "era-clear"
ERA_MESSAGE = "era-message"

# The timeline
GRAPH = "timeline-graph"
GRAPH_STATUS = "timeline-status"  # "12 events" / "binned: 1,000,000 events"
UNDATED = "undated-list"
UNDATED_ITEM = "undated-item"  # pattern-matching id type: {"type": UNDATED_ITEM, "id": event_id}
# Keyboard use of the chart (timeline/assets/keyboard.js spells out the ids it writes to)
CHART_KEYS = "timeline-keys"  # the focusable wrapper around the graph
CHART_ORDER = "timeline-order-store"  # ids of the drawn events in time order
CHART_POSITION = "timeline-position"  # "Event 3 of 12", announced

# Detail panel
DETAIL = "detail-panel"

# Table and its actions
GRID = "events-grid"
GRID_SEARCH = "grid-search"
GRID_NOTE = "grid-note"
ACT_ACCEPT = "action-accept"
ACT_REJECT = "action-reject"
ACT_DELETE = "action-delete"
ACT_MERGE = "action-merge"
ACT_MESSAGE = "action-message"

# Add an event
ADD_TITLE = "add-title"
ADD_DATE = "add-date"
ADD_END = "add-end"
ADD_DESCRIPTION = "add-description"
ADD_ACTORS = "add-actors"
ADD_TAGS = "add-tags"
ADD_URL = "add-url"
ADD_QUOTE = "add-quote"
ADD_PREVIEW = "add-date-preview"
ADD_SUBMIT = "add-submit"
ADD_MESSAGE = "add-message"
ADD_ERROR = "add-error"  # pattern-matching id type: {"type": ADD_ERROR, "field": name}

# Add an article
ART_UPLOAD = "article-upload"
ART_TEXT = "article-text"
ART_TITLE = "article-title"
ART_URL = "article-url"
ART_PUBLISHED = "article-published"
ART_SUBMIT = "article-submit"
ART_MESSAGE = "article-message"

# Export
EXPORT_CSV = "export-csv"
EXPORT_JSONL = "export-jsonl"
EXPORT_TIMELINEJS = "export-timelinejs"
DOWNLOAD = "download"
