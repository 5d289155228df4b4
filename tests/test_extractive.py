"""summarize_extractive: which sentences a reader gets as the summary, and in what order."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_module

from summarize.data import SummaryMethod
from summarize.extractive import rank_units, summarize_extractive, words_of

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"

TITLE = "زلزال قوي يضرب جنوب تركيا"
UNITS = [
    (11, "أعلنت السلطات حالة الطوارئ في عدة مدن صباح اليوم."),
    (12, "وقالت وزارة الصحة إن المستشفيات تعمل بكامل طاقتها."),
    (13, "ارتفعت أسعار الخضار في الأسواق المحلية هذا الأسبوع."),
    (14, "وضرب الزلزال القوي مناطق جنوب تركيا فجرا."),
    (15, "وفاز الفريق المحلي بالمباراة النهائية أمس."),
]
EN_UNITS = [
    (1, "A ransomware attack has shut down computer systems at five hospitals."),
    (2, "Staff found that patient records could no longer be opened on Sunday."),
    (3, "The hospitals diverted ambulances after the ransomware attack."),
    (4, "Investigators believe attackers used a stolen password."),
    (5, "The local football team won its match on Saturday."),
    (6, "Hospitals said the ransomware attack would cost millions to repair."),
]


def ids(units: list[tuple[int, str]], count: int, title: str | None = None) -> list[int]:
    summary = summarize_extractive(units, "ar", count=count, title=title)
    return [i for sentence in summary.sentences for i in sentence.source_ids]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_returns_count_sentences(count: int) -> None:
    assert len(summarize_extractive(EN_UNITS, "en", count=count).sentences) == count


@pytest.mark.parametrize(("units", "count"), [(UNITS, 2), (UNITS, 3), (EN_UNITS, 2), (EN_UNITS, 4)])
def test_sentences_come_in_document_order(units: list[tuple[int, str]], count: int) -> None:
    chosen = ids(units, count, TITLE)
    assert chosen == sorted(chosen)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_each_sentence_carries_its_own_segment_id(count: int) -> None:
    texts = dict(UNITS)
    summary = summarize_extractive(UNITS, "ar", count=count, title=TITLE)
    for sentence in summary.sentences:
        assert sentence.source_ids == (next(i for i, t in texts.items() if t == sentence.text),)


@pytest.mark.parametrize("count", [5, 6, 100])
def test_count_beyond_the_input_returns_everything(count: int) -> None:
    summary = summarize_extractive(UNITS, "ar", count=count)
    assert [s.text for s in summary.sentences] == [text for _, text in UNITS]


@pytest.mark.parametrize("count", [0, 3])
def test_empty_input_gives_an_empty_summary(count: int) -> None:
    assert summarize_extractive([], "ar", count=count).sentences == ()


@pytest.mark.parametrize("count", [0, -1])
def test_zero_or_negative_count_gives_an_empty_summary(count: int) -> None:
    assert summarize_extractive(UNITS, "ar", count=count).sentences == ()


def test_summary_is_labelled_extractive_in_its_language() -> None:
    summary = summarize_extractive(EN_UNITS, "en", count=2)
    assert (summary.lang, summary.method, summary.model) == ("en", SummaryMethod.EXTRACTIVE, None)


def test_a_single_sentence_is_its_own_summary() -> None:
    assert ids([(9, "جملة وحيدة في الخبر.")], 2) == [9]


def test_sentence_sharing_the_title_beats_an_unrelated_late_one() -> None:
    chosen = ids(UNITS, 2, TITLE)
    assert 14 in chosen
    assert 15 not in chosen


def test_without_a_title_the_lead_wins() -> None:
    assert ids(UNITS, 2) == [11, 12]


def test_off_topic_sentence_is_left_out() -> None:
    assert 5 not in ids(EN_UNITS, 3, "Ransomware attack on hospitals")


@pytest.mark.parametrize(
    "units",
    [
        [(1, "a"), (2, "b"), (3, "c")],
        [(1, "في من على"), (2, "the and of"), (3, "123 456")],
        [(1, "same words here"), (2, "same words here"), (3, "same words here")],
    ],
)
def test_sentences_without_content_words_still_rank(units: list[tuple[int, str]]) -> None:
    assert ids(units, 2) == [1, 2]


def test_scores_sum_to_one() -> None:
    scores = rank_units([text for _, text in EN_UNITS], "Ransomware attack")
    assert sum(scores) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("والمواقع", "مواقع"),
        ("المواقع", "مواقع"),
        ("بالمواقع", "مواقع"),
        ("فالمواقع", "مواقع"),
        ("للمواقع", "مواقع"),
        ("ومواقع", "مواقع"),
        ("أنونيموس", "انونيموس"),
        ("الشركة", "شركه"),
        ("هجومًا", "هجوما"),
        ("Attacks", "attack"),
        ("websites", "website"),
        pytest.param(
            "وللمواقع",
            "مواقع",
        ),
        pytest.param(
            "وبالمواقع",
            "مواقع",
        ),
    ],
)
def test_prefixes_and_variants_fold(word: str, base: str) -> None:
    assert words_of(word) == words_of(base)


@pytest.mark.parametrize("word", ["في", "من", "على", "the", "and", "قال"])
def test_stop_words_do_not_count(word: str) -> None:
    assert words_of(word) == []


@pytest.mark.parametrize(
    ("word", "kept"),
    [("ولد", "ولد"), ("بلد", "بلد"), ("فيل", "فيل"), ("لعب", "لعب")],
)
def test_three_letter_words_keep_their_first_letter(word: str, kept: str) -> None:
    assert words_of(word) == [kept]


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    return load_module(BENCHMARKS / "eval_summaries.py")


@pytest.mark.parametrize("lang", ["all", "en", "ar"])
def test_ranking_is_at_least_as_good_as_lead_2(evaluation: ModuleType, lang: str) -> None:
    articles = evaluation.load(BENCHMARKS / "data" / "news_summaries.jsonl")
    subset = [a for a in articles if lang in ("all", a["lang"])]
    ranked = evaluation.evaluate(subset, evaluation.ranked, 2)["rouge1"]
    lead = evaluation.evaluate(subset, evaluation.lead, 2)["rouge1"]
    assert ranked >= lead


def test_rouge_is_one_for_identical_text_and_zero_for_disjoint(evaluation: ModuleType) -> None:
    assert evaluation.rouge_n("زلزال يضرب تركيا", "زلزال يضرب تركيا", 1) == pytest.approx(1.0)
    assert evaluation.rouge_n("زلزال يضرب تركيا", "football match won", 1) == 0.0
