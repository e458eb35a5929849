"""A small, forgiving parser for English and Indonesian date lines ("Selasa, 10/03/2019 22:46 WIB")."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "januari": 1, "jan": 1,
    "february": 2, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "march": 3, "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5, "mei": 5,
    "june": 6, "juni": 6, "jun": 6,
    "july": 7, "juli": 7, "jul": 7,
    "august": 8, "agustus": 8, "aug": 8, "agu": 8, "agt": 8, "agst": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oktober": 10, "oct": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "december": 12, "desember": 12, "dec": 12, "des": 12,
}  # fmt: skip

_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)"),  # 2019-03-14
    re.compile(rf"\b(?P<a>\d{{1,2}})[-/.](?P<b>\d{{1,2}})[-/.]{_YEAR}\b"),  # 14/03/2019 or 03/14/2019
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),  # 14 March 2019
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # March 14, 2019
]


def parse_date(text: str | None, lang: str = "en") -> dt.date | None:
    """The calendar date written in ``text``, or None when there is none or it is not a real date.

    Numeric ``a/b/yyyy`` is read day-first, except month-first for English when only that is valid.
    """
    if not text:
        return None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match.groupdict(), lang)
            if found is not None:
                return found
    return None


def _to_date(groups: dict, lang: str) -> dt.date | None:
    year = int(groups["year"])
    if groups.get("m"):
        candidates = [(int(groups["m"]), int(groups["d"]))]
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        candidates = [(a, b), (b, a)] if lang == "en" else [(b, a), (a, b)]
    else:
        month = MONTHS.get(groups["month"].lower())
        if month is None:
            return None
        candidates = [(month, int(groups["day"]))]
    for month, day in candidates:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def day_gap(a: dt.date | None, b: dt.date | None) -> int | None:
    """Absolute difference in days, or None when either date is unknown."""
    if a is None or b is None:
        return None
    return abs((a - b).days)
