"""The Dash app factory: `create_app(settings, store)`. No module state, so tests and benchmarks
can build as many apps as they like, each over its own store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dash import Dash, html

from events.store import Store
from timeline import layout
from timeline.app_settings import DashboardSettings, dashboard_settings
from timeline.callbacks import register
from timeline.edits import register_exports, register_writes
from timeline.queries import ViewCache

ASSETS = Path(__file__).parent / "assets"


def _document_titles(store: Store) -> dict[str, str]:
    return {d.id: d.title or d.source or d.id[:12] for d in store.list_documents()}


def page(store: Store, settings: DashboardSettings) -> html.Div:
    facets = store.facets()
    return layout.build_layout(settings, facets, _document_titles(store))


def create_app(settings: Any = None, store: Store | None = None, **dash_kwargs: Any) -> Dash:
    """The dashboard over `store` (default: the store at `settings.db_url`).

    `settings` is `timeline.settings.Settings`, a `DashboardSettings`, a dict or None; only the
    dashboard's fields are read (see `timeline.app_settings`).
    """
    cfg = dashboard_settings(settings)
    if store is None:
        store = Store.open(getattr(settings, "db_url", None))
    app = Dash(
        __name__,
        title=cfg.title,
        update_title=None,
        assets_folder=str(ASSETS),
        **dash_kwargs,
    )
    # A function, so each page load shows the documents, actors and tags stored by then.
    app.layout = lambda: page(store, cfg)
    cache = ViewCache()  # this app's memory of query answers, dropped on every write
    register(app, store, cfg, cache)
    register_exports(app, store)
    if not cfg.read_only:
        register_writes(app, store, cfg, cache)
    return app


def run(app: Dash, host: str = "127.0.0.1", port: int = 8050, debug: bool = False) -> None:
    app.run(host=host, port=port, debug=debug)
