"""summarize_extractive: which sentences a reader gets as the summary, and in what order."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_module

from summarize.data import SummaryMethod
from summarize.extractive import (
    BUDGET_WORDS,
    MAX_SENTENCES,
    rank_units,
    summarize_extractive,
    words_of,
)

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
REAL_DATA = Path(
    os.environ.get("SUMMARIZE_REAL_DATA")
    or Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "real"
)

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
EN_LONG = list(
    enumerate(
        [
            "Heavy rain flooded hundreds of homes in the northern province on Monday.",
            "Rescue teams used boats to reach families trapped on their roofs overnight.",
            "The regional governor declared a state of emergency in three districts.",
            "Forecasters expect more storms to arrive before the end of the week.",
            "Schools and several hospitals were closed as roads turned into rivers.",
            "Farmers said the water destroyed most of this season's wheat harvest.",
            "Volunteers opened shelters in sports halls and mosques across the capital.",
            "Power cuts left about forty thousand households without electricity.",
            "Insurers warned that claims could reach record levels this year.",
            "Engineers will inspect the old dam upstream once the water recedes.",
        ],
        start=1,
    )
)
AR_LONG = list(
    enumerate(
        [
            "أغرقت الأمطار الغزيرة مئات المنازل في المحافظة الشمالية يوم الاثنين.",
            "استخدمت فرق الإنقاذ القوارب للوصول إلى العائلات العالقة فوق الأسطح.",
            "أعلن المحافظ حالة الطوارئ في ثلاث مناطق بعد ارتفاع منسوب المياه.",
            "يتوقع خبراء الأرصاد وصول عواصف جديدة قبل نهاية الأسبوع الجاري.",
            "أغلقت المدارس وعدد من المستشفيات بعدما تحولت الطرقات إلى أنهار.",
            "قال مزارعون إن المياه دمرت معظم محصول القمح لهذا الموسم.",
            "فتح متطوعون ملاجئ في الصالات الرياضية والمساجد في العاصمة.",
        ],
        start=1,
    )
)


def ids(
    units: list[tuple[int, str]], count: int | None = None, title: str | None = None
) -> list[int]:
    summary = summarize_extractive(units, "ar", count=count, title=title)
    return [i for sentence in summary.sentences for i in sentence.source_ids]


def words(summary_texts: list[str]) -> int:
    return sum(len(text.split()) for text in summary_texts)


# --- length: a standfirst by default, exactly N when asked


@pytest.mark.parametrize(("units", "lang"), [(UNITS[:3], "ar"), (EN_UNITS[:3], "en")])
def test_a_three_sentence_article_gets_one_sentence(
    units: list[tuple[int, str]], lang: str
) -> None:
    assert len(summarize_extractive(units, lang).sentences) == 1


@pytest.mark.parametrize(("units", "lang"), [(AR_LONG, "ar"), (EN_LONG, "en")])
def test_default_length_stays_within_the_word_budget(
    units: list[tuple[int, str]], lang: str
) -> None:
    texts = [s.text for s in summarize_extractive(units, lang).sentences]
    assert 1 <= len(texts) <= MAX_SENTENCES
    # the budget is checked before each sentence is added: all but the last fit in it
    assert words(texts[:-1]) < BUDGET_WORDS[lang]
    assert words(texts) <= BUDGET_WORDS[lang] + len(texts[-1].split())


def test_an_english_summary_is_longer_than_an_arabic_one() -> None:
    ar = summarize_extractive(AR_LONG, "ar").sentences
    en = summarize_extractive(EN_LONG, "en").sentences
    assert (len(ar), len(en)) == (2, MAX_SENTENCES)


def test_a_long_lead_sentence_is_the_whole_arabic_summary() -> None:
    lead = (1, AR_LONG[0][1][:-1] + "، وأعلنت الحكومة خطة عاجلة لدعم المتضررين وإعادة بناء الجسور.")
    assert ids([lead, *AR_LONG[1:]]) == [1]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_asking_for_n_sentences_gives_n(count: int) -> None:
    assert len(summarize_extractive(EN_UNITS, "en", count=count).sentences) == count


@pytest.mark.parametrize("count", [5, 6, 100])
def test_asking_for_more_than_the_article_gives_all_of_it(count: int) -> None:
    summary = summarize_extractive(UNITS, "ar", count=count)
    assert [s.text for s in summary.sentences] == [text for _, text in UNITS]


@pytest.mark.parametrize("count", [None, 3])
def test_empty_input_gives_an_empty_summary(count: int | None) -> None:
    assert summarize_extractive([], "ar", count=count).sentences == ()


@pytest.mark.parametrize("count", [0, -1])
def test_zero_or_negative_count_gives_an_empty_summary(count: int) -> None:
    assert summarize_extractive(UNITS, "ar", count=count).sentences == ()


# --- what is never chosen

NOT_PROSE = [
    ("ar", "اقرأ أيضا: زلزال بقوة 6 درجات يضرب جزيرة يونانية."),
    ("ar", "إقرأ المزيد: ارتفاع عدد ضحايا الزلزال في تركيا وسوريا إلى المئات"),
    ("ar", "قد يهمك| مسؤولون يتحدثون عن حجم الأضرار في المدن المنكوبة"),
    ("ar", "بقلم: محمد عبد الله"),
    ("ar", "كتب: أحمد السيد."),
    ("ar", "مصدر الصورة: رويترز"),
    ("ar", "صورة أرشيفية لفرق الإنقاذ وهي تبحث بين أنقاض المباني المنهارة في المدينة."),
    ("ar", "١. أسعار الغذاء في الأسواق المحلية"),
    ("ar", "- ارتفاع أسعار الغذاء في الأسواق المحلية بنسبة كبيرة."),
    ("ar", "ومن أبرز الإجراءات التي أعلنتها الحكومة ما يلي:"),
    ("ar", "دبي، الإمارات العربية المتحدة (CNN)--"),
    ("ar", "القاهرة - رويترز -"),
    ("ar", "زلزال يضرب تركيا ويقتل العشرات"),  # a related story's headline
    ("en", "Read more: Earthquake of magnitude 6 hits Greek island."),
    ("en", "READ MORE: How the rescue teams search the rubble"),
    ("en", "By John Smith and Jane Doe, Associated Press"),
    ("en", "By . Daily Mail Reporter ."),
    ("en", "Image caption Rescue teams searched the rubble through the night."),
    ("en", "Image copyright Reuters"),
    ("en", "Photo: Rescue teams search the rubble of a collapsed building in the city."),
    ("en", "1. Food prices in the local markets"),
    ("en", "• Food prices in the local markets rose sharply this week."),
    ("en", "LONDON (Reuters) -"),
    ("en", "Media playback is not supported on this device"),
    ("en", "Share this withEmailFacebookTwitterWhatsAppLinkedinCopy this link"),
]


@pytest.mark.parametrize(("lang", "line"), NOT_PROSE)
@pytest.mark.parametrize("count", [None, 1, 3])
def test_lines_that_are_not_prose_are_never_chosen(lang: str, line: str, count: int | None) -> None:
    article = [(0, line), *(AR_LONG if lang == "ar" else EN_LONG)]
    summary = summarize_extractive(article, lang, count=count)
    assert 0 not in [i for s in summary.sentences for i in s.source_ids]
    assert summary.sentences


@pytest.mark.parametrize(
    ("lang", "text", "news"),
    [
        (
            "ar",
            "دبي، الإمارات العربية المتحدة (CNN)-- "
            "أعلنت السلطات التركية حالة الطوارئ في عشر ولايات.",
            "أعلنت السلطات التركية حالة الطوارئ في عشر ولايات.",
        ),
        (
            "ar",
            "القاهرة - رويترز - أعلنت الحكومة المصرية خطة جديدة لدعم المزارعين هذا العام.",
            "أعلنت الحكومة المصرية خطة جديدة لدعم المزارعين هذا العام.",
        ),
        (
            "en",
            "LONDON (Reuters) - The Bank of England raised interest rates again on Thursday.",
            "The Bank of England raised interest rates again on Thursday.",
        ),
        (
            "en",
            "WASHINGTON — The Senate passed the spending bill late on Friday night.",
            "The Senate passed the spending bill late on Friday night.",
        ),
        (
            "en",
            "(CNN)The Senate passed the spending bill late on Friday night after a long debate.",
            "The Senate passed the spending bill late on Friday night after a long debate.",
        ),
    ],
)
def test_the_dateline_is_cut_from_the_summary_but_the_source_is_kept(
    lang: str, text: str, news: str
) -> None:
    article = [(7, text), *(AR_LONG if lang == "ar" else EN_LONG)]
    first = summarize_extractive(article, lang).sentences[0]
    assert (first.text, first.source_ids) == (news, (7,))


@pytest.mark.parametrize(
    "text",
    [
        "NASA - the agency said the launch was delayed by a week because of bad weather.",
        "Copyright law changes will affect thousands of musicians across the country.",
        "By the time police arrived at the scene, the suspects had fled the building.",
        "تحرير الموصل من قبضة التنظيم استغرق تسعة أشهر من القتال العنيف.",
    ],
)
def test_prose_that_looks_like_boilerplate_is_kept_whole(text: str) -> None:
    lang = "en" if text.isascii() else "ar"
    first = summarize_extractive([(1, text), *EN_LONG[:5]], lang).sentences[0]
    assert (first.text, first.source_ids) == (text, (1,))


def test_a_near_copy_of_a_chosen_sentence_is_skipped() -> None:
    copy = (11, "On Monday heavy rain flooded hundreds of homes in the northern province.")
    summary = summarize_extractive([EN_LONG[0], copy, *EN_LONG[1:]], "en", count=2)
    assert [s.source_ids for s in summary.sentences] == [(1,), (2,)]


def test_when_nothing_is_prose_the_lead_is_kept() -> None:
    assert ids([(1, "a"), (2, "b"), (3, "c")], 2) == [1, 2]
    assert ids([(1, "a"), (2, "b"), (3, "c")]) == [1]


# --- order, sources and ranking


@pytest.mark.parametrize(("units", "count"), [(UNITS, 2), (UNITS, 3), (EN_UNITS, 2), (EN_UNITS, 4)])
def test_sentences_come_in_document_order(units: list[tuple[int, str]], count: int) -> None:
    chosen = ids(units, count, TITLE)
    assert chosen == sorted(chosen)


@pytest.mark.parametrize("count", [None, 1, 2, 3])
def test_each_sentence_carries_its_own_segment_id(count: int | None) -> None:
    texts = dict(UNITS)
    summary = summarize_extractive(UNITS, "ar", count=count, title=TITLE)
    for sentence in summary.sentences:
        assert sentence.source_ids == (next(i for i, t in texts.items() if t == sentence.text),)


def test_summary_is_labelled_extractive_in_its_language() -> None:
    summary = summarize_extractive(EN_UNITS, "en", count=2)
    assert (summary.lang, summary.method, summary.model) == ("en", SummaryMethod.EXTRACTIVE, None)


def test_a_single_sentence_is_its_own_summary() -> None:
    assert ids([(9, "جملة وحيدة في هذا الخبر القصير.")]) == [9]


def test_the_lead_wins() -> None:
    assert ids(UNITS, 2) == [11, 12]
    assert ids(UNITS) == [11]


def test_a_sentence_sharing_the_headline_ranks_higher() -> None:
    texts = [text for _, text in UNITS]
    assert rank_units(texts, TITLE, "ar")[3] > rank_units(texts, None, "ar")[3]


def test_off_topic_sentence_is_left_out() -> None:
    assert 5 not in ids(EN_UNITS, 3, "Ransomware attack on hospitals")


def test_scores_sum_to_one_and_boilerplate_scores_zero() -> None:
    scores = rank_units(["Read more: the rescue", *(t for _, t in EN_UNITS)], "Ransomware", "en")
    assert sum(scores) == pytest.approx(1.0)
    assert scores[0] == 0.0


# --- words


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
        ("وللمواقع", "مواقع"),
        ("وبالمواقع", "مواقع"),
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


# --- quality against lead baselines (benchmarks/eval_summaries.py)


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    return load_module(BENCHMARKS / "eval_summaries.py")


def _at_least_lead_2(evaluation: ModuleType, pairs: list[object], lang: str) -> None:
    subset = [p for p in pairs if p.lang == lang]  # type: ignore[attr-defined]
    method = evaluation.evaluate(subset, evaluation.extractive())
    lead = evaluation.evaluate(subset, evaluation.lead(2))
    assert subset
    assert method["rouge1"] >= lead["rouge1"]
    assert method["rouge2"] >= lead["rouge2"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_at_least_as_good_as_lead_2_on_the_hand_written_pairs(
    evaluation: ModuleType, lang: str
) -> None:
    _at_least_lead_2(evaluation, evaluation.load_hand(evaluation.HAND), lang)


@pytest.mark.skipif(not REAL_DATA.is_dir(), reason="real development data not present")
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_at_least_as_good_as_lead_2_on_real_news(evaluation: ModuleType, lang: str) -> None:
    _at_least_lead_2(evaluation, evaluation.load_real(REAL_DATA), lang)


def test_rouge_folds_arabic_letters_and_marks(evaluation: ModuleType) -> None:
    assert evaluation.rouge_n("زلزال يضرب تركيا", "زلزال يضرب تركيا", 1) == pytest.approx(1.0)
    assert evaluation.rouge_n("مُدرّسةٌ أحمد", "مدرسه احمد", 2) == pytest.approx(1.0)
    assert evaluation.rouge_n("زلزال يضرب تركيا", "football match won", 1) == 0.0
