"""The database-free commands, run as a user runs them: the installed console script."""

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from events.models import Event

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "iraq-resistance-us-projects.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_extract_jsonl_is_lossless_events() -> None:
    out = run("extract", str(SEED), "--published", "2023-08-02", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    found = [Event.model_validate_json(line) for line in out.stdout.splitlines()]
    assert any(e.when.value == "2014" for e in found)
    assert not any("2500" in e.when.value for e in found)


def test_extract_csv_has_the_export_columns() -> None:
    out = run("extract", str(SEED), "--format", "csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows
    for key in (
        "id",
        "title",
        "start",
        "end",
        "granularity",
        "value",
        "edtf",
        "date_text",
        "sentence",
        "sentence_start",
        "sentence_end",
        "document_id",
        "origin",
        "confidence",
    ):
        assert key in rows[0]
    text = SEED.read_text(encoding="utf-8")
    for row in rows:
        assert text[int(row["sentence_start"]) : int(row["sentence_end"])] == row["sentence"]


def test_tag_json_and_timeml() -> None:
    out = run("tag", str(SEED), "--dct", "2023-08-02")
    assert out.returncode == 0, out.stderr
    values = [t["value"] for t in json.loads(out.stdout)]
    assert "2014" in values and "2020-01" in values
    xml = run("tag", str(SEED), "--dct", "2023-08-02", "--format", "timeml")
    assert xml.returncode == 0, xml.stderr
    root = ET.fromstring(xml.stdout)
    assert root.tag == "TimeML"
    assert root.find("DCT/TIMEX3").get("value") == "2023-08-02"
    assert "".join(root.find("TEXT").itertext()) == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "no such file"),
        (["tag", "missing.txt"], "no such file"),
        (["extract", str(SEED), "--published", "02/08/2023"], "YYYY-MM-DD"),
        (["tag", str(SEED), "--dct", "yesterday"], "YYYY-MM-DD"),
        (["extract", "seeds"], "not a file"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(args: list[str], message: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_unreadable_file_is_exit_code_2(tmp_path: Path) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x02" * 100)
    out = run("extract", str(p))
    assert out.returncode == 2
    assert "binary" in out.stderr


def test_help_lists_the_commands() -> None:
    out = run("--help")
    assert out.returncode == 0
    for name in ("tag", "extract"):
        assert name in out.stdout
