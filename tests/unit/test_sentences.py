import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.sentences import paragraph_of, split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army's Lt. Gen. John Smith arrived on Jan. 5, 2003. He left.",
            ["The U.S. Army's Lt. Gen. John Smith arrived on Jan. 5, 2003.", "He left."],
        ),
        ("He lived in the U.S. The next day he left.", ["He lived in the U.S.", "The next day he left."]),
        ('He said "We will go." Then he left.', ['He said "We will go."', "Then he left."]),
        (
            "They met at 5 p.m. Friday in Baghdad. Talks failed.",
            ["They met at 5 p.m. Friday in Baghdad.", "Talks failed."],
        ),
        ("Talks began at 9 a.m. The deal came later.", ["Talks began at 9 a.m.", "The deal came later."]),
        (
            "First paragraph ends\n\nSecond one starts here.",
            ["First paragraph ends", "Second one starts here."],
        ),
        (
            "Gov. Brown and Sen. Smith spoke. Mr. Jones did not.",
            ["Gov. Brown and Sen. Smith spoke.", "Mr. Jones did not."],
        ),
        ("John F. Kennedy won in 1960. Nixon lost.", ["John F. Kennedy won in 1960.", "Nixon lost."]),
    ],
)
def test_split_news_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split(text)] == expected


def test_offsets_point_into_the_original_text() -> None:
    text = "  Leading space.  Two  spaces inside.\n\n\tTabbed start. “Curly quotes” here."
    for s in split(text):
        assert text[s.start : s.end] == s.text


def test_paragraph_of_finds_the_blank_line_block() -> None:
    text = "One.\n\nTwo a. Two b.\n\nThree."
    start = text.index("Two b.")
    p_start, p_end = paragraph_of(text, start, start + 6)
    assert text[p_start:p_end] == "Two a. Two b."


@given(st.text(max_size=400))
def test_split_never_raises_and_spans_are_exact(text: str) -> None:
    previous_end = 0
    for s in split(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= previous_end
        assert text[s.start : s.end] == s.text
        previous_end = s.end
