"""merge(): the same event from several articles becomes one event; conflicts are flagged."""

from __future__ import annotations

import datetime as dt

import pytest

import events
from events.merge import alike, compatible, finer, merge
from events.models import Event, Source, TimeSpan


def year(y: int) -> TimeSpan:
    return TimeSpan(
        start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", value=str(y), edtf=str(y)
    )


def month(y: int, m: int) -> TimeSpan:
    end = (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
    v = f"{y}-{m:02d}"
    return TimeSpan(start=dt.date(y, m, 1), end=end, granularity="month", value=v, edtf=v)


def day(y: int, m: int, d: int) -> TimeSpan:
    v = dt.date(y, m, d).isoformat()
    return TimeSpan(start=dt.date(y, m, d), end=dt.date(y, m, d), value=v, edtf=v)


def ev(
    id_: str, title: str, when: TimeSpan, doc: str, actors: list[str] | None = None, conf: float = 0.8
) -> Event:
    return Event(
        id=id_,
        title=title,
        when=when,
        sources=[
            Source(
                document_id=doc,
                sentence=title + ".",
                sentence_start=0,
                sentence_end=len(title) + 1,
                date_text=when.value,  # dated by a written date, as extracted events are
            )
        ],
        actors=actors or [],
        confidence=conf,
    )


def test_same_event_from_two_articles_becomes_one_with_two_sources():
    a = ev("a", "US troops withdrew from Iraq", year(2011), "d1", ["US", "Iraq"])
    b = ev("b", "US withdrew its troops from Iraq", year(2011), "d2", ["US", "Iraq"])
    out = merge([a, b])
    assert len(out) == 1
    assert {s.document_id for s in out[0].sources} == {"d1", "d2"}


def test_finer_date_refines_coarser():
    a = ev("a", "US troops withdrew from Iraq", year(2011), "d1", ["US", "Iraq"])
    b = ev("b", "US troops withdrew from Iraq", month(2011, 12), "d2", ["US", "Iraq"])
    (out,) = merge([a, b])
    assert out.when.granularity == "month"
    assert out.when.value == "2011-12"
    assert out.id == "b"  # the most precise report leads


def test_incompatible_dates_are_kept_apart_and_flagged():
    a = ev("a", "Parliament passed resolution demanding US departure", month(2020, 1), "d1", ["Iraq"])
    b = ev("b", "Parliament passed resolution demanding US departure", month(2021, 1), "d2", ["Iraq"])
    out = merge([a, b])
    assert len(out) == 2
    by_id = {e.id: e for e in out}
    assert "b" in (by_id["a"].conflict or "")
    assert "a" in (by_id["b"].conflict or "")
    assert {e.when.value for e in out} == {"2020-01", "2021-01"}  # never averaged


@pytest.mark.parametrize(
    ("t1", "t2", "same"),
    [
        ("Apple unveiled iPhone 4", "Steve Jobs unveiled the iPhone 4", True),
        ("US attacked Iraq", "US invaded Iraq", False),
        ("Apple Corps lost its court case against Apple Computer", "Apple Corps lost court case", True),
        ("Jobs took medical leave", "Cisco sued Apple over iPhone trademark", False),
    ],
)
def test_alike_titles(t1: str, t2: str, same: bool):
    assert alike(ev("a", t1, year(2010), "d1"), ev("b", t2, year(2010), "d2")) is same


def test_different_actors_are_not_the_same_event():
    a = ev("a", "President visited the capital", day(2020, 5, 1), "d1", ["Macron"])
    b = ev("b", "President visited the capital", day(2020, 5, 1), "d2", ["Biden"])
    assert len(merge([a, b])) == 2


def test_same_document_is_not_merged_with_itself():
    a = ev("a", "US troops withdrew from Iraq", year(2011), "d1")
    b = ev("b", "US troops withdrew from Iraq", year(2011), "d1")
    assert len(merge([a, b])) == 2


def test_unresolved_never_merges_with_resolved():
    unresolved = TimeSpan(value="XXXX-WXX-3", unresolved=True, relative=True)
    a = ev("a", "Group issued a statement", unresolved, "d1")
    b = ev("b", "Group issued a statement", day(2023, 8, 2), "d2")
    assert len(merge([a, b])) == 2
    assert compatible(unresolved, unresolved)


def test_span_helpers():
    assert compatible(year(2011), month(2011, 12))
    assert not compatible(month(2011, 11), month(2011, 12))
    assert finer(year(2011), month(2011, 12)).value == "2011-12"


def test_three_reports_chain_without_joining_incompatible_ones():
    # 2011 is compatible with both months, but November and December cannot both be true.
    a = ev("a", "US troops withdrew from Iraq", year(2011), "d1", ["US"])
    b = ev("b", "US troops withdrew from Iraq", month(2011, 12), "d2", ["US"])
    c = ev("c", "US troops withdrew from Iraq", month(2011, 11), "d3", ["US"])
    out = merge([a, b, c])
    assert len(out) == 2
    assert all(len({s.document_id for s in e.sources}) <= 2 for e in out)
    assert all(e.conflict for e in out)


def test_output_sorted_by_date():
    a = ev("a", "Second thing happened here", year(2014), "d1")
    b = ev("b", "First thing happened there", year(2003), "d2")
    assert [e.id for e in merge([a, b])] == ["b", "a"]


def test_no_conflict_without_a_common_actor():
    # Two plans that merely read alike ("... will be available") are not one event in dispute.
    a = ev("a", "Software will be available", day(2009, 6, 17), "d1")
    b = ev("b", "iOS will be available", day(2010, 6, 21), "d2", ["iOS"])
    assert all(e.conflict is None for e in merge([a, b]))


def test_merge_scales_by_blocking_on_years():
    evs = [ev(f"e{i}", f"Event number {i} happened", year(1900 + i % 120), f"d{i}") for i in range(600)]
    assert len(merge(evs)) == 600


def test_merge_extracted_reports_of_one_event():
    a = events.extract(
        "The last US troops withdrew from Iraq in 2011.", published=dt.date(2012, 1, 5), document_id="a"
    )
    b = events.extract(
        "The last US troops withdrew from Iraq in December 2011.",
        published=dt.date(2012, 2, 1),
        document_id="b",
    )
    c = events.extract(
        "The last US troops withdrew from Iraq in 2010.", published=dt.date(2012, 3, 1), document_id="c"
    )
    out = merge(a + b + c)
    merged = [e for e in out if len(e.sources) == 2]
    assert len(merged) == 1
    assert merged[0].when.value == "2011-12"
    assert {s.document_id for s in merged[0].sources} == {"a", "b"}
    lone = next(e for e in out if e.sources[0].document_id == "c")
    assert lone.conflict and merged[0].id in lone.conflict


def test_no_conflict_between_publication_dates():
    # Present-tense states dated by their articles' publication are no claim about one date.
    a = ev("a", "Montedison owns 72% of Erbamont shares", day(1989, 10, 30), "d1", ["Montedison"])
    b = ev("b", "Montedison owns 72% of Erbamont shares", day(1989, 11, 2), "d2", ["Montedison"])
    a = a.model_copy(update={"sources": [a.sources[0].model_copy(update={"date_text": None})]})
    assert all(e.conflict is None for e in merge([a, b]))


def test_titles_sharing_few_content_words_stay_apart():
    a = ev("a", "Third-quarter loan originations dropped", year(1989), "d1")
    b = ev("b", "Third-quarter sales dropped", year(1989), "d2")
    assert len(merge([a, b])) == 2
