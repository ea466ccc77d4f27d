"""The pieces of event extraction; `events.extract` puts them together.

    spans       sentence spans repaired for dating (stray quotes, missed boundaries)
    mentions    timexes -> date mentions (ranges joined; durations, sets, vague refs dropped)
    tense       tense of a clause, reporting verbs, present perfect
    clauses     a sentence -> clauses; one clause shared by several dates
    anchoring   which date each event takes (clause's date, story day, published date, none)
    confidence  how far to trust a date, from how it was found
    subjects    who a clause is about (pronouns resolved, shared subject + verb)
    phrases     noun phrases, reduced relatives, word helpers for titles
    titles      a headline from the clause's own words
    actors      named people, organisations and places (heuristic + gazetteer)
    gazetteer   countries and nationality adjectives
    lexicon     word lists (verb forms, auxiliaries, reporting verbs, stop words)

Each module is a set of pure functions over strings, offsets and the models, so every rule can
be tested on a single sentence.
"""
