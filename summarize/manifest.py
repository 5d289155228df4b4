"""A batch's record of what it did, and its claim on the output folder.

The manifest (``OUT/manifest.jsonl``) has one JSON line per file processed: input path,
content hash, the settings and models that made the output, status (``ok`` or ``failed``
with its one-line reason), output path, timings and what the index shows. A line is
appended, flushed and fsynced only after the file's output is safely in place, so after
any crash the manifest never claims an output that is not there. A line cut off by a
crash is ignored when read. At the end of a run the manifest is rewritten (atomically)
with one line per input, the latest.

The lock (``OUT/.summarize.lock``) holds the pid and host of the run that owns OUT. A
second run on the same OUT stops with a clear error; a lock left by a process that is no
longer alive on this host is taken over.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import UsageError
from summarize.files import replace_atomically

__all__ = ["MANIFEST_NAME", "Entry", "Manifest", "OutputLock"]

MANIFEST_NAME = "manifest.jsonl"
LOCK_NAME = ".summarize.lock"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One file's line in the manifest.

    Attributes:
        input: The input path, as the batch walked it.
        sha256: The hash of the input's bytes (empty when it could not be read).
        settings: A fingerprint of the options and models that produced the output.
        status: ``ok`` or ``failed``.
        reason: For a failure, the one-line reason.
        output: The output path relative to OUT (empty for a failure).
        timings: Seconds per stage.
        title: The article's title, for the index.
        langs: The languages found, most text first.
        summary: The summary's first sentence, for the index.
        run: Which run wrote the line (its start time and pid).
    """

    input: str
    sha256: str
    settings: str
    status: str
    reason: str = ""
    output: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    title: str | None = None
    langs: tuple[str, ...] = ()
    summary: str | None = None
    run: str = ""

    def to_json(self) -> str:
        """One line of JSON (non-ASCII kept, control characters escaped)."""
        data = asdict(self)
        data["langs"] = list(self.langs)
        return json.dumps(data, ensure_ascii=False) + "\n"


def _parse(line: bytes) -> Entry | None:
    """The entry of one manifest line; None for a line a crash cut off, or not an entry."""
    try:
        return _entry(json.loads(line.decode("utf-8", errors="replace")))
    except ValueError:
        return None


def _entry(data: Any) -> Entry | None:
    try:
        return Entry(**{**data, "langs": tuple(data.get("langs", ()))})
    except TypeError:
        return None


class Manifest:
    """The manifest of one output folder: read what earlier runs did, append what this does.

    Args:
        out: The output folder.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST_NAME
        self._handle: int | None = None

    def read(self) -> dict[str, Entry]:
        """The latest entry per input path (lines cut off by a crash are skipped)."""
        latest: dict[str, Entry] = {}
        for _, entry in self._entries():
            latest[entry.input] = entry
        return latest

    def _entries(self) -> Iterator[tuple[int, Entry]]:
        """Each readable entry with the byte offset of its line."""
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            return
        with handle:
            offset = 0
            for line in handle:
                entry = _parse(line)
                if entry is not None:
                    yield offset, entry
                offset += len(line)

    def append(self, entry: Entry) -> None:
        """Append one line and flush it to disk before returning.

        Raises:
            OSError: The folder cannot be written (full disk, read-only).
        """
        if self._handle is None:
            self._handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.write(self._handle, entry.to_json().encode("utf-8"))
        os.fsync(self._handle)

    def compact(self) -> None:
        """Rewrite the manifest with one line per input (the latest), atomically.

        Streamed: only each input's path and the offset of its latest line are held, so a
        run of a million files does not hold a million entries (their summaries) at the end.
        """
        self.close()
        if not self.path.exists():
            return
        latest: dict[str, int] = {}  # in the order inputs first appear
        for offset, entry in self._entries():
            latest[entry.input] = offset
        with self.path.open("rb") as handle:

            def lines() -> Iterator[bytes]:
                for offset in latest.values():
                    handle.seek(offset)
                    entry = _parse(handle.readline())
                    if entry is not None:
                        yield entry.to_json().encode("utf-8")

            replace_atomically(self.path, lines(), fsync=True)

    def close(self) -> None:
        """Close the append handle."""
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


class OutputLock:
    """Exclusive use of an output folder by one run, released on exit (also on Ctrl-C).

    Raises (on enter):
        UsageError: Another live run holds the folder, or it cannot be written.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / LOCK_NAME
        self._mine = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})

    def __enter__(self) -> OutputLock:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                self._take_over_if_stale()
                continue
            except OSError as exc:
                raise UsageError(
                    f"{self.path.parent}: cannot write there ({exc.strerror or exc}); "
                    "choose another -o folder"
                ) from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self._mine)
            return self
        raise UsageError(f"{self.path}: could not take the lock; try again")

    def _take_over_if_stale(self) -> None:
        try:
            owner = json.loads(self.path.read_text(encoding="utf-8"))
            pid, host = int(owner["pid"]), str(owner["host"])
        except (OSError, ValueError, KeyError, TypeError):
            pid, host = 0, socket.gethostname()  # unreadable: a crash while writing it
        if host == socket.gethostname() and not _alive(pid):
            self.path.unlink(missing_ok=True)
            return
        raise UsageError(
            f"{self.path.parent} is in use by another `summarize batch` (pid {pid} on {host}); "
            f"wait for it, or delete {self.path} if that run is gone"
        )

    def __exit__(self, *exc: object) -> None:
        try:
            if self.path.read_text(encoding="utf-8") == self._mine:
                self.path.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    return True
