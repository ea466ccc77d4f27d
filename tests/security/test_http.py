"""The HTTP layer of the dashboard, in process (Flask test clients over a real SQLite store):
security headers and CSP, read-only refused at the HTTP layer, authentication, request and upload
limits, and two editors racing on one event through the real edit callback."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sec_helpers import callback_body, find_callback, seed_store

from events.query import EventQuery
from events.store import Store
from timeline import ids
from timeline.cli_serve import build_app
from timeline.security import (
    Credentials,
    content_security_policy,
    inline_script_hashes,
    is_write,
    read_callbacks,
)
from timeline.settings import Settings

UPDATE = "/_dash-update-component"
PASSWORD = "correct-horse-battery-staple-7731"
TOKEN = "tok-5f3c9a1e-never-in-logs"


def basic(user: str, password: str) -> dict[str, str]:
    raw = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


@pytest.fixture
def url(tmp_path: Path) -> str:
    u = f"sqlite:///{tmp_path / 'http.sqlite'}"
    seed_store(u)
    return u


@pytest.fixture
def store(url: str) -> Any:
    s = Store.open(url)
    yield s
    s.close()


def make_client(
    url: str, store: Store, *, creds: Credentials | None = None, protect_reads: bool = True, **kw: Any
) -> Any:
    settings = Settings(db_url=url, **kw)
    app = build_app(settings, store, creds, protect_reads=protect_reads)
    return app.server.test_client()


def deps_of(client: Any, headers: dict[str, str] | None = None) -> list[dict[str, Any]]:
    resp = client.get("/_dash-dependencies", headers=headers or {})
    assert resp.status_code == 200
    return resp.get_json()


def edit_title_body(deps: list[dict[str, Any]], event_id: str, version: int, old: str, new: str) -> dict:
    dep = find_callback(deps, ids.GRID, "cellValueChanged")
    change = {
        "data": {"id": event_id, "version": version, "title": new},
        "rowId": event_id,
        "colId": "title",
        "oldValue": old,
        "newValue": new,
    }
    return callback_body(dep, {(ids.GRID, "cellValueChanged"): [change], (ids.REVISION, "data"): 0},
                         [(ids.GRID, "cellValueChanged")])  # fmt: skip


def figure_body(deps: list[dict[str, Any]]) -> dict:
    dep = find_callback(deps, ids.GRAPH, "figure", kind="outputs")
    return callback_body(dep, {(ids.REVISION, "data"): 0, (ids.SELECTED, "data"): []}, [(ids.VIEW, "data")])


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def assert_secure_headers(resp: Any) -> None:
    for name, value in HEADERS.items():
        assert resp.headers.get(name) == value, name
    csp = resp.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)  # type: ignore[union-attr]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_security_headers_on_every_kind_of_response(url: str, store: Store) -> None:
    client = make_client(url, store)
    deps = deps_of(client)
    page = client.get("/")
    script = re.search(r'src="(/_dash-component-suites/[^"]+\.js)"', page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    responses = [
        page,
        client.get("/_dash-layout"),
        client.get("/_dash-dependencies"),
        client.get(script),
        client.get("/assets/timeline.css"),
        client.get("/no/such/page/../x"),
        client.post(UPDATE, json=figure_body(deps)),
    ]
    for resp in responses:
        assert_secure_headers(resp)
    assert responses[-1].status_code == 200


def test_csp_hashes_the_inline_scripts_actually_served(url: str, store: Store) -> None:
    client = make_client(url, store)
    resp = client.get("/")
    html = resp.get_data(as_text=True)
    hashes = inline_script_hashes(html)
    # Dash renders exactly one executable inline script (the renderer bootstrap); JSON config and
    # the script inside the IE conditional comment do not count.
    assert len(hashes) == 1
    csp = resp.headers["Content-Security-Policy"]
    assert all(h in csp for h in hashes)
    assert 'id="_dash-renderer"' in html


def test_csp_builder_refuses_nothing_it_should_not_add() -> None:
    csp = content_security_policy(["'sha256-abc'"])
    assert "script-src 'self' 'sha256-abc'" in csp
    assert "object-src 'none'" in csp and "base-uri 'self'" in csp


# -- read-only ----------------------------------------------------------------------------------


def test_read_only_refuses_every_write_callback_at_the_http_layer(url: str, store: Store) -> None:
    full = deps_of(make_client(url, store))
    ro_client = make_client(url, store, read_only=True)
    ro = deps_of(ro_client)
    writes = [d for d in full if d["output"] not in {r["output"] for r in ro}]
    assert len(writes) >= 4  # edit cell, actions, add event, add article, ...
    before = [e.model_dump() for e in store.query(EventQuery())]
    for dep in writes:
        resp = ro_client.post(UPDATE, json=callback_body(dep, {}))
        assert resp.status_code == 403, dep["output"]
    # The real edit, with a valid body, is refused too, and nothing changed.
    resp = ro_client.post(UPDATE, json=edit_title_body(full, "ev000", 1, "Event number 0", "hacked"))
    assert resp.status_code == 403
    assert [e.model_dump() for e in store.query(EventQuery())] == before
    # Reads keep working.
    assert ro_client.post(UPDATE, json=figure_body(ro)).status_code == 200
    assert ro_client.get("/").status_code == 200


def test_every_read_only_callback_is_classified_as_a_read(url: str, store: Store) -> None:
    settings = Settings(db_url=url)
    reads = read_callbacks(settings, store)
    ro = deps_of(make_client(url, store, read_only=True))
    for dep in ro:
        body = callback_body(dep, {})
        assert not is_write("POST", UPDATE, json.dumps(body).encode(), reads), dep["output"]
    # Anything else that is not a GET is a write: an unknown callback, another path, a bad body.
    assert is_write("POST", UPDATE, b'{"output": "nope.children"}', reads)
    assert is_write("POST", UPDATE, b"not json", reads)
    assert is_write("PUT", "/anything", b"", reads)
    assert not is_write("GET", "/", b"", reads)


# -- authentication -----------------------------------------------------------------------------


def test_credentials_protect_every_request_by_default(url: str, store: Store) -> None:
    creds = Credentials.from_options("editor", PASSWORD)
    client = make_client(url, store, creds=creds)
    resp = client.get("/")
    assert resp.status_code == 401
    assert resp.headers["WWW-Authenticate"].startswith("Basic ")
    assert_secure_headers(resp)
    assert client.get("/", headers=basic("editor", "wrong")).status_code == 401
    assert client.get("/", headers=basic("someone", PASSWORD)).status_code == 401
    assert client.get("/", headers={"Authorization": "Basic !!!notbase64"}).status_code == 401
    ok = client.get("/", headers=basic("editor", PASSWORD))
    assert ok.status_code == 200
    assert ok.headers["Cache-Control"] == "private, no-store"


def test_writes_need_credentials_and_succeed_with_them(url: str, store: Store) -> None:
    creds = Credentials.from_options("editor", PASSWORD, TOKEN)
    client = make_client(url, store, creds=creds, protect_reads=False)
    deps = deps_of(client)  # reads are open with protect_reads=False
    assert client.post(UPDATE, json=figure_body(deps)).status_code == 200
    body = edit_title_body(deps, "ev001", 1, "Event number 1", "Renamed by the editor")
    for headers in ({}, basic("editor", "nope"), {"Authorization": f"Bearer {TOKEN}x"}):
        resp = client.post(UPDATE, json=body, headers=headers)
        assert resp.status_code == 401
    assert store.get_event("ev001").title == "Event number 1"
    resp = client.post(UPDATE, json=body, headers=basic("editor", PASSWORD))
    assert resp.status_code == 200
    assert store.get_event("ev001").title == "Renamed by the editor"
    # A token works as a bearer token and, for browsers, as the password of Basic auth.
    body2 = edit_title_body(deps, "ev002", 1, "Event number 2", "By token")
    assert client.post(UPDATE, json=body2, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    body3 = edit_title_body(deps, "ev003", 1, "Event number 3", "By token in basic")
    assert client.post(UPDATE, json=body3, headers=basic("anyone", TOKEN)).status_code == 200
    assert store.get_event("ev002").title == "By token"
    assert store.get_event("ev003").title == "By token in basic"


def test_secrets_are_masked_in_reprs_and_descriptions() -> None:
    creds = Credentials.from_options("editor", PASSWORD, TOKEN)
    assert creds is not None
    for text in (repr(creds), str(creds), creds.describe(), f"{creds}"):
        assert PASSWORD not in text and TOKEN not in text
    with pytest.raises(ValueError, match="both --auth-user and --auth-password"):
        Credentials.from_options("editor", None)
    assert Credentials.from_options(None, None, None) is None


# -- size and type limits -----------------------------------------------------------------------


def article_body(deps: list[dict[str, Any]], contents: str, filename: str) -> dict:
    dep = find_callback(deps, ids.ART_SUBMIT, "n_clicks")
    return callback_body(
        dep,
        {
            (ids.ART_SUBMIT, "n_clicks"): 1,
            (ids.ART_UPLOAD, "contents"): contents,
            (ids.ART_UPLOAD, "filename"): filename,
            (ids.ART_PUBLISHED, "value"): "2021-05-06",
            (ids.REVISION, "data"): 0,
        },
        [(ids.ART_SUBMIT, "n_clicks")],
    )


def data_url(raw: bytes) -> str:
    return "data:text/plain;base64," + base64.b64encode(raw).decode()


def test_upload_size_and_type_limits(url: str, store: Store) -> None:
    cap = 2_000
    client = make_client(url, store, upload_max_bytes=cap)
    deps = deps_of(client)
    docs_before = len(store.list_documents())
    good = b"The port reopened on 4 May 2021 after the strike ended."

    # Over the HTTP cap: refused by the server before the body is read (413).
    huge = data_url(b"x" * (6 * 1024 * 1024))
    resp = client.post(UPDATE, json=article_body(deps, huge, "big.txt"))
    assert resp.status_code == 413
    # Under the HTTP cap but over the upload cap: refused by the callback with a message.
    over = client.post(UPDATE, json=article_body(deps, data_url(good + b" " * cap), "long.txt"))
    assert over.status_code == 200
    assert "limit" in str(over.get_json())
    # A type that is not an article.
    exe = client.post(UPDATE, json=article_body(deps, data_url(b"MZ\x90\x00" * 10), "tool.exe"))
    assert "upload a .txt, .md or .html file" in str(exe.get_json())
    # A binary file with an allowed name.
    binary = client.post(UPDATE, json=article_body(deps, data_url(b"\x00\x01\x02" * 100), "fake.txt"))
    assert "binary" in str(binary.get_json())
    assert len(store.list_documents()) == docs_before
    # And a proper one goes in.
    ok = client.post(UPDATE, json=article_body(deps, data_url(good), "port.txt"))
    assert ok.status_code == 200
    assert len(store.list_documents()) == docs_before + 1


# -- two editors --------------------------------------------------------------------------------


def test_two_app_clients_editing_the_same_event(url: str, store: Store) -> None:
    """Both load version 1; the first save wins, the second is refused with a conflict message and
    changes nothing; after reloading it saves on top. Both edits are in the history: none lost."""
    alice = make_client(url, store)
    bob = make_client(url, store)
    deps = deps_of(alice)
    first = alice.post(UPDATE, json=edit_title_body(deps, "ev004", 1, "Event number 4", "Alice's title"))
    second = bob.post(UPDATE, json=edit_title_body(deps, "ev004", 1, "Event number 4", "Bob's title"))
    assert first.status_code == second.status_code == 200
    assert "Saved" in str(first.get_json())
    assert "changed by someone else" in str(second.get_json())
    ev = store.get_event("ev004")
    assert (ev.title, ev.version) == ("Alice's title", 2)
    retry = bob.post(UPDATE, json=edit_title_body(deps, "ev004", 2, "Alice's title", "Bob's title"))
    assert "Saved" in str(retry.get_json())
    ev = store.get_event("ev004")
    assert (ev.title, ev.version) == ("Bob's title", 3)
    titles = [(c.after or {}).get("title") for c in store.history("ev004") if c.action == "update"]
    assert titles == ["Alice's title", "Bob's title"]


def test_a_cross_site_simple_request_cannot_reach_a_callback(url: str, store: Store) -> None:
    """A page on another site can make a browser send a POST with the user's Basic credentials,
    but only as a "simple" request (form or text/plain body); Dash takes JSON only."""
    creds = Credentials.from_options("editor", PASSWORD)
    client = make_client(url, store, creds=creds)
    deps = deps_of(client, basic("editor", PASSWORD))
    body = json.dumps(edit_title_body(deps, "ev000", 1, "Event number 0", "Forged"))
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        resp = client.post(UPDATE, data=body, content_type=content_type, headers=basic("editor", PASSWORD))
        assert resp.status_code in (400, 415), (content_type, resp.status_code)
    assert store.get_event("ev000").title == "Event number 0"
