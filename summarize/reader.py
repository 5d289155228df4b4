"""Read an input — a file, stdin or a URL — into text, refusing what is not text.

Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else, for bytes that
decode as Arabic, Windows-1256 or ISO-8859-6 chosen by which one yields real Arabic words
(charset-normalizer calls short ISO-8859-6 text Thai, and both code pages decode almost
any byte string, so only the words can tell); else charset-normalizer's best guess.
HTML (a ``.html`` file, or content that starts like a page) goes through ``summarize.html``.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from summarize.entities import ARABIC_LETTER
from summarize.errors import InputError, UsageError

__all__ = ["MAX_INPUT_BYTES", "RawText", "decode_bytes", "read_input", "text_from_bytes"]

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
_WIDE_BOMS = tuple(bom for bom, name in _BOMS if name != "utf-8-sig")
_MAGIC = (
    (b"%PDF", "a PDF; copy its text out (for example with pdftotext) and pass that"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx); save the text as .txt"),
    (b"\x1f\x8b", "a gzip archive"),
)
_ARABIC_LEGACY = ("cp1256", "iso8859-6")
_ARABIC_WORD = re.compile(f"(?:{ARABIC_LETTER.pattern}){{2,}}")
# An Arabic letter next to a Latin-1 letter: ISO-8859-6 read as cp1256 does that.
_MIXED_PAIR = re.compile(
    f"{ARABIC_LETTER.pattern}[\u00c0-\u00ff]|[\u00c0-\u00ff]{ARABIC_LETTER.pattern}"
)
_COMMON_WORDS = frozenset("في من على إلى الى عن أن ان التي الذي مع هذا هذه كان قد لا ما".split())


@dataclass(frozen=True, slots=True, kw_only=True)
class RawText:
    """Decoded input before normalisation.

    Attributes:
        text: The text (for a page: its title, a blank line, then the article).
        source: A path, ``-`` or a URL.
        encoding: The codec the bytes were decoded with.
        title: The page's title, when the input was HTML.
        html: Whether the text was extracted from HTML.
        replaced_bytes: Invalid byte sequences decoded as U+FFFD (damaged UTF-8).
    """

    text: str
    source: str
    encoding: str
    title: str | None = None
    html: bool = False
    replaced_bytes: int = 0


def read_input(source: str, *, encoding: str | None = None) -> RawText:
    """Read a path, a URL, or stdin when ``source`` is ``-``, and decode it.

    Args:
        source: A file path, an ``http(s)://`` URL, or ``-``.
        encoding: Decode with this codec instead of detecting one.

    Returns:
        The decoded text with its source and encoding.

    Raises:
        InputError: The input is missing, a directory, unreadable, too large or binary.
        UsageError: ``encoding`` is not a text encoding.
    """
    if source.lower().startswith(("http://", "https://")):
        from summarize.fetch import fetch_url

        page = fetch_url(source)
        if encoding is None and page.charset:
            try:  # the server's word, unless the bytes say otherwise
                return text_from_bytes(page.data, source, page.charset, html=page.is_html)
            except InputError:
                pass
        return text_from_bytes(page.data, source, encoding, html=page.is_html)
    if source == "-":
        return text_from_bytes(_read_stdin(), "-", encoding)
    path = Path(source)
    if not path.exists():
        if path.is_symlink():
            raise InputError(f"{source}: a broken or looping symbolic link; check the path")
        raise InputError(f"{source}: no such file; check the path")
    if path.is_dir():
        raise InputError(
            f"{source}: is a directory; to summarise every article in it, run "
            f"`summarize batch {source} -o OUTDIR`"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    return text_from_bytes(data, source, encoding)


def _read_stdin() -> bytes:
    if sys.stdin is None:
        raise InputError("-: there is no standard input (it is closed); pipe the text in")
    try:
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:  # stdin redirected from a folder, a closed pipe
        raise InputError(f"-: standard input cannot be read ({exc.strerror or exc})") from None


def text_from_bytes(
    data: bytes, source: str, encoding: str | None, *, html: bool | None = None
) -> RawText:
    """Decode bytes read from ``source``; an HTML page (by name or content) is extracted.

    Raises:
        InputError: The bytes are binary, too large, undecodable or a page without text.
        UsageError: ``encoding`` is not a text encoding.
    """
    from summarize.html import extract_article, looks_like_html

    raw = decode_bytes(data, source=source, encoding=encoding)
    if html or (html is None and looks_like_html(data, source)):
        article = extract_article(raw.text, source=source)
        return RawText(
            text=article.text, source=source, encoding=raw.encoding, title=article.title,
            html=True, replaced_bytes=raw.replaced_bytes,
        )  # fmt: skip
    return raw


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> RawText:
    """Decode bytes: an explicit encoding, else detection (see the module docstring).

    Raises:
        InputError: The data is too large, binary, or cannot be decoded.
        UsageError: ``encoding`` is not a text encoding.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MiB; split it first")
    _refuse_binary(data, source, encoding)
    if encoding is not None:
        return RawText(text=_decode(data, encoding, source), source=source, encoding=encoding)
    text, found, replaced = _detect_encoding(data, source=source)
    return RawText(text=text, source=source, encoding=found, replaced_bytes=replaced)


