"""The Ray Data engine of ``summarize batch`` (``pip install 'summarize[ray]'``).

The task list becomes a Ray dataset; ``map_batches`` runs it through a pool of actors, each
holding one ``ArticleWorker`` (one Pipeline, models loaded once per actor); the outcomes
stream back to the driver, which writes them through the same atomic writer and manifest as
the local engine. ``RAY_ADDRESS`` points at an existing cluster; without it a local Ray
with ``--jobs`` workers is started for the run and stopped after it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from summarize.batch_worker import ArticleWorker, Outcome, Task, WorkerSettings
from summarize.errors import UsageError

__all__ = ["run_ray"]


class _RayWorker:
    """The callable class Ray instantiates once per actor."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self._worker = ArticleWorker(WorkerSettings(**settings))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        tasks = [Task(**json.loads(item)) for item in batch["task"]]
        outcomes = self._worker(tasks)
        return {"outcome": np.array([json.dumps(asdict(o)) for o in outcomes], dtype=object)}


def run_ray(
    tasks: Sequence[Task], settings: WorkerSettings, *, jobs: int, chunk: int
) -> Iterator[Outcome]:
    """Run tasks on Ray Data; yield outcomes as they arrive.

    Raises:
        UsageError: Ray is not installed.
    """
    try:
        import ray
    except ImportError:
        raise UsageError(
            "--engine ray needs Ray: pip install 'summarize[ray]' (or use --engine local)"
        ) from None
    started = _init(ray, jobs)
    try:
        if tasks:
            yield from _stream(ray, tasks, settings, jobs=jobs, chunk=chunk)
    finally:
        if started:
            ray.shutdown()


def _init(ray: Any, jobs: int) -> bool:
    """Join ``RAY_ADDRESS``'s cluster, or start a local Ray for this run."""
    if ray.is_initialized():
        return False
    address = os.environ.get("RAY_ADDRESS") or None
    options: dict[str, Any] = {
        "address": address,
        "include_dashboard": False,
        "log_to_driver": False,
        "configure_logging": False,
    }
    if address is None:
        options["num_cpus"] = max(jobs, 1)
    ray.init(**options)
    return True


def _stream(
    ray: Any, tasks: Sequence[Task], settings: WorkerSettings, *, jobs: int, chunk: int
) -> Iterator[Outcome]:
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # ours is on stderr already
    dataset = ray.data.from_items([{"task": json.dumps(asdict(t))} for t in tasks])
    dataset = dataset.map_batches(
        _RayWorker,
        fn_constructor_kwargs={"settings": {**asdict(settings), "threads": 1}},
        batch_size=chunk,
        concurrency=max(jobs, 1),
        num_cpus=1,
    )
    for row in dataset.iter_rows():
        data = json.loads(row["outcome"])
        yield Outcome(**{**data, "langs": tuple(data["langs"])})
