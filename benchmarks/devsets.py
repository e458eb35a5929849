"""The development sets of sentence alignment, their cached embeddings and vector geometries.

Sets (all read from ``../shared/data``; nothing is copied into the project):

* ``enid-clean`` / ``enid-hard``: enid-sent-dev, gold segments as units (clean: every link 1-1).
* ``textberg``: the Text+Berg de-fr development document (real translators' many-to-many).
* ``enid-mn``: natural many-to-many EN-ID, built here: every segment of enid-sent-dev clean is
  split into sentences on each side with the project's own splitter. A segment split into as many
  sentences on both sides becomes that many 1-1 beads (the translator kept the sentences); one
  split unevenly becomes one m-n bead. Only documents with at least one split segment are kept.
  Rendered into ``outputs/devsets/enid-mn`` so `align eval` can score against it.
* ``enid-11`` (a check, not tuned on): the documents of enid-sent-dev clean whose segments all
  split into as many sentences on both sides, at least one into several: sentence-level units,
  every link 1-1, neighbours close in meaning (sentences of one segment). It measures how many
  1-1 pairs the core merges where nothing should merge. Rendered into ``outputs/devsets/enid-11``.

Geometries: ``raw`` (the model's vectors), ``centred`` (the set's mean vector removed, then
re-normalised: an imitation of a more isotropic encoder), ``whitened`` (PCA-whitened over the set,
then re-normalised).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.atomic import atomic_open  # noqa: E402
from align.export.beads import format_bead, read_beads  # noqa: E402
from align.records import Bead  # noqa: E402
from align.segment.sentences import split_sentences  # noqa: E402

SHARED = REPO.parent / "shared"
CACHE = REPO / "outputs" / "devsets"
SETS = ("enid-clean", "enid-hard", "textberg", "enid-mn")  # the tuning sets (benchmarks/tune.py)
CHECKS = ("enid-11",)  # sets only measured
GEOMETRIES = ("raw", "centred", "whitened")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gold_location(name: str, data: Path) -> Path:
    """The gold bead file or folder of a dev set, as `align eval --gold` takes it."""
    if name in ("enid-mn", "enid-11"):
        return CACHE / name
    if name.startswith("enid-"):
        return data / "enid-sent-dev" / name.split("-", 1)[1]
    return data / "textberg-dev" / "dev.defr"


def load_set(name: str, data: Path) -> list[tuple[str, list[str], list[str], list]]:
    """(stem, source sentences, target sentences, gold beads) of every document of a dev set."""
    if name not in SETS + CHECKS:
        raise SystemExit(f"unknown set {name!r} (known: {', '.join(SETS + CHECKS)})")
    if name in ("enid-mn", "enid-11"):
        return natural_mn(data, even_only=name == "enid-11")
    if not gold_location(name, data).exists():
        raise SystemExit(f"{gold_location(name, data)}: absent (the dev sets live in ../shared/data beside a checkout)")
    if name.startswith("enid-"):
        folder = data / "enid-sent-dev" / name.split("-", 1)[1]
        return [(g.stem, _lines(g.with_suffix(".en")), _lines(g.with_suffix(".id")), read_beads(g))
                for g in sorted(folder.glob("*.gold"))]
    folder = data / "textberg-dev"
    return [("dev", _lines(folder / "dev.de"), _lines(folder / "dev.fr"), read_beads(folder / "dev.defr"))]


def _split(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)] or [text]


def natural_mn(data: Path, even_only: bool = False) -> list[tuple[str, list[str], list[str], list]]:
    """enid-sent-dev clean split into sentences on each side (see the module docstring); with
    ``even_only``, only the documents where every segment splits evenly (``enid-11``)."""
    docs = []
    for stem, en_units, id_units, gold in load_set("enid-clean", data):
        src, tgt, beads, split, even = [], [], [], False, True
        for bead in gold:
            en = [s for i in bead.src for s in _split(en_units[i], "en")]
            ind = [s for j in bead.tgt for s in _split(id_units[j], "id")]
            split |= len(en) > 1 or len(ind) > 1
            even &= len(en) == len(ind)
            if len(en) == len(ind):
                beads += [Bead((len(src) + k,), (len(tgt) + k,), 1.0) for k in range(len(en))]
            else:
                beads.append(Bead(tuple(range(len(src), len(src) + len(en))),
                                  tuple(range(len(tgt), len(tgt) + len(ind))), 1.0))
            src += en
            tgt += ind
        if split and (even or not even_only):
            docs.append((stem, src, tgt, beads))
    folder = CACHE / ("enid-11" if even_only else "enid-mn")
    for stem, src, tgt, beads in docs:
        for suffix, lines in ((".en", src), (".id", tgt), (".gold", [format_bead(b).rsplit(":", 1)[0] for b in beads])):
            with atomic_open(folder / f"{stem}{suffix}") as handle:
                handle.writelines(line + "\n" for line in lines)
    return docs


def embeddings(name: str, docs, encoder) -> list[tuple[np.ndarray, np.ndarray]]:
    """Raw model vectors of every document of a set, cached in ``outputs/devsets/<set>-<hash>.npy``
    (the hash covers every text, so a changed set is embedded afresh)."""
    texts = [t for _, src, tgt, _ in docs for t in src + tgt]
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:12]
    path = CACHE / f"{name}-{digest}.npy"
    if path.exists():
        matrix = np.load(path)
    else:
        matrix = np.asarray(encoder.encode(texts), dtype=np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, matrix)
    out, row = [], 0
    for _, src, tgt, _ in docs:
        out.append((matrix[row : row + len(src)], matrix[row + len(src) : row + len(src) + len(tgt)]))
        row += len(src) + len(tgt)
    return out


def reshape(vectors: list[tuple[np.ndarray, np.ndarray]], geometry: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """The set's vectors under another geometry (see the module docstring), re-normalised."""
    if geometry == "raw":
        return vectors
    stacked = np.concatenate([np.concatenate([s, t]) for s, t in vectors]).astype(np.float64)
    mean = stacked.mean(axis=0)
    if geometry == "centred":
        transform = np.eye(stacked.shape[1])
    elif geometry == "whitened":
        cov = np.cov((stacked - mean).T)
        values, basis = np.linalg.eigh(cov)
        transform = basis / np.sqrt(np.maximum(values, 1e-6 * values.max()))
    else:
        raise SystemExit(f"unknown geometry {geometry!r} (known: {', '.join(GEOMETRIES)})")

    def apply(vecs: np.ndarray) -> np.ndarray:
        out = (vecs.astype(np.float64) - mean) @ transform
        return (out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    return [(apply(s), apply(t)) for s, t in vectors]


if __name__ == "__main__":
    from align.embed import load_encoder

    enc = load_encoder("bundled")
    for set_name in SETS + CHECKS:
        documents = load_set(set_name, SHARED / "data")
        vecs = embeddings(set_name, documents, enc)
        print(set_name, len(documents), "docs", sum(len(s) + len(t) for s, t in vecs), "vectors", flush=True)
