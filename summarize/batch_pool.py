"""The local engine's process pool for ``summarize batch --jobs N``.

N worker processes (spawned, never forked: a forked process may hold torch's threads),
each with its own ``ArticleWorker`` and so its own models, get chunks of tasks; at most two
chunks per worker are in flight, so the walk stays lazy and memory flat. Workers ignore
Ctrl-C: the driver handles it, cancels what has not started, and keeps OUT consistent.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing import get_context

from summarize.batch_worker import ArticleWorker, Outcome, Task, WorkerSettings

__all__ = ["run_pool"]

_POOL_WORKER: ArticleWorker | None = None


def _pool_init(settings: WorkerSettings) -> None:
    global _POOL_WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver handles Ctrl-C
    _POOL_WORKER = ArticleWorker(settings)


def _pool_run(tasks: list[Task]) -> list[Outcome]:
    assert _POOL_WORKER is not None
    return _POOL_WORKER(tasks)


def run_pool(
    tasks: Iterator[Task], settings: WorkerSettings, jobs: int, chunk_files: int
) -> Iterator[Outcome]:
    """``jobs`` processes with one Pipeline each; at most two chunks each in flight."""
    context = get_context("spawn")  # never fork a process that may hold torch threads
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_pool_init,
                             initargs=(settings,)) as pool:  # fmt: skip
        running: set[Future[list[Outcome]]] = set()
        chunks = _chunks(tasks, chunk_files)
        try:
            for chunk in chunks:
                running.add(pool.submit(_pool_run, chunk))
                if len(running) >= 2 * jobs:
                    done, running = _wait_some(running)
                    yield from _results(done)
            while running:
                done, running = _wait_some(running)
                yield from _results(done)
        except BaseException:
            for future in running:
                future.cancel()
            raise


def _wait_some(
    running: set[Future[list[Outcome]]],
) -> tuple[set[Future[list[Outcome]]], set[Future[list[Outcome]]]]:
    done, pending = wait(running, return_when=FIRST_COMPLETED)
    return set(done), set(pending)


def _results(done: set[Future[list[Outcome]]]) -> Iterator[Outcome]:
    for future in done:
        yield from future.result()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
