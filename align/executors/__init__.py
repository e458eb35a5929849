"""Where the parallel parts of a run execute: this process, local worker processes, or a Ray cluster.

An executor offers the pipeline (which alone knows the order of the stages) two things:

* ``map(fn, items)``: ``fn`` applied to every item (per-file segmentation, per-pair alignment),
  results yielded in input order as they become ready. ``fn`` must be a module-level function, so it
  can travel to other processes; it takes plain data and returns plain data.
* ``encoder(config)``: the run's Encoder, behind the usual disk cache, spread over the executor's
  workers where that pays (bundled-model worker processes; Ray actors, on GPUs when there are).

Every executor gives the results ``LocalExecutor()`` gives: work is moved, never changed.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, TypeVar

from align.errors import AlignError

if TYPE_CHECKING:  # align.config composes this package's section: import it for types only
    from align.config import Config
    from align.embed import Encoder

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "ray")


class Executor(Protocol):
    """Runs independent pieces of work; see the module docstring."""

    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def encoder(self, config: Config) -> Encoder: ...

    def close(self) -> None: ...


def make_executor(config: Config) -> Executor:
    """The executor a run's settings ask for (``config.execution``)."""
    settings = config.execution
    if settings.workers < 1:
        raise AlignError(f"--workers: expected 1 or more, got {settings.workers}")
    if settings.executor == "local":
        from align.executors.local import LocalExecutor

        return LocalExecutor(settings.workers, settings.in_flight_per_worker)
    if settings.executor == "ray":
        from align.executors.ray_cluster import RayExecutor

        return RayExecutor(address=settings.ray_address, workers=settings.workers if settings.workers > 1 else None,
                           settings=settings)
    raise AlignError(f"--executor: expected {' or '.join(repr(e) for e in EXECUTORS)}, got '{settings.executor}'")


def ordered_window(submit: Callable[[T], object], fetch: Callable[[object], R], items: Iterable[T],
                   window: int) -> Iterator[R]:
    """Submit items lazily, at most ``window`` in flight; yield their results in input order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield fetch(pending.popleft())
    while pending:
        yield fetch(pending.popleft())
