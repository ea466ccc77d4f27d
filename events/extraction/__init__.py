"""The pieces of event extraction: date mentions, clauses, tense, anchoring, titles, actors.

`events.extract` puts them together; each module here is a set of pure functions over strings,
offsets and the models, so every rule can be tested on a single sentence.
"""
