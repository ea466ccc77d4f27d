"""Exposed servers: real `timeline serve` / `timeline demo` processes (waitress) on free ports,
reached over loopback only, each with a bounded start-up wait."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from sec_helpers import (
    callback_body,
    cli_env,
    find_callback,
    http,
    running_server,
    seed_store,
    timeline_cmd,
)

from events.store import Store
from timeline import ids

PASSWORD = "pw-8c1d0e-do-not-print"
TOKEN = "tk-33b9aa-do-not-print"
UPDATE = "/_dash-update-component"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'serve.sqlite'}"
    seed_store(url)
    return url


def edit_body(deps: list[dict], event_id: str, new: str) -> dict:
    dep = find_callback(deps, ids.GRID, "cellValueChanged")
    change = {"data": {"id": event_id, "version": 1}, "colId": "title", "oldValue": "x", "newValue": new}
    return callback_body(dep, {(ids.GRID, "cellValueChanged"): [change]}, [(ids.GRID, "cellValueChanged")])


def figure_body(deps: list[dict]) -> dict:
    dep = find_callback(deps, ids.GRAPH, "figure", kind="outputs")
    return callback_body(dep, {(ids.REVISION, "data"): 0}, [(ids.VIEW, "data")])


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_serve_refuses_a_public_address_without_protection(host: str, db: str) -> None:
    import subprocess

    res = subprocess.run(
        timeline_cmd("serve", "--db", db, "--host", host, "--port", "1"),
        capture_output=True, text=True, timeout=60, env=cli_env(), check=False,
    )  # fmt: skip
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    for option in ("--read-only", "--auth-user", "--auth-password", "--token", "127.0.0.1"):
        assert option in lines[0]
    assert "Traceback" not in res.stderr + res.stdout


def test_debug_server_only_on_loopback(db: str) -> None:
    import subprocess

    res = subprocess.run(
        timeline_cmd("serve", "--db", db, "--host", "0.0.0.0", "--read-only", "--debug"),
        capture_output=True, text=True, timeout=60, env=cli_env(), check=False,
    )  # fmt: skip
    assert res.returncode != 0 and "--debug" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if int(hexport, 16) == port and state == "0A":  # 0A: LISTEN
                found.add(addr)
    return found


def test_serve_binds_loopback_by_default(db: str, tmp_path: Path) -> None:
    with running_server(["serve", "--db", db], tmp_path) as server:
        assert http("GET", server.base + "/").status == 200
        addresses = _listening_addresses(server.port)
        if addresses:  # /proc is there on Linux; elsewhere the start-up line says it
            assert addresses == {"0100007F"}, addresses  # 127.0.0.1 only
        assert f"http://127.0.0.1:{server.port}/" in server.output()


def test_read_only_server_on_all_interfaces_refuses_every_write(db: str, tmp_path: Path) -> None:
    with running_server(["serve", "--db", db, "--host", "0.0.0.0", "--read-only"], tmp_path) as server:
        page = http("GET", server.base + "/")
        assert page.status == 200
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        deps = http("GET", server.base + "/_dash-dependencies").json()
        assert http("POST", server.base + UPDATE, figure_body(deps)).status == 200
        # The read-only app registers no write callback; build a write request from the full app.
        from timeline.app import create_app

        with Store.open(db) as store:
            full = http_deps_of(create_app({"read_only": False}, store))
        assert http("POST", server.base + UPDATE, edit_body(full, "ev000", "hacked")).status == 403
        writes = [d for d in full if d["output"] not in {r["output"] for r in deps}]
        assert writes
        for dep in writes:
            assert http("POST", server.base + UPDATE, callback_body(dep, {})).status == 403
    with Store.open(db) as store:
        assert store.get_event("ev000").title == "Event number 0"


def http_deps_of(app: object) -> list[dict]:
    client = app.server.test_client()  # type: ignore[attr-defined]
    return client.get("/_dash-dependencies").get_json()


def test_credentials_from_the_environment_guard_writes_and_are_never_printed(db: str, tmp_path: Path) -> None:
    env = cli_env(TIMELINE_AUTH_USER="editor", TIMELINE_AUTH_PASSWORD=PASSWORD, TIMELINE_TOKEN=TOKEN)
    with running_server(["serve", "--db", db, "--host", "0.0.0.0"], tmp_path, env=env) as server:
        good = {"Authorization": "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()}
        bad = {"Authorization": "Basic " + base64.b64encode(b"editor:guess").decode()}
        assert http("GET", server.base + "/").status == 401
        assert http("GET", server.base + "/", headers=bad).status == 401
        assert http("GET", server.base + "/", headers=good).status == 200
        deps = http("GET", server.base + "/_dash-dependencies", headers=good).json()
        body = edit_body(deps, "ev001", "Edited with credentials")
        assert http("POST", server.base + UPDATE, body).status == 401
        assert http("POST", server.base + UPDATE, body, headers=bad).status == 401
        with Store.open(db) as store:
            assert store.get_event("ev001").title == "Event number 1"
        ok = http("POST", server.base + UPDATE, body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status == 200 and "Saved" in ok.body.decode()
        with Store.open(db) as store:
            assert store.get_event("ev001").title == "Edited with credentials"
        log = server.output()
    assert "basic auth as 'editor'" in log
    assert PASSWORD not in log and TOKEN not in log and "guess" not in log


def test_secret_on_the_command_line_is_not_echoed(db: str, tmp_path: Path) -> None:
    with running_server(["serve", "--db", db, "--token", TOKEN], tmp_path) as server:
        assert http("GET", server.base + "/").status == 401
        assert http("GET", server.base + "/", headers={"Authorization": f"Bearer {TOKEN}"}).status == 200
        assert http("GET", server.base + "/", headers={"Authorization": "Bearer wrong"}).status == 401
        log = server.output()
    assert TOKEN not in log and "bearer token" in log


@pytest.mark.slow
def test_demo_ingests_the_seeds_and_serves_them(tmp_path: Path) -> None:
    with running_server(["demo"], tmp_path) as server:
        deps = http("GET", server.base + "/_dash-dependencies").json()
        reply = http("POST", server.base + UPDATE, figure_body(deps))
        assert reply.status == 200
        status = reply.json()["response"][ids.GRAPH_STATUS]["children"]
        assert "dated event" in status and not status.startswith("0 ")
        log = server.output()
    assert "documents added" in log and "failed:" not in log
    # The fresh database lived in a temporary folder, removed when the server was stopped (SIGTERM).
    folder = re.search(r"sqlite:///(/\S+)/demo\.sqlite", log)
    assert folder and not Path(folder.group(1)).exists()


def test_a_database_password_is_not_echoed_when_the_database_is_unreachable() -> None:
    import subprocess

    url = "postgresql+psycopg://editor:db-pw-61f0@127.0.0.1:1/timeline"
    res = subprocess.run(
        timeline_cmd("serve", "--db", url),
        capture_output=True,
        text=True,
        timeout=60,
        env=cli_env(),
        check=False,
    )
    assert res.returncode != 0
    assert "db-pw-61f0" not in res.stdout + res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_an_oversized_request_is_refused_by_the_real_server(db: str, tmp_path: Path) -> None:
    env = cli_env(TIMELINE_UPLOAD_MAX_BYTES="100000")  # request cap: 4/3 of it + 4 MiB
    with running_server(["serve", "--db", db], tmp_path, env=env) as server:
        huge = b'{"output": "x", "pad": "' + b"a" * (6 * 1024 * 1024) + b'"}'
        try:
            status = http("POST", server.base + UPDATE, huge).status
        except OSError:  # the server may close the connection before reading the rest: also a refusal
            status = 413
        assert status == 413
        assert http("GET", server.base + "/").status == 200  # and it keeps serving
