"""Build seeds/ from ../shared: the seed article and the SemEval-2015 TimeLine trial documents.

    python scripts/make_seeds.py

The Wikinews documents are tokenised TimeML; this joins the tokens back into readable text
(title, dateline, body) and writes one .txt per article with YAML front matter. The output is
committed, so the script only needs re-running when the sources change.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRIAL = SHARED / "data" / "timeline-dev" / "corpus_trial" / "corpus_trackA_TimeML"
OUT = ROOT / "seeds"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "#"}


def detokenise(tokens: str) -> str:
    """Join tokens with the spacing a writer would use; straight quotes alternate open/close."""
    out, prev, quote_open = "", "", False
    for tok in tokens.split():
        if tok == '"':
            quote_open = not quote_open
            space = bool(out) and quote_open and prev not in _NO_SPACE_AFTER
            out += (" " if space else "") + tok
            prev = "open-quote" if quote_open else tok
            continue
        glue = tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or prev == "open-quote"
        out += ("" if glue or not out else " ") + tok
        prev = tok
    return out.replace(" ' s ", "'s ")


def wikinews(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8")
    docid = re.search(r"<DOCID>(.*?)</DOCID>", raw).group(1)
    dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]*)"', raw).group(1)
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)
    if m:
        dct = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    title = html.unescape(re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", raw, re.S).group(1)).strip()
    sentences = [
        detokenise(html.unescape(re.sub(r"<[^>]+>", "", body)))
        for body in re.findall(r'<s id="\d+">(.*?)</s>', raw, re.S)
    ]
    dateline, body = sentences[0], " ".join(sentences[1:])
    front = (
        "---\n"
        f"title: {_yaml(title)}\n"
        f"published: {dct[:10]}\n"
        "source: Wikinews\n"
        f"url: https://en.wikinews.org/wiki/{quote(title.replace(' ', '_'))}\n"
        "license: CC BY 3.0 (SemEval-2015 Task 4 TimeLine trial corpus)\n"
        f"docid: '{docid}'\n"
        "---\n"
    )
    return f"{docid}.txt", f"{front}{dateline}\n\n{body}\n"


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    (OUT / "wikinews").mkdir(parents=True, exist_ok=True)
    for f in sorted(TRIAL.glob("*.tml")):
        name, text = wikinews(f)
        (OUT / "wikinews" / name).write_text(text, encoding="utf-8")
    seed = SHARED / "seeds" / "iraq-resistance-us-projects.txt"
    target = OUT / "iraq-resistance-us-projects.txt"
    shutil.copyfile(seed, target)
    print(f"wrote {len(list((OUT / 'wikinews').glob('*.txt')))} Wikinews articles and {target.name}")


if __name__ == "__main__":
    main()
