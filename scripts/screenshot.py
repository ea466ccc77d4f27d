"""Screenshot of the dashboard on the seeds (docs/screenshot.png), for the README.

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png] [--width 1400 --height 1000]

Ingests seeds/ into a throw-away SQLite store, serves the app on a free loopback port in a thread,
opens it in headless Chromium (/usr/bin/chromium + chromedriver, as the browser tests do), opens
the 2014 event so the detail panel shows a highlighted sentence, and saves the page.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1300)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--search", default="", help="a view to open, e.g. '?lanes=document&start=2007-01-01'"
    )
    args = parser.parse_args()

    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    from werkzeug.serving import make_server

    from events.ingest import ingest
    from events.store import Store
    from timeline import ids
    from timeline.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    tmp = Path(tempfile.mkdtemp(prefix="timeline-shot-"))
    store = Store.open(f"sqlite:///{tmp / 'seeds.sqlite'}")
    report = ingest([str(ROOT / "seeds")], store, progress=False)
    print(report.summary(), file=sys.stderr)
    app = create_app(None, store)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                f"--window-size={args.width},{args.height}", "--hide-scrollbars"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(url + args.search)
        wait = WebDriverWait(driver, 30)
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, f"#{ids.GRAPH} .main-svg")))
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, f"#{ids.GRID} .ag-row")))
        # Open an event with a highlighted sentence: the 2014 one if extraction found it.
        target = next(
            (e for e in store.query(_query()) if e.source and "2014" in (e.source.date_text or "")),
            None,
        )
        opened = driver.execute_script(
            "const api = dash_ag_grid.getApi(arguments[0]);"
            "const n = (arguments[1] && api.getRowNode(arguments[1])) || api.getDisplayedRowAtIndex(0);"
            "if (!n) return false; api.ensureNodeVisible(n, 'top'); n.setSelected(true); return true;",
            ids.GRID,
            target.id if target is not None else None,
        )
        if opened:
            wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, f"#{ids.DETAIL} .detail-title")))
        time.sleep(1.0)  # let plotly finish its transition before the capture
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"wrote {out}", file=sys.stderr)
    finally:
        driver.quit()
        server.shutdown()
        store.close()
    return 0


def _query():  # type: ignore[no-untyped-def]
    from events.query import EventQuery

    return EventQuery(include_unresolved=False)


if __name__ == "__main__":
    raise SystemExit(main())
