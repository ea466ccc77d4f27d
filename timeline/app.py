"""The Dash app factory: `create_app(settings, store)`. No module state, so tests and benchmarks
can build as many apps as they like, each over its own store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dash import Dash

from events.store import Store
from timeline import layout
from timeline.app_settings import dashboard_settings
from timeline.callbacks import register
from timeline.edits import register_exports, register_writes
from timeline.queries import ViewCache

ASSETS = Path(__file__).parent / "assets"


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
    # Static: the page reads nothing from the store; filter options and data arrive by callback,
    # so a slow query on a big store never holds up the page itself.
    app.layout = layout.build_layout(cfg)
    cache = ViewCache()  # this app's memory of query answers, dropped on every write
    register(app, store, cfg, cache)
    register_exports(app, store)
    if not cfg.read_only:
        register_writes(app, store, cfg, cache)
    return app


def run(app: Dash, host: str = "127.0.0.1", port: int = 8050, debug: bool = False) -> None:
    app.run(host=host, port=port, debug=debug)
