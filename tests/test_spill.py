"""Crawl-scale memory: articles and beads spilled to disk, embedding that reads articles twice, the tiled
neighbour search, and one reading of numbers for pairing and alignment."""

from __future__ import annotations

import numpy as np
import pytest

from align.align.scoring import anchor_tokens
from align.embed.config import EmbedConfig
from align.errors import AlignError
from align.pair.retrieval import candidate_pairs, top_neighbours, two_way_neighbours
from align.pair.signals import anchors
from align.pipeline import embed_articles
from align.export.filters import FilterOptions, filter_stream
from align.records import AlignedPair, Article, Bead, DocPair, Sentence
from align.spill import AlignmentStore, ArticleStore, PairStore, SpillFolder, by_id
from conftest import shared_path


def _article(article_id: str, lang: str, texts: list[str]) -> Article:
    sentences, start = [], 0
    for k, text in enumerate(texts):
        sentences.append(Sentence(text, start, start + len(text), min(k, 1)))
        start += len(text) + 1
    return Article(article_id, "dump.txt", lang, texts[0], 0, len(texts), [texts[0], " ".join(texts[1:])],
                   sentences, "2024-05-01")


ARTICLES = [
    _article("en:0", "en", ["Floods in Jakarta", "The river rose 2 metres overnight.", "Police said 5 people were hurt."]),
    _article("id:0", "id", ["Banjir di Jakarta", "Sungai naik 2 meter semalam.", "Polisi mengatakan 5 orang terluka."]),
    _article("en:1", "en", ["Floods in Jakarta", "It rained."]),  # a title shared with en:0
]


def test_spilled_articles_and_beads_read_back_equal_and_the_folder_goes(tmp_path):
    folder = SpillFolder(tmp_path / "out")
    store = ArticleStore(folder, ARTICLES)
    assert list(store) == ARTICLES and store[1] == ARTICLES[1] and store[-1] == ARTICLES[-1]
    assert [(a.id, b.id) for a in store for b in store][:4] == [("en:0", "en:0"), ("en:0", "id:0"),
                                                               ("en:0", "en:1"), ("id:0", "en:0")]  # nested reads
    found = by_id(store)
    assert found["id:0"] == ARTICLES[1] and "nope" not in found and found.get("nope") is None
    assert store.langs == ["en", "id", "en"]
    beads = [Bead((0,), (0,), 0.91, {"margin": 1.5}), Bead((1, 2), (1,), 0.7), Bead((), (2,), 0.2)]
    alignments = AlignmentStore(folder)
    alignments.append(DocPair("en:0", "id:0", 0.9, {"in_order": 1.0}), beads)
    [item] = list(alignments)
    assert item.beads == beads and item.beads[0].features == {"margin": 1.5} and item.pair.evidence == {"in_order": 1.0}
    folder.close()
    assert not folder.path.exists()
    with pytest.raises(AlignError, match="spilled records are gone"):
        store[0]


def test_a_spilled_segmentation_gives_the_articles_of_one_in_memory_and_keeps_one_file(tmp_path):
    """Articles go to the spill as each file is segmented and the run-level pass plans over the spilled
    ones: the same articles, drops and examples as the pass over a list, and only the final store's
    file is left in the spill folder."""
    from align.inputs import collect_files
    from align.pipeline import segment_files

    files = collect_files([str(shared_path("data", "seedstyle-dev", "B"))])
    in_memory = segment_files(files, True)
    folder = SpillFolder(tmp_path / "out")
    spilled = segment_files(files, True, spill=folder)
    assert isinstance(spilled[0], ArticleStore) and spilled[1]["repeated_passage"] > 0
    assert [a.to_json() for a in spilled[0]] == [a.to_json() for a in in_memory[0]]
    assert spilled[1:] == in_memory[1:]
    assert len(list(folder.path.iterdir())) == 1
    folder.close()


