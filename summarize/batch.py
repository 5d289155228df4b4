"""``summarize batch``: many articles into an output folder, streaming and restartable.

The driver walks the inputs lazily, hands tasks to an engine (``local``: this process or
a process pool; ``ray``: Ray Data, see ``summarize.batch_ray``), and is the only writer:
each output is written atomically (a temporary file in OUT, fsync, rename) and only then
recorded in the manifest (``summarize.manifest``). ``--resume`` skips exactly the files
whose latest manifest entry is ``ok`` for the same content, settings and models. A bad file
is a failed entry, never the end of the run; Ctrl-C stops cleanly with exit 130.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import FrameType

from summarize import __version__
from summarize.batch_pool import run_pool
from summarize.batch_worker import ArticleWorker, Outcome, Task, WorkerSettings
from summarize.data import SCHEMA_VERSION
from summarize.errors import UsageError
from summarize.files import replace_atomically
from summarize.manifest import LOCK_NAME, MANIFEST_NAME, Entry, Manifest, OutputLock
from summarize.progress import BatchProgress

__all__ = ["DEFAULT_GLOBS", "EXTENSIONS", "BatchOptions", "BatchReport", "run_batch"]

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
EXTENSIONS = {"json": ".json", "md": ".md", "html": ".html"}
# Files per chunk a pool or Ray worker gets: enough segments to fill a translation window.
CHUNK_FILES = 16
# The report keeps this many failures with their reasons (memory stays flat on huge runs).
MAX_LISTED_FAILURES = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchOptions:
    """What ``summarize batch`` was asked to do (see ``summarize batch --help``)."""

    inputs: tuple[str, ...]
    out: str
    globs: tuple[str, ...] = DEFAULT_GLOBS
    recursive: bool = False
    fmt: str = "json"
    to: str = "both"
    resume: bool = False
    jobs: int = 1
    engine: str = "local"
    max_bytes: int = 20 * 1024 * 1024
    quiet: bool = False
    encoding: str | None = None
    sentences: int | None = None
    models: str | None = None
    offline: bool = False


@dataclass(slots=True)
class BatchReport:
    """How the run went: counts, and the failures with their reasons."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first ones
    interrupted: bool = False


def run_batch(options: BatchOptions, progress: BatchProgress | None = None) -> BatchReport:
    """Process every matching input into OUT; see the module docstring.

    Raises:
        UsageError: Bad inputs or OUT (missing, clashing names, not writable, in use).
        ConfigError: models.toml is invalid.
        KeyboardInterrupt: Ctrl-C or SIGTERM, after leaving OUT consistent.
    """
    progress = progress or BatchProgress()
    out = Path(options.out)
    roots = _roots(options.inputs)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"-o {out}: cannot create it ({exc.strerror or exc})") from None
    report = BatchReport()
    with OutputLock(out), _stop_on_sigterm():
        _remove_temporary_files(out)
        manifest = Manifest(out)
        settings = _worker_settings(options)
        fingerprint = _fingerprint(options)
        earlier = manifest.read() if options.resume else {}
        progress.start(sum(1 for _ in _walk(roots, options, out)))
        tasks = (_task(source, output, earlier, fingerprint, out) for source, output in
                 _walk(roots, options, out))  # fmt: skip
        run = f"{_now()}-{os.getpid()}"
        try:
            for outcome in _engine(options, settings, tasks, progress):
                _record(outcome, out, manifest, fingerprint, run, report)
                progress.advance(segments=outcome.segments, failed=outcome.status == "failed")
        except KeyboardInterrupt:
            report.interrupted = True
            raise
        finally:
            progress.close()
            with _interrupts_deferred():
                manifest.compact()
                _write_index(out, options.fmt, manifest)
    return report


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")


def _roots(inputs: Sequence[str]) -> list[tuple[Path, str]]:
    """Each input with the folder its outputs go under (empty for a lone directory)."""
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    if len(paths) == 1 and paths[0].is_dir():
        return [(paths[0], "")]
    names = [p.resolve().name for p in paths]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise UsageError(f"two inputs are both named {clash[0]!r}; their outputs would clash")
    return list(zip(paths, names, strict=True))


def _walk(roots: list[tuple[Path, str]], options: BatchOptions, out: Path) -> Iterator[
    tuple[str, str]
]:  # fmt: skip
    """``(input path, output path relative to OUT)`` for every matching file, lazily."""
    skip = out.resolve()
    for root, prefix in roots:
        if root.is_file():
            yield str(root), _output_name(root.name, {}, options.fmt, at_root=True)
            continue
        yield from _walk_dir(root, Path(prefix), options, skip)


