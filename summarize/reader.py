"""Read an input (a file or stdin) into text, refusing what is not text."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import InputError, UsageError

__all__ = ["RawText", "decode_bytes", "read_input"]

# Beyond this an "article" is almost certainly not one; refuse rather than eat memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawText:
    """Decoded input before normalisation."""

    text: str
    source: str
    encoding: str


def read_input(source: str, *, encoding: str | None = None) -> RawText:
    """Read a path, or stdin when ``source`` is ``-``, and decode it.

    Args:
        source: A file path or ``-``.
        encoding: Decode with this codec instead of detecting one.

    Returns:
        The decoded text with its source and encoding.

    Raises:
        InputError: The input is missing, a directory, unreadable, too large or binary.
    """
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return decode_bytes(data, source="-", encoding=encoding)
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{source}: is a directory; give a text file (or use `summarize batch`)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    return decode_bytes(data, source=source, encoding=encoding)


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> RawText:
    """Decode bytes: an explicit encoding, else a BOM, else UTF-8; binary data is refused.

    Args:
        data: The raw bytes.
        source: Where they came from, for messages.
        encoding: A codec name that overrides detection.

    Returns:
        The decoded text.

    Raises:
        InputError: The data is too large, binary or not valid UTF-8.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MiB; split it first")
    if encoding is not None:
        if b"\x00" in data and not encoding.lower().replace("_", "-").startswith(
            ("utf-16", "utf-32")
        ):
            raise InputError(
                f"{source}: looks like a binary file (it has NUL bytes); give a text file"
            )
        return RawText(text=_decode(data, encoding, source), source=source, encoding=encoding)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return RawText(text=_decode(data, encoding, source), source=source, encoding=encoding)
    if b"\x00" in data:
        raise InputError(f"{source}: looks like a binary file (it has NUL bytes); give a text file")
    return RawText(text=_decode(data, "utf-8", source), source=source, encoding="utf-8")


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        if not codecs.lookup(encoding)._is_text_encoding:
            raise LookupError(encoding)  # rot13, base64: codecs, but not text encodings
    except LookupError as exc:
        raise UsageError(
            f"unknown encoding {encoding!r}; use a Python codec name such as utf-8 or cp1256"
        ) from exc
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid {encoding} text at byte {exc.start}; "
            "save it as UTF-8 or pass --encoding"
        ) from exc
