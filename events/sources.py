"""Read articles into Documents: .txt/.md (with optional YAML front matter), .html, URLs.

This is an edge module: it touches files and the network. Everything it returns is a plain
`Document`; every failure is an `InputError` with a one-line message naming the file.

Metadata (title, published, source, url) comes, closest first, from the file's front matter,
from the HTML's own metadata, and from a `manifest.json` in the file's folder that maps file
names to the same fields. One module reads all three so seeds and user folders behave alike.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import frontmatter
from charset_normalizer import from_bytes

from events.errors import InputError
from events.models import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # larger files are almost never one article; refuse them plainly
URL_TIMEOUT_S = 20.0
MANIFEST = "manifest.json"
_META_KEYS = ("title", "published", "source", "url")


def parse_date(value: object, what: str = "date") -> dt.date | None:
    """An ISO date (or datetime) from metadata or the command line; None for empty."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None


def decode(data: bytes, name: str) -> str:
    """Bytes -> text. UTF-8 first (the common case, and exact); otherwise detect the charset."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: looks like a binary file, not an article (give .txt, .md or .html)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputError(f"{name}: cannot tell the text encoding; save the file as UTF-8") from None
        # Short Western text often decodes equally cleanly in several code pages; windows-1252 is
        # what legacy news files almost always are (browsers read "latin-1" labels as it too).
        western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos), None)
        text = str(western or best)
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters, so it is not a text article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the file has no text")
    return text


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: not a valid JSON manifest ({err})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a manifest maps file names to metadata objects")
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def _document(text: str, meta: dict[str, Any], name: str, published: dt.date | None) -> Document:
    extra = {k: v for k, v in meta.items() if k not in _META_KEYS and _jsonable(v)}
    return Document(
        text=text,
        title=_str(meta.get("title")),
        url=_str(meta.get("url")),
        source=_str(meta.get("source")) or name,
        published=parse_date(meta.get("published"), f"{name}: published date") or published,
        metadata=extra,
    )


def parse_text(raw: str, name: str, published: dt.date | None = None, **meta: Any) -> Document:
    """A plain-text or Markdown article, with YAML front matter when it starts with '---'."""
    body, front = raw, {}
    if raw.startswith("---"):
        try:
            post = frontmatter.loads(raw)
        except Exception as err:  # the YAML parser raises many types; all mean bad front matter
            raise InputError(f"{name}: bad front matter ({type(err).__name__})") from None
        body, front = post.content, dict(post.metadata)
    if not body.strip():
        raise InputError(f"{name}: the article has no text")
    return _document(body, {**meta, **front}, name, published)


def parse_html(raw: str, name: str, published: dt.date | None = None, **meta: Any) -> Document:
    """The main text and metadata of an HTML page (trafilatura drops navigation and boilerplate)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    result = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_recall=True)
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(f"{name}: no article text found in the HTML")
    found = {"title": data.get("title"), "published": data.get("date"), "url": data.get("url")}
    if data.get("sitename"):
        found["source"] = data["sitename"]
    found = {k: v for k, v in found.items() if v}
    return _document(text, {**meta, **found}, name, published)


def read_path(path: str | os.PathLike[str], published: dt.date | None = None) -> Document:
    """Read one article file. `published` is used when the file carries no date of its own."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if not p.is_file():
        raise InputError(f"{name}: not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 2**20
            raise InputError(f"{name}: {size / 2**20:.0f} MiB is larger than the {limit} MiB limit")
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{name}: cannot read the file ({err.strerror or err})") from None
    text = decode(data, name)
    meta = dict(read_manifest(p.parent).get(p.name, {}))
    # The manifest's date outranks the caller's default; passing both to the parser would clash.
    listed = parse_date(meta.pop("published", None), f"{name}: published date in {MANIFEST}")
    published = listed or published
    if p.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        return parse_html(text, name, published, **meta)
    return parse_text(text, name, published, **meta)


def read_url(url: str, published: dt.date | None = None, timeout: float = URL_TIMEOUT_S) -> Document:
    """Fetch an article over HTTP(S) with a timeout and a size cap."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url}: only http(s) URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "news-timeline/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except (OSError, ValueError) as err:
        raise InputError(f"{url}: cannot fetch ({err})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{url}: larger than the {MAX_BYTES // 2**20} MiB limit")
    text = decode(data, url)
    if _looks_like_html(text):
        return parse_html(text, url, published, url=url)
    return parse_text(text, url, published, url=url)


def read(item: str, published: dt.date | None = None) -> Document:
    """A path or a URL."""
    if item.lower().startswith(("http://", "https://")):
        return read_url(item, published)
    return read_path(item, published)


def iter_paths(items: Iterable[str]) -> Iterator[str]:
    """Expand folders (recursively) and globs into article files and URLs, in a stable order.

    A name that matches nothing is yielded as it is, so that reading it reports it by name.
    """
    for item in items:
        if item.lower().startswith(("http://", "https://")):
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            yield from (str(f) for f in sorted(p.rglob("*")) if _is_article(f))
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            yield from (m for m in matches if _is_article(Path(m)))
            if not matches:
                yield item
        else:
            yield item


def _is_article(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and path.name != "README.md"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _jsonable(value: object) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True
