"""normalize_text: what the models see, and the map back to what the user gave."""

from __future__ import annotations

import unicodedata

import pytest

from summarize.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cafe\u0301", "café"),
        ("ا\u0653", "آ"),
        ("ا\u0654", "أ"),
        ("ي\u0654", "ئ"),
    ],
)
def test_composes_to_nfc(raw: str, expected: str) -> None:
    text = normalize_text(raw).text
    assert text == expected
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t"],
)
def test_odd_spaces_become_a_plain_space(space: str) -> None:
    assert normalize_text(f"شركة{space}CloudFlare").text == "شركة CloudFlare"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("قائلًـــا", "قائلًا"),
        ("الـعـربـيـة", "العربية"),
        ("ـــ", ""),
    ],
)
def test_tatweel_is_removed(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سطر\r\nسطر", "سطر\nسطر"),
        ("سطر\rسطر", "سطر\nسطر"),
        ("a\r\n\r\nb\r", "a\n\nb\n"),
        ("a\n\rb", "a\n\nb"),
    ],
)
def test_line_endings_become_lf(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufefb", "لا"),
        ("\ufe8d", "ا"),
        ("\ufef5", "لآ"),
        ("\ufedf\ufee0\ufee2", "للم"),
        ("\ufe91\ufe8e\ufead\ufef4\ufeb2", "باريس"),
    ],
)
def test_presentation_forms_become_base_letters(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "forms"),
    [
        ("\ufefb", 1),
        ("\ufe91\ufe8e\ufead\ufef4\ufeb2", 5),
        ("باريس", 0),
    ],
)
def test_presentation_forms_are_counted(raw: str, forms: int) -> None:
    assert normalize_text(raw).presentation_forms == forms


@pytest.mark.parametrize(
    ("raw", "expected", "removed"),
    [
        ("a\u200eb", "ab", 1),
        ("\u200fمرحبا\u200f", "مرحبا", 2),
        ("عدد\u061c5", "عدد5", 1),
        ("\u202eevil\u202c", "evil", 2),
        ("\u2067@handle\u2069", "@handle", 2),
        ("zero\u200bwidth", "zerowidth", 1),
        ("word\u2060joiner", "wordjoiner", 1),
        ("\ufeffبداية", "بداية", 1),
    ],
)
def test_bidi_and_zero_width_characters_are_removed_and_counted(
    raw: str, expected: str, removed: int
) -> None:
    result = normalize_text(raw)
    assert (result.text, result.removed_controls) == (expected, removed)


@pytest.mark.parametrize("raw", ["می\u200cخواهم", "خانه\u200cها"])
def test_zwnj_is_kept_for_persian(raw: str) -> None:
    result = normalize_text(raw)
    assert (result.text, result.removed_controls) == (raw, 0)


@pytest.mark.parametrize(
    ("raw", "offsets"),
    [
        ("ab", (0, 1, 2)),
        ("a\r\nb", (0, 1, 3, 4)),
        ("a\u200bb", (0, 2, 3)),
        ("\ufefbب", (0, 0, 1, 2)),
        ("بـــب", (0, 4, 5)),
        ("cafe\u0301!", (0, 1, 2, 3, 5, 6)),
    ],
)
def test_offsets_point_at_the_raw_character(raw: str, offsets: tuple[int, ...]) -> None:
    assert tuple(normalize_text(raw).offsets) == offsets


MIXED = (
    "\ufeffعنوان\u00a0الخبر\r\nقال د.\u200f أحمد: «الوضع ـــ صعب» \ufefb.\r\nThe U.S.\u2009team."
)


def _cluster_at(raw: str, offsets: tuple[int, ...], i: int) -> str:
    """The raw text that normalised character ``i`` was made from."""
    end = next(o for o in offsets[i:] if o > offsets[i])
    return raw[offsets[i] : end]


def test_every_output_character_comes_from_its_raw_character() -> None:
    result = normalize_text(MIXED)
    for i, char in enumerate(result.text):
        assert char in normalize_text(_cluster_at(MIXED, result.offsets, i)).text, i


def test_offsets_never_go_backwards_and_end_at_the_raw_length() -> None:
    offsets = normalize_text(MIXED).offsets
    assert list(offsets) == sorted(offsets)
    assert offsets[-1] == len(MIXED)


@pytest.mark.parametrize("word", ["عنوان", "أحمد", "صعب", "team"])
def test_raw_span_maps_a_word_back_to_the_input(word: str) -> None:
    result = normalize_text(MIXED)
    start = result.text.index(word)
    raw_start, raw_end = result.raw_span(start, start + len(word))
    assert MIXED[raw_start:raw_end] == word


def test_raw_span_covers_removed_tatweel() -> None:
    raw = "قال قائلًـــا شيئا"
    result = normalize_text(raw)
    start = result.text.index("قائلًا")
    raw_start, raw_end = result.raw_span(start, start + len("قائلًا"))
    assert raw[raw_start:raw_end] == "قائلًـــا"


def test_raw_span_skips_a_leading_bom() -> None:
    result = normalize_text("\ufeffنص")
    assert result.raw_span(0, len(result.text)) == (1, 3)


def test_sample_article_keeps_its_length(seed_text: str) -> None:
    result = normalize_text(seed_text)
    assert len(result.text) == len(seed_text)
    assert result.removed_controls == 0


def test_sample_article_loses_its_no_break_spaces(seed_text: str) -> None:
    assert "\u00a0" in seed_text
    assert "\u00a0" not in normalize_text(seed_text).text


def test_sample_article_maps_each_character_back(seed_text: str) -> None:
    result = normalize_text(seed_text)
    for i, char in enumerate(result.text):
        assert char in normalize_text(_cluster_at(seed_text, result.offsets, i)).text, i


def test_sample_article_raw_span_of_everything_is_everything(seed_text: str) -> None:
    result = normalize_text(seed_text)
    assert result.raw_span(0, len(result.text)) == (0, len(seed_text))


def test_empty_text() -> None:
    result = normalize_text("")
    assert (result.text, tuple(result.offsets)) == ("", (0,))
