"""One language's profile: plain frozen data read from its TOML file (see ``data/en.toml``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


def _words(values, lower: bool = False) -> frozenset[str]:
    """A list of words from TOML as a set; a bare string (a list's brackets forgotten) is refused."""
    if isinstance(values, str) or not isinstance(values, (list, tuple, type(None))):
        raise ValueError(f"expected a list of words, got {values!r}")
    return frozenset(str(v).lower() if lower else str(v) for v in values or ())


@dataclass(frozen=True)
class SentenceWords:
    """What the sentence splitter needs (:mod:`align.segment.sentences`); abbreviations are written
    without their final period and matched case-sensitively, in their written form or in capitals."""

    never_final: frozenset[str] = frozenset()  # abbreviations that never end a sentence ("Dr", "Jl")
    number_prefix: frozenset[str] = frozenset()  # end no sentence before a number ("No. 8")
    months_and_days: frozenset[str] = frozenset()  # end a sentence only before a capital ("Jan. 14")
    may_final: frozenset[str] = frozenset()  # lower-cased; may end a sentence before a capital ("Inc.")
    openers: frozenset[str] = frozenset()  # lower-cased words that open sentences ("the", "namun")
    reporting_verbs: frozenset[str] = frozenset()  # '"Why?" Vance asked.' keeps the clause attached
    ordinal_period: bool = False  # "14. März": a number with a period before a month goes on
    borrows: tuple[str, ...] = ()  # profiles whose sentence words this language's text also uses

    @classmethod
    def from_dict(cls, data: dict) -> SentenceWords:
        _check_keys(cls, data, "sentences")
        values = {k: _words(v) for k, v in data.items() if k not in ("ordinal_period", "borrows")}
        return cls(**values, ordinal_period=bool(data.get("ordinal_period", False)),
                   borrows=tuple(data.get("borrows", ())))


@dataclass(frozen=True)
class DateWords:
    """What the date-line parser needs (:mod:`align.segment.dates`); all lower-cased."""

    months: dict[str, int] = field(default_factory=dict)  # month names and abbreviations -> 1..12
    # (in TOML: a list of 12 lists of names, January's first)
    weekdays: frozenset[str] = frozenset()  # weekday names and abbreviations
    time_zones: dict[str, str] = field(default_factory=dict)  # "wib" -> "+07:00"
    published: frozenset[str] = frozenset()  # words before a date: "updated", "diperbarui"
    connectors: frozenset[str] = frozenset()  # between such a word and the date: "on", "pada"
    time_words: frozenset[str] = frozenset()  # between the date and the time: "at", "pukul"
    authors: frozenset[str] = frozenset()  # after a date, before its author: "by", "oleh"

    @classmethod
    def from_dict(cls, data: dict) -> DateWords:
        _check_keys(cls, data, "dates")
        names = data.get("months", [])
        if names and len(names) != 12:
            raise ValueError("dates.months: give 12 lists of names, January's first")
        months = {name: number for number, group in enumerate(names, 1) for name in _words(group, lower=True)}
        zones = {str(k).lower(): str(v) for k, v in data.get("time_zones", {}).items()}
        rest = {k: _words(v, lower=True) for k, v in data.items() if k not in ("months", "time_zones")}
        return cls(months=months, time_zones=zones, **rest)


@dataclass(frozen=True)
class LanguageID:
    """How language identification recognises the language (:mod:`align.segment.langid`)."""

    detector_codes: frozenset[str] = frozenset()  # what the detector (cld2) calls it: "jw" for "jv"
    function_words: frozenset[str] = frozenset()  # frequent words; decide text too short for cld2
    family: str = ""  # close neighbours share a family ("malay"): cld2 confuses them
    distinctive_words: frozenset[str] = frozenset()  # frequent here, rare in the family's others

    @classmethod
    def from_dict(cls, data: dict) -> LanguageID:
        _check_keys(cls, data, "langid")
        return cls(detector_codes=_words(data.get("detector_codes")),
                   function_words=frozenset(w.lower() for w in _words(data.get("function_words"))),
                   family=str(data.get("family", "")),
                   distinctive_words=frozenset(w.lower() for w in _words(data.get("distinctive_words"))))


@dataclass(frozen=True)
class Profile:
    """A language: ISO 639-1 ``code``, English ``name``, and the data of each stage.

    ``length`` is the language's text length in characters relative to English for the same
    content; pairing expects ``log(length[tgt] / length[src])`` as the log length ratio of a
    translation pair.
    """

    code: str
    name: str
    length: float = 1.0
    aliases: frozenset[str] = frozenset()  # other codes that mean this language (retired ISO codes)
    sentences: SentenceWords = field(default_factory=SentenceWords)
    dates: DateWords = field(default_factory=DateWords)
    langid: LanguageID = field(default_factory=LanguageID)

    @classmethod
    def from_dict(cls, data: dict) -> Profile:
        _check_keys(cls, data, "profile")
        code, name = data.get("code"), data.get("name")
        if not isinstance(code, str) or not code or not isinstance(name, str) or not name:
            raise ValueError("a profile needs a 'code' and a 'name'")
        length = float(data.get("length", 1.0))
        if length <= 0:
            raise ValueError("'length' must be positive")
        return cls(code, name, length, _words(data.get("aliases")), SentenceWords.from_dict(data.get("sentences", {})),
                   DateWords.from_dict(data.get("dates", {})), LanguageID.from_dict(data.get("langid", {})))

    def merged_sentences(self, other: Profile) -> Profile:
        """This profile with ``other``'s sentence words added to its own."""
        mine, theirs = self.sentences, other.sentences
        merged = {f.name: getattr(mine, f.name) | getattr(theirs, f.name) for f in fields(SentenceWords)
                  if isinstance(getattr(mine, f.name), frozenset)}
        return replace(self, sentences=replace(mine, **merged))


def _check_keys(cls, data: dict, where: str) -> None:
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"{where}: unknown key '{unknown[0]}'")
