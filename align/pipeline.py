"""The order of the stages: segment, split, embed, pair, align, export. Only this module knows it."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from array import array
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from align import languages
from align.atomic import atomic_open, clear_stale, staging_folder, swap_in
from align.checkpoint import MANIFEST, AlignmentCheckpoint, RunManifest, pair_key
from align.config import Config
from align.embed import Encoder, load_encoder
from align.embed.base import model_version
from align.embed.config import EmbedConfig
from align.embed.store import VectorFile
from align.executors import Executor, make_executor
from align.executors.local import LocalExecutor
from align.errors import AlignError, InputError
from align.export.calibration import bead_confidence, calibration_for
from align.export.config import ExportConfig
from align.export.filters import FilterOptions, filter_stream
from align.export.moses import moses_writer
from align.export.tmx import tmx_writer
from align.export.tsv import tsv_writer
from align.inputs import collect_files, load_dump, source_names
from align.pair.staged import pair_in_two_stages, text_digest
from align.progress import log, progress, warn
from align.result import PairAlignment, RunResult
from align.segment import SegmentConfig, drop_repeated_sentences, merge_examples, segment_text
from align.segment.clean import Rule, load_rules
from align.align import align_sentences
from align.records import AlignedPair, Article, DocPair
from align.spill import AlignmentStore, ArticleStore, PairStore, SpillFolder, by_id
from align.warm_up import WarmUp, start_warm_up


def run(paths: list[str | Path], outdir: str | Path, config: Config) -> RunResult:
    """Run every stage over the dumps in ``paths`` and replace ``outdir`` by the run's outputs.

    The outputs are written into a staging folder beside ``outdir`` and swapped in at the end, so
    ``outdir`` always holds one whole run (this one or the one before), never parts of two. Per-file segmentation, embedding and per-pair alignment run on ``config.execution.executor``
    (this process, ``workers`` local processes, or Ray); the outputs are the same on every one.
    """
    executor = make_executor(config)
    warm = start_warm_up()  # alignment kernels compile while segmentation and embedding run
    try:
        return _run(paths, outdir, config, executor, warm)
    finally:
        warm.cancel()
        executor.close()


def _run(paths: list[str | Path], outdir: str | Path, config: Config, executor: Executor,
         warm: WarmUp) -> RunResult:  # fmt: skip
    outdir = Path(os.path.abspath(outdir))  # "." and "out/.." get a real name and parent
    timings: dict[str, float] = {}
    started = time.perf_counter()

    files = collect_files(paths)
    names = source_names(files, paths, config.export.paths)
    check_outdir(outdir)
    rules = load_rules(config.rules) if config.rules else None
    clock = time.perf_counter()
    encoder = executor.encoder(config)  # a model that cannot load fails here, before any work
    calibration, calibration_note = calibration_for(encoder.name, model_version(config.model))
    timings["load model"] = _lap(clock)

    try:
        spill = SpillFolder(outdir)  # the articles and beads, on disk for the run
    except OSError as exc:
        raise _output_error(exc, outdir) from exc
    try:
        clock = time.perf_counter()
        articles, removed, examples, skipped, inputs = segment_files(files, config.quiet, rules, executor,
                                                                     config.segment, names, spill)
        timings["segment"] = _lap(clock)
        by_lang = Counter(articles.langs)
        if not articles:
            raise AlignError(f"{_names(files)}: no articles found in the input")
        for lang in (config.src, config.tgt):
            if not by_lang.get(lang):
                raise AlignError(f"{_names(files)}: no {languages.name_of(lang)} ('{lang}') articles found, "
                                 "nothing to align")
        log(f"segmented {len(files)} file(s): {_counts(by_lang)}", config.quiet)
        staging = open_staging(outdir)
    except BaseException:
        spill.close()
        raise
    stores: list[VectorFile] = []  # vector files in the staging folder, deleted once aligned
    try:
        clock, embedding = time.perf_counter(), [0.0]

        def embed(some: list[Article], known: Mapping[str, np.ndarray] | None = None) -> Mapping[str, np.ndarray]:
            start = time.perf_counter()
            path = staging / f".vectors-{len(stores)}.bin" if config.embed.vectors_on_disk else None
            found = embed_articles(some, encoder, config.quiet, config.embed, known, path)
            if path is not None:
                stores.append(found)
            embedding[0] += time.perf_counter() - start
            return found

        staged = pair_in_two_stages(articles, embed, config.pair, langs=(config.src, config.tgt))
        pairs, vectors = staged.pairs, staged.vectors
        timings["embed"], timings["pair"] = round(embedding[0], 3), round(_lap(clock) - embedding[0], 3)
        log(f"paired {len(pairs)} article pair(s); {staged.articles_embedded} article(s) embedded whole",
            config.quiet)
        manifest = RunManifest(staging, config, inputs, skipped)
        manifest.stage("segment", files=len(files), articles=dict(sorted(by_lang.items())),
                       boilerplate=dict(sorted(removed.items())), examples=examples)
        manifest.stage("embed", model=encoder.name, sentences=_rows(vectors),
                       new=getattr(encoder, "misses", 0), leads=staged.articles_looked_at,
                       whole=staged.articles_embedded, vector_dtype=config.embed.vector_dtype)
        manifest.stage("pair", pairs=len(pairs), lead_candidates=staged.lead_candidates)

        clock = time.perf_counter()
        warm.finish()
        checkpoint = AlignmentCheckpoint(outdir, config.signature())
        alignments = align_pairs(pairs, by_id(articles), vectors, config, checkpoint, executor,
                                 AlignmentStore(spill))
        timings["align"] = _lap(clock)  # includes any wait for kernels still compiling
        if warm.one_time_cost() is not None:
            timings[ONE_TIME_COMPILE] = warm.one_time_cost()
        del vectors, staged  # only alignment needs the vectors; export and reports work from the beads
        for store in stores:
            store.close()
        manifest.stage("align", pairs=len(alignments), reused=checkpoint.reused)

        result = RunResult(
            config=config, outdir=outdir, inputs=inputs, articles=articles, pairs=pairs,
            alignments=alignments, removed_lines=removed, removed_examples=examples, skipped_files=skipped,
            timings=timings, sentences_embedded=getattr(encoder, "misses", 0), run_id=manifest.run_id,
            model_name=encoder.name, calibration=calibration,
            warnings=[calibration_note] if calibration_note else [],
        )
        result.min_score = config.export.min_score if config.export.min_score is not None else (
            calibration.threshold if calibration else 0.0)
        clock = time.perf_counter()
        write_outputs(result, staging, spill)
        timings["export"] = _lap(clock)
        timings["total"] = _lap(started)  # the one total the command line and the report show
        result.outputs += [*REPORTS, MANIFEST]
        write_report_files(result, staging)
        manifest.stage("export", segments=result.segments_written, timings=timings)
        manifest.finish(result.outputs[:-1])
        swap_in(staging, outdir, own=is_run_output)
    except BaseException:
        for store in stores:
            store.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        spill.close()  # the result's articles and beads are in the output folder now
    checkpoint.finish()
    for note in result.warnings:
        warn(note)
    return result


ONE_TIME_COMPILE = "compile kernels (first run only, in the background)"  # a timing, not a stage of the total
REPORTS = ("report.md", "report.html")
RUN_OUTPUTS = {"articles.jsonl", "pairs.jsonl", "alignments.jsonl", *REPORTS, MANIFEST}


def is_run_output(name: str) -> bool:
    """Whether a file of an output folder is one a run writes (anything else is the user's, kept)."""
    return name in RUN_OUTPUTS or name.startswith("corpus.")


def open_staging(outdir: Path) -> Path:
    """A fresh staging folder beside ``outdir`` (what killed runs left there is cleared first)."""
    try:
        outdir.parent.mkdir(parents=True, exist_ok=True)
        clear_stale(outdir)
        staging = staging_folder(outdir)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as exc:
        raise _output_error(exc, outdir) from exc
    return staging


def check_outdir(outdir: Path) -> None:
    """Fail early, before any work, when ``outdir`` cannot be created or replaced (its staging folder
    goes beside it, so the folder that holds it must be writable)."""
    if outdir.exists() and not outdir.is_dir():
        raise AlignError(f"{outdir}: cannot write output folder (not a folder)")
    probe = outdir.parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise AlignError(f"{probe}: cannot create output folder {outdir} (not a folder)")
    if not os.access(probe, os.W_OK):
        raise AlignError(f"{probe}: cannot write output folder (permission denied)")
    try:  # os.access says yes to root everywhere; a read-only file system still refuses
        tempfile.TemporaryFile(dir=probe).close()
    except OSError as exc:
        raise AlignError(f"{probe}: cannot write output folder ({exc.strerror or exc})") from exc


def segment_files(files: list[Path], quiet: bool, rules: list[Rule] | None = None,
                  executor: Executor | None = None, config: SegmentConfig | None = None,
                  names: dict[Path, str] | None = None, spill: SpillFolder | None = None,
                  ) -> tuple[Sequence[Article], Counter, dict[str, list[str]], dict[str, str], dict[str, str]]:
    """Segment every file; unreadable files are skipped with a warning unless all of them are.

    Files are read here, one at a time as the executor asks for them, and segmented by the executor;
    then sentences recurring across the run's articles are dropped as furniture. Returns the
    articles, lines dropped per rule, a few dropped lines per rule, skipped files and input digests.
    ``names`` gives each file the name outputs use (default: its path). With ``spill``, each file's
    articles go to a spilled ``ArticleStore`` as the file is segmented, the run-level pass reads them
    from there and writes the articles it leaves into another one, which is returned: memory holds
    no article of the run at once (without it, the articles are lists in memory).
    """
    names = names or {}
    config = config or SegmentConfig()
    articles: list[Article] | ArticleStore = [] if spill is None else ArticleStore(spill)
    seen: Counter = Counter()  # article ids so far: files with the same stem in different folders share ids
    removed: Counter = Counter()
    examples: dict[str, list[str]] = {}
    skipped: dict[str, str] = {}
    inputs: dict[str, str] = {}
    furniture: set[str] = set()

    def readable() -> Iterator[tuple[str, str, list[Rule] | None, SegmentConfig]]:
        for path in files:
            name = names.get(path, str(path))
            try:
                text, digest = load_dump(path)
            except InputError as exc:
                if len(files) == 1:
                    raise
                skipped[name] = str(exc).replace(str(path), name)
                warn(f"skipped {exc}")  # warnings show even with --quiet
                continue
            inputs[name] = digest
            yield text, name, rules, config

    found_all = (executor or LocalExecutor()).map(segment_task, readable())
    for found in progress(found_all, "segment", quiet, total=len(files), unit="file"):
        for article in found.articles:
            articles.append(_unique_id(article, seen))
        removed.update(found.removed)
        merge_examples(examples, found.examples, config.examples_per_rule)
        furniture |= found.furniture
    if not inputs:
        raise InputError(f"{_names(files)}: none of the input files could be read")
    articles, repeated, repeated_examples = drop_repeated_sentences(articles, config, furniture,
                                                                    None if spill is None else ArticleStore(spill))
    removed.update(repeated)
    merge_examples(examples, repeated_examples, config.examples_per_rule)
    return articles, removed, examples, skipped, inputs


def embed_articles(articles: Sequence[Article], encoder: Encoder, quiet: bool,
                   settings: EmbedConfig = EmbedConfig(),
                   known: Mapping[str, np.ndarray] | None = None,
                   vector_file: Path | None = None) -> Mapping[str, np.ndarray]:
    """Embed every distinct sentence once; vectors per article id.

    All vectors live in one matrix of ``settings.vector_dtype`` (float16 by default: half the memory;
    pairing and alignment do their math in float32), rows in article order, and each article's entry
    is a view of its rows, so memory holds each sentence's vector once; with ``vector_file`` the rows
    are stored in that file instead and each article's are read when asked for (``VectorFile``).
    Texts in ``known`` (text -> vector, from an earlier stage) are copied, not sent again; the other
    distinct texts go to the encoder in chunks of ``settings.chunk`` in order of first appearance
    (its cache skips texts known from before).

    ``articles`` is read twice (it may read them from disk): first for a 16-byte digest of every
    sentence (which rows repeat an earlier text), then for the texts to send, so memory holds no text
    of the corpus at once.
    """
    known = known or {}
    ids: list[str] = []
    bounds = array("q", [0])
    digests = bytearray()
    for article in articles:
        ids.append(article.id)
        for sentence in article.sentences:
            digests += text_digest(sentence.text)
        bounds.append(bounds[-1] + len(article.sentences))
    _, first_rows, inverse = np.unique(np.frombuffer(bytes(digests), dtype="V16"), return_index=True,
                                       return_inverse=True)
    del digests
    source = first_rows[inverse.ravel()]  # each row's first row with the same text
    copies = np.flatnonzero(source != np.arange(len(source)))
    if vector_file is not None:
        store = VectorFile(vector_file, encoder.dim, settings.vector_dtype,
                           {i: (start, end) for i, start, end in zip(ids, bounds, bounds[1:])})
        put = store.write
    else:
        matrix = np.empty((bounds[-1], encoder.dim), dtype=np.dtype(settings.vector_dtype))
        put = matrix.__setitem__

    def new_texts() -> Iterator[tuple[list[int], list[str]]]:
        """(rows, texts) of the first appearances that ``known`` lacks, ``settings.chunk`` at a time."""
        rows, texts, row = [], [], 0
        for article in articles:
            for sentence in article.sentences:
                if source[row] == row:
                    if sentence.text in known:
                        put([row], np.asarray(known[sentence.text])[None])
                    else:
                        rows.append(row)
                        texts.append(sentence.text)
                        if len(texts) == settings.chunk:
                            yield rows, texts
                            rows, texts = [], []
                row += 1
        if texts:
            yield rows, texts

    for rows, texts in progress(new_texts(), "embed", quiet, unit="batch"):
        put(rows, encoder.encode(texts))  # the cache commits each call, so a kill loses at most one
    if vector_file is not None:
        for first in range(0, len(copies), settings.chunk):
            rows = copies[first : first + settings.chunk]
            store.write(rows, np.concatenate([store.read(r, r + 1) for r in source[rows]]))
        return store
    if len(copies):
        matrix[copies] = matrix[source[copies]]
    return {i: matrix[start:end] for i, start, end in zip(ids, bounds, bounds[1:])}


def embed_lines(texts: list[str], encoder: Encoder, quiet: bool, settings: EmbedConfig = EmbedConfig()) -> np.ndarray:
    """Vectors of ``texts``, one row per text in order, ``settings.chunk`` texts per encoder call (the
    cache commits each call, so a kill loses at most one), under a progress bar."""
    matrix = np.empty((len(texts), encoder.dim), dtype=np.float32)
    for i in progress(range(0, len(texts), settings.chunk), "embed", quiet, unit="batch"):
        matrix[i : i + settings.chunk] = encoder.encode(texts[i : i + settings.chunk])
    return matrix


def align_pairs(pairs: list[DocPair], articles: Mapping[str, Article], vectors: Mapping[str, np.ndarray],
                config: Config, checkpoint: AlignmentCheckpoint, executor: Executor | None = None,
                out: AlignmentStore | None = None) -> Sequence[PairAlignment]:
    """Sentence-align every document pair, reusing pairs a killed earlier run already finished.

    The executor aligns the other pairs; each is recorded in the checkpoint as soon as it is done.
    A pair's articles and vectors are read (``articles`` and ``vectors`` may read them from disk)
    only as the executor asks for its task. The beads go into ``out`` in pair order as they come
    (a list when ``out`` is None), which is returned.
    """
    executor = executor or LocalExecutor()
    out = [] if out is None else out
    reused: dict[int, list] = {}
    keys: list[str | None] = [None] * len(pairs)
    if checkpoint.done:  # a killed earlier run left pairs: find them (a fresh run reads each article once, below)
        for i, pair in enumerate(pairs):
            src, tgt = articles[pair.src], articles[pair.tgt]
            keys[i] = pair_key([s.text for s in src.sentences], [s.text for s in tgt.sentences])
            beads = checkpoint.get(keys[i])
            if beads is not None:
                reused[i] = beads
    missing = [i for i in range(len(pairs)) if i not in reused]

    def tasks() -> Iterator[tuple]:
        for i in missing:
            src, tgt = articles[pairs[i].src], articles[pairs[i].tgt]
            src_texts, tgt_texts = [s.text for s in src.sentences], [s.text for s in tgt.sentences]
            if keys[i] is None:
                keys[i] = pair_key(src_texts, tgt_texts)  # set before the executor can give its result
            yield vectors[src.id], vectors[tgt.id], src_texts, tgt_texts, config.align, config.model, config.embed

    results = iter(progress(executor.map(align_task, tasks()), "align", config.quiet, total=len(missing), unit="pair"))
    for i, pair in enumerate(pairs):
        beads = reused.pop(i, None)
        if beads is None:
            beads = next(results)
            checkpoint.add(keys[i], beads)
        if isinstance(out, AlignmentStore):
            out.append(pair, beads)
        else:
            out.append(PairAlignment(pair, beads))
    return out


def segment_task(item: tuple[str, str, list[Rule] | None, SegmentConfig]):
    """Executor task: segment one file's text."""
    text, path, rules, config = item
    return segment_text(text, path, rules, config)


def align_task(item: tuple) -> list:
    """Executor task: sentence-align one document pair; doubtful many-to-many windows are embedded
    with the run's model, loaded in this process only if a window needs it."""
    src_vecs, tgt_vecs, src_texts, tgt_texts, align_config, model, embed_config = item
    src_vecs, tgt_vecs = np.asarray(src_vecs, dtype=np.float32), np.asarray(tgt_vecs, dtype=np.float32)  # stored as float16
    return align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, align_config,
                           embed=lambda texts: window_encoder(model, embed_config).encode(texts))