def _walk_dir(
    folder: Path, rel: Path, options: BatchOptions, skip: Path
) -> Iterator[tuple[str, str]]:
    """One directory's matching files (sorted), then its subdirectories when recursive.

    Hidden entries and the output folder are never read; links to directories are not
    followed (no loops).
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # an unreadable folder: nothing to read from it
    files = [e for e in entries if _matches(e, options.globs)]
    stems: dict[str, int] = {}
    for entry in files:
        stem = Path(entry.name).stem
        stems[stem] = stems.get(stem, 0) + 1
    at_root = rel == Path("")
    for entry in files:
        yield entry.path, str(rel / _output_name(entry.name, stems, options.fmt, at_root=at_root))
    if not options.recursive:
        return
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        if Path(entry.path).resolve() == skip:
            continue
        yield from _walk_dir(Path(entry.path), rel / entry.name, options, skip)


def _matches(entry: os.DirEntry[str], globs: Sequence[str]) -> bool:
    if entry.name.startswith(".") or entry.name in (MANIFEST_NAME, LOCK_NAME):
        return False
    try:
        is_file = entry.is_file()
    except OSError:
        return False
    return is_file and any(fnmatch.fnmatch(entry.name, g) for g in globs)


def _output_name(name: str, stems: dict[str, int], fmt: str, *, at_root: bool) -> str:
    """``a.txt`` gives ``a.json``; ``a.txt.json`` when another input shares the stem ``a``,
    or when the name would be the index's."""
    stem, extension = Path(name).stem, EXTENSIONS[fmt]
    if stems.get(stem, 1) > 1 or (at_root and stem == "index"):
        return name + extension
    return stem + extension


def _task(source: str, output: str, earlier: dict[str, Entry], fingerprint: str, out: Path) -> Task:
    """A task; it carries the input's known hash when an earlier run's output can stay."""
    entry = earlier.get(source)
    keep = (
        entry is not None
        and entry.status == "ok"
        and entry.settings == fingerprint
        and entry.output == output
        and (out / output).is_file()
    )
    return Task(source=source, output=output, known_sha256=entry.sha256 if keep and entry else "")


def _worker_settings(options: BatchOptions) -> WorkerSettings:
    return WorkerSettings(
        models=options.models, offline=options.offline, to=options.to, fmt=options.fmt,
        sentences=options.sentences, encoding=options.encoding, max_bytes=options.max_bytes,
    )  # fmt: skip


def _fingerprint(options: BatchOptions) -> str:
    """What decides an output besides the input: the options that shape it and each route's
    model settings (id, revision, prefix, beams, ...)."""
    from summarize.config import load_config

    config = load_config(options.models)
    shape = {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "format": options.fmt,
        "to": options.to,
        "sentences": options.sentences,
        "encoding": options.encoding,
        "models": {route: asdict(c) for route, c in sorted(config.routes.items())},
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def _engine(
    options: BatchOptions, settings: WorkerSettings, tasks: Iterator[Task], progress: BatchProgress
) -> Iterator[Outcome]:
    if options.engine == "ray":
        from summarize.batch_ray import run_ray

        return run_ray(list(tasks), settings, jobs=options.jobs, chunk=CHUNK_FILES)
    if options.jobs > 1:
        # Parallelism from workers, one share of the cores each: N workers with every core
        # each would fight over the cores (many times slower on a busy machine).
        cores = max(1, (os.cpu_count() or 1) // options.jobs)
        return run_pool(tasks, replace(settings, threads=cores), options.jobs, CHUNK_FILES)
    return ArticleWorker(settings, on_load=progress.loading).stream(tasks)


def _record(
    outcome: Outcome, out: Path, manifest: Manifest, fingerprint: str, run: str,
    report: BatchReport,
) -> None:  # fmt: skip
    """Write an ok output atomically, then its manifest line; count the outcome.

    Raises:
        UsageError: OUT cannot be written (full disk, read-only): the run stops here, with
            every output so far in place and in the manifest.
    """
    if outcome.status == "skipped":
        report.skipped += 1
        return
    entry = Entry(
        input=outcome.source, sha256=outcome.sha256, settings=fingerprint,
        status=outcome.status, reason=outcome.reason, timings=outcome.timings,
        output=outcome.output if outcome.status == "ok" else "", title=outcome.title,
        langs=outcome.langs, summary=outcome.summary, run=run,
    )  # fmt: skip
    try:
        with _interrupts_deferred():  # an output is always followed by its manifest line
            if outcome.status == "ok":
                target = out / outcome.output
                target.parent.mkdir(parents=True, exist_ok=True)
                replace_atomically(target, outcome.text.encode("utf-8"), fsync=True)
            manifest.append(entry)
    except OSError as exc:
        raise UsageError(
            f"{out}: cannot write ({exc.strerror or exc}); the manifest lists what is done — "
            "free space or fix permissions, then rerun with --resume"
        ) from None
    if outcome.status == "ok":
        report.ok += 1
    else:
        report.failed += 1
        if len(report.failures) < MAX_LISTED_FAILURES:  # the manifest has every one
            report.failures.append((outcome.source, outcome.reason))


def _remove_temporary_files(out: Path) -> None:
    """Temporary files a killed run left behind (``.NAME.XXXX.tmp``; we hold the lock)."""
    for folder, _, names in os.walk(out):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done, then act on them.

    Writing an output and its manifest line is one step: a signal in between would leave a
    temporary file behind, or an output the manifest does not know.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if caught:
        raise KeyboardInterrupt


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a scheduler stopping the job) stops the run like Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_index(out: Path, fmt: str, manifest: Manifest) -> None:
    """``index.md`` or ``index.html``: one line per article (title, languages, summary)."""
    if fmt not in ("md", "html"):
        return
    from summarize.batch_index import render_index

    entries = sorted(
        (e for e in manifest.read().values() if e.status == "ok"), key=lambda e: e.output
    )
    replace_atomically(out / f"index.{fmt}", render_index(entries, fmt).encode("utf-8"))
