"""The `align` command line: thin wrappers that parse options, call the library, print a summary."""

from __future__ import annotations

import sys
import traceback
from collections import Counter
from functools import wraps
from pathlib import Path
from typing import Callable, Literal, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from align import __version__, languages
from align.errors import AlignError
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.inputs import PATH_STYLES
from align.progress import configure_logging


class _Argument(TyperArgument):
    """A positional argument shown as ``PATHS...`` in usage and help, without a type label."""

    def _label(self) -> str:
        name = self.display_name_raw.upper()
        return name + ("..." if self.nargs != 1 and not name.endswith("...") else "")

    def _usage_display_name(self) -> str:
        return self._label() if self.required else f"[{self._label()}]"

    def _rich_display_name(self) -> str:
        return self._label()

    def display_type_rich(self, ctx) -> None:
        return None


class _Command(TyperCommand):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument


class _Group(TyperGroup):
    """Lists each command with the whole first paragraph of its description (never cut)."""

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                text = command.short_help or (command.help or "").strip().split("\n\n")[0]
                rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class _App(typer.Typer):
    """Every command gets the argument display of :class:`_Command`."""

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _App(
    cls=_Group,
    help="Align news dumps into TMX/TSV parallel corpora (English–Indonesian by default; --src/--tgt "
    "choose another language pair).\n\n"
    "Examples:\n\n"
    "  align run corpora/sample -o outputs/sample\n\n"
    "  align run dumps/ -o outputs/defr --src de --tgt fr\n\n"
    "  align sentences doc.en doc.id -o doc.align\n\n"
    "  align segment dumps/ -o articles.jsonl\n\n"
    "  align pair articles.jsonl -o pairs.jsonl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

CONFIG_HELP = "TOML file of settings (tables named like `align config show` prints them); flags override it."
MODEL_HELP = "Embedding model: 'bundled' (offline multilingual-e5-small) or a sentence-transformers id/path, e.g. sentence-transformers/LaBSE."
QUIET_HELP = "Print nothing on success (warnings and errors still show)."
SRC_HELP = f"Source language code, one of {', '.join(languages.codes())} (a profile in align/languages/data); TMX srclang."
TGT_HELP = "Target language code (same choices); articles in any other language are counted, never aligned."
_debug = False  # set by the global --debug option
PathStyle = Literal[PATH_STYLES]  # choices come from the list, and --help lists them


def _one_line_errors(command: Callable) -> Callable:
    """Turn AlignErrors (and anything unexpected) into one line on stderr and a non-zero exit; with
    --debug an unexpected error shows its traceback too. Sets up the ``align`` logger's handler."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        configure_logging(quiet=bool(kwargs.get("quiet")), debug=_debug)
        try:
            return command(*args, **kwargs)
        except AlignError as exc:
            typer.echo(f"align: error: {exc}", err=True)
            raise typer.Exit(2)
        except KeyboardInterrupt:
            typer.echo("align: interrupted", err=True)
            raise typer.Exit(130)
        except OSError as exc:
            typer.echo(f"align: error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            raise typer.Exit(2)
        except MemoryError:
            typer.echo("align: error: out of memory", err=True)
            raise typer.Exit(1)
        except Exception as exc:  # a bug: one line, and the traceback only when asked for
            if _debug:
                traceback.print_exc(file=sys.stderr)
            typer.echo(f"align: internal error: {type(exc).__name__}: {exc}"
                       + ("" if _debug else " (rerun with --debug for the traceback)"), err=True)
            raise typer.Exit(1)

    return wrapper


FLAG_SETTINGS = {  # option name -> dotted setting it overrides (a leading '!' inverts a flag)
    "model": "model", "max_align": "align.max_align", "min_score": "export.min_score", "src": "src", "tgt": "tgt",
    "keep_unmatched": "!export.drop_unmatched", "keep_duplicates": "!export.dedupe",
    "max_length_ratio": "export.max_length_ratio", "rules": "rules", "created": "export.created",
    "cache_dir": "embed.cache_dir", "device": "embed.device", "batch_size": "embed.batch_size",
    "workers": "execution.workers", "executor": "execution.executor", "ray_address": "execution.ray_address",
    "quiet": "quiet", "paths_style": "export.paths",
}


def _settings(ctx: typer.Context, config_file: Optional[Path]):
    """The run's Config: defaults, then the ``--config`` file, then the flags given on the command line."""
    from align.config import Config, load, override

    config = load(config_file) if config_file else Config()
    options = {param.name for param in ctx.command.params if param.param_type_name == "option"}
    changes = {}
    for name, value in ctx.params.items():
        setting = FLAG_SETTINGS.get(name) if name in options else None  # `sentences` SRC TGT are files
        source = ctx.get_parameter_source(name)  # by name: typer may carry its own copy of click
        if setting is None or source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
            continue
        if setting.startswith("!"):
            setting, value = setting[1:], not value
        changes[setting] = str(value) if isinstance(value, Path) else value
    return override(config, changes, "command line")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"align {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Print the version."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error, and debug messages."),
) -> None:
    """Align news dumps into TMX/TSV parallel corpora (English–Indonesian unless --src/--tgt say otherwise)."""
    global _debug
    _debug = debug