_WINDOW_ENCODERS: dict = {}  # this process's encoder for window texts, by (model, embed settings)


def window_encoder(model: str, settings: EmbedConfig) -> Encoder:
    """The model for window texts in this process (worker processes load their own, once), placed
    and batched as the run's sentence vectors were, so both come from the same setup."""
    if (model, settings) not in _WINDOW_ENCODERS:
        _WINDOW_ENCODERS[model, settings] = load_encoder(model, cache_dir=settings.cache_dir,
                                                         batch_size=settings.batch_size, device=settings.device)
    return _WINDOW_ENCODERS[model, settings]


def segment_pairs(result: RunResult) -> Iterator[AlignedPair]:
    """Render beads as text segment pairs with provenance and confidence, in pair order."""
    articles = by_id(result.articles)
    for item in result.alignments:
        src, tgt = articles[item.pair.src], articles[item.pair.tgt]
        for bead in item.beads:
            yield AlignedPair(
                src=" ".join(src.sentences[i].text for i in bead.src),
                tgt=" ".join(tgt.sentences[j].text for j in bead.tgt),
                score=bead_confidence(bead, result.calibration), src_doc=src.id, tgt_doc=tgt.id,
                src_file=src.file, tgt_file=tgt.file, kind=bead.kind,
            )


