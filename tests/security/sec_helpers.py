"""Helpers for the reliability and security tests: real servers in subprocesses, Dash callback
requests built from the app's own /_dash-dependencies, small stores made without extraction."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dash._utils import split_callback_id

from events.models import Document, Event, Source, TimeSpan
from events.store import Store

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SERVER_START_TIMEOUT_S = 60.0  # a hang guard only: a server normally answers in 2-4 s


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a `timeline` subprocess: no TIMELINE_* leaking in from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIMELINE_")}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def timeline_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "timeline", *args]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def running_server(args: list[str], tmp: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`timeline serve ARGS --port P` on loopback; yields once it answers, stops it afterwards."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            timeline_cmd(*args, "--port", str(port)),
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env or cli_env(),
            cwd=REPO,
        )
    server = Server(proc, port, log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"server exited with {proc.returncode}: {server.output()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"server did not answer within {SERVER_START_TIMEOUT_S} s: {server.output()}"
                )
            time.sleep(0.1)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def http(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None, timeout: float = 30.0
) -> Reply:
    """One request over loopback with urllib; HTTP errors are replies, not exceptions."""
    data = None
    hdrs = dict(headers or {})
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        hdrs.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Reply(resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read())
    except urllib.error.HTTPError as err:
        return Reply(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())


# -- Dash callback requests --------------------------------------------------------------------


def find_callback(deps: list[dict[str, Any]], component: str, prop: str, *, kind: str = "inputs") -> dict:
    """The dependency entry with `component.prop` among its inputs (or outputs)."""
    for dep in deps:
        if kind == "outputs":
            if any(o["id"] == component and o["property"].split("@")[0] == prop for o in outputs_of(dep)):
                return dep
        elif any(i["id"] == component and i["property"] == prop for i in dep["inputs"]):
            return dep
    raise LookupError(f"no callback with {component}.{prop} in its {kind}")


def outputs_of(dep: dict[str, Any]) -> list[dict[str, str]]:
    parts = split_callback_id(dep["output"])
    parts = parts if isinstance(parts, list) else [parts]
    return [{"id": p["id"], "property": p["property"]} for p in parts]


def callback_body(
    dep: dict[str, Any], values: dict[tuple[str, str], Any], changed: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    """The JSON the Dash renderer posts to /_dash-update-component for `dep`.

    `values` maps (component id, property) to the value; missing ones are None. Pattern-matching
    (ALL) inputs are sent as matching no component.
    """

    def item(spec: dict[str, Any]) -> Any:
        cid, prop = spec["id"], spec["property"]
        if cid.startswith("{"):
            return []
        return {"id": cid, "property": prop, "value": values.get((cid, prop))}

    outs = outputs_of(dep)
    multi = dep["output"].startswith("..")
    return {
        "output": dep["output"],
        "outputs": outs if multi else outs[0],
        "inputs": [item(i) for i in dep["inputs"]],
        "state": [item(s) for s in dep.get("state", [])],
        "changedPropIds": [f"{c}.{p}" for c, p in (changed or [])],
    }


# -- stores ------------------------------------------------------------------------------------


def manual(event_id: str, title: str, day: dt.date = dt.date(2020, 1, 1)) -> Event:
    return Event(
        id=event_id,
        title=title,
        when=TimeSpan(start=day, end=day, granularity="day", value=day.isoformat()),
        origin="manual",
        status="accepted",
    )


def seed_store(url: str, n: int = 5) -> list[str]:
    """`n` manual events and one small document with an extracted event; returns the event ids."""
    ids = [f"ev{i:03d}" for i in range(n)]
    with Store.open(url) as store:
        for i, event_id in enumerate(ids):
            store.add_event(manual(event_id, f"Event number {i}", dt.date(2020, 1, 1 + i)))
        text = "The council met on 3 March 2021. It voted on the budget."
        doc = Document(text=text, title="Council", published=dt.date(2021, 3, 4))
        ev = Event(
            id="doc-ev",
            title="The council met",
            when=TimeSpan(start=dt.date(2021, 3, 3), end=dt.date(2021, 3, 3), value="2021-03-03"),
            sources=[Source(document_id=doc.id, sentence=text[:32], sentence_start=0, sentence_end=32)],
        )
        store.ingest(doc, [ev])
    return [*ids, "doc-ev"]


def run_cli(
    *args: str, timeout: float = 120.0, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        timeline_cmd(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or cli_env(),
        cwd=REPO,
        check=False,
    )
