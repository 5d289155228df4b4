"""The per-file work of a batch, the same in every engine: read, run, render.

An ``ArticleWorker`` holds one ``Pipeline`` (so each model loads once per process) and turns
tasks (an input path and where its output goes) into outcomes (the rendered output, or the
one-line reason the file failed). The local engine calls it in-process or in a process
pool; the Ray engine wraps it in ``map_batches``. Writing outputs and the manifest is left
to the driver, so there is exactly one writer.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from summarize.data import Result
from summarize.entities import main_language
from summarize.errors import InputError, SummarizeError, describe
from summarize.reader import RawText, text_from_bytes
from summarize.render.sanitize import clean_line

__all__ = ["ArticleWorker", "Outcome", "Task", "WorkerSettings"]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerSettings:
    """Everything a worker needs to build its Pipeline and render like the driver asked."""

    models: str | None
    offline: bool
    to: str
    fmt: str
    sentences: int | None
    encoding: str | None
    max_bytes: int
    threads: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One input file: where it is, where its output goes, and the hash of the output that
    is already there from an earlier run (empty when there is none to keep)."""

    source: str
    output: str
    known_sha256: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What became of one task: ``ok`` (with the rendered output), ``failed`` or ``skipped``."""

    source: str
    output: str
    status: str
    sha256: str = ""
    reason: str = ""
    text: str = ""
    title: str | None = None
    langs: tuple[str, ...] = ()
    summary: str | None = None
    segments: int = 0
    timings: dict[str, float] = field(default_factory=dict)


class _Skip(Exception):
    """The input is unchanged since a run that already made its output."""


class ArticleWorker:
    """Runs tasks through one Pipeline and renders each result.

    Args:
        settings: The batch's options.
        on_load: Told ``(route, model)`` when a model starts loading.
    """

    def __init__(
        self, settings: WorkerSettings, on_load: Callable[[str, str], None] | None = None
    ) -> None:
        from summarize.config import load_config
        from summarize.pipeline import Pipeline

        self.settings = settings
        self.pipeline = Pipeline(
            load_config(settings.models),
            offline=settings.offline,
            threads=settings.threads,
            summary_sentences=settings.sentences,
        )
        self.pipeline.registry.on_load = on_load
        self._hashes: dict[str, str] = {}

    def __call__(self, tasks: Sequence[Task]) -> list[Outcome]:
        """Run a chunk of tasks (their segments are translated together)."""
        return list(self.stream(tasks))

    def stream(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Run tasks lazily, a window of files at a time; yield outcomes in task order."""
        by_source: dict[str, Task] = {}

        def sources() -> Iterator[str]:
            for task in tasks:
                by_source[task.source] = task
                yield task.source

        results = self.pipeline.run_many(
            sources(), to=self.settings.to, read=lambda source: self._read(by_source[source])
        )
        for source, result in results:
            task = by_source.pop(source)
            yield self._outcome(task, result, self._hashes.pop(source, ""))

    def _read(self, task: Task) -> RawText:
        """Read one file within the size limit, hash it, and decode it."""
        limit = self.settings.max_bytes
        try:
            if os.stat(task.source).st_size > limit:
                raise InputError(f"{task.source}: larger than --max-bytes {limit}")
            with open(task.source, "rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise InputError(f"{task.source}: vanished before it could be read") from None
        except OSError as exc:
            raise InputError(f"{task.source}: cannot be read ({exc.strerror or exc})") from None
        if len(data) > limit:
            raise InputError(f"{task.source}: larger than --max-bytes {limit}")
        digest = hashlib.sha256(data).hexdigest()
        self._hashes[task.source] = digest
        if digest == task.known_sha256:
            raise _Skip
        return text_from_bytes(data, task.source, self.settings.encoding)

    def _outcome(self, task: Task, result: Result | Exception, digest: str) -> Outcome:
        base = Outcome(source=task.source, output=task.output, status="failed", sha256=digest)
        if isinstance(result, _Skip):
            return replace(base, status="skipped")
        if isinstance(result, Exception):
            reason = (
                str(result)
                if isinstance(result, SummarizeError)
                else (f"unexpected {type(result).__name__}: {describe(result)}")
            )
            return replace(base, reason=clean_line(reason))
        from summarize.render import render_result

        # Timings go to the manifest: outputs stay byte-identical from run to run.
        text = render_result(replace(result, timings={}), self.settings.fmt)
        langs = _languages(result)
        first = next((s.sentences[0].text for s in result.summaries if s.sentences), None)
        return replace(
            base, status="ok", text=text, title=result.document.title, langs=langs,
            summary=first, segments=len(result.segments), timings=dict(result.timings),
        )  # fmt: skip


def _languages(result: Result) -> tuple[str, ...]:
    """The languages of the article, most text first (``und`` left out)."""
    remaining = list(result.segments)
    langs: list[str] = []
    while (lang := main_language(remaining)) != "und":
        langs.append(lang)
        remaining = [s for s in remaining if s.lang != lang]
    return tuple(langs)