@app.command()
@_one_line_errors
def run(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Dump files (*.txt), saved pages (*.html) or folders of them, any language mix."),
    out: Path = typer.Option(..., "-o", "--out", help="Output folder (created if missing)."),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    model: str = typer.Option("bundled", "--model", "-m", help=MODEL_HELP),
    max_align: int = typer.Option(5, "--max-align", min=2, max=8, help="Largest bead size x+y (e.g. 5 allows 1-4, 2-3)."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0.0, max=1.0, show_default=False, help="Drop segment pairs whose confidence (0-1) is below this from TMX/TSV/Moses. Default: the calibrated threshold of the model (exported pairs >= 99% correct on development data); 0 keeps every pair."),
    src: str = typer.Option(DEFAULT_SRC, "--src", help=SRC_HELP),
    tgt: str = typer.Option(DEFAULT_TGT, "--tgt", help=TGT_HELP),
    keep_unmatched: bool = typer.Option(False, "--keep-unmatched", help="Keep 1-0/0-1 beads in TMX/TSV (always kept in alignments.jsonl)."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Keep repeated segment pairs (default: keep the best-scoring copy, merge provenance)."),
    max_length_ratio: float = typer.Option(3.0, "--max-length-ratio", min=0.0, help="Drop segment pairs whose character lengths differ more than this factor (0 disables)."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="JSON list of extra boilerplate rules ({name, pattern}), tried before the built-in ones."),
    created: Optional[str] = typer.Option(None, "--created", help="Fixed TMX creation date (ISO 8601, e.g. 2025-01-31T00:00:00Z) for byte-identical reruns; default now or $SOURCE_DATE_EPOCH."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Embedding cache folder ('off' to disable). Default ~/.cache/align."),
    device: str = typer.Option("auto", "--device", help="Where sentence-transformers models run: cpu, cuda (fp16 where the model allows) or auto (a GPU if torch sees one). The bundled model runs on CPU."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Sentences per model batch (sentence-transformers models)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Processes on this machine for segmentation, bundled-model embedding and alignment (one thread each); with --executor ray and no --ray-address, the CPUs of the local Ray cluster."),
    executor: str = typer.Option("local", "--executor", help="Where the work runs: local (this machine) or ray (a Ray cluster; pip install 'align[ray]'). Outputs are the same."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Address of a running Ray cluster (e.g. 10.0.0.5:6379 or 'auto'); default starts a private one on 127.0.0.1."),
    paths_style: PathStyle = typer.Option("relative", "--paths", help="How outputs name source files: relative to the folder holding every input (no local folder names leak), absolute, or the bare file name."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Segment, pair and align dumps; write corpus.tmx/.tsv/.<src>/.<tgt>, JSONL records and report.md.

    Example: align run corpora/sample -o outputs/sample
    """
    from align.embed.base import check_device, check_model
    from align.pipeline import creation_date
    from align.pipeline import run as run_pipeline

    config = _settings(ctx, config_file)  # the options above, where given, over the --config file
    configure_logging(config.quiet, _debug)  # a --config file may ask for quiet too
    _check_pair(config.src, config.tgt)
    check_model(config.model)
    check_device(config.model, config.embed.device)  # before any work; the model itself loads before segmentation
    if config.export.created:
        creation_date(config.export.created)  # refuse a bad date before any work
    result = run_pipeline([str(p) for p in paths], out, config)
    if config.quiet:
        return
    langs = result.articles_by_lang()
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items() if k != "total")
    src, tgt = config.src, config.tgt
    other = sum(v for k, v in langs.items() if k not in (src, tgt))
    typer.echo(
        f"articles: {langs.get(src, 0)} {src}, {langs.get(tgt, 0)} {tgt}"
        + (f", {other} other" if other else "")
        + f" | pairs: {len(result.pairs)} | segments: {result.segments_written}"
        + f" | new sentences embedded: {result.sentences_embedded}"
        + f" | {result.timings['total']:.1f}s ({stages})\n"
        + f"wrote {', '.join(result.outputs)} to {out}"
    )


@app.command()
@_one_line_errors
def sentences(
    ctx: typer.Context,
    src: Path = typer.Argument(..., help="Source text, one sentence per line."),
    tgt: Path = typer.Argument(..., help="Target text, one sentence per line."),
    out: Path = typer.Option(..., "-o", "--out", help="Bead file: one '[i,j]:[k]:score' line per bead."),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    model: str = typer.Option("bundled", "--model", "-m", help=MODEL_HELP),
    src_emb: Optional[Path] = typer.Option(
        None, "--src-emb", help="Precomputed source vectors: a float32 .npy array, one row per line of SRC, "
        "any dimension (needs --tgt-emb). The model is then not loaded, and many-to-many windows are scored "
        "by sums of sentence vectors only (no re-embedding of doubtful windows)."),
    tgt_emb: Optional[Path] = typer.Option(
        None, "--tgt-emb", help="Precomputed target vectors: a float32 .npy array, one row per line of TGT "
        "(same dimension as --src-emb)."),
    max_align: int = typer.Option(5, "--max-align", min=2, max=8, help="Largest bead size x+y."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Embedding cache folder ('off' to disable)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Align two pre-split texts (any language pair the model covers), Vecalign's output format.

    With the model, a many-to-many choice left in doubt by the sum of sentence vectors is settled by
    embedding the window's real text (at most 0.3 extra texts per sentence).

    Examples:

      align sentences doc.en doc.id -o doc.align

      align sentences doc.de doc.fr -o doc.align --src-emb doc.de.npy --tgt-emb doc.fr.npy
    """
    from align.atomic import atomic_open
    from align.export.beads import format_bead
    from align.align import align_sentences

    config = _settings(ctx, config_file)
    src_lines, tgt_lines = _read_lines(src), _read_lines(tgt)
    if (src_emb is None) != (tgt_emb is None):
        raise AlignError("--src-emb and --tgt-emb go together: give both or neither")
    if src_emb is not None:
        src_vecs = _read_vectors(src_emb, src, len(src_lines))
        tgt_vecs = _read_vectors(tgt_emb, tgt, len(tgt_lines))
        if src_vecs.shape[1] != tgt_vecs.shape[1]:
            raise AlignError(f"{tgt_emb}: dimension {tgt_vecs.shape[1]} differs from {src_emb}'s {src_vecs.shape[1]}")
        beads = align_sentences(src_vecs, tgt_vecs, src_lines, tgt_lines, config.align)
    else:
        from align.pipeline import embed_lines

        encoder = _load_encoder(config)
        vectors = embed_lines(src_lines + tgt_lines, encoder, config.quiet, config.embed)
        beads = align_sentences(vectors[: len(src_lines)], vectors[len(src_lines):], src_lines, tgt_lines,
                                config.align, embed=encoder.encode)
    with atomic_open(out) as handle:
        handle.writelines(format_bead(b) + "\n" for b in beads)
    if not config.quiet:
        typer.echo(f"{len(beads)} beads ({len(src_lines)} x {len(tgt_lines)} sentences) -> {out}")


def _read_vectors(path: Path, text: Path, rows: int):
    """A float32 ``rows x d`` .npy array for the lines of ``text``, rows L2-normalised; one clear
    error line when it does not fit."""
    import numpy as np

    try:
        vecs = np.load(path, allow_pickle=False)
    except (ValueError, EOFError) as exc:
        raise AlignError(f"{path}: not a NumPy .npy array ({exc})") from exc
    if not isinstance(vecs, np.ndarray):
        raise AlignError(f"{path}: not a NumPy .npy array (an .npz archive?)")
    if vecs.ndim != 2:
        raise AlignError(f"{path}: expected a 2-D array (one row per line), got shape {vecs.shape}")
    if vecs.dtype != np.float32:
        raise AlignError(f"{path}: dtype {vecs.dtype}, expected float32")
    if len(vecs) != rows:
        raise AlignError(f"{path}: {len(vecs)} rows, but {text} has {rows} lines")
    if vecs.shape[1] == 0:
        raise AlignError(f"{path}: rows of dimension 0")
    bad = ~np.isfinite(vecs).all(axis=1)
    if bad.any():
        raise AlignError(f"{path}: row {int(np.flatnonzero(bad)[0])} holds NaN or infinite values")
    norms = np.linalg.norm(vecs.astype(np.float64), axis=1)
    if (norms == 0).any():
        raise AlignError(f"{path}: row {int(np.flatnonzero(norms == 0)[0])} is all zeros")
    return (vecs / norms[:, None]).astype(np.float32)


@app.command()
@_one_line_errors
def segment(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Dump files, saved pages (.html) or folders of them."),
    out: Path = typer.Option(..., "-o", "--out", help="articles.jsonl to write."),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    rules: Optional[Path] = typer.Option(None, "--rules", help="JSON list of extra boilerplate rules ({name, pattern}), tried before the built-in ones."),
    src: str = typer.Option(DEFAULT_SRC, "--src", help=SRC_HELP),
    tgt: str = typer.Option(DEFAULT_TGT, "--tgt", help=TGT_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Find articles, drop boilerplate, detect language and split sentences (every language is kept;
    the summary counts --src, --tgt and other languages).

    Example: align segment corpora/sample -o articles.jsonl
    """
    from align.inputs import collect_files, source_names
    from align.pipeline import segment_files, write_jsonl
    from align.segment.clean import load_rules
    from align.spill import SpillFolder

    config = _settings(ctx, config_file)
    src, tgt = config.src, config.tgt
    _check_pair(src, tgt)
    extra = load_rules(config.rules) if config.rules else None
    files = collect_files([str(p) for p in paths])
    spill = SpillFolder(out)  # the articles wait on disk beside the output, not in memory
    try:
        articles, removed, _examples, skipped, _ = segment_files(
            files, config.quiet, extra, config=config.segment, names=source_names(files, paths, config.export.paths),
            spill=spill)
        write_jsonl(out, (a.to_json() for a in articles))
        langs = Counter(articles.langs)
    finally:
        spill.close()
    other = sum(n for k, n in langs.items() if k not in (src, tgt))
    if not config.quiet:
        typer.echo(f"{len(articles)} articles ({langs[src]} {src}, {langs[tgt]} {tgt}, {other} other); "
                   f"{sum(removed.values())} boilerplate lines dropped; {len(skipped)} files skipped -> {out}")


@app.command()
@_one_line_errors
def pair(
    ctx: typer.Context,
    articles_file: Path = typer.Argument(..., help="articles.jsonl from 'align segment' or 'align run'."),
    out: Path = typer.Option(..., "-o", "--out", help="pairs.jsonl to write."),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    model: str = typer.Option("bundled", "--model", "-m", help=MODEL_HELP),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", help="Embedding cache folder ('off' to disable)."),
    src: str = typer.Option(DEFAULT_SRC, "--src", help=SRC_HELP),
    tgt: str = typer.Option(DEFAULT_TGT, "--tgt", help=TGT_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Pair --src articles with the --tgt articles that translate them (unmatched ones stay unpaired).

    Example: align pair articles.jsonl -o pairs.jsonl
    """
    from align.pair import pair_articles
    from align.pipeline import embed_articles, write_jsonl
    from align.records import Article

    try:
        articles = [Article.from_json(obj) for obj in _read_jsonl(articles_file)]
    except (KeyError, TypeError, ValueError) as exc:
        raise AlignError(f"{articles_file}: not an articles.jsonl record ({exc})") from exc
    config = _settings(ctx, config_file)
    _check_pair(config.src, config.tgt)
    encoder = _load_encoder(config)
    vectors = embed_articles([a for a in articles if a.lang in (config.src, config.tgt)], encoder, config.quiet,
                             config.embed)
    pairs = pair_articles(articles, vectors, config.pair, src=config.src, tgt=config.tgt)
    write_jsonl(out, (p.to_json() for p in pairs))
    if not config.quiet:
        typer.echo(f"{len(pairs)} pairs from {len(articles)} articles -> {out}")


from align.evaluate.command import eval_command  # noqa: E402  (its own module; registered here)

app.command("eval")(_one_line_errors(eval_command))

from align.review.command import export_command, review_command  # noqa: E402

app.command("review")(_one_line_errors(review_command))
app.command("export")(_one_line_errors(export_command))

config_app = typer.Typer(help="Inspect the settings of a run.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
@_one_line_errors
def config_show(
    config_file: Optional[Path] = typer.Option(None, "--config", help="TOML file of settings to show merged over the defaults."),
) -> None:
    """Print every setting of a run as TOML (loadable back with --config), and the run signature.

    Example: align config show > my.toml  (edit it, then: align run dumps/ -o out --config my.toml)
    """
    from align.config import Config, load, to_toml

    config = load(config_file) if config_file else Config()
    typer.echo(to_toml(config) + f"\n# signature: {config.signature()}")


def _load_encoder(config):
    from align.embed import load_encoder

    embed = config.embed
    return load_encoder(config.model, cache_dir=embed.cache_dir, batch_size=embed.batch_size, device=embed.device,
                        memory_vectors=embed.memory_vectors)


def _check_pair(src: str, tgt: str) -> None:
    """Refuse, before any work, a language without a profile or a pair of one language."""
    for flag, code in (("--src", src), ("--tgt", tgt)):
        if not languages.has(code):
            raise AlignError(f"{flag} {code}: no such language profile (known: {', '.join(languages.codes())})")
    if src == tgt:
        raise AlignError(f"--src and --tgt are both '{src}': name two different languages")


def _read_lines(path: Path) -> list[str]:
    from align.inputs import read_dump

    lines = read_dump(path).split("\n")
    if lines and not lines[-1].strip():
        lines.pop()
    if not any(line.strip() for line in lines):
        raise AlignError(f"{path}: no sentences in file")
    return lines


def _read_jsonl(path: Path) -> list[dict]:
    from align.inputs import jsonl_records, read_dump

    return jsonl_records(read_dump(path), path)


if __name__ == "__main__":
    sys.exit(app())
