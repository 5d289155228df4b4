"""Where output goes: stdout, or a file replaced atomically so no reader sees half of it."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from summarize.errors import UsageError

__all__ = ["check_output", "replace_atomically", "write_output"]


def check_output(output: str | None, inputs: Sequence[str] = ()) -> None:
    """Refuse, before any work, an ``-o`` that cannot or must not be written.

    Refused: a directory (or a name ending in ``/``), a folder that does not exist, a link
    loop, a read-only file (a rename would replace it all the same), and any of the inputs
    (the article would be lost).

    Raises:
        UsageError: Naming the problem and what to do.
    """
    if output is None or output == "-":
        return
    if Path(output).is_dir():
        raise UsageError(f"-o {output}: is a directory; give a file name")
    if output.endswith(("/", os.sep)):
        raise UsageError(f"-o {output}: names a folder (it ends with /); give a file name")
    try:
        target = Path(output).resolve(strict=False)
    except (RuntimeError, OSError):
        raise UsageError(f"-o {output}: a symbolic link loop; give another file name") from None
    if not target.parent.is_dir():
        raise UsageError(f"-o {output}: the folder {target.parent} does not exist; create it")
    if target.exists() and target.is_file():
        info = target.stat()
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise UsageError(f"-o {output}: the file is read-only; choose another or make it "
                             "writable")  # fmt: skip
        for source in inputs:
            if source != "-" and Path(source).exists() and target.samefile(source):
                raise UsageError(f"-o {output}: that is the input itself; choose another file")


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
    check_output(output)
    target = Path(output).resolve()
    try:
        if target.exists() and not target.is_file():
            with target.open("w", encoding="utf-8") as handle:  # a FIFO, /dev/stdout
                handle.write(text)
            return
        replace_atomically(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"-o {output}: cannot write ({exc.strerror or exc})") from exc


def replace_atomically(target: Path, data: bytes | Iterable[bytes], *, fsync: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``.

    Args:
        target: The file to create or replace; its mode is kept when it exists.
        data: The whole content, or its pieces (written as they come).
        fsync: Flush the data to disk before the rename (a crash then leaves the old file
            or the new one, never an empty one).

    Raises:
        OSError: The directory cannot be written (the temporary file is removed).
    """
    mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
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
