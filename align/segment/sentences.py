"""Rule-based sentence splitting with character spans; the words come from the language's profile.

A boundary candidate is sentence-final punctuation (``.``, ``!``, ``?``, ``…``), optionally followed
by closing quotes or brackets, then whitespace, then something that can open a sentence (a capital
letter, a digit, an opening quote or bracket). Candidates after a period are then checked against the
token before it, using the word lists of the language's profile (``align/languages/data/*.toml``,
``[sentences]``; a language also uses the lists of the profiles it ``borrows`` from):

* ``never_final`` abbreviations (titles, address parts) never end a sentence: "Jl. Sudirman",
  "Prof. Dr. Bambang"; ``number_prefix`` and ``months_and_days`` never end one before a number:
  "No. 8", "hlm. 45", "Jan. 14". Matching is case-sensitive ("Mass." vs "mass.").
* single capital initials ("J. R. R. Tolkien", "H. Ahmad") end a sentence only before a common
  sentence opener ("a Higher grade A. The data ...").
* upper-case initialisms ("U.S.", "U.K.") end a sentence only before a common sentence opener
  ("... in the U.S. The ...") since "U.S. President" is far more frequent.
* ``may_final`` abbreviations ("Co.", "Inc.", "Jr.", "dll.", "dkk.", "Tbk.", "S.H.", "p.m.") end a
  sentence before a capital letter or quote, never before "(" or a digit ("dkk. (2019)").

* in languages with ``ordinal_period`` ("am 14. März"), a number never ends a sentence before a
  month name of the profile.

After ``?``/``!`` and a closing quote, a reporting clause ('"Why?" Vance asked.') stays attached.
Numbers ("5.5%", "1.000", "6.788,52", "10.00 WIB") never contain whitespace, so they are never
candidates.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import cache

from align.languages.registry import DEFAULT_SRC, splitting_words

__all__ = ["split_sentences"]

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{¿¡"
_CANDIDATE = re.compile(
    r"(?:\.{3}|…|[.!?])+[" + re.escape(_CLOSERS) + r"]*"
    r"(?:\s+[\"'”’»](?=\s))?"  # 'Selatan. " Bachmann': a dangling quote closes the sentence
    r"(?=\s+([^\s]))"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^[A-Z]$")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class _Words:
    """A profile's sentence words as the splitter matches them."""

    never_final: frozenset[str]
    number_prefix: frozenset[str]
    months_and_days: frozenset[str]
    may_final: frozenset[str]
    openers: frozenset[str]
    reporting: frozenset[str]
    ordinal_months: frozenset[str]  # month names after which "14." goes on; empty: no ordinal rule


def _cased(words: frozenset[str]) -> frozenset[str]:
    """Each abbreviation as written and in capitals ("Jl", "JL").

    Matching is case-sensitive, so "Mass." is an abbreviation while "mass." ends a sentence.
    """
    return frozenset(w for word in words for w in (word, word.upper()))


@cache
def _words(lang: str) -> _Words:
    profile = splitting_words(lang)
    words = profile.sentences
    return _Words(
        never_final=_cased(words.never_final), number_prefix=_cased(words.number_prefix),
        months_and_days=_cased(words.months_and_days), may_final=frozenset(w.lower() for w in words.may_final),
        openers=words.openers, reporting=words.reporting_verbs,
        ordinal_months=frozenset(profile.dates.months) if words.ordinal_period else frozenset(),
    )


def split_sentences(text: str, lang: str = DEFAULT_SRC) -> list[tuple[int, int]]:
    """Split one paragraph into sentences: ``[(start, end), ...]`` spans into ``text``.

    Spans exclude surrounding whitespace and cover every non-space character of ``text`` in order;
    ``lang`` names the profile whose words decide abbreviations (a code without a profile splits on
    punctuation and the language-independent rules alone).
    """
    words = _words(lang)
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if _is_boundary(text, match, start, words):
            spans.append((start, end))
            start = _skip_space(text, end)
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return _merge_punctuation_only(text, spans)


def _merge_punctuation_only(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece without letters or digits (a stray closing quote) joins the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(ch.isalnum() for ch in text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, match: re.Match, start: int, words: _Words) -> bool:
    punct = match.group(0)
    next_pos = match.start(1)
    nxt = text[next_pos]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if nxt in _OPENERS and text[next_pos + 1:next_pos + 2].isspace():
        return False  # 'end. " Next' - a dangling quote that closes, not opens
    following = _WORD.findall(text[next_pos:next_pos + 60])
    if punct[-1] in _CLOSERS and any(ch.isspace() for ch in punct):
        return True  # after a dangling closing quote
    core = punct.rstrip(_CLOSERS)
    if core.endswith(("?", "!")) and len(core) < len(punct):
        # '"Are we going?" Vance asked.' - a reporting clause keeps the quote in its sentence.
        if _reporting_clause(text[next_pos:next_pos + 60], words.reporting):
            return False
    if core != "." or len(core) < len(punct):
        return True  # '?', '!', '...', or '... step." Others': a period inside closing quotes.
    token_match = _TOKEN_BEFORE.search(text, start, match.start())
    token = token_match.group(1) if token_match else ""
    token = token.lstrip(_OPENERS)
    if not token:
        return True
    return _abbreviation_allows_break(token, nxt, following, words)


def _reporting_clause(after: str, reporting: frozenset[str]) -> bool:
    """'Vance asked.' / 'he said, adding' after a quote: a short clause ending at the verb."""
    for k, match in enumerate(_WORD.finditer(after)):
        if k >= 3:
            return False
        if match.group(0).lower() in reporting:
            rest = after[match.end():].lstrip()
            return not rest or rest[0] in ".,;:!?"
    return False


def _abbreviation_allows_break(token: str, nxt: str, following: list[str], words: _Words) -> bool:
    first = following[0].lower() if following else ""
    if token in words.never_final:
        return False
    if token.isdigit() and first in words.ordinal_months:
        return False  # "am 14. März 2019"
    if _INITIAL.match(token):
        return first in words.openers  # "H. Ahmad" goes on; "grade A. The data" ends
    if token in words.number_prefix or token in words.months_and_days:
        return not nxt.isdigit() and (token not in words.months_and_days or nxt.isupper())
    key = token.lower()
    if key in words.may_final:
        return nxt.isupper() or nxt in "\"“‘'"
    if _INITIALISM.match(token):
        return token.isupper() and first in words.openers or not token.isupper() and nxt.isupper()
    return True
