"""The outputs of one `align run`, read back from its folder for review and export."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from align.errors import InputError
from align.export.calibration import Calibration, bead_confidence, calibration_for
from align.inputs import jsonl_records
from align.records import Article, Bead

RUN_FILES = ("articles.jsonl", "pairs.jsonl", "alignments.jsonl")


def sides(record: dict) -> tuple:
    """The (source, target) values of a record of alignments.jsonl, pairs.jsonl or review.jsonl."""
    return record["src"], record["tgt"]


PairId = tuple[str, str]


@dataclass(frozen=True)
class RunBead:
    """One bead of ``alignments.jsonl``: sentence indices of each side and the confidence."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    features: dict | None = field(default=None, compare=False)  # the core's evidence for the calibration


@dataclass(frozen=True)
class RunPair:
    """One document pair of ``pairs.jsonl``: the two article ids, the pairing score and its evidence."""

    src: str
    tgt: str
    score: float
    evidence: dict = field(default_factory=dict)

    @property
    def id(self) -> PairId:
        return (self.src, self.tgt)


@dataclass
class RunRecords:
    """Articles by id, document pairs in file order, and the beads of each pair in document order."""

    folder: Path
    articles: dict[str, Article]
    pairs: list[RunPair]
    beads: dict[PairId, list[RunBead]]
    manifest: dict = field(default_factory=dict)

    @property
    def model_name(self) -> str:
        """The encoder's full name as the run recorded it ('' for a run that did not)."""
        return str(self.manifest.get("stages", {}).get("embed", {}).get("model", ""))

    @cached_property
    def calibration(self) -> Calibration | None:
        """The calibration the run's exported confidences came from (as `align run` looks it up)."""
        from align.embed.base import model_version

        if not self.model_name:
            return None
        model = str(self.manifest.get("config", {}).get("model") or self.manifest.get("model") or "bundled")
        return calibration_for(self.model_name, model_version(model))[0]

    def confidence(self, src: tuple[int, ...], tgt: tuple[int, ...], raw_score: float,
                   features: dict | None = None) -> float:
        """What a bead is shown, filtered and exported with: calibrated like the run's own export
        (``features``: the core's record of the bead, None for a bead the reviewer made)."""
        return bead_confidence(Bead(src, tgt, raw_score, features), self.calibration)

    @property
    def langs(self) -> tuple[str, str]:
        """Languages of the source and target sides (from the first pair, else the run's settings)."""
        for pair in self.pairs:
            if pair.src in self.articles and pair.tgt in self.articles:
                return self.articles[pair.src].lang, self.articles[pair.tgt].lang
        config = self.manifest.get("config") or {}
        return str(config.get("src", "")), str(config.get("tgt", ""))


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSONL file; one clear error naming the file and line otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: missing (is {path.parent} the output folder of 'align run'?)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    return jsonl_records(text, path)


def read_run(folder: str | Path) -> RunRecords:
    """Read articles.jsonl, pairs.jsonl, alignments.jsonl and manifest.json of a run folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder (give the output folder of 'align run')")
    where = RUN_FILES[0]
    try:
        articles = {a.id: a for a in (Article.from_json(r) for r in read_jsonl(folder / where))}
        where = RUN_FILES[1]
        pair_records = read_jsonl(folder / where)
        pairs = [RunPair(*sides(r), float(r.get("score", 0.0)), r.get("evidence") or {}) for r in pair_records]
        for article_id in (a for pair in pairs for a in pair.id):
            _known(articles, article_id)
        where = RUN_FILES[2]
        bead_records = read_jsonl(folder / where)
        beads: dict[PairId, list[RunBead]] = {}
        for r in bead_records:
            src, tgt = sides(r)
            for article_id, indices in zip(r["pair"], (src, tgt)):
                if any(not 0 <= i < len(_known(articles, article_id).sentences) for i in indices):
                    raise ValueError(f"sentence index out of range in {article_id}")
            beads.setdefault(tuple(r["pair"]), []).append(RunBead(tuple(src), tuple(tgt), float(r["score"]),
                                                                  r.get("features")))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{folder / where}: not a record of 'align run' ({exc.__class__.__name__}: {exc})") from exc
    return RunRecords(folder, articles, pairs, beads, read_manifest(folder))


def _known(articles: dict[str, Article], article_id: str) -> Article:
    """The article of that id; ValueError when the records name an article that is not there."""
    if article_id not in articles:
        raise ValueError(f"no article '{article_id}' in articles.jsonl")
    return articles[article_id]


def read_manifest(folder: Path) -> dict:
    """manifest.json of the run, or {} when it has none."""
    path = folder / "manifest.json"
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read the run manifest ({exc.__class__.__name__})") from exc
    if not isinstance(manifest, dict):
        raise InputError(f"{path}: not the manifest of 'align run' (not a JSON object)")
    return manifest
