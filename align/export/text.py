"""Segment text made safe for every export format: XML-1.0-valid, one line, single-spaced."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids (everything outside Char, https://www.w3.org/TR/xml/#charsets) plus the
# C1 controls, which are legal but never meaningful in text and which some TMX readers reject.
_INVALID = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")
# Text that is clean already: runs of valid non-space characters joined by single spaces.
_WORD = r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]+"
_CLEAN = re.compile(f"{_WORD}(?: {_WORD})*")


def clean_segment(text: str) -> str:
    """Collapse every whitespace run (tabs, newlines, NBSP, line separators) to one space, drop
    XML-invalid characters (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF), strip the ends and
    compose to NFC (the form translation tools match on). Clean text is returned as it is, quickly:
    every writer cleans what it writes, and most of it comes from ``filter_pairs``, cleaned already."""
    if _CLEAN.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        return text
    text = _SPACE.sub(" ", text)
    text = _INVALID.sub("", text)
    return unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())


def has_letter(text: str) -> bool:
    """Whether ``text`` holds at least one letter (anything in a Unicode L* category)."""
    return any(ch.isalpha() for ch in text)
