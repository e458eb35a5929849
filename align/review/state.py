"""Decisions replayed over a run: the beads of each document pair as the reviewer left them.

Decisions name their sides ``src``/``tgt``, as the run's own records do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from align.errors import AlignError
from align.records import Article
from align.review.records import PairId, RunPair, RunRecords

BEAD_VERDICTS = ("accept", "reject", "merge", "split", "edit")
PAIR_VERDICTS = ("pair", "unpair")
SIDES = ("src", "tgt")


class ReviewError(AlignError):
    """A decision that does not fit the current state (unknown bead, bad split, ...)."""


@dataclass
class ReviewBead:
    """A bead as reviewed: its sentences, score, where it came from, the verdict and edited texts."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    origin: str = "run"  # run | merge | split | pair (aligned when two articles were paired by hand)
    verdict: str | None = None  # accept | reject | None (not judged)
    edits: dict[str, str] = field(default_factory=dict)  # side -> the reviewer's text
    features: dict | None = None  # the core's evidence for the calibration (a bead as the run made it)

    @property
    def review(self) -> str:
        """What a person did to this bead, e.g. ``merge edit accept``; empty when nobody touched it."""
        done = [self.origin] if self.origin in ("merge", "split") else []
        done += ["edit"] if self.edits else []
        done += [self.verdict] if self.verdict else []
        return " ".join(done)

    @property
    def changed(self) -> bool:
        return self.origin in ("merge", "split") or bool(self.edits) or self.verdict == "reject"


@dataclass
class PairState:
    """One document pair: ``run`` (as paired by the run), ``hand`` (paired by the reviewer) or
    ``unpaired`` (rejected by the reviewer; its beads are not exported)."""

    pair: RunPair
    beads: list[ReviewBead]
    status: str = "run"

    @property
    def active(self) -> bool:
        return self.status != "unpaired"


