"""Rule-based sentence splitting for English and Indonesian news text, with character spans.

A boundary candidate is sentence-final punctuation (``.``, ``!``, ``?``, ``…``), optionally followed
by closing quotes or brackets, then whitespace, then something that can open a sentence (a capital
letter, a digit, an opening quote or bracket). Candidates after a period are then checked against the
token before it:

* ``NEVER_FINAL`` abbreviations (titles, address parts) never end a sentence: "Jl. Sudirman",
  "Prof. Dr. Bambang"; ``NUMBER_PREFIX`` and ``MONTHS_AND_DAYS`` never end one before a number:
  "No. 8", "hlm. 45", "Jan. 14". Matching is case-sensitive ("Mass." vs "mass.").
* single capital initials ("J. R. R. Tolkien", "H. Ahmad") end a sentence only before a common
  sentence opener ("a Higher grade A. The data ...").
* upper-case initialisms ("U.S.", "U.K.") end a sentence only before a common sentence opener
  ("... in the U.S. The ...") since "U.S. President" is far more frequent.
* ``MAY_FINAL`` abbreviations ("Co.", "Inc.", "Jr.", "dll.", "dkk.", "Tbk.", "S.H.", "p.m.") end a
  sentence before a capital letter or quote, never before "(" or a digit ("dkk. (2019)").

After ``?``/``!`` and a closing quote, a reporting clause ('"Why?" Vance asked.') stays attached.
Numbers ("5.5%", "1.000", "6.788,52", "10.00 WIB") never contain whitespace, so they are never
candidates.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "NEVER_FINAL", "NUMBER_PREFIX", "MONTHS_AND_DAYS", "MAY_FINAL",
           "SENTENCE_OPENERS"]


def _cased(*words: str) -> frozenset[str]:
    """Each abbreviation as written and in capitals ("Jl", "JL").

    Matching is case-sensitive, so "Mass." is an abbreviation while "mass." ends a sentence.
    """
    return frozenset(w for word in words for w in (word, word.upper()))


NEVER_FINAL = _cased(
    # Titles before a name.
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj",
    "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Det", "Insp", "Supt", "Rev", "Fr", "Hon", "Pres",
    "Atty", "Sr", "St", "Mt", "Ft", "H", "Hj", "Ir", "Drs", "Dra", "drg", "Drg", "KH", "Pol",
    "Kombes", "AKBP", "Brigjen", "Irjen", "Komjen", "Kapt", "Letkol", "Kol", "Mayjen", "Letjen",
    "Jend", "Yth", "Bpk", "Sdr", "Sdri", "Ny", "Tn",
    # Places and addresses.
    "Ave", "Blvd", "Rd", "Hwy", "Univ", "Jl", "Jln", "Gg", "Kec", "Kel", "Kab", "Kp", "Ds", "Prov",
    "Ariz", "Calif", "Colo", "Conn", "Fla", "Kan", "Mass", "Mich", "Minn", "Neb", "Nev", "Okla",
    "Tenn", "Tex", "Wis", "Wyo",
    # Others that always continue.
    "e.g", "i.e", "vs", "cf", "approx", "ca", "a.n", "u.p", "u.b", "sdh", "blm", "ttd", "lih", "mis",
)
"""Abbreviations (without the final period, case-sensitive) that never end a sentence."""

NUMBER_PREFIX = _cased(
    "No", "no", "Nos", "Nr", "Vol", "vol", "p", "pp", "Fig", "fig", "Art", "art", "Ch", "ch", "Sec",
    "sec", "Op", "hlm", "Hlm", "tgl", "Tgl", "Psl", "psl", "Bab", "Ps",
)
"""Abbreviations that never end a sentence before a number ("No. 8", "hlm. 45"); elsewhere
they are words ("He said no. Then ...")."""

MONTHS_AND_DAYS = _cased(
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Agu", "Agt", "Sep", "Sept", "Oct", "Okt", "Nov",
    "Dec", "Des", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
)
"""Month and weekday abbreviations: a sentence goes on before a number ("Jan. 14") only."""

MAY_FINAL = {
    "co", "corp", "inc", "ltd", "plc", "llc", "jr", "dept", "etc", "bros", "a.m", "p.m", "am", "pm",
    "dll", "dsb", "dst", "dkk", "tbk", "persero", "s.h", "m.h", "m.si", "m.sc", "m.a", "m.t", "m.kes",
    "m.k.m", "s.e", "s.t", "s.pd", "s.kom", "s.sos", "s.ip", "s.ag", "m.m", "m.pd", "ph.d", "phd",
    "b.a", "b.sc", "m.d", "mph", "esq", "s.d", "sbb", "dgn", "yg", "utk", "al",
}
"""Lower-cased abbreviations that end a sentence when a capitalised word follows them (after any
other word they are part of the sentence: "Acme Corp. in New York")."""

SENTENCE_OPENERS = {
    # English
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "there", "but", "and", "so", "yet", "in", "on", "at", "for",
    "after", "before", "while", "when", "if", "as", "some", "many", "most", "other", "others",
    "officials", "meanwhile", "however", "also", "still", "now", "then", "last", "earlier", "later",
    # Indonesian
    "ia", "dia", "mereka", "kami", "kita", "saya", "ini", "itu", "hal", "namun", "tetapi", "sementara",
    "selain", "di", "pada", "dalam", "dari", "menurut", "sebelumnya", "kemudian", "sedangkan",
    "sebanyak", "para", "sejumlah", "hingga", "adapun", "bahkan", "oleh", "untuk", "dengan", "yang",
}
"""Lower-cased words that, after an ambiguous initialism like "U.S.", signal a new sentence."""

_REPORTING = {
    "asked", "said", "says", "told", "added", "wrote", "replied", "shouted", "cried", "recalled",
    "explained", "continued", "insisted", "noted", "tweeted", "laughed", "ask", "say",
    "tanya", "tanyanya", "kata", "katanya", "ujar", "ujarnya", "tegas", "tegasnya", "ucap", "ucapnya",
    "jelas", "jelasnya", "imbuh", "imbuhnya", "tutur", "tuturnya", "sebut", "sebutnya",
}

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{¿¡"
_CANDIDATE = re.compile(
    r"(?:\.{3}|…|[.!?])+[" + re.escape(_CLOSERS) + r"]*"
    r"(?:\s+[\"'”’](?=\s))?"  # 'Selatan. " Bachmann': a dangling quote closes the sentence
    r"(?=\s+([^\s]))"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^[A-Z]$")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[\w'’-]+")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Split one paragraph into sentences: ``[(start, end), ...]`` spans into ``text``.

    Spans exclude surrounding whitespace and cover every non-space character of ``text`` in order;
    ``lang`` is accepted for symmetry (the abbreviation lists cover English and Indonesian at once).
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if _is_boundary(text, match, start):
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


def _is_boundary(text: str, match: re.Match, start: int) -> bool:
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
        if _reporting_clause(text[next_pos:next_pos + 60]):
            return False
    if core != "." or len(core) < len(punct):
        return True  # '?', '!', '...', or '... step." Others': a period inside closing quotes.
    token_match = _TOKEN_BEFORE.search(text, start, match.start())
    token = token_match.group(1) if token_match else ""
    token = token.lstrip(_OPENERS)
    if not token:
        return True
    return _abbreviation_allows_break(token, nxt, following)


def _reporting_clause(after: str) -> bool:
    """'Vance asked.' / 'he said, adding' after a quote: a short clause ending at the verb."""
    for k, match in enumerate(_WORD.finditer(after)):
        if k >= 3:
            return False
        if match.group(0).lower() in _REPORTING:
            rest = after[match.end():].lstrip()
            return not rest or rest[0] in ".,;:!?"
    return False


def _abbreviation_allows_break(token: str, nxt: str, following: list[str]) -> bool:
    first = following[0].lower() if following else ""
    if token in NEVER_FINAL:
        return False
    if _INITIAL.match(token):
        return first in SENTENCE_OPENERS  # "H. Ahmad" goes on; "grade A. The data" ends
    if token in NUMBER_PREFIX or token in MONTHS_AND_DAYS:
        return not nxt.isdigit() and (token not in MONTHS_AND_DAYS or nxt.isupper())
    key = token.lower()
    if key in MAY_FINAL:
        return nxt.isupper() or nxt in "\"“‘'"
    if _INITIALISM.match(token):
        return token.isupper() and first in SENTENCE_OPENERS or not token.isupper() and nxt.isupper()
    return True