def test_pairs_kept_on_disk_for_export_equal_those_kept_in_memory(tmp_path):
    rows = [("Rain fell.", "Hujan turun.", 0.9, "a:0"), ("Roads flooded.", "Jalan banjir.", 0.8, "a:0"),
            ("Rain fell.", "Hujan turun.", 0.95, "b:1"), ("ok", "ok", 0.9, "b:1"), ("", "Hanya ini.", 0.5, "c:2")]
    pairs = [AlignedPair(en, id_, score, doc, doc.replace("a", "x"), "en.txt", "id.txt", "1-1" if en else "0-1")
             for en, id_, score, doc in rows]
    folder = SpillFolder(tmp_path / "out")
    on_disk, counts = filter_stream(iter(pairs), FilterOptions(), PairStore(folder))
    in_memory, same_counts = filter_stream(iter(pairs), FilterOptions())
    assert list(on_disk()) == list(in_memory()) and counts == same_counts
    assert counts["duplicate"] == 1 and len(list(on_disk())) == 2 and "a:0;b:1" in list(on_disk())[0].src_doc
    folder.close()


class _Counting(list):
    """A list of articles that counts how often it is read through."""

    passes = 0

    def __iter__(self):
        self.passes += 1
        return super().__iter__()


class _Encoder:
    name, dim, version = "test-encoder", 8, ""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.sent.extend(texts)
        rows = np.array([np.random.default_rng(abs(hash(t)) % 2**32).normal(size=self.dim) for t in texts])
        return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("on_disk", [False, True])
def test_embedding_sends_each_text_once_and_reads_the_articles_twice(tmp_path, on_disk):
    articles, encoder = _Counting(ARTICLES), _Encoder()
    known = {"It rained.": np.ones(8, dtype=np.float32) / np.sqrt(8)}
    vectors = embed_articles(articles, encoder, True, EmbedConfig(chunk=2), known,
                             tmp_path / "v.bin" if on_disk else None)
    texts = [s.text for a in ARTICLES for s in a.sentences]
    assert encoder.sent == list(dict.fromkeys(t for t in texts if t not in known))  # first-appearance order
    assert articles.passes == 2
    again = {t: v for a in ARTICLES for t, v in zip([s.text for s in a.sentences], np.asarray(vectors[a.id]))}
    reference = encoder.encode(list(again))
    for text, row in zip(again, reference):
        expected = known.get(text, row).astype(np.float16)
        assert np.array_equal(again[text], expected)
    assert np.array_equal(np.asarray(vectors["en:1"])[0], np.asarray(vectors["en:0"])[0])  # a repeat is copied


def test_tiled_neighbour_search_equals_the_full_product():
    rng = np.random.default_rng(3)
    queries = rng.normal(size=(70, 16)).astype(np.float32)
    keys = rng.normal(size=(250, 16)).astype(np.float32)
    keys[7] = keys[3]  # equal cosines: the lower key comes first
    queries[5] = 0.0  # every cosine equal
    index, sims = top_neighbours(queries, keys, 6, block=16, cells=16 * 40)
    full = queries @ keys.T
    for row in range(len(queries)):
        expected = np.lexsort((np.arange(len(keys)), -full[row]))[:6]
        assert index[row].tolist() == expected.tolist()
        assert np.allclose(sims[row], full[row, expected], atol=1e-5)
    a_index, a_sims, b_index, b_sims = two_way_neighbours(queries, keys, 6, block=16, cells=16 * 40)
    back, back_sims = top_neighbours(keys, queries, 6, block=16, cells=16 * 40)
    assert np.array_equal(a_index, index) and np.array_equal(b_index, back)  # one product, both directions
    assert np.allclose(b_sims, back_sims, atol=1e-5)
    pairs, a_hubs, b_hubs = candidate_pairs(queries, keys, 3, 16, 640, hubs=2)
    back = back[:, :3]
    expected = {(q, int(k)) for q, row in enumerate(index[:, :3]) for k in row}
    expected |= {(int(q), k) for k, row in enumerate(back) for q in row}
    assert set(map(tuple, pairs.tolist())) == expected and pairs.tolist() == sorted(pairs.tolist())
    assert np.allclose(a_hubs, sims[:, :2].mean(axis=1))


def test_pairing_and_alignment_read_numbers_alike():
    en, id_ = "The 08 March vote drew 1,250.5 people.", "Pemungutan suara 8 Maret dihadiri 1.250,5 orang."
    assert anchors([en])[0] == anchors([id_])[0] == {"8", "12505"}
    assert {t for t in anchor_tokens(en) if t.startswith("#")} == {"#" + n for n in anchors([en])[0]}
