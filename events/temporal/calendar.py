"""Calendar arithmetic over TIMEX3 values: periods, shifts, spans and their EDTF spelling."""

# ruff: noqa: E501  (regex tables and value tables read better one rule per line)

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from events.temporal.lexicon import SEASON_EDTF

MIN_YEAR, MAX_YEAR = 1, 9998


class Period(NamedTuple):
    """A calendar interval at a granularity; `key` identifies it within that granularity."""

    gran: str  # day | week | month | quarter | half | season | year | decade | century
    start: dt.date
    end: dt.date


def clamp_year(y: int) -> int:
    return min(max(y, MIN_YEAR), MAX_YEAR)


def month_end(y: int, m: int) -> dt.date:
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - dt.timedelta(days=1)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return clamp_year(k // 12), k % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def season_bounds(y: int, code: str) -> tuple[dt.date, dt.date]:
    # Meteorological seasons (northern hemisphere); winter YYYY runs Dec YYYY - Feb YYYY+1.
    if code == "SP":
        return dt.date(y, 3, 1), dt.date(y, 5, 31)
    if code == "SU":
        return dt.date(y, 6, 1), dt.date(y, 8, 31)
    if code == "FA":
        return dt.date(y, 9, 1), dt.date(y, 11, 30)
    return dt.date(y, 12, 1), month_end(min(y + 1, MAX_YEAR), 2)


def season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year, "WI") if m == 12 else (d.year - 1, "WI")


def iso_week_start(y: int, w: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(y, w, 1)
    except ValueError:
        return None


_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)(?:-(?P<wd>[1-7]|WE))?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T(?P<t>[\d:]+|MO|AF|EV|NI|MI|DT))?"
    r"|(?P<dec>\d{3})|(?P<cen>\d{2})"
)


def parse_value(value: str) -> Period | None:
    """The interval a resolved TIMEX3 DATE/TIME value denotes, or None (X's, PRESENT_REF...)."""
    m = _VALUE.fullmatch(value)
    if not m:
        return None
    try:
        if m["dec"]:
            y = int(m["dec"]) * 10
            return Period("decade", dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31))
        if m["cen"]:
            y = int(m["cen"]) * 100
            return Period("century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31))
        y = int(m["y"])
        if y < MIN_YEAR:
            return None
        if m["d"]:
            d = dt.date(y, int(m["m"]), int(m["d"]))
            return Period("time" if m["t"] else "day", d, d)
        if m["m"]:
            mo = int(m["m"])
            return Period("month", dt.date(y, mo, 1), month_end(y, mo))
        if m["w"]:
            start = iso_week_start(y, int(m["w"]))
            if start is None:
                return None
            if m["wd"] == "WE":
                return Period("week", start + dt.timedelta(days=5), start + dt.timedelta(days=6))
            if m["wd"]:
                d = start + dt.timedelta(days=int(m["wd"]) - 1)
                return Period("time" if m["t"] else "day", d, d)
            return Period("week", start, start + dt.timedelta(days=6))
        if m["q"]:
            q = int(m["q"])
            return Period("quarter", dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q))
        if m["h"]:
            h = int(m["h"])
            return Period("quarter", dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h))
        if m["s"]:
            a, b = season_bounds(y, m["s"])
            return Period("season", a, b)
        return Period("year", dt.date(y, 1, 1), dt.date(y, 12, 31))
    except (ValueError, OverflowError):
        return None


def narrow(p: Period, mod: str | None) -> tuple[dt.date, dt.date]:
    """The part of a period that 'early'/'mid'/'late' (START/MID/END) points at: a third of it."""
    if mod not in ("START", "MID", "END") or p.start == p.end:
        return p.start, p.end
    days = (p.end - p.start).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return p.start, p.start + dt.timedelta(days=third - 1)
    if mod == "END":
        return p.end - dt.timedelta(days=third - 1), p.end
    a = p.start + dt.timedelta(days=third)
    return a, min(a + dt.timedelta(days=third - 1), p.end)


