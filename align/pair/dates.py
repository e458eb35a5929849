"""Article dates for pairing: the segmenter stores them in ISO form (see ``align.segment.dates``)."""

from __future__ import annotations

import datetime as dt


def article_day(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or date-time ("2019-05-14", "2019-05-14T20:40+07:00")."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def day_gap(a: dt.date | None, b: dt.date | None) -> int | None:
    """Absolute difference in days, or None when either date is unknown."""
    if a is None or b is None:
        return None
    return abs((a - b).days)
