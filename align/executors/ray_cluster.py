"""A Ray cluster: per-file and per-pair work as Ray tasks, embedding in Ray actors (GPU ones if any).

Needs the optional extra: ``pip install 'align[ray]'``. Every node must have ``align`` installed.
Without an address a private single-node cluster starts on 127.0.0.1 and stops with the run.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import numpy as np

from align.config import Config
from align.embed import Encoder
from align.embed.base import check_device
from align.errors import AlignError
from align.executors.config import ExecutionConfig
from align.executors import ordered_window
from align.executors.local import single_thread_worker

def _import_ray():
    try:
        import ray
    except ImportError as exc:
        raise AlignError("--executor ray: Ray is not installed (pip install 'align[ray]')") from exc
    return ray


class EncoderActor:
    """Holds one loaded model; lives on one CPU or one GPU of the cluster."""

    def __init__(self, model: str, batch_size: int, device: str) -> None:
        from align.embed.base import raw_encoder

        if device == "cpu":  # actors share their node's cores with each other: one thread each
            single_thread_worker()
        self._encoder = raw_encoder(model, batch_size=batch_size, device=device)

    def describe(self) -> tuple[str, int, str]:
        return self._encoder.name, self._encoder.dim, self._encoder.version

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._encoder.encode(texts)


class ActorPoolEncoder:
    """Encoder that cuts each call into slices for its actors and joins the vectors in order."""

    def __init__(self, actors: list, min_slice: int = ExecutionConfig.ray_min_slice) -> None:
        import ray

        self._actors = actors
        self.min_slice = min_slice  # texts per actor call at least
        self.name, self.dim, self.version = ray.get(actors[0].describe.remote())

    def encode(self, texts: list[str]) -> np.ndarray:
        import ray

        from align.embed.parallel import slices

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = slices(list(texts), min(len(self._actors), -(-len(texts) // self.min_slice)))
        refs = [actor.encode.remote(part) for actor, part in zip(self._actors, parts)]
        return np.concatenate(ray.get(refs), axis=0)


class RayExecutor:
    """Runs ``map`` as Ray tasks and embedding in a pool of Ray actors; results in input order."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None,
                 settings: ExecutionConfig = ExecutionConfig()) -> None:
        self.address, self.workers = address, workers
        self.settings = settings
        self._ray = None  # connected on first use, so bad input fails before a cluster starts
        self._started = False
        self._remote: dict[Callable, object] = {}
        self._actors: list = []

    def _connect(self):
        if self._ray is not None:
            return self._ray
        ray = _import_ray()
        if not ray.is_initialized():
            options = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
            try:
                if self.address:
                    ray.init(address=self.address, **options)
                else:  # a private cluster on loopback only
                    ray.init(num_cpus=self.workers, _node_ip_address="127.0.0.1", **options)
            except Exception as exc:  # connection refused, bad address, version mismatch ...
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                where = self.address or "a local cluster"
                raise AlignError(f"--executor ray: cannot start or reach Ray at {where} ({reason})") from exc
            self._started = True
        resources = ray.cluster_resources()
        self.cpus = max(1, int(resources.get("CPU", 1)))
        self.gpus = int(resources.get("GPU", 0))
        self._ray = ray
        return ray

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        ray = self._connect()
        task = self._remote.get(fn)
        if task is None:
            task = self._remote[fn] = ray.remote(num_cpus=1)(fn)
        return ordered_window(task.remote, ray.get, items, self.settings.ray_in_flight_per_cpu * self.cpus)

    def encoder(self, config: Config) -> Encoder:
        """One actor per GPU for GPU-capable models when the cluster has GPUs, else one per CPU.

        Actors reserve no CPU (only GPUs), so the alignment tasks that follow the embedding can use
        every core; they are spread over the nodes and run one math thread each.
        """
        from align.embed.cache import CachedEncoder

        embed = config.embed
        check_device(config.model, embed.device)
        ray = self._connect()
        on_gpu = self.gpus > 0 and config.model != "bundled" and embed.device != "cpu"
        if embed.device == "cuda" and not on_gpu:
            raise AlignError("--device cuda: the Ray cluster has no GPUs")
        actor = ray.remote(num_cpus=0, num_gpus=1 if on_gpu else 0, scheduling_strategy="SPREAD")(EncoderActor)
        device = "cuda" if on_gpu else "cpu"
        self._actors = [actor.remote(config.model, embed.batch_size, device)
                        for _ in range(self.gpus if on_gpu else self.cpus)]
        return CachedEncoder(ActorPoolEncoder(self._actors, self.settings.ray_min_slice), embed.cache_dir,
                             embed.memory_vectors)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False
