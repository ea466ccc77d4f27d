"""Generated news articles for scale tests and benchmarks: short, dated, all different.

Each article is a few sentences in wire-service style with absolute dates ("March 2019"),
weekdays relative to the published date ("on Tuesday") and chains ("a day earlier"), so
extraction yields several events per article. Article `i` is a pure function of `i` (and the
seed), so a test and a benchmark can regenerate exactly the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

CITIES = ["WASHINGTON", "LONDON", "NAIROBI", "LIMA", "OSLO", "MANILA", "DENVER", "CAIRO", "QUITO", "HANOI"]
BODIES = ["city council", "parliament", "school board", "health ministry", "port authority", "senate"]
PEOPLE = ["Ellen Park", "Omar Haddad", "Grace Mwangi", "Luis Ortega", "Ingrid Berg", "Tran Van Minh"]
THINGS = ["road repairs", "a new hospital", "flood defences", "a rail link", "teacher salaries", "a bridge"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PROTESTS = ["residents protested outside City Hall", "unions called a strike", "farmers blocked a highway"]


def article(i: int, seed: int = 0) -> tuple[str, dt.date]:
    """The text and published date of article `i`; the numbers in it make every text unique."""
    r = random.Random(seed * 1_000_003 + i)
    published = dt.date(2015, 1, 1) + dt.timedelta(days=r.randrange(3000))
    city, body, person, thing = r.choice(CITIES), r.choice(BODIES), r.choice(PEOPLE), r.choice(THINGS)
    past = published.year - r.randint(1, 6)
    future = published.year + r.randint(1, 3)
    amount = f"{r.randint(2, 900)}.{r.randint(0, 9)}"
    sentences = [
        f"{city} — The {body} voted on {r.choice(WEEKDAYS)} to approve {amount} million dollars "
        f"for {thing}, officials said.",
        f"The plan was first proposed in {r.choice(MONTHS)} {past} by {person}.",
        f"Work is expected to begin in early {future} and finish by {r.choice(MONTHS)} {future + 1}.",
        f"A day earlier, {r.choice(PROTESTS)}, according to report number {i}-{seed}.",
    ]
    if r.random() < 0.5:
        day = f"{published.day} {MONTHS[published.month - 1]} {published.year}"
        sentences.append(f"{person} resigned on {day}.")
    return " ".join(sentences), published


def write_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """`n` articles as .txt files with YAML front matter (title, published) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, published = article(i, seed)
        p = folder / f"article-{seed}-{i:05d}.txt"
        p.write_text(f"---\ntitle: Article {i}\npublished: {published.isoformat()}\n---\n{text}\n", "utf-8")
        paths.append(p)
    return paths
