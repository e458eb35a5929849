"""A run's articles and beads kept on disk, read back one at a time, so memory does not grow with the corpus.

A corpus of 200,000 articles per language holds about 5 million sentences and 5 million beads;
as Python objects they take gigabytes. Here each record is pickled into one file of a private
spill folder and read back when asked for; memory holds an offset per record (and an article's id
and language). The folder lies beside the output folder (``.OUT.spill-<pid>``, cleared like a
staging folder when a killed run left it) and is removed when its stores are no longer used.
"""

from __future__ import annotations

import os
import pickle
import shutil
import weakref
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from align.errors import AlignError
from align.records import AlignedPair, Article, Bead, DocPair, Sentence
from align.result import PairAlignment


class SpillFolder:
    """A fresh folder ``.NAME.spill-<pid>`` beside ``outdir`` for one run, deleted by ``close`` (or
    when this object is collected, or at exit). Its stores can no longer be read once it is closed."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir.parent / f".{outdir.name}.spill-{os.getpid()}"
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        self.closed = False
        self.files: weakref.WeakSet[_RecordFile] = weakref.WeakSet()  # closed with it (an open file keeps its disk space)
        self.made = 0  # files made in it so far (each store has a file of its own)
        self._cleanup = weakref.finalize(self, shutil.rmtree, str(self.path), True)

    def close(self) -> None:
        self.closed = True
        for records in self.files:
            records.close()
        self._cleanup()


class _RecordFile:
    """Pickled records appended to a file of their own, read back by number; the file is deleted
    when the records are no longer used."""

    def __init__(self, folder: SpillFolder, name: str) -> None:
        self.folder = folder  # kept alive as long as the records are
        folder.made += 1
        self.path = folder.path / f"{name}-{folder.made}.pickle"
        self.offsets = array("q", [0])
        self._writer = open(self.path, "wb")
        self._reader = None
        folder.files.add(self)
        weakref.finalize(self, self.path.unlink, True)  # missing_ok: the folder may be gone already

    def append(self, record) -> None:
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.write(data)
        self.offsets.append(self.offsets[-1] + len(data))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def read(self, k: int):
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        self._check_open()
        k %= len(self)
        self._writer.flush()
        if self._reader is None:
            self._reader = open(self.path, "rb")
        self._reader.seek(self.offsets[k])
        return pickle.loads(self._reader.read(self.offsets[k + 1] - self.offsets[k]))

    def close(self) -> None:
        self._writer.close()
        if self._reader is not None:
            self._reader.close()

    def _check_open(self) -> None:
        if self.folder.closed:
            raise AlignError(f"{self.path}: the run is over and its spilled records are gone "
                             "(read them from the output folder's JSONL files)")

    def __iter__(self) -> Iterator:
        self._check_open()
        self._writer.flush()
        with open(self.path, "rb", buffering=1 << 20) as handle:  # its own handle: iterations may nest
            for k in range(len(self)):
                yield pickle.loads(handle.read(self.offsets[k + 1] - self.offsets[k]))


class ArticleStore(Sequence):
    """The run's articles, in order, each read from the spill file when asked for.

    ``ids`` and ``langs`` are in memory; ``by_id()`` finds articles by id.
    """

    def __init__(self, folder: SpillFolder, articles: Iterable[Article] = ()) -> None:
        self._records = _RecordFile(folder, "articles")
        self.ids: list[str] = []
        self.langs: list[str] = []
        self._index: dict[str, int] = {}
        for article in articles:
            self.append(article)

    def append(self, article: Article) -> None:
        self._index.setdefault(article.id, len(self.ids))
        self.ids.append(article.id)
        self.langs.append(article.lang)
        self._records.append(_article_record(article))

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, k: int) -> Article:
        return _article(self._records.read(k))

    def __iter__(self) -> Iterator[Article]:
        return map(_article, self._records)

    def by_id(self) -> Mapping[str, Article]:
        """Article id -> article, read when asked for."""
        return _ById(self)


class _ById(Mapping):
    def __init__(self, store: ArticleStore) -> None:
        self.store = store

    def __getitem__(self, article_id: str) -> Article:
        return self.store[self.store._index[article_id]]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.store._index

    def __iter__(self) -> Iterator[str]:
        return iter(self.store._index)

    def __len__(self) -> int:
        return len(self.store._index)


class AlignmentStore(Sequence):
    """The beads of every document pair, in pair order, each pair's read from the spill file when
    asked for (the pairs themselves are in memory)."""

    def __init__(self, folder: SpillFolder) -> None:
        self._records = _RecordFile(folder, "beads")
        self.pairs: list[DocPair] = []

    def append(self, pair: DocPair, beads: list[Bead]) -> None:
        self.pairs.append(pair)
        self._records.append([(b.src, b.tgt, b.score, b.features) for b in beads])

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, k: int) -> PairAlignment:
        return PairAlignment(self.pairs[k], [Bead(*b) for b in self._records.read(k)])

    def __iter__(self) -> Iterator[PairAlignment]:
        return (PairAlignment(pair, [Bead(*b) for b in beads]) for pair, beads in zip(self.pairs, self._records))


class PairStore:
    """Segment pairs on disk, in order (the export's pairs between filtering and writing)."""

    def __init__(self, folder: SpillFolder) -> None:
        self._records = _RecordFile(folder, "segments")

    def append(self, pair: AlignedPair) -> None:
        self._records.append((pair.src, pair.tgt, pair.score, pair.src_doc, pair.tgt_doc, pair.src_file,
                              pair.tgt_file, pair.kind, pair.review))

    def __iter__(self) -> Iterator[AlignedPair]:
        return (AlignedPair(*record) for record in self._records)


# Records are pickled as plain tuples: unpickling frozen slotted dataclasses field by field is several
# times slower than building them anew.

def _article_record(a: Article) -> tuple:
    sentences = [(s.text, s.start, s.end, s.paragraph) for s in a.sentences]
    return a.id, a.file, a.lang, a.title, a.line_start, a.line_end, a.paragraphs, sentences, a.date


def _article(record: tuple) -> Article:
    *head, sentences, date = record
    return Article(*head, [Sentence(*s) for s in sentences], date)


def by_id(articles: Sequence[Article]) -> Mapping[str, Article]:
    """Articles by id: an ArticleStore's are read when asked for, a list's are indexed."""
    return articles.by_id() if isinstance(articles, ArticleStore) else {a.id: a for a in articles}
