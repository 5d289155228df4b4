"""split_to_fit / pack_units: long text reaches the model in whole pieces, never cut off."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from summarize.packing import pack_units, split_to_fit


def words(texts: Sequence[str]) -> list[int]:
    """A token counter that counts words."""
    return [len(text.split()) for text in texts]


def chars(texts: Sequence[str]) -> list[int]:
    """A token counter that counts characters, so one long word can exceed the limit."""
    return [len(text) for text in texts]


AR_LONG = "قال الرئيس إن الوضع صعب، وأضاف أن الحكومة ستعمل بجد، ودعا المواطنين إلى الصبر والهدوء"
EN_LONG = (
    "He said the plan, which was approved on Monday, would start soon; "
    "critics disagreed strongly and asked for a vote"
)


@pytest.mark.parametrize(
    ("text", "limit"),
    [("one two three", 3), ("one two three", 50), (AR_LONG, 15), ("كلمة", 1)],
)
def test_text_that_fits_stays_whole(text: str, limit: int) -> None:
    assert split_to_fit(text, limit, words) == [text]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        (
            AR_LONG,
            6,
            [
                "قال الرئيس إن الوضع صعب،",
                "وأضاف أن الحكومة ستعمل بجد،",
                "ودعا المواطنين إلى الصبر والهدوء",
            ],
        ),
        (
            AR_LONG,
            11,
            [
                "قال الرئيس إن الوضع صعب، وأضاف أن الحكومة ستعمل بجد،",
                "ودعا المواطنين إلى الصبر والهدوء",
            ],
        ),
        (
            "He said the plan, which was approved, would start soon; critics disagreed",
            5,
            ["He said the plan,", "which was approved,", "would start soon; critics disagreed"],
        ),
        (
            "البند الأول؛ البند الثاني: التفاصيل",
            2,
            ["البند الأول؛", "البند الثاني:", "التفاصيل"],
        ),
    ],
)
def test_long_text_splits_at_commas_first(text: str, limit: int, expected: list[str]) -> None:
    assert split_to_fit(text, limit, words) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("a b c d e f g h i j", 3, ["a b c", "d e f", "g h i", "j"]),
        ("أ ب ت ث ج ح خ د ذ ر", 4, ["أ ب ت ث", "ج ح خ د", "ذ ر"]),
        (
            AR_LONG,
            3,
            [
                "قال الرئيس إن",
                "الوضع صعب،",
                "وأضاف أن الحكومة",
                "ستعمل بجد،",
                "ودعا المواطنين إلى",
                "الصبر والهدوء",
            ],
        ),
    ],
)
def test_clause_still_too_long_splits_at_spaces(text: str, limit: int, expected: list[str]) -> None:
    assert split_to_fit(text, limit, words) == expected


@pytest.mark.parametrize(
    ("text", "limit"),
    [(AR_LONG, 1), (AR_LONG, 2), (AR_LONG, 4), (EN_LONG, 3), (EN_LONG, 7), (EN_LONG, 10)],
)
def test_every_part_is_within_the_limit(text: str, limit: int) -> None:
    assert all(n <= limit for n in words(split_to_fit(text, limit, words)))


@pytest.mark.parametrize(
    ("text", "limit"),
    [(AR_LONG, 1), (AR_LONG, 4), (EN_LONG, 3), (EN_LONG, 7), ("a,  b   c,\td e", 2)],
)
def test_parts_give_back_the_words_in_order(text: str, limit: int) -> None:
    parts = split_to_fit(text, limit, words)
    assert " ".join(parts).split() == text.split()


@pytest.mark.parametrize(("length", "limit"), [(50, 10), (1000, 7), (333, 1)])
def test_one_enormous_word_is_still_split(length: int, limit: int) -> None:
    word = "ب" * length
    parts = split_to_fit(word, limit, chars)
    assert "".join(parts) == word
    assert all(len(part) <= limit for part in parts)


def test_enormous_word_among_short_ones_keeps_them_whole() -> None:
    text = "short " + "y" * 25 + " end"
    parts = split_to_fit(text, 10, chars)
    assert parts[0] == "short"
    assert parts[-1] == "end"
    assert "".join(parts[1:-1]) == "y" * 25


def test_counter_that_never_fits_still_terminates() -> None:
    def always_two(texts: Sequence[str]) -> list[int]:
        return [2 for _ in texts]

    assert "".join(split_to_fit("abcd", 1, always_two)) == "abcd"


@pytest.mark.parametrize("text", ["w1 w2 w3، ", "w1 w2 w3,\n"])
def test_no_empty_parts(text: str) -> None:
    assert all(part.strip() for part in split_to_fit(text, 2, words))


@pytest.mark.parametrize(
    ("units", "limit", "expected"),
    [
        (["a b", "c", "d e f", "g"], 3, ["a b c", "d e f", "g"]),
        (["a", "b", "c"], 10, ["a b c"]),
        (["a", "b", "c"], 1, ["a", "b", "c"]),
        (["a b c d e", "f"], 3, ["a b c d e", "f"]),
        (["f", "a b c d e", "g"], 3, ["f", "a b c d e", "g"]),
        (
            ["الجملة الأولى.", "الثانية.", "الثالثة هنا."],
            3,
            ["الجملة الأولى. الثانية.", "الثالثة هنا."],
        ),
        ([], 3, []),
    ],
)
def test_pack_units_is_greedy(units: list[str], limit: int, expected: list[str]) -> None:
    groups = pack_units(units, limit, words)
    assert [" ".join(units[i] for i in group) for group in groups] == expected


def test_pack_units_tokenises_each_unit_once_when_counts_add_up() -> None:
    seen: list[str] = []

    def counting(texts: Sequence[str]) -> list[int]:
        seen.extend(texts)
        return words(texts)

    units = [f"w{i} x{i}" for i in range(40)]
    groups = pack_units(units, 9, counting)
    assert all(len(group) == 4 for group in groups)
    assert sum(text in units for text in seen) == len(units)  # each unit counted once
    assert len(seen) == len(units) + 1 + len(groups)  # + the empty input + each chunk once


def test_pack_units_repacks_when_joining_costs_more_than_the_parts() -> None:
    def joined_costs_extra(texts: Sequence[str]) -> list[int]:
        return [len(t.split()) + 2 * t.count(" | ") for t in texts]

    units = ["a | b", "c", "d", "e"]
    groups = pack_units(units, 4, joined_costs_extra)
    assert all(
        joined_costs_extra([" ".join(units[i] for i in g)])[0] <= 4 or len(g) == 1 for g in groups
    )
    assert [i for g in groups for i in g] == [0, 1, 2, 3]