def write_outputs(result: RunResult, folder: Path | None = None, spill: SpillFolder | None = None) -> None:
    """Write the JSONL records and the filtered corpus files into ``folder`` (default ``result.outdir``).

    The segment pairs are rendered from the beads once and written into every corpus file in the same
    pass; with ``spill``, the pairs that pass the filters wait there for the duplicates' merge, so
    memory holds a hash per pair, not the corpus.
    """
    out, config = Path(folder or result.outdir), result.config
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl(out / "articles.jsonl", (a.to_json() for a in result.articles))
        write_jsonl(out / "pairs.jsonl", (p.to_json() for p in result.pairs))
        write_jsonl(out / "alignments.jsonl", _alignment_records(result))
        kept, drops = filter_stream(segment_pairs(result), filter_options(config.export, result.min_score),
                                    None if spill is None else PairStore(spill))
        result.filter_drops = drops
        moses = [f"corpus.{config.src}", f"corpus.{config.tgt}"]
        with tmx_writer(out / "corpus.tmx", src=config.src, tgt=config.tgt,
                        created=creation_date(config.export.created)) as tmx, \
                tsv_writer(out / "corpus.tsv") as tsv, moses_writer(out / moses[0], out / moses[1]) as plain:
            result.segments_written = 0
            for pair in kept():
                result.segments_written += tmx(pair)
                tsv(pair)
                plain(pair)
        result.outputs = ["corpus.tmx", "corpus.tsv", *moses, "articles.jsonl", "pairs.jsonl", "alignments.jsonl"]
    except OSError as exc:
        raise _output_error(exc, out) from exc


