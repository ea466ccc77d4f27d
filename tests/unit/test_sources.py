import datetime as dt
import json
from pathlib import Path

import pytest

from events.errors import InputError
from events.sources import iter_paths, parse_date, read_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_front_matter_gives_metadata_and_is_not_part_of_the_text(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "a.md",
        "---\ntitle: Talks fail\npublished: 2020-01-05\nurl: https://x.test/a\n---\nBody text.\n",
    )
    doc = read_path(p)
    assert (doc.title, doc.published, doc.url) == ("Talks fail", dt.date(2020, 1, 5), "https://x.test/a")
    assert doc.text.strip() == "Body text."


def test_manifest_supplies_metadata_and_the_argument_is_the_fallback_date(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Text of a.")
    write(tmp_path, "b.txt", "Text of b.")
    write(tmp_path, "manifest.json", json.dumps({"a.txt": {"title": "A", "published": "2014-06-01"}}))
    fallback = dt.date(2001, 1, 1)
    a, b = read_path(tmp_path / "a.txt", fallback), read_path(tmp_path / "b.txt", fallback)
    assert (a.title, a.published) == ("A", dt.date(2014, 6, 1))
    assert (b.title, b.published) == (None, fallback)


def test_html_main_text_and_metadata_are_extracted(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Parliament votes | Daily</title>
    <meta property="article:published_time" content="2020-01-05T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Parliament votes</h1>
    <p>The Iraqi parliament passed a resolution on Sunday demanding that US troops leave the country.</p>
    <p>The vote followed the killing of a commander in a US strike in Baghdad two days earlier.</p>
    </article><script>alert(1)</script></body></html>"""
    doc = read_path(write(tmp_path, "p.html", page))
    assert "passed a resolution on Sunday" in doc.text
    assert "alert(1)" not in doc.text
    assert doc.published == dt.date(2020, 1, 5)
    assert doc.title and "Parliament votes" in doc.title


def test_mis_encoded_file_is_decoded(tmp_path: Path) -> None:
    text = "Le président a été élu en mai 2012, après une campagne très disputée à Paris et à Marseille."
    doc = read_path(write(tmp_path, "latin1.txt", text.encode("cp1252")))
    assert doc.text == text


def test_seed_article_has_its_manifest_metadata_and_no_date() -> None:
    doc = read_path(SEEDS / "iraq-resistance-us-projects.txt")
    assert doc.title == "Iraqi Resistance Group Vows to Annihilate US Projects in Region"
    assert doc.published is None
    assert doc.text == (SEEDS / "iraq-resistance-us-projects.txt").read_text(encoding="utf-8")


def test_wikinews_seeds_carry_their_published_dates() -> None:
    files = [p for p in iter_paths([str(SEEDS / "wikinews")])]
    assert len(files) == 30
    assert all(read_path(f).published is not None for f in files[:5])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("front.md", "---\ntitle: [unclosed\n---\nBody", "front matter"),
        ("nobody.md", "---\ntitle: x\n---\n", "no text"),
        ("date.md", "---\npublished: someday\n---\nBody", "not a date"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, name: str, data: bytes | str, message: str) -> None:
    with pytest.raises(InputError) as err:
        read_path(write(tmp_path, name, data))
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert name in str(err.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="not a file"):
        read_path(tmp_path)


def test_iter_paths_expands_folders_and_globs_and_keeps_unknown_names(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.html", "<p>x</p>")
    write(tmp_path, "c.pdf", "x")
    found = list(iter_paths([str(tmp_path), str(tmp_path / "*.txt"), "missing.txt", "https://x.test/a"]))
    assert found == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.html"),
        str(tmp_path / "a.txt"),
        "missing.txt",
        "https://x.test/a",
    ]


@pytest.mark.parametrize("value", ["2020-13-01", "yesterday", "01/02/2020"])
def test_parse_date_rejects_non_iso(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(value)


def test_nul_characters_are_refused_in_files_and_events(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from events.models import Event, TimeSpan

    text = "Real prose. " * 1000 + "\x00 hidden past the first 8 KB"
    with pytest.raises(InputError, match="NUL"):
        read_path(write(tmp_path, "late-nul.txt", text))
    when = TimeSpan(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 31), granularity="month", value="2020-01")
    with pytest.raises(ValidationError, match="NUL"):
        Event(id="x", title="a\x00b", when=when)
    with pytest.raises(ValidationError, match="NUL"):
        Event(id="x", title="ok", when=when, tags=["t\x00"])
