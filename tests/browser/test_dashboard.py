"""Acceptance: the real dashboard over the seeds in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from events.query import EventQuery
from timeline import ids
from timeline.curate import export_query
from timeline.figures import BIN

pytestmark = pytest.mark.browser

GRAPH = f"#{ids.GRAPH} .js-plotly-plot"


def drawn(dash_duo) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """customdata rows of every trace the browser has drawn ([id, title, ...] per mark)."""
    raw = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{GRAPH}');"
        "return gd && gd.data ? JSON.stringify(gd.data.map(t => t.customdata || [])) : '[]';"
    )
    return [row for trace in json.loads(raw) for row in trace if isinstance(row, list)]


def drawn_ids(dash_duo) -> set[str]:  # type: ignore[no-untyped-def]
    return {row[0] for row in drawn(dash_duo) if row and row[0] != BIN}


def wait_until(condition, timeout: float = 10.0, what: str = "condition"):  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def open_app(dash_duo, app, search: str = ""):  # type: ignore[no-untyped-def]
    dash_duo.start_server(app)
    if search:
        dash_duo.driver.get(dash_duo.server_url + "/" + search)
    dash_duo.wait_for_element(f"{GRAPH} .main-svg", timeout=15)


def set_value(dash_duo, element_id: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a native date input the way React sees it (keyboard entry there is locale-bound)."""
    dash_duo.driver.execute_script(
        "const el = document.getElementById(arguments[0]);"
        "const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "set.call(el, arguments[1]); el.dispatchEvent(new Event('input', {bubbles: true}));"
        "el.dispatchEvent(new Event('change', {bubbles: true})); el.dispatchEvent(new Event('blur'));",
        element_id,
        value,
    )


def grid_cell(dash_duo, event_id: str, column: str):  # type: ignore[no-untyped-def]
    """The cell, scrolled into view first: the grid only renders the rows on screen."""
    wait_until(
        lambda: dash_duo.driver.execute_script(
            "const api = dash_ag_grid.getApi(arguments[0]); const node = api && api.getRowNode(arguments[1]);"
            "if (!node) return false; api.ensureNodeVisible(node, 'middle'); return true;",
            ids.GRID,
            event_id,
        ),
        what=f"row {event_id} in the table",
    )
    return dash_duo.wait_for_element(f'#{ids.GRID} .ag-row[row-id="{event_id}"] .ag-cell[col-id="{column}"]')


def test_demo_draws_the_seed_events(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    dated = store.query(EventQuery(include_unresolved=False))
    assert dated, "the seeds gave no dated events"
    expected = {e.id for e in dated}
    wait_until(lambda: drawn_ids(dash_duo) >= expected, what="every dated seed event drawn")
    dash_duo.wait_for_contains_text(f"#{ids.GRAPH_STATUS}", f"{len(dated):,} dated event")
    assert dash_duo.get_logs() == []


def test_click_the_2014_event_shows_its_sentence_highlighted(dash_duo, app, store, event_2014) -> None:  # type: ignore[no-untyped-def]
    event = store.get_event(event_2014)
    # A window and a search that leave this one event, so the click cannot hit a neighbour.
    open_app(dash_duo, app, "?start=2014-01-01&end=2014-12-31&q=returned+in+2014")
    wait_until(lambda: event_2014 in drawn_ids(dash_duo), what="the 2014 event drawn")
    mark = dash_duo.wait_for_element(f"{GRAPH} .barlayer .point path, {GRAPH} .scatterlayer .point")
    ActionChains(dash_duo.driver).move_to_element(mark).click().perform()
    highlighted = dash_duo.wait_for_element(f"#{ids.DETAIL} mark.sentence")
    assert highlighted.text == event.source.sentence
    assert "2014" in highlighted.find_element(By.CSS_SELECTOR, ".date-mention").text
    paragraph = highlighted.find_element(By.XPATH, "..")
    assert len(paragraph.text) >= len(highlighted.text)
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "2014")
    assert dash_duo.get_logs() == []