def _refuse_binary(data: bytes, source: str, encoding: str | None) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{source}: this is {what}: a binary file, not text")
    if b"\x00" not in data:
        return
    if encoding is not None:
        wide = encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32"))
    else:
        wide = data.startswith(_WIDE_BOMS) or _utf16_without_bom(data) is not None
    if not wide:
        raise InputError(f"{source}: looks like a binary file (it has NUL bytes); give a text file")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text without a BOM, else None.

    Text in one script puts the same few values in every other byte (the high byte of each
    code unit): 0x00 for ASCII, 0x06 for Arabic. Binary data spreads them out. A sample
    whose high bytes are nearly all among three values, and that decodes, is UTF-16.
    """
    sample = data[:4096]
    if len(sample) < 32 or len(data) % 2:
        return None  # too short to tell, or not whole 16-bit code units
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        top = sorted((high.count(value) for value in set(high)), reverse=True)[:3]
        if sum(top) >= 0.95 * len(high) and _decodes(data, name):
            return name
    return None


def _may_be_utf16(data: bytes) -> bool:
    """NULs (ASCII in UTF-16), or many low control bytes: Arabic in UTF-16 without a space
    is all 0x06 high bytes, which UTF-8 would accept as control characters."""
    sample = data[:4096]
    return b"\x00" in sample or sum(sample.count(b) for b in range(1, 9)) > len(sample) // 10


def _decodes(data: bytes, name: str) -> bool:
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def _detect_encoding(data: bytes, *, source: str) -> tuple[str, str, int]:
    """Return ``(text, encoding, replaced bytes)`` for bytes without a declared encoding.

    Raises:
        InputError: No encoding decodes the bytes as text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode(data, name, source), name, 0
    wide = _utf16_without_bom(data) if _may_be_utf16(data) else None
    if wide:
        return _decode(data, wide, source), wide, 0
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        # U+FFFD that the input itself held is text, not a replaced byte.
        return damaged, "utf-8", damaged.count("\ufffd") - data.count("\ufffd".encode())
    arabic = _best_arabic_legacy(data)
    if arabic:
        return (*arabic, 0)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: cannot tell its text encoding; pass --encoding (e.g. cp1256)")
    return str(best), codecs.lookup(best.encoding).name, 0


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a truncated download, one pasted byte) stays UTF-8.

    The bad bytes become U+FFFD; the pipeline warns. Text with no valid multi-byte UTF-8
    sequence at all is left to the legacy detectors.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte >= 2 and bad <= max(2, len(text) // 200) and bad < multibyte:
        return text
    return None


def _best_arabic_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode as Windows-1256 or ISO-8859-6, whichever gives more real Arabic words."""
    scored = []
    for name in _ARABIC_LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        words = _ARABIC_WORD.findall(text)
        letters = sum(ch.isalpha() for ch in text) or 1
        if sum(len(w) for w in words) < 0.3 * letters:
            continue  # not mostly Arabic: leave it to charset-normalizer
        real = sum(w.startswith("ال") or w in _COMMON_WORDS for w in words)
        # ISO-8859-6 bytes read as cp1256 put Latin letters (â, ê) inside Arabic words.
        mixed = sum(1 for token in text.split() if _MIXED_PAIR.search(token))
        scored.append((real - 2 * mixed, name == "cp1256", text, name))
    if not scored:
        return None
    _, _, text, name = max(scored)
    return text, name


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
