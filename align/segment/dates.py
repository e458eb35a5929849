"""Date header lines in English and Indonesian ("Selasa 14 Mei 2019 | 20.40 WIB") and their ISO form."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_date_line", "parse_meta_line"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "oktober": 10, "nopember": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "agu": 8, "agt": 8,
    "sep": 9, "sept": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "des": 12,
}
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun"
    "|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
)
_ZONES = {"gmt": "+00:00", "utc": "+00:00", "z": "+00:00", "wib": "+07:00", "wita": "+08:00",
          "wit": "+09:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "msk": "+03:00",
          "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00",
          "pdt": "-07:00", "et": "-05:00"}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = (r"(?:\s*(?:[|,/\-–—]|pukul|at)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?"
         r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")?"
         r"(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
         r"(?:\s*[|/]\s*(?:updated|diperbarui)\b.{0,30})?"  # "/ Updated 2 hours ago"
         r"(?:\s*[|,]?\s+(?:by|oleh)\s+[\w.'’ -]{1,30})?")  # "Posted on May 3, 2019 by admin"
_PLACE = (r"(?:[\w-]+(?:\.[\w-]+)+\s*[-–—|]\s*)?"  # "Site.com - "
          r"(?:(?:published|updated|posted|last updated|written|diterbitkan|diperbarui|dipublikasikan|"
          r"terbit|dimuat|ditulis|diposting)(?:\s+(?:on|pada))?\s*:?\s+)?"  # "Published: " / "Diperbarui pada "
          r"(?-i:(?:[A-Z][A-Za-z'.-]+(?:\s[A-Z][A-Za-z'.-]+){0,2},\s+)?)")  # "JAKARTA, "
_WEEKDAY = rf"{_PLACE}(?:(?:{_WEEKDAYS})\.?,?\s+)?"
_PATTERNS = [
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}$",
               re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})[/.\-](?P<nmonth>\d{{1,2}})[/.\-](?P<year>\d{{4}}){_TIME}$",
               re.I),
    re.compile(rf"^(?P<year>\d{{4}})-(?P<nmonth>\d{{1,2}})-(?P<day>\d{{1,2}})(?:T|\s+)?{_TIME}$", re.I),
]


_INLINE = [re.compile(p.pattern.replace(_WEEKDAY, rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?", 1)[1:-1], re.I)
           for p in _PATTERNS]
_WORDS = re.compile(r"[^\W\d_]{2,}")


def parse_meta_line(line: str, max_other_words: int = 4) -> str | None:
    """ISO date of a short line made of a date and a few words around it, not a sentence.

    "Posted by member » Tue Mar 19, 2019 10:15 am" is one; "On March 5, 2019 he resigned." (it
    ends a sentence) is not. Returns None where ``parse_date_line`` would do or nothing matches.
    """
    text = line.strip()
    if len(text) > 100 or text.rstrip("\"'”’)")[-1:] in ".!?" or not any(ch.isdigit() for ch in text):
        return None
    for pattern in _INLINE:
        match = pattern.search(text)
        if match and len(_WORDS.findall(text[:match.start()] + " " + text[match.end():])) <= max_other_words:
            return _iso(match)
    return None


def parse_date_line(line: str) -> str | None:
    """ISO form of a line that is only a date (and time): "2019-05-14" or "2019-05-14T20:40+07:00".

    Returns None for any line that holds anything besides a date, so body text never matches.
    """
    text = line.strip()
    if not 6 <= len(text) <= 60 or not any(ch.isdigit() for ch in text):
        return None
    for pattern in _PATTERNS:
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
        month = _MONTHS.get(parts["month"].lower())
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
    zone = _ZONES.get((parts.get("zone") or "").lower(), "")
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