def test_add_an_event_through_the_form(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    for summary in dash_duo.driver.find_elements(By.CSS_SELECTOR, "summary"):
        if summary.text.startswith("Add an event"):
            summary.click()
    dash_duo.find_element(f"#{ids.ADD_TITLE}").send_keys("Browser test: council vote")
    dash_duo.find_element(f"#{ids.ADD_DATE}").send_keys("Jan 3 2020")
    dash_duo.wait_for_contains_text(f"#{ids.ADD_PREVIEW}", "3 January 2020")
    dash_duo.find_element(f"#{ids.ADD_TAGS}").send_keys("vote; council")
    dash_duo.find_element(f"#{ids.ADD_SUBMIT}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ADD_MESSAGE}", "Added")
    added = [e for e in store.query(EventQuery(text="Browser test: council vote"))]
    assert len(added) == 1 and added[0].origin == "manual" and added[0].tags == ["vote", "council"]
    wait_until(lambda: added[0].id in drawn_ids(dash_duo), what="the new event in the figure")
    assert "Browser test: council vote" in grid_cell(dash_duo, added[0].id, "title").text
    assert dash_duo.get_logs() == []


def test_form_shows_validation_errors_next_to_fields(dash_duo, app) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    for summary in dash_duo.driver.find_elements(By.CSS_SELECTOR, "summary"):
        if summary.text.startswith("Add an event"):
            summary.click()
    dash_duo.find_element(f"#{ids.ADD_DATE}").send_keys("not a date at all")
    dash_duo.find_element(f"#{ids.ADD_SUBMIT}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ADD_MESSAGE}", "Not added")
    date_error = dash_duo.find_element(f'[id*="{ids.ADD_ERROR}"][id*="date"]')
    assert "date" in date_error.text.lower() or "read" in date_error.text.lower()
    assert dash_duo.get_logs() == []


def test_edit_a_title_in_the_table(dash_duo, app, store, event_2014) -> None:  # type: ignore[no-untyped-def]
    before = store.get_event(event_2014)
    open_app(dash_duo, app)
    cell = grid_cell(dash_duo, event_2014, "title")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    ActionChains(dash_duo.driver).double_click(cell).perform()
    editor = dash_duo.wait_for_element(
        f'#{ids.GRID} .ag-row[row-id="{event_2014}"] .ag-cell[col-id="title"] input'
    )
    editor.send_keys(Keys.CONTROL + "a")
    editor.send_keys(Keys.BACKSPACE)
    editor.send_keys("US forces back in Iraq (edited)")
    editor.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.ACT_MESSAGE}", "Saved")
    after = store.get_event(event_2014)
    assert after.title == "US forces back in Iraq (edited)"
    assert after.version == before.version + 1
    assert dash_duo.get_logs() == []


