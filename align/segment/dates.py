"""Date header lines ("Selasa 14 Mei 2019 | 20.40 WIB", "14. März 2019") and their ISO form.

Month, weekday and time-zone names come from every language profile's ``[dates]`` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from align import languages

__all__ = ["parse_date_line", "parse_meta_line", "is_day_stamp", "is_calendar_row"]


@dataclass(frozen=True)
class _DateWords:
    """The date words of every profile together: a date line may be in any of the languages."""

    months: dict[str, int]
    zones: dict[str, str]
    patterns: tuple[re.Pattern, ...]
    inline: tuple[re.Pattern, ...]  # the same dates anywhere in a line (for ``parse_meta_line``)


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_words() -> _DateWords:
    months: dict[str, int] = {}
    zones: dict[str, str] = {}
    weekdays, published, connectors, time_words, authors = set(), set(), set(), set(), set()
    for profile in languages.all_profiles():
        words = profile.dates
        months.update(words.months)
        zones.update(words.time_zones)
        weekdays |= words.weekdays
        published |= words.published
        connectors |= words.connectors
        time_words |= words.time_words
        authors |= words.authors
    month = r"(?P<month>[^\W\d_]{3,10})\.?"
    zone = rf"(?P<zone>{_alternatives(zones)})" if zones else "(?P<zone>(?!))"
    time = (rf"(?:\s*(?:[|,/\-–—]|{_alternatives(time_words) or '(?!)'})?\s*(?P<hour>\d{{1,2}})[:.h](?P<minute>\d{{2}})"
            rf"(?::\d{{2}})?\s*(?P<ampm>[ap]\.?m\.?)?\s*{zone}?(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?)?"
            rf"(?:\s*[|/]\s*(?:{_alternatives(published) or '(?!)'})\b.{{0,30}})?"  # "/ Updated 2 hours ago"
            rf"(?:\s*[|,]?\s+(?:{_alternatives(authors) or '(?!)'})\s+[\w.'’ -]{{1,30}})?")  # "... by admin"
    place = (r"(?:[\w-]+(?:\.[\w-]+)+\s*[-–—|]\s*)?"  # "Site.com - "
             rf"(?:(?:{_alternatives(published) or '(?!)'})(?:\s+(?:{_alternatives(connectors) or '(?!)'}))?\s*:?\s+)?"
             r"(?-i:(?:[A-Z][A-Za-z'.-]+(?:\s[A-Z][A-Za-z'.-]+){0,2},\s+)?)")  # "Published: ", "JAKARTA, "
    weekday = rf"{place}(?:(?:{_alternatives(weekdays) or '(?!)'})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:\.|er)?"  # "14. März", "1er mars"
    patterns = (
        rf"^{weekday}{day}(?:\s+|-){month}(?:,?\s+|-)(?P<year>\d{{4}}){time}$",
        rf"^{weekday}{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){time}$",
        rf"^{weekday}(?P<day>\d{{1,2}})[/.\-](?P<nmonth>\d{{1,2}})[/.\-](?P<year>\d{{4}}){time}$",
        rf"^(?P<year>\d{{4}})([-/.])(?P<nmonth>\d{{1,2}})\2(?P<day>\d{{1,2}})(?:T|\s+)?{time}$",
    )
    bare = rf"(?:(?:{_alternatives(weekdays) or '(?!)'})\.?,?\s+)?"
    inline = tuple(re.compile(p.replace(weekday, bare, 1)[1:-1], re.I) for p in patterns)
    return _DateWords(months, zones, tuple(re.compile(p, re.I) for p in patterns), inline)


_WORDS = re.compile(r"[^\W\d_]{2,}")
_DAY_STAMP = re.compile(r"^(?:(?P<month>[^\W\d_]{3,10})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                        r"|(?P<day2>\d{1,2})(?:\.|er)?\s+(?P<month2>[^\W\d_]{3,10}))$")  # (no stop: "30 September." ends a sentence)


def is_day_stamp(line: str) -> bool:
    """True for a line that is only a day of a month without a year ("Feb 28", "3 Mei"): the date
    a listing prints under the title of a recent post, never text."""
    match = _DAY_STAMP.match(line.strip())
    if not match:
        return False
    month = _date_words().months.get((match.group("month") or match.group("month2")).lower())
    return month is not None and _date(2000, month, int(match.group("day") or match.group("day2"))) is not None


_CELLS = re.compile(r"[^\s|/·•]+")  # the cells of a row, parted by spaces, tabs, bars or slashes


def is_calendar_row(line: str) -> bool:
    """True for a row of a calendar or date picker: cells that are each a month's name or a number
    of four digits at most, two months or two years among them, no stop at the end ("SEP  OCT  NOV",
    "2018 | 2019 | 2020", "Mar 2019 Apr 2019"): an archive's or a widget's navigation, never text
    ("30 September." ends a sentence)."""
    text = line.strip().lower()
    cells = _CELLS.findall(text)
    months = _date_words().months
    if text[-1:] in ".!?" or not all(cell in months or (cell.isdigit() and len(cell) <= 4) for cell in cells):
        return False
    return sum(cell in months for cell in cells) >= 2 or sum(len(cell) == 4 and cell.isdigit() for cell in cells) >= 2


def parse_meta_line(line: str, max_other_words: int = 4) -> str | None:
    """ISO date of a short line made of a date and a few words around it, not a sentence.

    "Posted by member » Tue Mar 19, 2019 10:15 am" is one; "On March 5, 2019 he resigned." (it
    ends a sentence) is not.
    """
    text = line.strip()
    if len(text) > 100 or text.rstrip("\"'”’)")[-1:] in ".!?" or not any(ch.isdigit() for ch in text):
        return None
    for pattern in _date_words().inline:
        match = pattern.search(text)
        if match:
            rest = pattern.sub(" ", text)  # every date of the line ("Published: ... | Updated: ...")
            if len(_WORDS.findall(rest)) <= max_other_words:
                return _iso(match)
    return None


def parse_date_line(line: str) -> str | None:
    """ISO form of a line that is only a date (and time): "2019-05-14" or "2019-05-14T20:40+07:00".

    Returns None for any line that holds anything besides a date, so body text never matches.
    """
    text = line.strip()
    if not 6 <= len(text) <= 60 or not any(ch.isdigit() for ch in text):
        return None
    for pattern in _date_words().patterns:
        match = pattern.match(text)
        if match:
            return _iso(match)
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(match: re.Match) -> str | None:
    parts = match.groupdict()
    year, number = int(parts["year"]), int(parts["day"])
    if parts.get("nmonth"):  # day first ("10/03/2019"), month first where only that is a date ("03/14/2019")
        month = int(parts["nmonth"])
        day = _date(year, month, number) or _date(year, number, month)
    else:
        month = _date_words().months.get(parts["month"].lower())
        day = _date(year, month, number) if month else None
    if day is None:
        return None
    if parts.get("hour") is None:
        return day.isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day.isoformat()
    zone = _date_words().zones.get((parts.get("zone") or "").lower(), "")
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
