/* Keyboard use of the timeline chart: arrow keys step through the drawn events in time order,
 * Home and End go to the first and last, Enter opens the current one.
 *
 * A file, not an inline script: the Content-Security-Policy runs no inline code (timeline/security.py).
 * A step writes the event's id into the focus store, the one a click writes: the server renders the
 * detail panel and rings the event in the chart from there. The step is taken here, at once, from
 * a copy of the drawn order (timeline.figures.step_order) and of the focus: a store read back in a
 * callback can lag behind quick presses, and a press would then be lost.
 * Ids are those of timeline/ids.py.
 */
(function () {
  "use strict";

  var CHART_KEYS = "timeline-keys";
  var FOCUS = "focus-store";
  var SELECTED = "selected-store";
  var GRID = "events-grid";
  var POSITION = "timeline-position";
  var DETAIL = "detail-panel";
  var MOVES = {
    ArrowRight: "next",
    ArrowDown: "next",
    ArrowLeft: "previous",
    ArrowUp: "previous",
    Home: "first",
    End: "last",
    Enter: "open",
  };
  // What the chart draws and which event is open; kept current by followChart below.
  var chart = { order: [], focus: null };

  function target(move, at, last) {
    switch (move) {
      case "first":
        return 0;
      case "last":
        return last;
      case "next":
        return at < 0 ? 0 : Math.min(at + 1, last);
      case "previous":
        return at < 0 ? last : Math.max(at - 1, 0);
      default: // open: the current event, or the first when none is
        return at < 0 ? 0 : at;
    }
  }

  function position(index, total) {
    return "Event " + (index + 1) + " of " + total;
  }

  function step(move, setProps) {
    var order = chart.order;
    if (order.length === 0) {
      setProps(POSITION, {
        children: "No events are drawn one by one here: zoom in or filter to step through them.",
      });
      return;
    }
    var at = order.indexOf(chart.focus);
    var index = target(move, at, order.length - 1);
    var id = order[index];
    if (index === at && (move === "next" || move === "previous")) {
      var end = move === "next" ? ": the last one" : ": the first one";
      setProps(POSITION, { children: position(index, order.length) + end });
    }
    if (id !== chart.focus) {
      chart.focus = id; // now, so that the next press steps on from here
      setProps(FOCUS, { data: id });
    }
    if (move === "open") {
      // What a click on the mark does: select it, here and in the table.
      setProps(SELECTED, { data: [id] });
      setProps(GRID, { selectedRows: { ids: [id] } });
    }
  }

  document.addEventListener("keydown", function (event) {
    var move = MOVES[event.key];
    // Only on the wrapper itself, and never with a modifier: browser shortcuts keep working.
    if (!move || event.target.id !== CHART_KEYS || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var dc = window.dash_clientside;
    if (!dc || !dc.set_props) {
      return; // the Dash renderer has not started yet
    }
    event.preventDefault(); // arrows, Home and End would scroll the page
    step(move, dc.set_props);
    if (move === "open") {
      // Opening takes the reader into the detail panel; Shift+Tab comes back to the chart.
      var detail = document.getElementById(DETAIL);
      if (detail) {
        detail.focus();
      }
    }
  });

  /* Clientside callback (timeline/callbacks.py): on every new order or focus, keep the copy the
   * keys step from, and say where the open event is among those drawn. */
  function followChart(order, focus) {
    chart.order = order || [];
    chart.focus = focus || null;
    var index = chart.order.indexOf(chart.focus);
    return index < 0 ? "" : position(index, chart.order.length);
  }

  var dc = (window.dash_clientside = window.dash_clientside || {});
  dc.timeline = Object.assign({}, dc.timeline, { followChart: followChart });
})();
