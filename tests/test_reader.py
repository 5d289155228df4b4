"""read_input / decode_bytes: text comes back the same whatever it was saved as."""

from __future__ import annotations

import codecs
import io
import re
import sys
from pathlib import Path

import pytest

from summarize.errors import InputError, UsageError
from summarize.reader import decode_bytes, read_input

TEXT = "أنونيموس تتهم شركة CloudFlare\nشنت مجموعة “أنونيموس” هجومًا.\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_unicode_encodings_give_the_same_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert read_input(str(path)).text == TEXT


@pytest.mark.parametrize("encoding", ["cp1256", "windows-1256", "iso-8859-6"])
def test_explicit_encoding_decodes_legacy_arabic(tmp_path: Path, encoding: str) -> None:
    text = "قال الرئيس إن الوضع صعب، وأضاف: سنعمل بجد؟\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    raw = read_input(str(path), encoding=encoding)
    assert (raw.text, raw.encoding) == (text, encoding)


ARTICLE = (
    "قال الرئيس في مؤتمر صحفي إن الحكومة ستعلن عن خطة جديدة لدعم الاقتصاد. "
    "وأضاف أن الخطة تشمل مشاريع في مجال الطاقة والمياه على مدى خمس سنوات.\n"
)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859-6"])
@pytest.mark.parametrize("text", ["قال الرئيس", "مرحبا بكم في الموقع", ARTICLE])
def test_legacy_arabic_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    # charset-normalizer alone calls short ISO-8859-6 text Thai (cp874).
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    raw = read_input(str(path))
    assert raw.text == text
    assert codecs.lookup(raw.encoding).name == codecs.lookup(encoding).name


def test_utf16_without_bom_is_detected() -> None:
    text = "Hello مرحبا, a mostly ASCII line in UTF-16."
    for encoding in ("utf-16-le", "utf-16-be"):
        raw = decode_bytes(text.encode(encoding), source="x.txt")
        assert raw.text == text


def test_latin1_french_falls_back_to_charset_normalizer() -> None:
    text = "Le président a déclaré que l'économie française était très forte cette année."
    raw = decode_bytes(text.encode("cp1252"), source="x.txt")
    assert raw.text == text


@pytest.mark.parametrize(
    ("data", "needle"),
    [(b"%PDF-1.7\n...", "PDF"), (b"PK\x03\x04rest", "ZIP"), (b"\xff\xd8\xff\xe0", "JPEG")],
)
def test_known_binary_formats_are_named(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_bytes(data, source="file.bin")


def test_missing_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=re.escape(str(path))):
        read_input(str(path))


def test_directory_is_an_input_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    with pytest.raises(InputError, match=re.escape(str(folder))):
        read_input(str(folder))


@pytest.mark.parametrize(
    "data",
    [PNG_HEADER, b"plain text\x00with a NUL", b"\x00\x00\x00\x01"],
    ids=["png", "nul-in-text", "nul-only"],
)
def test_binary_file_is_an_input_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "picture.bin"
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(str(path))):
        read_input(str(path))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("مرحبا بكم".encode()[:-1], "مرحبا بك\ufffd"),
        (
            "خبر عاجل".encode() + b" \xc3\x28 " + "من القاهرة".encode(),
            "خبر عاجل \ufffd( من القاهرة",
        ),
    ],
    ids=["truncated-arabic", "bad-continuation"],
)
def test_damaged_utf8_keeps_the_text_and_marks_the_bad_bytes(data: bytes, expected: str) -> None:
    raw = decode_bytes(data, source="broken.txt")
    assert raw.text == expected
    assert raw.encoding.startswith("utf-8")


def test_oversized_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (20 * 1024 * 1024 + 1))
    with pytest.raises(InputError, match=re.escape(str(path))):
        read_input(str(path))


@pytest.mark.parametrize("encoding", ["no-such-codec", "utf-9", ""])
def test_unknown_encoding_name_is_a_usage_error(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    with pytest.raises(UsageError, match="encoding"):
        read_input(str(path), encoding=encoding)


@pytest.mark.parametrize("encoding", ["rot13", "base64"])
def test_non_text_codec_is_a_usage_error(encoding: str) -> None:
    with pytest.raises(UsageError):
        decode_bytes(b"abc", source="article.txt", encoding=encoding)


def test_binary_file_is_refused_even_with_an_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(PNG_HEADER)
    with pytest.raises(InputError, match=re.escape(str(path))):
        read_input(str(path), encoding="cp1256")


def test_utf32_with_bom_is_decoded_or_refused() -> None:
    data = codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")
    try:
        raw = decode_bytes(data, source="article.txt")
    except InputError:
        return
    assert raw.text == TEXT


class _Stdin:
    """Stands in for ``sys.stdin``: only ``.buffer`` is read."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")],
    ids=["utf-8", "utf-16-le-bom"],
)
def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    raw = read_input("-")
    assert (raw.text, raw.source) == (TEXT, "-")


def test_dash_binary_stdin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(PNG_HEADER))
    with pytest.raises(InputError, match="binary"):
        read_input("-")


def test_stdin_honours_an_explicit_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin("خبر عاجل".encode("cp1256")))
    assert read_input("-", encoding="cp1256").text == "خبر عاجل"


def test_source_is_the_path_given(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read_input(str(path)).source == str(path)


def test_sample_article_reads_back_unchanged(seed_text: str) -> None:
    root = Path(__file__).parent.parent
    raw = read_input(str(root / "seeds" / "000_1e5af753fa3486b1.txt"))
    assert (raw.text, raw.encoding) == (seed_text, "utf-8")
