"""The chart without a mouse: Tab to it, step through the drawn events with real key presses, open one."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys
from test_dashboard import _traces, open_app, wait_until

from events.models import Event
from timeline import ids
from timeline.figures import step_order
from timeline.queries import dated_query
from timeline.view import View

pytestmark = pytest.mark.browser

# A window of the seeds with a handful of events, so the order is checked against a filtered view.
WINDOW = "?start=1980-01-01&end=1990-12-31"


def expected_order(store, search: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """The events the app draws for this view (its own query), in the order the keys visit them."""
    events = store.query(dated_query(View.from_query_string(search)))
    by_id = {e.id: e for e in events}
    return [by_id[i] for i in step_order(events)]


def active_id(dash_duo) -> str:  # type: ignore[no-untyped-def]
    return dash_duo.driver.execute_script("return document.activeElement && document.activeElement.id") or ""


def tab_to_the_chart(dash_duo):  # type: ignore[no-untyped-def]
    """Real Tab presses from the page's heading until the chart has focus: it is in the tab order."""
    dash_duo.find_element("header h1").click()  # not focusable: Tab starts from here
    for _ in range(80):
        dash_duo.driver.switch_to.active_element.send_keys(Keys.TAB)
        if active_id(dash_duo) == ids.CHART_KEYS:
            return dash_duo.driver.switch_to.active_element
    raise AssertionError("Tab never reached the chart")


def press(dash_duo, key: str) -> None:  # type: ignore[no-untyped-def]
    chart = dash_duo.driver.switch_to.active_element
    assert chart.get_attribute("id") == ids.CHART_KEYS, "focus left the chart"
    chart.send_keys(key)


def ringed(dash_duo, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Ids under the chart's "current" or "selected" ring."""
    return [c[0] for t in _traces(dash_duo) if t.get("name") == name for c in t["customdata"]]


def shows(dash_duo, event: Event) -> None:  # type: ignore[no-untyped-def]
    """The detail panel has this event, its sentence highlighted, and the chart rings it."""
    wait_until(
        lambda: (
            dash_duo.driver.execute_script(
                "const d = document.querySelector(arguments[0]); return d && d.dataset.eventId;",
                f"#{ids.DETAIL} .detail",
            )
            == event.id
        ),
        what=f"the detail panel to show {event.id}",
    )
    mark = dash_duo.wait_for_element(f"#{ids.DETAIL} mark.sentence")
    assert mark.text == event.source.sentence
    wait_until(
        lambda: ringed(dash_duo, "current") == [event.id],
        what=f"the chart to ring {event.id} as the current event",
    )


def test_arrow_keys_step_through_the_drawn_events_in_time_order(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    order = expected_order(store, WINDOW)
    assert len(order) >= 4, "the window should hold a few seed events"
    assert len(order) < len(store.query(dated_query(View()))), "the window should leave some out"
    open_app(dash_duo, app, WINDOW)
    wait_until(lambda: _traces(dash_duo), what="the figure drawn")
    chart = tab_to_the_chart(dash_duo)
    assert "arrow keys" in chart.get_attribute("aria-label").lower()
    position = f"#{ids.CHART_POSITION}"

    press(dash_duo, Keys.ARROW_RIGHT)  # nothing open yet: the first event
    shows(dash_duo, order[0])
    dash_duo.wait_for_text_to_equal(position, f"Event 1 of {len(order)}")
    press(dash_duo, Keys.ARROW_RIGHT)
    shows(dash_duo, order[1])
    press(dash_duo, Keys.ARROW_DOWN)
    shows(dash_duo, order[2])
    press(dash_duo, Keys.ARROW_LEFT)
    shows(dash_duo, order[1])
    press(dash_duo, Keys.ARROW_UP)
    shows(dash_duo, order[0])
    press(dash_duo, Keys.ARROW_LEFT)  # already first: stays, and says so
    dash_duo.wait_for_text_to_equal(position, f"Event 1 of {len(order)}: the first one")
    shows(dash_duo, order[0])
    # The window is respected: End is the last event drawn, not the last in the store.
    press(dash_duo, Keys.END)
    shows(dash_duo, order[-1])
    dash_duo.wait_for_text_to_equal(position, f"Event {len(order)} of {len(order)}")
    press(dash_duo, Keys.HOME)
    shows(dash_duo, order[0])
    # Quick presses each count, however fast the server answers.
    press(dash_duo, Keys.ARROW_RIGHT * 3)
    shows(dash_duo, order[3])
    dash_duo.wait_for_text_to_equal(position, f"Event 4 of {len(order)}")
    assert dash_duo.get_logs() == []


def test_enter_opens_the_event_like_a_click(dash_duo, app, store) -> None:  # type: ignore[no-untyped-def]
    order = expected_order(store, WINDOW)
    open_app(dash_duo, app, WINDOW)
    wait_until(lambda: _traces(dash_duo), what="the figure drawn")
    tab_to_the_chart(dash_duo)
    press(dash_duo, Keys.END)
    shows(dash_duo, order[-1])
    press(dash_duo, Keys.ENTER)
    # Selected, as a click selects: ringed in the chart and the row selected in the table.
    wait_until(
        lambda: ringed(dash_duo, "selected") == [order[-1].id],
        what="the opened event selected in the chart",
    )
    wait_until(
        lambda: (
            dash_duo.driver.execute_script(
                "return dash_ag_grid.getApi(arguments[0]).getSelectedRows().map(r => r.id);", ids.GRID
            )
            == [order[-1].id]
        ),
        what="the opened event selected in the table",
    )
    # And the reader is taken to the detail panel, whose sentence is the event's.
    wait_until(lambda: active_id(dash_duo) == ids.DETAIL, what="focus in the detail panel")
    shows(dash_duo, order[-1])
    assert dash_duo.get_logs() == []