def filter_options(settings: ExportConfig, min_score: float | None = None) -> FilterOptions:
    """The export filters a run's export settings ask for (a length ratio of 0 disables that filter);
    ``min_score`` is the threshold the run applies (the calibrated default when the settings leave it unset)."""
    if min_score is None:
        min_score = settings.min_score or 0.0
    return FilterOptions(min_score=min_score, keep_unmatched=not settings.drop_unmatched,
                         dedupe=settings.dedupe, drop_trivial=settings.drop_trivial,
                         max_length_ratio=settings.max_length_ratio or None)


def write_report_files(result: RunResult, folder: Path | None = None) -> None:
    """Write report.md and report.html into ``folder`` (last, so they include the export timing)."""
    from align.report import write_reports

    try:
        write_reports(result, folder or result.outdir)
    except OSError as exc:
        raise _output_error(exc, result.outdir) from exc


def _output_error(exc: OSError, out: Path) -> AlignError:
    reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
    return AlignError(f"{exc.filename or out}: cannot write output ({reason})")


def creation_date(value: str | None) -> datetime:
    """The TMX creation date: the configured one, else $SOURCE_DATE_EPOCH, else now (UTC)."""
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise AlignError(f"--created: not an ISO 8601 date: '{value}'") from exc
        return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=timezone.utc)
    return datetime.now(timezone.utc)


