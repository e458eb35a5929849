"""Numbers as translation anchors: one reading of a number for pairing and for alignment.

A translation keeps its numbers but may write them differently: EN "10,500.5" is ID "10.500,5",
and "08" and "8" are one day. A number's key is its digits alone, leading zeros dropped.
"""

from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # a run of digits with inner separators


def number_keys(text: str) -> list[str]:
    """The key of each number in ``text``, in order: its digits without separators or leading zeros."""
    return [re.sub(r"\D", "", found).lstrip("0") or "0" for found in NUMBER.findall(text)]
