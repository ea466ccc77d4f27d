"""The Content-Security-Policy in a real browser: the dashboard served by `timeline serve` (waitress,
the real headers) loads and draws in headless Chromium with no CSP violation, and an article whose
text carries script payloads is shown as text, with nothing run."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sec_helpers import running_server, seed_store

from events.models import Document, Event, Source, TimeSpan
from events.store import Store
from timeline import ids

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_BROWSER = os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)
PAYLOAD = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><iframe src="javascript:1">'
)


@pytest.fixture
def driver() -> Iterator[Any]:
    if not HAVE_BROWSER:
        pytest.skip(f"{CHROMIUM} and chromedriver are needed (run `make system-deps`)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1400,1000"):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def wait_for(drv: Any, script: str, timeout: float = 20.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = drv.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out: {script}")


def test_dashboard_runs_under_the_csp_and_renders_payloads_as_text(driver: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'csp.sqlite'}"
    seed_store(url)
    text = f"Police said on 2 May 2022 that the page read {PAYLOAD} before it was removed."
    doc = Document(text=text, title=f"Hostile {PAYLOAD}", published=dt.date(2022, 5, 3))
    ev = Event(
        id="hostile",
        title=f"Page read {PAYLOAD}",
        when=TimeSpan(start=dt.date(2022, 5, 2), end=dt.date(2022, 5, 2), value="2022-05-02"),
        sources=[Source(document_id=doc.id, sentence=text, sentence_start=0, sentence_end=len(text))],
    )
    with Store.open(url) as store:
        store.ingest(doc, [ev])
    with running_server(["serve", "--db", url], tmp_path) as server:
        driver.get(server.base + "/")
        wait_for(driver, f"return document.querySelector('#{ids.GRAPH} .main-svg') !== null")
        wait_for(driver, "return document.querySelectorAll('.ag-row').length > 0")
        # Open the hostile event's detail panel through the table's row click path.
        wait_for(
            driver,
            "const api = dash_ag_grid.getApi(arguments[0]); const n = api && api.getRowNode('hostile');"
            "if (!n) return false; api.ensureNodeVisible(n); n.setSelected(true); return true;".replace(
                "arguments[0]", repr(ids.GRID)
            ),
        )
        detail = wait_for(
            driver, f"const d = document.getElementById('{ids.DETAIL}'); "
            "return d && d.innerText.includes('onerror') ? d.innerText : null;"
        )  # fmt: skip
        assert "<script>" in detail  # the payload is visible as text
        assert driver.execute_script("return window.__pwned === undefined")
        inside = f"#{ids.DETAIL} script, #{ids.DETAIL} img, #{ids.DETAIL} iframe"
        assert driver.execute_script(f"return document.querySelectorAll('{inside}').length") == 0
        logs = driver.get_log("browser")
    violations = [e for e in logs if "Content Security Policy" in e.get("message", "")]
    assert violations == [], violations
    severe = [e for e in logs if e.get("level") == "SEVERE"]
    assert severe == [], severe
