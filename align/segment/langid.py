"""Language identification for paragraphs and articles, adapted by the language profiles.

pycld2 does the work; the profiles (``[langid]`` in ``align/languages/data/*.toml``) adapt it:

* cld2's codes become profile codes (cld2 calls Javanese ``jw``, its profile is ``jv``);
* text too short for cld2 is told by counting each profile's ``function_words``, and function
  words also overrule cld2 when English names in an Indonesian sentence mislead it;
* languages of one ``family`` (Indonesian, Malay, Javanese, Sundanese) are close enough that cld2
  mixes them up on a single line. Lines therefore get the family as their label
  (``language_scores`` -> ``{"malay": ...}``) and only a whole article is resolved to one member
  (``article_language``): cld2's answer on the article's text, unless the members'
  ``distinctive_words`` clearly point to another member.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pycld2

from align import languages
from align.segment.config import SegmentConfig

__all__ = ["detect_language", "best_language", "language_scores", "article_language", "UNDETERMINED"]

UNDETERMINED = "und"

_WORD = re.compile(r"[^\W\d_]+")
_NON_LETTER = re.compile(r"[\W\d_]+")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class _Tables:
    """The profiles' language-ID data, indexed for lookup."""

    code_of: dict[str, str]  # detector code -> profile code
    family_of: dict[str, str]  # profile code -> family label (members of a family only)
    members: dict[str, tuple[str, ...]]  # family label -> its profile codes
    function_words: dict[str, tuple[str, ...]]  # word -> the labels it is a function word of
    distinctive: dict[str, tuple[str, ...]]  # word -> the family members it is distinctive of


@cache
def _tables() -> _Tables:
    code_of, family_of, members = {}, {}, {}
    for profile in languages.all_profiles():
        for detector_code in profile.langid.detector_codes:
            code_of[detector_code] = profile.code
        if profile.langid.family:
            family_of[profile.code] = profile.langid.family
            members.setdefault(profile.langid.family, []).append(profile.code)
    families = {name: tuple(codes) for name, codes in members.items() if len(codes) > 1}
    family_of = {code: name for code, name in family_of.items() if name in families}
    function_words: dict[str, set[str]] = {}
    distinctive: dict[str, set[str]] = {}
    for profile in languages.all_profiles():
        for word in profile.langid.function_words:
            function_words.setdefault(word, set()).add(family_of.get(profile.code, profile.code))
        for word in profile.langid.distinctive_words:
            distinctive.setdefault(word, set()).add(profile.code)
    return _Tables(code_of, family_of, families, {w: tuple(sorted(v)) for w, v in function_words.items()},
                   {w: tuple(sorted(v)) for w, v in distinctive.items()})


def _count(words: list[str], index: dict[str, tuple[str, ...]]) -> Counter[str]:
    """How many of ``words`` each label of ``index`` claims."""
    hits: Counter[str] = Counter()
    for word in words:
        for label in index.get(word.lower(), ()):
            hits[label] += 1
    return hits


def detect_language(text: str, config: SegmentConfig | None = None) -> str:
    """The ISO 639-1 code of ``text`` ("en", "de", "ms", "ru", ...) or ``"und"`` when it cannot be told."""
    return article_language(language_scores(text), [text], config)


def best_language(scores: dict[str, float]) -> str:
    """The label with the most evidence in ``scores`` (see ``language_scores``), or ``"und"``."""
    return max(scores.items(), key=lambda item: item[1])[0] if scores else UNDETERMINED


def language_scores(text: str) -> dict[str, float]:
    """Evidence per language label, in letters of text (cld2 percentages times text size).

    Labels are profile codes, cld2's codes for languages without a profile, and family labels
    (``"malay"``) for members of a family (see :func:`article_language`).
    """
    letters = len(_NON_LETTER.sub("", text))
    if letters < 3:
        return {}
    tables = _tables()
    reliable, details = _cld2(text)
    scores: Counter[str] = Counter()
    for code, percent in details:
        code = tables.code_of.get(code, code)
        scores[tables.family_of.get(code, code)] += percent / 100 * letters
    words = _WORD.findall(text)
    ranked = _count(words, tables.function_words).most_common(2) + [(None, 0), (None, 0)]
    (top, most), (_, second) = ranked[0], ranked[1]
    if not reliable or len(words) < 6 or not scores:
        if most >= 1 and most != second:
            scores[top] += letters * (1.0 if most >= 2 else 0.5)
    elif most >= second + 2 and most >= 2 * second and best_language(scores) != top:
        # English names and titles inside an Indonesian sentence mislead cld2; function words do not.
        scores[top] = max(scores.values()) + letters * 0.1
    return dict(scores)


def article_language(scores: dict[str, float], texts: list[str], config: SegmentConfig | None = None) -> str:
    """The code of a text whose lines together gave ``scores``; ``texts`` are its paragraphs.

    A family label is resolved to one member: the member cld2 names most on the whole text,
    unless another member has at least ``config.family_min_words`` distinctive words and
    ``config.family_word_ratio`` times as many as cld2's choice.
    """
    config = config or SegmentConfig()
    label = best_language(scores)
    tables = _tables()
    if label not in tables.members:
        return label
    members = tables.members[label]
    text = "\n".join(texts)
    _, details = _cld2(text)
    share = Counter()
    for code, percent in details:
        code = tables.code_of.get(code, code)
        if code in members:
            share[code] += percent
    hits = _count(_WORD.findall(text), tables.distinctive)
    by_words = max(members, key=lambda code: (hits[code], share[code]))
    chosen = max(members, key=lambda code: (share[code], hits[code])) if share else by_words
    if by_words != chosen and hits[by_words] >= config.family_min_words \
            and hits[by_words] >= config.family_word_ratio * hits[chosen]:
        return by_words
    return chosen


def _cld2(text: str) -> tuple[bool, list[tuple[str, int]]]:
    """cld2's verdict: whether it is reliable, and (code, percent) for each language it saw."""
    try:
        reliable, _, details = pycld2.detect(_printable(text), bestEffort=True)
    except pycld2.error:
        return False, []
    return reliable, [(code.split("-")[0], percent) for _name, code, percent, _score in details
                      if code not in ("un", "xx") and percent > 0]


def _printable(text: str) -> str:
    """cld2 rejects control characters and lone surrogates: drop them."""
    return _UNPRINTABLE.sub("", text) if _UNPRINTABLE.search(text) else text
