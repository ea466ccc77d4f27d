"""The app factory: every callback's ids exist in the page, in both modes, and apps do not share state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from dash.development.base_component import Component

from events.store import Store
from timeline import ids
from timeline.app import create_app


def layout_ids(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, Component):
        cid = getattr(node, "id", None)
        if isinstance(cid, str):
            found.add(cid)
        elif isinstance(cid, dict):
            found.add(json.dumps({"type": cid["type"]}))
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            found |= layout_ids(child)
    return found


def callback_ids(app: Any) -> set[str]:
    out: set[str] = set()
    for key, cb in app.callback_map.items():
        for dep in [*cb["inputs"], *cb["state"]]:
            out.add(_norm(dep["id"]))
        for part in key.strip(".").split("..."):
            out.add(_norm(part.rsplit(".", 1)[0]))
    return out


def _norm(cid: str) -> str:
    if cid.startswith("{"):
        return json.dumps({"type": json.loads(cid)["type"]})
    return cid


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(f"sqlite:///{tmp_path / 'app.sqlite'}")
    yield s
    s.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_every_callback_id_is_in_the_layout(store: Store, read_only: bool) -> None:
    app = create_app({"read_only": read_only}, store)
    page = app.layout() if callable(app.layout) else app.layout
    missing = callback_ids(app) - layout_ids(page)
    # The undated list's buttons are made by a callback, only when there are undated events.
    missing.discard(json.dumps({"type": ids.UNDATED_ITEM}))
    assert missing == set()


def test_read_only_has_no_write_controls_or_callbacks(store: Store) -> None:
    app = create_app({"read_only": True}, store)
    present = layout_ids(app.layout() if callable(app.layout) else app.layout)
    assert not present & {ids.ADD_SUBMIT, ids.ART_SUBMIT, ids.ACT_ACCEPT, ids.ACT_DELETE, ids.ACT_MERGE}
    outputs = " ".join(app.callback_map)
    assert ids.ADD_MESSAGE not in outputs and ids.ART_MESSAGE not in outputs
    assert f"{ids.REVISION}.data" not in outputs  # nothing can announce a write


def test_apps_are_independent(store: Store) -> None:
    a, b = create_app(None, store), create_app({"title": "Other"}, store)
    assert a is not b and a.title != b.title
    assert set(a.callback_map) == set(b.callback_map)
