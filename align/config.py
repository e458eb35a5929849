"""Every tunable of a run in one frozen dataclass, with a reproducible signature."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from align import __version__
from align.languages import DEFAULT_SRC, DEFAULT_TGT


@dataclass(frozen=True)
class Config:
    """Settings of one run. Stages read only the fields they need."""

    model: str = "bundled"
    max_align: int = 5
    min_score: float = 0.0
    src: str = DEFAULT_SRC  # language code of the source side (a profile in align/languages/data)
    tgt: str = DEFAULT_TGT  # language code of the target side
    drop_unmatched: bool = True
    dedupe: bool = True
    max_length_ratio: float | None = 3.0  # character-length ratio above which a segment pair is dropped
    rules: str | None = None  # JSON file of extra boilerplate rules (see align.segment.clean.load_rules)
    created: str | None = None  # fixed TMX creation date (ISO 8601) for byte-identical outputs
    batch_size: int = 64
    device: str = "auto"  # auto | cpu | cuda, for sentence-transformers models (bundled: CPU only)
    workers: int = 1  # processes on this machine (local), or CPUs of a private Ray cluster
    executor: str = "local"  # local | ray (see align.executors); never changes the results
    ray_address: str | None = None  # an existing Ray cluster; default starts one on 127.0.0.1
    cache_dir: str | None = None
    quiet: bool = False

    def signature(self) -> str:
        """A sacrebleu-style string naming every setting that changes results."""
        skip = {"cache_dir", "quiet", "batch_size", "created", "workers", "executor", "ray_address"}
        parts = [f"{f.name}:{getattr(self, f.name)}" for f in fields(self) if f.name not in skip]
        return "align:" + __version__ + "|" + "|".join(parts)

    def to_json(self) -> dict:
        return asdict(self)
