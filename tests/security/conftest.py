"""Reliability and security tests. `slow` marks the few that take more than a few seconds (real
servers with the seeds, SIGKILL runs, large inputs); `-m "not slow"` leaves them out."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes more than a few seconds (servers, kill runs, big inputs)")