def edtf_of(value: str, p: Period | None, approximate: bool) -> str:
    """EDTF (ISO 8601-2) for a TIMEX3 value: decades as 199X, seasons as 2013-21, quarters as 2013-33."""
    q = "~" if approximate else ""
    m = _VALUE.fullmatch(value)
    if not m:
        return ""
    if m["dec"]:
        return f"{m['dec']}X{q}"
    if m["cen"]:
        return f"{m['cen']}XX{q}"
    y = m["y"]
    if m["t"] and m["d"]:
        t = m["t"]
        if re.fullmatch(r"\d\d:\d\d", t):
            t = "24:00" if t.startswith("24") else t
            return f"{y}-{m['m']}-{m['d']}T{t}:00{q}" if not t.startswith("24") else f"{y}-{m['m']}-{m['d']}{q}"
        return f"{y}-{m['m']}-{m['d']}{q}"
    if m["d"]:
        return f"{y}-{m['m']}-{m['d']}{q}"
    if m["m"]:
        return f"{y}-{m['m']}{q}"
    if m["q"]:
        return f"{y}-{32 + int(m['q'])}{q}"
    if m["h"]:
        return f"{y}-{39 + int(m['h'])}{q}"
    if m["s"]:
        return f"{y}-{SEASON_EDTF[m['s']]}{q}"
    if (m["w"] or m["t"]) and p is not None:
        if p.start == p.end:
            return f"{p.start.isoformat()}{q}"
        return f"{p.start.isoformat()}{q}/{p.end.isoformat()}{q}"
    return f"{y}{q}"


def fmt_day(d: dt.date) -> str:
    return d.isoformat()


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_quarter(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return clamp_year(k // 4), k % 4 + 1


def shift_days(d: dt.date, n: int) -> dt.date:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return d


def shift_value(value: str, n: int, unit: str) -> str | None:
    """Move a resolved value by n units (D, W, M, Q, Y, E, C), keeping its granularity where it
    is at least as fine as the unit ('a year earlier' than 1989-Q3 is 1988-Q3)."""
    p = parse_value(value)
    if p is None:
        return None
    m = _VALUE.fullmatch(value)
    assert m is not None
    try:
        if p.gran in ("day", "time"):
            d = p.start
            if unit == "D":
                d = shift_days(d, n)
            elif unit == "W":
                d = shift_days(d, 7 * n)
            elif unit in ("M", "Q", "Y", "E", "C"):
                months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit] * n
                y, mo = add_months(d.year, d.month, months)
                d = dt.date(y, mo, min(d.day, month_end(y, mo).day))
            else:
                return None
            return fmt_day(d)
        if p.gran == "week" and not m["wd"]:
            if unit in ("D", "W"):
                return fmt_week(shift_days(p.start, 7 * n if unit == "W" else n))
            if unit in ("Y",):
                y, w = int(m["y"]) + n, int(m["w"])
                return f"{clamp_year(y):04d}-W{w:02d}"
            return None
        if p.gran == "month":
            months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
            if months is None:
                return None
            y, mo = add_months(p.start.year, p.start.month, months * n)
            return f"{y:04d}-{mo:02d}"
        if p.gran == "quarter" and m["q"]:
            qs = {"Q": 1, "Y": 4, "M": None}.get(unit)
            if unit == "M" and n % 3 == 0:
                qs, n = 1, n // 3
            if not qs:
                return None
            y, q = shift_quarter(p.start.year, int(m["q"]), qs * n)
            return fmt_quarter(y, q)
        if p.gran == "season" and unit == "Y":
            return f"{clamp_year(int(m['y']) + n):04d}-{m['s']}"
        if p.gran in ("year", "quarter") and unit in ("Y", "E", "C"):
            k = {"Y": 1, "E": 10, "C": 100}[unit] * n
            y = clamp_year(p.start.year + k)
            if m["h"]:
                return f"{y:04d}-H{m['h']}"
            return f"{y:04d}"
        if p.gran == "decade" and unit == "E":
            return f"{int(m['dec']) + n:03d}"
        if p.gran == "century" and unit == "C":
            return f"{int(m['cen']) + n:02d}"
    except (ValueError, OverflowError):
        return None
    return None
