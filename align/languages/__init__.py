"""Languages as data: one profile per language, found in ``data/<code>.toml``.

A profile holds what the pipeline needs to know about a language: its sentence-splitting words,
its date words, its language-ID handling and its length prior (see :class:`Profile`). Adding a
language is adding one TOML file (and its tests): the registry reads every file in ``data/``.
An article in a language without a profile still splits: it gets :func:`generic` (punctuation rules
only); the pair named by `--src/--tgt` needs profiles.
"""

from __future__ import annotations

from align.languages.profile import Profile
from align.languages.registry import (DEFAULT_SRC, DEFAULT_TGT, all_profiles, code_for, codes, generic, get, has,
    name_of)

__all__ = ["Profile", "DEFAULT_SRC", "DEFAULT_TGT", "all_profiles", "code_for", "codes", "generic", "get", "has",
           "name_of"]
