"""The registry of language profiles: every ``data/*.toml`` file, read once."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from align.errors import AlignError
from align.languages.profile import Profile

DATA = Path(__file__).with_name("data")
DEFAULT_SRC = "en"
DEFAULT_TGT = "id"
"""The pair a run aligns when none is named: English to Indonesian."""


@cache
def _profiles() -> dict[str, Profile]:
    found: dict[str, Profile] = {}
    for path in sorted(DATA.glob("*.toml")):
        try:
            with open(path, "rb") as handle:
                profile = Profile.from_dict(tomllib.load(handle))
        except (OSError, tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
            raise AlignError(f"{path}: not a language profile ({exc})") from exc
        if profile.code != path.stem:
            raise AlignError(f"{path}: profile code '{profile.code}' differs from the file name")
        found[profile.code] = profile
    months: dict[str, tuple[int, str]] = {}  # date lines are read with every profile's month names
    for profile in found.values():
        path = DATA / f"{profile.code}.toml"
        missing = [code for code in profile.sentences.borrows if code not in found]
        if missing:
            raise AlignError(f"{path}: borrows from unknown profile {missing[0]}")
        for name, number in profile.dates.months.items():
            other = months.setdefault(name, (number, profile.code))
            if other[0] != number:
                raise AlignError(f"{path}: month '{name}' is {number} here but {other[0]} in {other[1]}.toml")
    return found


def codes() -> list[str]:
    """The codes of every registered profile, sorted."""
    return sorted(_profiles())


def all_profiles() -> list[Profile]:
    """Every registered profile, in code order."""
    return [_profiles()[code] for code in codes()]


def has(code: str) -> bool:
    """Whether ``code`` has a profile."""
    return code in _profiles()


def get(code: str) -> Profile:
    """The profile of ``code``; :func:`generic` for a code without one."""
    return _profiles().get(code) or generic(code)


def code_for(alias: str) -> str:
    """The profile code that ``alias`` (a code or one of a profile's ``aliases``) stands for;
    ``alias`` itself when no profile claims it."""
    return next((p.code for p in _profiles().values() if alias in p.aliases), alias)


def name_of(code: str) -> str:
    """The language's English name ("Indonesian"), or the code itself when it has no profile."""
    profile = _profiles().get(code)
    return profile.name if profile else code


@cache
def generic(code: str) -> Profile:
    """A profile with no word lists: sentences split on punctuation alone, length prior 1."""
    return Profile.from_dict({"code": code, "name": code})


@cache
def splitting_words(code: str) -> Profile:
    """The profile of ``code`` with the sentence words of the profiles it borrows from merged in,
    and of those they borrow from (Malay borrows Indonesian's words, and so English's)."""
    profile = get(code)
    seen, todo = {code}, list(profile.sentences.borrows)
    while todo:
        other = todo.pop(0)
        if other not in seen:
            seen.add(other)
            profile = profile.merged_sentences(_profiles()[other])
            todo += _profiles()[other].sentences.borrows
    return profile
