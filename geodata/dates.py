"""The time range the atlas covers and how dates are read."""
from __future__ import annotations

import datetime as dt

FIRST = dt.date(1689, 1, 1)
LAST = dt.date(2008, 12, 31)


def parse_date(value: object) -> dt.date:
    """Read an ISO date string or a date; raise ValueError with a readable message otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")


def in_range(value: object) -> dt.date:
    """Parse a date and check it lies within 1689-01-01..2008-12-31."""
    day = parse_date(value)
    if not FIRST <= day <= LAST:
        raise ValueError(f"{day.isoformat()} is outside {FIRST.isoformat()}..{LAST.isoformat()}")
    return day
