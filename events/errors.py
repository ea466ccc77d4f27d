"""Errors a user can see. Each renders as one line that says what went wrong and what to do."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: `str(err)` is a complete one-line message for the user."""

    exit_code = 1


class InputError(TimelineError):
    """A file, date or value given by the user cannot be used."""

    exit_code = 2


class ConflictError(TimelineError):
    """An edit was based on a stale version of an event, or two records disagree."""

    exit_code = 3


class NotFoundError(TimelineError):
    """An id that names nothing in the store."""

    exit_code = 4