class ReviewState:
    """The run's pairs and beads with every decision applied, in the order they were taken."""

    def __init__(self, run: RunRecords) -> None:
        self.run = run
        self.pairs: dict[PairId, PairState] = {}
        for pair in run.pairs:
            beads = [ReviewBead(b.src, b.tgt, b.score, features=b.features) for b in run.beads.get(pair.id, [])]
            self.pairs[pair.id] = PairState(pair, beads)
        self.decisions = 0
        self.stale: list[str] = []  # decisions that no longer fit the run, with the reason

    # -- replay -------------------------------------------------------------------------------
    def replay(self, records: list[dict]) -> None:
        """Apply the decisions of review.jsonl; those that no longer fit the run are counted as stale."""
        for number, record in enumerate(records, 1):
            try:
                self.apply(record)
            except (ReviewError, KeyError, TypeError, ValueError, AttributeError) as exc:  # malformed lines too
                self.stale.append(f"decision {number}: {exc}")

    def apply(self, decision: dict) -> None:
        """Apply one decision (sides named ``src``/``tgt``); ReviewError when it does not fit."""
        verdict = decision.get("verdict")
        pair_id = _pair_id(decision.get("pair"))
        if verdict in PAIR_VERDICTS:
            getattr(self, f"_{verdict}")(pair_id, decision)
        elif verdict in BEAD_VERDICTS:
            state = self.pairs.get(pair_id)
            if state is None or not state.active:
                raise ReviewError(f"no document pair {pair_id[0]} / {pair_id[1]}")
            index = self._find(state, decision)
            getattr(self, f"_{verdict}")(state, index, decision)
        else:
            raise ReviewError(f"unknown verdict {verdict!r}")
        self.decisions += 1

    def _find(self, state: PairState, where: dict) -> int:
        key = (_indices(where.get("src")), _indices(where.get("tgt")))
        for index, bead in enumerate(state.beads):
            if (bead.src, bead.tgt) == key:
                return index
        raise ReviewError(f"no bead {list(key[0])}:{list(key[1])} in pair {state.pair.src} / {state.pair.tgt}")

    def _accept(self, state: PairState, index: int, decision: dict) -> None:
        state.beads[index].verdict = "accept"

    def _reject(self, state: PairState, index: int, decision: dict) -> None:
        state.beads[index].verdict = "reject"

    def _edit(self, state: PairState, index: int, decision: dict) -> None:
        bead, side = state.beads[index], decision.get("side")
        if side not in SIDES or not getattr(bead, side):
            raise ReviewError(f"cannot edit side {side!r} of this bead")
        text = " ".join(str(decision.get("text", "")).split())
        if not text:
            raise ReviewError("an edited text cannot be empty (reject the bead instead)")
        if text == self.original_text(state, bead, side):
            bead.edits.pop(side, None)
        else:
            bead.edits[side] = text

    def _merge(self, state: PairState, index: int, decision: dict) -> None:
        if index + 1 >= len(state.beads):
            raise ReviewError("the last bead of a pair has no next bead to merge with")
        first, second = state.beads[index], state.beads[index + 1]
        if "next" in decision and self._find(state, decision["next"]) != index + 1:
            raise ReviewError("the bead to merge with is not the next one")
        edits = {side: f"{self.text(state, first, side)} {self.text(state, second, side)}".strip()
                 for side in SIDES if side in first.edits or side in second.edits}
        state.beads[index: index + 2] = [ReviewBead(first.src + second.src, first.tgt + second.tgt,
                                                    min(first.score, second.score), "merge", None, edits)]

    def _split(self, state: PairState, index: int, decision: dict) -> None:
        bead = state.beads[index]
        parts = [(_indices(p.get("src")), _indices(p.get("tgt"))) for p in decision.get("into") or []]
        if (len(parts) < 2 or any(not s and not t for s, t in parts)
                or sum((s for s, _ in parts), ()) != bead.src or sum((t for _, t in parts), ()) != bead.tgt):
            raise ReviewError("a split needs two or more non-empty parts that together are the bead, in order")
        state.beads[index: index + 1] = [ReviewBead(s, t, bead.score, "split") for s, t in parts]

    def check_pairable(self, value) -> tuple[Article, Article]:
        """The two articles of a pair the reviewer wants to make; ReviewError when they cannot pair."""
        pair_id = _pair_id(value)
        src, tgt = (self.run.articles.get(a) for a in pair_id)
        if src is None or tgt is None:
            raise ReviewError(f"no article {pair_id[0] if src is None else pair_id[1]}")
        if (src.lang, tgt.lang) != self.run.langs:
            raise ReviewError(f"{src.id} and {tgt.id} are not a {self.run.langs[0]}/{self.run.langs[1]} pair")
        busy = self.paired_articles()
        if src.id in busy or tgt.id in busy:
            raise ReviewError(f"{src.id if src.id in busy else tgt.id} is already paired")
        return src, tgt

    def _pair(self, pair_id: PairId, decision: dict) -> None:
        src, tgt = self.check_pairable(pair_id)
        if pair_id in self.pairs:  # a run pair rejected earlier comes back with its beads
            self.pairs[pair_id].status = "run" if self.pairs[pair_id].pair.score >= 0 else "hand"
            return
        beads = [ReviewBead(_indices(b["src"]), _indices(b["tgt"]), float(b.get("score", 0.0)), "pair",
                            features=b.get("features") if isinstance(b.get("features"), dict) else None)
                 for b in decision.get("beads") or []]
        if (sum((b.src for b in beads), ()) != tuple(range(len(src.sentences)))
                or sum((b.tgt for b in beads), ()) != tuple(range(len(tgt.sentences)))):
            raise ReviewError("the beads of a pair made by hand must cover both articles' sentences in order")
        self.pairs[pair_id] = PairState(RunPair(src.id, tgt.id, -1.0, {"by hand": True}), beads, "hand")

    def _unpair(self, pair_id: PairId, decision: dict) -> None:
        state = self.pairs.get(pair_id)
        if state is None or not state.active:
            raise ReviewError(f"no document pair {pair_id[0]} / {pair_id[1]}")
        state.status = "unpaired"

    # -- views --------------------------------------------------------------------------------
    def original_text(self, state: PairState, bead: ReviewBead, side: str) -> str:
        article = self.run.articles[getattr(state.pair, side)]
        return " ".join(article.sentences[i].text for i in getattr(bead, side))

    def text(self, state: PairState, bead: ReviewBead, side: str) -> str:
        """The bead's text on ``side``: the reviewer's edit, else its sentences joined by spaces."""
        return bead.edits.get(side) or self.original_text(state, bead, side)

    def paired_articles(self) -> set[str]:
        return {a for key, state in self.pairs.items() if state.active for a in key}

    def unpaired(self) -> dict[str, list[str]]:
        """Article ids of each side's language that are in no active pair, in file order."""
        busy = self.paired_articles()
        return {side: [a.id for a in self.run.articles.values() if a.lang == lang and a.id not in busy]
                for side, lang in zip(SIDES, self.run.langs)}

    def counts(self) -> dict[str, int]:
        """Beads of active pairs, how many were reviewed / changed / rejected, and decisions taken."""
        beads = [b for s in self.pairs.values() if s.active for b in s.beads]
        return {
            "beads": len(beads),
            "reviewed": sum(1 for b in beads if b.review),
            "changed": sum(1 for b in beads if b.changed),
            "rejected": sum(1 for b in beads if b.verdict == "reject"),
            "pairs": sum(1 for s in self.pairs.values() if s.active),
            "unpaired": sum(1 for s in self.pairs.values() if not s.active),
            "by_hand": sum(1 for s in self.pairs.values() if s.status == "hand"),
            "decisions": self.decisions,
            "stale": len(self.stale),
        }


def _indices(value) -> tuple[int, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(i, int) and i >= 0 for i in value):
        raise ReviewError(f"not a list of sentence indices: {value!r}")
    return tuple(value)


def _pair_id(value) -> PairId:
    if not isinstance(value, (list, tuple)) or len(value) != 2 or not all(isinstance(a, str) for a in value):
        raise ReviewError(f"not a pair of article ids: {value!r}")
    return (value[0], value[1])
