"""Segment text made safe for every export format: XML-1.0-valid, one line, single-spaced."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids (everything outside Char, https://www.w3.org/TR/xml/#charsets) plus the
# C1 controls, which are legal but never meaningful in text and which some TMX readers reject.
_INVALID = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")


def clean_segment(text: str) -> str:
    """Collapse every whitespace run (tabs, newlines, NBSP, line separators) to one space, drop
    XML-invalid characters (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF), strip the ends and
    compose to NFC (the form translation tools match on)."""
    text = _SPACE.sub(" ", text)
    text = _INVALID.sub("", text)
    return unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())


def has_letter(text: str) -> bool:
    """Whether ``text`` holds at least one letter (anything in a Unicode L* category)."""
    return any(ch.isalpha() for ch in text)
