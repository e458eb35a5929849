"""Tunables of where the work runs (never changes the results)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExecutionConfig:
    """Settings of the executors."""

    workers: int = 1  # processes on this machine (local), or CPUs of a private Ray cluster
    executor: str = "local"  # local | ray
    ray_address: str | None = None  # an existing Ray cluster; default starts one on 127.0.0.1
    ray_min_slice: int = 16  # texts per Ray actor call at least: a few texts go to one actor, not to all
    ray_in_flight_per_cpu: int = 2  # Ray tasks submitted ahead per cluster CPU (busy workers, bounded memory)
    in_flight_per_worker: int = 2  # tasks sent ahead per local worker process (busy workers, bounded memory)

    def __post_init__(self) -> None:
        for name in ("ray_min_slice", "ray_in_flight_per_cpu", "in_flight_per_worker"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be 1 or more, not {getattr(self, name)}")
