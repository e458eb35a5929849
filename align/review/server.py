"""The review web app: a Bottle application over one run folder, served on 127.0.0.1 only.

The page (static/index.html, review.js, review.css) is packaged with align and loads nothing from
the network; it gets the run as JSON and puts every text into the page with ``textContent``. Each
decision is applied, then appended to review.jsonl and fsynced before the answer says it was saved.
"""

from __future__ import annotations

import json
import threading
import webbrowser
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import bottle
import numpy as np

from align.errors import AlignError
from align.records import Article
from align.review.log import ReviewLog, now
from align.review.export import run_config
from align.review.records import RunRecords, read_run
from align.review.state import SIDES, PairState, ReviewError, ReviewState

HOST = "127.0.0.1"
MAX_BODY = 1 << 20  # bytes of one decision


class Review:
    """The run, its review log and the replayed state, shared by the request threads under one lock."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.run: RunRecords = read_run(self.folder)
        self.log = ReviewLog(self.folder)
        self.lock = threading.Lock()
        self.state = self._replayed()
        self._encoder = None

    def _replayed(self) -> ReviewState:
        state = ReviewState(self.run)
        state.replay(self.log.read())
        return state

    def decide(self, decision: dict) -> dict:
        """Apply ``decision`` and save it; the answer holds the counts and the pair it changed."""
        with self.lock:
            decision = {k: v for k, v in decision.items() if k != "time"}
            if decision.get("verdict") == "pair":
                src, tgt = self.state.check_pairable(decision.get("pair"))
                if (src.id, tgt.id) not in self.state.pairs:  # new: align it (a rejected run pair keeps its beads)
                    decision["beads"] = self._align_by_hand(src, tgt)
            self.state.apply(decision)  # raises ReviewError before anything changes
            try:
                self.log.append({**decision, "time": now()})
            except OSError:
                self.state = self._replayed()  # back to what is on disk
                raise
            pair = tuple(decision["pair"])
            return {"saved": True, "counts": self.state.counts(), "pair": self.pair_view(pair)}

    def _align_by_hand(self, src: Article, tgt: Article) -> list[dict]:
        """Beads of two articles the reviewer paired, aligned with the run's model and max_align."""
        from align.align import align_sentences
        from align.embed import load_encoder

        config = run_config(self.run.manifest, str(self.folder / "manifest.json"))
        if self._encoder is None:
            self._encoder = load_encoder(config.model, cache_dir=config.embed.cache_dir, device=config.embed.device)
        texts = ([s.text for s in src.sentences], [s.text for s in tgt.sentences])
        vectors = [self._encoder.encode(t) if t else np.empty((0, self._encoder.dim), np.float32) for t in texts]
        beads = align_sentences(vectors[0], vectors[1], texts[0], texts[1], config.align, embed=self._encoder.encode)
        return [{"src": list(b.src), "tgt": list(b.tgt), "score": round(float(b.score), 4),
                 **({"features": b.features} if b.features else {})} for b in beads]

    # -- views ---------------------------------------------------------------------------------
    def overview(self) -> dict:
        state, articles = self.state, self.run.articles
        return {
            "folder": str(self.folder),
            "langs": dict(zip(SIDES, self.run.langs)),
            "counts": state.counts(),
            "stale": state.stale[:20],
            "pairs": [self._pair_summary(s) for s in state.pairs.values()],
            "unpaired": {side: [self._article(articles[a]) for a in ids] for side, ids in state.unpaired().items()},
        }

    def _article(self, article) -> dict:
        return {"id": article.id, "title": article.title, "file": Path(article.file).name,
                "sentences": len(article.sentences)}

    def _pair_summary(self, pair_state: PairState) -> dict:
        pair, beads = pair_state.pair, pair_state.beads
        return {
            "pair": [pair.src, pair.tgt], "score": pair.score, "evidence": pair.evidence,
            "status": pair_state.status,
            "titles": {side: self.run.articles[getattr(pair, side)].title for side in SIDES},
            "beads": len(beads), "reviewed": sum(1 for b in beads if b.review),
            "lowest": min((self.run.confidence(b.src, b.tgt, b.score, b.features) for b in beads), default=None),
        }

    def pair_view(self, pair_id: tuple) -> dict | None:
        pair_state = self.state.pairs.get(pair_id)
        if pair_state is None:
            return None
        articles = {side: self.run.articles[getattr(pair_state.pair, side)] for side in SIDES}
        return {
            **self._pair_summary(pair_state),
            "beads": [{
                "src": list(b.src), "tgt": list(b.tgt), "score": self.run.confidence(b.src, b.tgt, b.score, b.features),
                "origin": b.origin,
                "verdict": b.verdict, "review": b.review, "edited": sorted(b.edits),
                "text": {side: self.state.text(pair_state, b, side) for side in SIDES},
                "sentences": {side: [articles[side].sentences[i].text for i in getattr(b, side)] for side in SIDES},
            } for b in pair_state.beads],
        }


