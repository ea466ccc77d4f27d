"""TimeML output: the text with inline TIMEX3 tags, the DCT as t0."""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from events.models import Timex

# Characters XML 1.0 cannot carry, not even as references: each becomes U+FFFD, one for one, so
# offsets are unchanged and any text without them round-trips exactly.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    # "\r" as a reference: a parser would turn a literal CR (LF) into LF and shift the offsets.
    return _escape(_NOT_XML.sub("\ufffd", text)).replace("\r", "&#13;")


def _attrs(t: Timex) -> str:
    parts = [f"tid={quoteattr(t.tid or '')}", f"type={quoteattr(t.type)}",
             f"value={quoteattr(_NOT_XML.sub('', t.value))}"]  # fmt: skip
    if t.mod:
        parts.append(f"mod={quoteattr(t.mod)}")
    relative = bool(t.anchor_tid) or (t.span is not None and t.span.relative)
    parts.append(f"temporalFunction={quoteattr('true' if relative else 'false')}")
    parts.append('functionInDocument="NONE"')
    if t.anchor_tid:
        parts.append(f"anchorTimeID={quoteattr(t.anchor_tid)}")
    return " ".join(parts)


def to_timeml(text: str, timexes: list[Timex], dct: dt.date | None, doc_id: str = "doc") -> str:
    """A TimeML 1.2.1 document; stripping its tags from <TEXT> gives back `text` exactly
    (control characters XML cannot hold come back as U+FFFD, at the same offsets)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{escape(doc_id)}</DOCID>"]
    if dct is not None:
        d = dct.isoformat()
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{d}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>'
        )
    body: list[str] = []
    pos = 0
    for t in sorted(timexes, key=lambda x: (x.start, x.end)):
        if t.start < pos or t.end > len(text) or t.start > t.end:
            continue  # overlapping or out-of-range mentions cannot be inlined
        body.append(escape(text[pos : t.start]))
        body.append(f"<TIMEX3 {_attrs(t)}>{escape(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    body.append(escape(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"
