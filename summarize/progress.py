"""Telling the user what a long run is doing, on stderr, without getting in the way.

A batch, on a terminal: a rich progress bar (files, segments per second, time left,
failures so far) and a status line while a model loads. Piped or redirected: a plain line
every few seconds, so logs stay readable. With ``--quiet``: nothing.

One article or ``translate`` (``make_status``), on a terminal only: a spinner that says
which model loads and how far translation and the summary are (``12/40``), erased before
the output is printed. Piped, redirected or ``--quiet``: nothing at all.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)

from summarize.render.sanitize import clean_line

__all__ = ["BatchProgress", "make_progress", "make_status"]

# How often a plain (non-terminal) progress line is printed, at most.
_LINE_EVERY_S = 5.0


class BatchProgress:
    """Receives what happens in a batch; this base class shows nothing (``--quiet``)."""

    def start(self, total: int) -> None:
        """The run begins with ``total`` files to look at."""

    def loading(self, route: str, model: str) -> None:
        """A model starts loading (this can take seconds to minutes)."""

    def advance(self, *, segments: int, failed: bool) -> None:
        """One file is done (or failed, or was skipped with ``segments`` 0)."""

    def working(self, route: str, done: int, total: int) -> None:
        """``done`` of ``total`` inputs of a job have gone through ``route``'s model."""

    def close(self) -> None:
        """The run is over: clear the bar."""


class _BarProgress(BatchProgress):
    def __init__(self, stream: TextIO) -> None:
        self._console = Console(file=stream, markup=False, emoji=False, highlight=False)
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} segments/s", markup=False),
            TextColumn("{task.fields[failed]} failed", markup=False),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._task = self._bar.add_task("summarizing", total=None, rate="0", failed=0)
        self._segments = 0
        self._failed = 0
        self._began = time.monotonic()

    def start(self, total: int) -> None:
        self._bar.update(self._task, total=total)
        self._bar.start()

    def loading(self, route: str, model: str) -> None:
        self._bar.update(self._task, description=f"loading {route}: {clean_line(model)}")

    def advance(self, *, segments: int, failed: bool) -> None:
        self._segments += segments
        self._failed += failed
        rate = self._segments / max(time.monotonic() - self._began, 1e-9)
        self._bar.update(
            self._task, advance=1, description="summarizing", rate=f"{rate:.1f}",
            failed=self._failed,
        )  # fmt: skip

    def close(self) -> None:
        self._bar.stop()


class _LineProgress(BatchProgress):
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._total = 0
        self._done = self._failed = self._segments = 0
        self._began = self._last = time.monotonic()

    def start(self, total: int) -> None:
        self._total = total
        self._say(f"batch: {total} files to look at")

    def loading(self, route: str, model: str) -> None:
        self._say(f"batch: loading {route}: {clean_line(model)}")

    def advance(self, *, segments: int, failed: bool) -> None:
        self._done += 1
        self._failed += failed
        self._segments += segments
        now = time.monotonic()
        if now - self._last >= _LINE_EVERY_S or self._done == self._total:
            self._last = now
            elapsed = max(now - self._began, 1e-9)
            left = (self._total - self._done) * elapsed / self._done
            self._say(
                f"batch: {self._done}/{self._total} files, {self._failed} failed, "
                f"{self._segments / elapsed:.1f} segments/s, about {left:.0f} s left"
            )

    def _say(self, line: str) -> None:
        print(line, file=self._stream, flush=True)


class _StatusProgress(BatchProgress):
    """A spinner and one line of status for a single article: what is loading or running."""

    def __init__(self, stream: TextIO) -> None:
        console = Console(file=stream, markup=False, emoji=False, highlight=False)
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("reading", total=None)

    def start(self, total: int) -> None:
        self._bar.start()

    def loading(self, route: str, model: str) -> None:
        self._say(f"loading {route}: {clean_line(model)}")

    def working(self, route: str, done: int, total: int) -> None:
        job, _, lang = route.partition(".")
        unit = "segments" if job == "translate" else "parts"
        verb = "translating" if job == "translate" else "summarizing"
        self._say(f"{verb} {lang}: {done}/{total} {unit}")

    def _say(self, description: str) -> None:
        self._bar.update(self._task, description=description, refresh=True)

    def close(self) -> None:
        self._bar.stop()


def make_status(*, quiet: bool, stream: TextIO | None = None) -> BatchProgress:
    """A spinner on a terminal for one article; nothing when piped or ``quiet``."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return BatchProgress()
    return _StatusProgress(stream)


def make_progress(*, quiet: bool, stream: TextIO | None = None) -> BatchProgress:
    """A bar on a terminal, periodic lines otherwise, nothing when ``quiet``."""
    stream = stream or sys.stderr
    if quiet:
        return BatchProgress()
    return _BarProgress(stream) if stream.isatty() else _LineProgress(stream)
