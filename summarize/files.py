"""Where output goes: stdout, or a file replaced atomically so no reader sees half of it."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from summarize.errors import UsageError

__all__ = ["replace_atomically", "write_output"]


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a regular file (a temporary file, then a rename).

    A symlink is followed (its target is replaced); a FIFO or device is written directly.
    The new file gets the mode the umask gives, or the mode of the file it replaces.

    Raises:
        UsageError: ``output`` is a directory or cannot be written.
    """
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output).resolve()
    if target.is_dir():
        raise UsageError(f"-o {output}: is a directory; give a file name")
    try:
        if target.exists() and not target.is_file():
            with target.open("w", encoding="utf-8") as handle:  # a FIFO, /dev/stdout
                handle.write(text)
            return
        replace_atomically(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"-o {output}: cannot write ({exc.strerror or exc})") from exc


def replace_atomically(target: Path, data: bytes, *, fsync: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``.

    Args:
        target: The file to create or replace; its mode is kept when it exists.
        data: The whole content.
        fsync: Flush the data to disk before the rename (a crash then leaves the old file
            or the new one, never an empty one).

    Raises:
        OSError: The directory cannot be written (the temporary file is removed).
    """
    mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
