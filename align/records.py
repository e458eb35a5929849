"""Plain data passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, with its character span in the source file's decoded text."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    """One article found in a dump.

    ``id`` is unique in a run (``<file stem>:<index in file>``); ``line_start``/``line_end`` are the
    0-based inclusive line span in ``file``; ``paragraphs`` are the cleaned content paragraphs
    (the title is paragraph 0); ``sentences`` are filled by the sentence splitter.
    """

    id: str
    file: str
    lang: str
    title: str
    line_start: int
    line_end: int
    paragraphs: list[str]
    sentences: list[Sentence] = field(default_factory=list)
    date: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "file": self.file,
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "paragraphs": self.paragraphs,
            "sentences": [s.text for s in self.sentences],
            "sentence_spans": [[s.start, s.end, s.paragraph] for s in self.sentences],
        }

    @classmethod
    def from_json(cls, obj: dict) -> Article:
        spans = obj.get("sentence_spans") or [[0, 0, 0]] * len(obj.get("sentences", []))
        sentences = [Sentence(t, a, b, p) for t, (a, b, p) in zip(obj.get("sentences", []), spans)]
        return cls(
            id=obj["id"],
            file=obj["file"],
            lang=obj["lang"],
            title=obj["title"],
            line_start=obj["line_start"],
            line_end=obj["line_end"],
            paragraphs=list(obj["paragraphs"]),
            sentences=sentences,
            date=obj.get("date"),
        )


@dataclass(frozen=True)
class DocPair:
    """A source-language article and the target-language article judged to be its translation
    (both by article id)."""

    src: str
    tgt: str
    score: float
    evidence: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"src": self.src, "tgt": self.tgt, "score": round(self.score, 4), "evidence": self.evidence}


@dataclass(frozen=True, slots=True)  # slots: a big corpus holds millions of beads
class Bead:
    """A group of source sentence indices aligned to a group of target sentence indices."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    # evidence for the calibrated confidence (`align.align.features`); None for null beads and old records
    features: dict | None = field(default=None, compare=False)

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class AlignedPair:
    """One exported segment pair (a bead rendered as text) with its provenance."""

    src: str
    tgt: str
    score: float
    src_doc: str
    tgt_doc: str
    src_file: str
    tgt_file: str
    kind: str
    review: str = ""  # what a reviewer did to the bead (`align review`), e.g. "edit accept"; "" when unreviewed
