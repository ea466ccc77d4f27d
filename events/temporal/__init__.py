"""The temporal tagger: TIMEX3 mentions with values and calendar spans, in pure Python.

    >>> import datetime as dt
    >>> [t.value for t in tag("It was released on Wednesday.", dt.date(2023, 8, 2))]
    ['2023-08-02']
"""

from events.temporal.tagger import tag
from events.temporal.timeml import to_timeml

__all__ = ["tag", "to_timeml"]
