"""examples/ is current and shows what it claims: regenerating the reproducible examples
changes nothing, every terminal picture shows the sample article, and the report
screenshot is a real picture of a page."""

from __future__ import annotations

import html
import re
import struct
import unicodedata
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, load_module

EXAMPLES = ROOT / "examples"
SVGS = sorted(p.name for p in EXAMPLES.glob("*.svg"))
# Pictures of a terminal without bidi support under --bidi on: Arabic in display order.
VISUAL_ORDER = {"seed.bidi-on.svg", "quote.bidi-on.svg", "quote.tiny.bidi-on.svg"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # PNG colour type -> samples per pixel
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
BASE_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Lam followed by an alef is one ligature glyph once shaped; its letters keep logical order.
LAM_ALEF = re.compile("ل[اأإآ]")


def _make_module() -> object:
    return load_module(EXAMPLES / "make.py")


def test_checked_in_examples_are_current(tmp_path: Path) -> None:
    make = _make_module()
    make.make_checked(tmp_path)  # type: ignore[attr-defined]
    stale = [
        name
        for name in make.CHECKED  # type: ignore[attr-defined]
        if (tmp_path / name).read_bytes() != (EXAMPLES / name).read_bytes()
    ]
    assert not stale, f"stale examples {stale}: run `python examples/make.py`"


def _svg_lines(name: str) -> list[str]:
    """The text of each ``<text>`` element: rich writes one per run of a terminal line."""
    svg = (EXAMPLES / name).read_text(encoding="utf-8")
    return [
        " ".join(html.unescape(body).split())
        for body in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)
    ]


def _title_words(name: str) -> list[str]:
    source = ROOT / _make_module().PICTURES[name]  # type: ignore[attr-defined]
    return source.read_text(encoding="utf-8").splitlines()[0].split()


def test_there_are_terminal_pictures() -> None:
    """No models, tiny models, an English article quoting Arabic, and --bidi on."""
    assert {"seed.table.svg", "seed.tiny.svg", "quote.bidi-on.svg", "seed.bidi-on.svg"} <= set(SVGS)
    assert set(SVGS) == set(_make_module().PICTURES)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SVGS)
def test_terminal_picture_shows_its_article_title(name: str) -> None:
    lines = _svg_lines(name)
    title = _title_words(name)
    arabic = [w for w in title if ARABIC_LETTER.search(w)]
    latin = [w for w in title if not ARABIC_LETTER.search(w)]
    assert arabic
    assert latin
    if name not in VISUAL_ORDER:
        assert any(" ".join(title) in line for line in lines), f"{name} lacks the title"
        return
    assert any(" ".join(latin) in line for line in lines)
    # Shaped (presentation forms) and reordered: each word reads right to left on screen.
    shown = "\n".join(lines)
    assert any("\ufe70" <= ch <= "\ufefc" for ch in shown), f"{name} is not shaped"
    letters = unicodedata.normalize("NFKC", shown)
    for word in arabic:
        assert word not in letters, f"{name} shows {word} in stored order"
        if not LAM_ALEF.search(word):
            assert word[::-1] in letters, f"{name} does not show {word} reordered"


def test_english_article_quoting_arabic_is_shaped_everywhere() -> None:
    """Issue 13: with --bidi on no Arabic letter is left in stored order, in any cell."""
    shown = "\n".join(_svg_lines("quote.bidi-on.svg"))
    assert not BASE_ARABIC.search(shown)
    letters = unicodedata.normalize("NFKC", shown)
    for phrase in ("ادج لئافتم", "رطق", "يلعلا دمحم"):  # the quote, a place, the tweet's author
        assert phrase in letters


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Split a PNG into ``(type, body)`` chunks, checking each chunk's CRC."""
    assert data.startswith(PNG_SIGNATURE), "not a PNG"
    chunks, pos = [], len(PNG_SIGNATURE)
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        (crc,) = struct.unpack(">I", data[pos + 8 + size : pos + 12 + size])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + size
    return chunks


def test_report_png_is_a_screenshot_of_a_page() -> None:
    chunks = _png_chunks((EXAMPLES / "report.png").read_bytes())
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR"
    assert kinds[-1] == b"IEND"
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert width >= 800
    assert height >= 800
    assert depth == 8
    assert colour in CHANNELS
    assert interlace == 0
    stride = 1 + width * CHANNELS[colour]
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    assert len(pixels) == height * stride, "IDAT does not hold width x height pixels"
    rows = [pixels[i * stride : (i + 1) * stride] for i in range(height)]
    assert all(row[0] <= 4 for row in rows), "unknown PNG row filter"
    # After PNG's row filters, a row of one flat colour is one repeated byte (or zeros after
    # its first pixel); a page of text has detail on many rows.
    skip = 1 + CHANNELS[colour]
    detailed = sum(len(set(row[skip:])) > 1 for row in rows)
    assert detailed >= height // 5, f"only {detailed} of {height} rows have any detail"