def test_export_csv_matches_the_store(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    dash_duo.find_element(f"#{ids.EXPORT_CSV}").click()
    target = Path(dash_duo.download_path) / "events.csv"
    wait_until(lambda: target.exists() and target.stat().st_size > 0, what="the CSV download")
    data = target.read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    every = store.query(EventQuery())
    assert [r["id"] for r in rows] == [e.id for e in every]
    assert [r["title"] for r in rows] == [e.to_row()["title"] for e in every]
    # Byte for byte what `timeline export --format csv` writes for the same (whole) view.
    assert data == export_query(store, EventQuery(), "csv")[1]
    assert dash_duo.get_logs() == []


PAYLOAD = (
    "Council meeting\n\n"
    "The council met on 3 March 2021 to vote. <script>window.__xss = 1</script> Protesters gathered"
    ' <img src="x" onerror="window.__xss = 2"> outside on 5 March 2021.\n\n'
    "The vote was postponed."
)


def test_article_html_is_shown_as_text_and_never_run(dash_duo, app, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    for summary in dash_duo.driver.find_elements(By.CSS_SELECTOR, "summary"):
        if summary.text.startswith("Add an article"):
            summary.click()
    article = tmp_path / "payload.md"
    article.write_text(PAYLOAD, encoding="utf-8")
    dash_duo.find_element(f"#{ids.ART_UPLOAD} input[type=file]").send_keys(str(article))
    dash_duo.wait_for_contains_text(f"#{ids.ART_MESSAGE}", "payload.md")
    dash_duo.find_element(f"#{ids.ART_TITLE}").send_keys("Payload <b>article</b>")
    dash_duo.driver.execute_script(
        "const el = document.getElementById(arguments[0]);"
        "const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "set.call(el, '2021-03-10'); el.dispatchEvent(new Event('input', {bubbles: true}));",
        ids.ART_PUBLISHED,
    )
    dash_duo.find_element(f"#{ids.ART_SUBMIT}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ART_MESSAGE}", "to review")
    found = [e for e in store.query(EventQuery(text="Protesters")) if e.status == "review"]
    assert found, "the uploaded article gave no event about the protest"
    target = found[0]
    cell = grid_cell(dash_duo, target.id, "title")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    cell.click()
    mark = dash_duo.wait_for_element(f"#{ids.DETAIL} mark.sentence")
    assert "<script>" in mark.text or "<img" in mark.text
    detail = dash_duo.find_element(f"#{ids.DETAIL}")
    assert detail.find_elements(By.TAG_NAME, "script") == []
    assert detail.find_elements(By.TAG_NAME, "img") == []
    assert dash_duo.driver.execute_script("return window.__xss === undefined")
    assert "<b>article</b>" in detail.text  # the title too is text
    assert dash_duo.get_logs() == []


def test_zoom_opens_the_density_strip_into_events(dash_duo, store) -> None:  # type: ignore[no-untyped-def]
    from timeline.app import create_app

    app = create_app({"max_points": 20, "density_bins": 60}, store)
    dated = store.query(EventQuery(include_unresolved=False))
    assert len(dated) > 20
    open_app(dash_duo, app)
    dash_duo.wait_for_contains_text(f"#{ids.GRAPH_STATUS}", "shown as counts")
    assert drawn_ids(dash_duo) == set()  # bins, not events
    # Clicking a bin zooms into its days.
    bar = dash_duo.wait_for_element(f"{GRAPH} .barlayer .point path")
    ActionChains(dash_duo.driver).move_to_element(bar).click().perform()
    wait_until(lambda: "start=" in dash_duo.driver.current_url, what="the bin's window in the URL")
    # A window around one event, narrow enough to hold few: zoom the way a wheel or drag does.
    target = dated[len(dated) // 2]
    lo, hi = target.when.start, target.when.start
    window = EventQuery(start=lo, end=hi, include_unresolved=False)
    assert store.count(window) <= 20
    dash_duo.driver.execute_script(
        f"Plotly.relayout(document.querySelector('{GRAPH}'), "
        "{'xaxis.range[0]': arguments[0], 'xaxis.range[1]': arguments[1]});",
        lo.isoformat(),
        hi.isoformat() + " 23:59",
    )
    wait_until(lambda: target.id in drawn_ids(dash_duo), what="the zoomed window drawn as events")
    assert f"start={lo.isoformat()}" in dash_duo.driver.current_url  # the window is in the URL
    assert dash_duo.find_element(f"#{ids.F_START}").get_attribute("value") == lo.isoformat()
    assert dash_duo.get_logs() == []


def test_filters_live_in_the_url(dash_duo, app, store, event_2014) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app, "?q=returned&lanes=document&status=review")
    assert dash_duo.find_element(f"#{ids.F_TEXT}").get_attribute("value") == "returned"
    wait_until(lambda: event_2014 in drawn_ids(dash_duo), what="the filtered view")
    expected = {
        e.id for e in store.query(EventQuery(text="returned", statuses=["review"], include_unresolved=False))
    }
    wait_until(lambda: drawn_ids(dash_duo) == expected, what="only the matching events")
    box = dash_duo.find_element(f"#{ids.F_TEXT}")
    box.send_keys(Keys.CONTROL + "a")
    box.send_keys("withdrew", Keys.ENTER)
    wait_until(lambda: "q=withdrew" in dash_duo.driver.current_url, what="the URL to follow the search")
    assert "lanes=document" in dash_duo.driver.current_url
    # An era is part of the view too: a band behind the events, and in the link.
    for summary in dash_duo.driver.find_elements(By.CSS_SELECTOR, "summary"):
        if summary.text.startswith("Eras"):
            summary.click()
    dash_duo.find_element(f"#{ids.ERA_NAME}").send_keys("Withdrawal")
    set_value(dash_duo, ids.ERA_START, "2007-01-01")
    set_value(dash_duo, ids.ERA_END, "2011-12-31")
    dash_duo.find_element(f"#{ids.ERA_ADD}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ERA_MESSAGE}", "Withdrawal")
    wait_until(lambda: "era=2007-01-01" in dash_duo.driver.current_url, what="the era in the URL")
    shapes = dash_duo.driver.execute_script(
        f"return document.querySelector('{GRAPH}').layout.shapes.map(s => s.x0);"
    )
    assert "2007-01-01" in shapes
    assert dash_duo.get_logs() == []


def test_selection_is_shared_and_the_table_works_from_the_keyboard(dash_duo, app, store, event_2014) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    cell = grid_cell(dash_duo, event_2014, "title")
    cell.click()  # focus the row's cell, then select it with the keyboard as a screen-reader user would
    ActionChains(dash_duo.driver).send_keys(Keys.SPACE).perform()
    wait_until(
        lambda: any(t.get("name") == "selected" for t in _traces(dash_duo)),
        what="the selected row ringed in the figure",
    )
    ring = next(t for t in _traces(dash_duo) if t.get("name") == "selected")
    assert [c[0] for c in ring["customdata"]] == [event_2014]
    dash_duo.wait_for_element(f"#{ids.DETAIL} mark.sentence")
    # And the other way: a click in the chart selects the row.
    dash_duo.driver.get(dash_duo.server_url + "/?start=2014-01-01&end=2014-12-31&q=returned+in+2014")
    dash_duo.wait_for_element(f"{GRAPH} .main-svg")
    wait_until(lambda: event_2014 in drawn_ids(dash_duo), what="the 2014 event drawn")
    mark = dash_duo.wait_for_element(f"{GRAPH} .barlayer .point path, {GRAPH} .scatterlayer .point")
    ActionChains(dash_duo.driver).move_to_element(mark).click().perform()
    wait_until(
        lambda: (
            dash_duo.driver.execute_script(
                "return dash_ag_grid.getApi(arguments[0]).getSelectedRows().map(r => r.id);", ids.GRID
            )
            == [event_2014]
        ),
        what="the clicked event selected in the table",
    )
    assert dash_duo.get_logs() == []


def _traces(dash_duo) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    raw = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{GRAPH}');"
        "return JSON.stringify((gd && gd.data || []).map(t => ({name: t.name, customdata: t.customdata})));"
    )
    return json.loads(raw)


def test_accept_selected_and_a_stale_edit_is_refused(dash_duo, app, store, event_2014) -> None:  # type: ignore[no-untyped-def]
    open_app(dash_duo, app)
    grid_cell(dash_duo, event_2014, "title")
    dash_duo.driver.execute_script(
        "dash_ag_grid.getApi(arguments[0]).getRowNode(arguments[1]).setSelected(true);", ids.GRID, event_2014
    )
    wait_until(lambda: dash_duo.find_element(f"#{ids.ACT_ACCEPT}").is_enabled(), what="the accept button")
    dash_duo.find_element(f"#{ids.ACT_ACCEPT}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ACT_MESSAGE}", "Accepted 1 event")
    assert store.get_event(event_2014).status == "accepted"
    # Someone else edits the event after this page loaded it: our edit carries the old version.
    wait_until(
        lambda: grid_cell(dash_duo, event_2014, "status").text == "accepted", what="the table to reload"
    )
    current = store.get_event(event_2014)
    store.update_event(event_2014, current.version, {"title": "Changed elsewhere"})
    cell = grid_cell(dash_duo, event_2014, "title")
    ActionChains(dash_duo.driver).double_click(cell).perform()
    editor = dash_duo.wait_for_element(
        f'#{ids.GRID} .ag-row[row-id="{event_2014}"] .ag-cell[col-id="title"] input'
    )
    editor.send_keys(Keys.CONTROL + "a")
    editor.send_keys(Keys.BACKSPACE)
    editor.send_keys("My stale edit")
    editor.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.ACT_MESSAGE}", "changed by someone else")
    assert store.get_event(event_2014).title == "Changed elsewhere"
    wait_until(lambda: grid_cell(dash_duo, event_2014, "title").text == "Changed elsewhere", what="reload")
    assert dash_duo.get_logs() == []


def test_merge_then_delete_selected(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    dated = [e for e in store.query(EventQuery(include_unresolved=False)) if e.sources]
    a, b = dated[0], dated[1]
    open_app(dash_duo, app)
    grid_cell(dash_duo, a.id, "title")
    dash_duo.driver.execute_script(
        "const api = dash_ag_grid.getApi(arguments[0]);"
        "for (const id of arguments[1]) api.getRowNode(id).setSelected(true);",
        ids.GRID,
        [a.id, b.id],
    )
    dash_duo.find_element(f"#{ids.ACT_MERGE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ACT_MESSAGE}", "Merged 2 events")
    survivor_id = a.id if store.merged_into(b.id) == a.id else b.id
    survivor = store.get_event(survivor_id)
    assert len(survivor.sources) >= 2
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", survivor.title)  # the merged event is opened
    dash_duo.find_element(f"#{ids.ACT_DELETE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.ACT_MESSAGE}", "Deleted 1 event")
    assert store.is_deleted(survivor_id)
    wait_until(lambda: survivor_id not in drawn_ids(dash_duo), what="the deleted event to leave the figure")
    assert dash_duo.get_logs() == []