def _alignment_records(result: RunResult) -> Iterator[dict]:
    for item in result.alignments:
        for bead in item.beads:
            record = {"pair": [item.pair.src, item.pair.tgt], "src": list(bead.src), "tgt": list(bead.tgt),
                      "score": round(bead.score, 4)}
            if result.calibration is not None and bead.src and bead.tgt:
                record["confidence"] = bead_confidence(bead, result.calibration)
            if bead.features:
                record["features"] = bead.features
            yield record


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    with atomic_open(path) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _unique_id(article: Article, seen: Counter) -> Article:
    """The article, its id suffixed when an earlier article of the run had it (``seen`` counts them):
    files with the same stem in different folders would share ids."""
    seen[article.id] += 1
    if seen[article.id] > 1:
        article.id = f"{article.id}~{seen[article.id]}"
    return article


def _rows(vectors: Mapping[str, np.ndarray]) -> int:
    """Sentence vectors held (a VectorFile counts its rows without reading them)."""
    if isinstance(vectors, VectorFile):
        return sum(end - start for start, end in vectors.bounds.values())
    return sum(len(v) for v in vectors.values())


def _lap(start: float) -> float:
    return round(time.perf_counter() - start, 3)


def _names(files: list[Path]) -> str:
    return str(files[0]) if len(files) == 1 else f"{len(files)} input files"


def _counts(counter: Counter) -> str:
    return ", ".join(f"{n} {lang}" for lang, n in counter.most_common())
