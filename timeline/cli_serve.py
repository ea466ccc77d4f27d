"""The dashboard commands: `timeline serve` and `timeline demo`. They register on `timeline.cli.app`.

Serving policy (see SECURITY.md): 127.0.0.1 by default; any other address is refused unless the
server is read-only or needs credentials. Production serving is waitress (a multi-threaded WSGI
server); `--debug` uses Dash's development server, on loopback only, because its debugger can run
code sent by the browser.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from dash import Dash

from events.errors import InputError
from events.store import Store
from timeline.cli import app
from timeline.security import Credentials, Policy, binding_refusal, is_loopback, max_request_bytes, protect
from timeline.security import read_callbacks as read_callback_keys
from timeline.settings import Settings, load_settings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEFAULT_THREADS = 8

Db = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="TIMELINE_DB_URL", help="Database URL (SQLAlchemy), e.g. sqlite:///events.sqlite."
    ),
]
Host = Annotated[
    str | None,
    typer.Option(
        "--host",
        envvar="TIMELINE_HOST",
        help="Address to listen on (default 127.0.0.1). Any other needs --read-only or credentials.",
    ),
]
Port = Annotated[
    int | None, typer.Option("--port", envvar="TIMELINE_PORT", min=1, max=65535, help="Default 8050.")
]
ReadOnly = Annotated[
    bool,
    typer.Option("--read-only", envvar="TIMELINE_READ_ONLY", help="Nothing can be changed from the browser."),
]
AuthUser = Annotated[
    str | None,
    typer.Option("--auth-user", envvar="TIMELINE_AUTH_USER", help="User name for HTTP Basic auth."),
]
AuthPassword = Annotated[
    str | None,
    typer.Option(
        "--auth-password",
        envvar="TIMELINE_AUTH_PASSWORD",
        help="Password for --auth-user. Prefer the environment variable: arguments show in `ps`.",
        show_default=False,
    ),
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="TIMELINE_TOKEN",
        help="Bearer token (browsers: any user name, the token as password). Prefer TIMELINE_TOKEN.",
        show_default=False,
    ),
]
OpenReads = Annotated[
    bool,
    typer.Option("--open-reads", help="With credentials: let anyone look; only changes need them."),
]
Threads = Annotated[int, typer.Option("--threads", min=1, help="Request threads of the WSGI server.")]
Debug = Annotated[
    bool, typer.Option("--debug", help="Dash's development server with hot reload (loopback only).")
]
By = Annotated[
    str | None,
    typer.Option("--by", envvar="TIMELINE_USER", help="Name recorded in the change history for edits."),
]


def build_app(
    settings: Settings | Any,
    store: Store,
    credentials: Credentials | None = None,
    *,
    protect_reads: bool = True,
) -> Dash:
    """The dashboard over `store` with the HTTP protections of `timeline.security` applied."""
    from timeline.app import create_app

    dash_app = create_app(settings, store)
    policy = Policy(
        read_only=bool(getattr(settings, "read_only", False)),
        credentials=credentials,
        protect_reads=protect_reads,
        read_callbacks=read_callback_keys(settings, store),
        max_request_bytes=max_request_bytes(int(getattr(settings, "upload_max_bytes", 2_000_000))),
    )
    return protect(dash_app, policy)


def _credentials(user: str | None, password: str | None, token: str | None) -> Credentials | None:
    try:
        return Credentials.from_options(user, password, token)
    except ValueError as err:
        raise InputError(str(err)) from None


def _check_binding(host: str, read_only: bool, creds: Credentials | None, debug: bool) -> None:
    refusal = binding_refusal(host, read_only=read_only, credentials=creds)
    if refusal:
        raise InputError(refusal)
    if debug and not is_loopback(host):
        raise InputError(
            f"--debug runs a development server that executes code; not on {host}, only 127.0.0.1"
        )


def run_server(
    settings: Settings,
    store: Store,
    creds: Credentials | None,
    *,
    open_reads: bool = False,
    threads: int = DEFAULT_THREADS,
    debug: bool = False,
) -> None:
    dash_app = build_app(settings, store, creds, protect_reads=not open_reads)
    mode = ["read-only" if settings.read_only else "read-write"]
    if creds is not None:
        mode.append(f"{creds.describe()} required{' to change things' if open_reads else ''}")
    url_host = f"[{settings.host}]" if ":" in settings.host else settings.host
    typer.echo(
        f"Serving {store.url} on http://{url_host}:{settings.port}/ ({', '.join(mode)}); Ctrl+C stops."
    )
    if debug:
        dash_app.run(host=settings.host, port=settings.port, debug=True)
        return
    # SIGTERM (service managers, containers) unwinds like Ctrl+C: stores close, the demo's
    # temporary database is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    import waitress

    waitress.serve(
        dash_app.server,
        host=settings.host,
        port=settings.port,
        threads=threads,
        ident="timeline",
        # We are not behind a proxy unless one is configured: ignore X-Forwarded-* from clients.
        clear_untrusted_proxy_headers=True,
        _quiet=True,
    )


@app.command()
def serve(
    db: Db = None,
    host: Host = None,
    port: Port = None,
    read_only: ReadOnly = False,
    auth_user: AuthUser = None,
    auth_password: AuthPassword = None,
    token: Token = None,
    open_reads: OpenReads = False,
    threads: Threads = DEFAULT_THREADS,
    debug: Debug = False,
    by: By = None,
) -> None:
    """Serve the dashboard over a database (127.0.0.1:8050 unless told otherwise)."""
    settings = load_settings(db_url=db, host=host, port=port, read_only=read_only or None, user=by)
    creds = _credentials(auth_user, auth_password, token)
    _check_binding(settings.host, settings.read_only, creds, debug)
    with Store.open(settings.db_url) as store:
        run_server(settings, store, creds, open_reads=open_reads, threads=threads, debug=debug)


@app.command()
def demo(
    port: Port = None,
    host: Host = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL to fill (default: a fresh SQLite file in a temporary folder)."
        ),
    ] = None,
    read_only: ReadOnly = False,
    auth_user: AuthUser = None,
    auth_password: AuthPassword = None,
    token: Token = None,
    threads: Threads = DEFAULT_THREADS,
) -> None:
    """Ingest the sample articles (seeds/) into a fresh database and serve the dashboard on it."""
    from events.ingest import ingest

    settings = load_settings(host=host, port=port, read_only=read_only or None)
    creds = _credentials(auth_user, auth_password, token)
    _check_binding(settings.host, settings.read_only, creds, False)
    if not SEEDS.is_dir():
        raise InputError(f"the sample articles are missing: no folder {SEEDS}")
    with contextlib.ExitStack() as stack:
        if db is None:  # a fresh database each time, removed when the demo stops
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="timeline-demo-"))
            db = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        settings = settings.model_copy(update={"db_url": db})
        store = stack.enter_context(Store.open(db))
        report = ingest([str(SEEDS)], store, progress=None, merge=True)
        for name, reason in sorted(report.failed.items()):
            typer.echo(f"failed: {name}: {reason}", err=True)
        typer.echo(f"Demo database {store.url}: {report.summary()}.")
        run_server(settings, store, creds, threads=threads)