def make_app(review: Review) -> bottle.Bottle:
    """The Bottle application: the page, its assets, and a small JSON API."""
    app = bottle.Bottle()
    static = resources.files("align.review").joinpath("static")

    @app.hook("before_request")
    def local_only():
        host = bottle.request.get_header("Host", "")
        name = host.rsplit(":", 1)[0] if ":" in host else host
        if name not in (HOST, "localhost"):  # a page elsewhere reaching us through DNS rebinding
            bottle.abort(403, "align review answers requests for 127.0.0.1 only")

    @app.get("/")
    def index():
        return _asset(static, "index.html")

    @app.get("/favicon.ico")
    def favicon():
        bottle.response.status = 204

    @app.get("/static/<name>")
    def asset(name: str):
        return _asset(static, name)

    @app.get("/api/state")
    def state():
        with review.lock:
            return _json(review.overview())

    @app.get("/api/pair")
    def pair():
        with review.lock:
            view = review.pair_view((bottle.request.query.getunicode("src", ""),
                                     bottle.request.query.getunicode("tgt", "")))
        if view is None:
            return _json({"error": "no such document pair"}, 404)
        return _json(view)

    @app.get("/api/pairs")
    def pairs():
        with review.lock:
            return _json({"pairs": [review.pair_view(key) for key, s in review.state.pairs.items() if s.active]})

    @app.post("/api/decision")
    def decision():
        if bottle.request.content_type.split(";")[0].strip() != "application/json":  # forms cannot post JSON
            return _json({"error": "decisions are JSON"}, 415)
        try:
            body = json.loads(bottle.request.body.read(MAX_BODY).decode("utf-8"))
            if not isinstance(body, dict):
                raise ValueError("not an object")
            return _json(review.decide(body))
        except (ValueError, UnicodeDecodeError) as exc:
            return _json({"error": f"not a decision ({exc})"}, 400)
        except ReviewError as exc:
            return _json({"error": str(exc)}, 409)
        except AlignError as exc:  # the run's model cannot be loaded to align a pair made by hand
            return _json({"error": str(exc)}, 500)
        except OSError as exc:
            return _json({"error": f"not saved: {review.log.path}: {exc.strerror or exc}"}, 500)

    return app


def _asset(static, name: str):
    types = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
             ".css": "text/css; charset=utf-8", ".png": "image/png"}
    suffix = Path(name).suffix
    item = static.joinpath(name)
    if suffix not in types or "/" in name or not item.is_file():
        bottle.abort(404, "not found")
    bottle.response.content_type = types[suffix]
    bottle.response.set_header("Cache-Control", "no-store")
    bottle.response.set_header("Content-Security-Policy",
                               "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")
    return item.read_bytes()


def _json(data: dict, status: int = 200):
    bottle.response.status = status
    bottle.response.content_type = "application/json; charset=utf-8"
    bottle.response.set_header("Cache-Control", "no-store")
    return json.dumps(data, ensure_ascii=False)


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a browser's idle keep-alive socket never blocks another request


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002  (the stdlib's signature)
        pass


def serve(folder: str | Path, port: int = 0, open_browser: bool = True, announce=print) -> None:
    """Serve the review of ``folder`` on 127.0.0.1 (a free port when ``port`` is 0) until interrupted."""
    review = Review(folder)
    try:
        server = make_server(HOST, port, make_app(review), server_class=_ThreadingServer, handler_class=_QuietHandler)
    except OSError as exc:
        raise AlignError(f"{HOST}:{port}: cannot serve the review there ({exc.strerror or exc})") from exc
    url = f"http://{HOST}:{server.server_port}/"
    counts = review.state.counts()
    announce(f"reviewing {review.folder} ({counts['pairs']} pairs, {counts['beads']} beads, "
             f"{counts['decisions']} decisions so far) at {url}  (Ctrl-C to stop)")
    if review.state.stale:
        announce(f"warning: {len(review.state.stale)} decision(s) in {review.log.path} no longer fit the run")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:  # Ctrl-C is how a review ends; every decision is on disk already
        announce(f"stopped; {review.state.decisions} decisions in {review.log.path}")
    finally:
        server.server_close()
