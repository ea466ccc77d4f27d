"""Sentence spans for dating: stray closing quotes trimmed, missed sentence ends cut."""

from __future__ import annotations

import pytest

from events.sentences import split as sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Steve called podcasting " Wayne\'s World for radio ". He called it " exciting ".',
            ['Steve called podcasting " Wayne\'s World for radio ".', 'He called it " exciting ".'],
        ),
        (
            "iOS will support iAd, which goes live on July 1. iPhone 4 will be available on June 24.",
            ["iOS will support iAd, which goes live on July 1.", "iPhone 4 will be available on June 24."],
        ),
        ('He said " Stop me. " He talked about it.', ['He said " Stop me.', "He talked about it."]),
        ("Mr. Smith met the U.S. team in Washington.", ["Mr. Smith met the U.S. team in Washington."]),
    ],
)
def test_sentences(text: str, expected: list[str]):
    got = sentences(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start : s.end] == s.text
