"""segment_document / split_sentences: which sentences a reader sees, on Arabic and English."""

from __future__ import annotations

from itertools import pairwise

import pytest

from summarize.data import Segment, SegmentKind
from summarize.normalize import normalize_text
from summarize.segment import segment_document, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.fixture
def sample(seed_text: str) -> tuple[str, tuple[Segment, ...]]:
    text = normalize_text(seed_text).text
    return text, segment_document(text)


# --- the sample article -------------------------------------------------------------------


def test_sample_starts_with_the_headline(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    assert segments[0].kind is SegmentKind.TITLE
    assert segments[0].text == (
        "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة على الإنترنت"
    )


def test_sample_has_one_title(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    assert [s.kind for s in segments].count(SegmentKind.TITLE) == 1


def test_sample_glued_sentences_are_split(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    ends = [s for s in segments if s.text.endswith("الراهن ردًا على هجمات باريس الأخيرة.")]
    starts = [s for s in segments if s.text.startswith("وتحمي الشركة عملاءها")]
    assert len(ends) == 1
    assert len(starts) == 1
    assert ends[0].id != starts[0].id


@pytest.mark.parametrize(
    ("first_ends", "second_starts"),
    [
        ("إلى انهياره.", "ووفقًا لأعضاء مجموعة"),
        ("لحماية محتواها.", "وبحسب “جوست سيكيوريتي جروب”"),
        ("الصيانة التقنية.", "يُشار إلى أن"),
        ("من دون عقاب.", "وأكد أن أنونيموس"),
    ],
)
def test_sample_other_glued_sentences_are_split(
    sample: tuple[str, tuple[Segment, ...]], first_ends: str, second_starts: str
) -> None:
    _, segments = sample
    texts = [s.text for s in segments]
    index = next(i for i, t in enumerate(texts) if t.endswith(first_ends))
    assert texts[index + 1].startswith(second_starts)


def test_sample_has_exactly_one_tweet_seen_twice(
    sample: tuple[str, tuple[Segment, ...]],
) -> None:
    _, segments = sample
    tweets = [s for s in segments if s.kind is SegmentKind.TWEET]
    assert len(tweets) == 1
    assert tweets[0].tweet is not None
    assert tweets[0].tweet.repeats == 2


def test_sample_tweet_text_has_no_signature(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    tweet = next(s for s in segments if s.kind is SegmentKind.TWEET)
    assert tweet.text == (
        "#Anonymous would also like to encourage you to not use @CloudFlare services any "
        "longer. https://t.co/GqhRe4yr8U #OpParis #OpDaesh"
    )


def test_sample_sentence_after_the_tweets_stands_alone(
    sample: tuple[str, tuple[Segment, ...]],
) -> None:
    _, segments = sample
    index = next(i for i, s in enumerate(segments) if s.kind is SegmentKind.TWEET)
    after = segments[index + 1]
    assert after.kind is SegmentKind.SENTENCE
    assert after.text.startswith("وكان أحد أعضاء المجموعة قد أكد")


def test_sample_sentence_before_the_tweet_ends_in_arabic(
    sample: tuple[str, tuple[Segment, ...]],
) -> None:
    _, segments = sample
    index = next(i for i, s in enumerate(segments) if s.kind is SegmentKind.TWEET)
    assert segments[index - 1].text.endswith("“كلاود فلير” بعد الآن.")


def test_sample_segment_texts_match_their_spans(
    sample: tuple[str, tuple[Segment, ...]],
) -> None:
    text, segments = sample
    for segment in segments:
        if segment.kind is SegmentKind.TWEET:
            continue
        start, end = segment.span
        assert segment.text == " ".join(text[start:end].split()), segment.id


def test_sample_spans_increase_without_overlap(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    spans = [s.span for s in segments]
    assert all(start < end for start, end in spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_sample_ids_count_from_one(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    assert [s.id for s in segments] == list(range(1, len(segments) + 1))


def test_sample_has_no_empty_segments(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    assert all(s.text.strip() for s in segments)


def test_sample_covers_every_sentence(sample: tuple[str, tuple[Segment, ...]]) -> None:
    _, segments = sample
    assert len([s for s in segments if s.kind is SegmentKind.SENTENCE]) == 11


# --- split_sentences, by hand ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ذهب الولد.وعاد مساءً", ["ذهب الولد.", "وعاد مساءً"]),
        ("هل ذهب؟وعاد مساءً", ["هل ذهب؟", "وعاد مساءً"]),
        ("يا له من يوم!وعاد مساءً", ["يا له من يوم!", "وعاد مساءً"]),
        ("الراهن.وتحمي الشركة عملاءها.", ["الراهن.", "وتحمي الشركة عملاءها."]),
        ("انتظر…ثم غادر.", ["انتظر…", "ثم غادر."]),
        ("الأخيرة.CloudFlare قالت", ["الأخيرة.", "CloudFlare قالت"]),
        ("بعد الآن.#Anonymous would", ["بعد الآن.", "#Anonymous would"]),
        ("It ended.The next day came.", ["It ended.", "The next day came."]),
    ],
)
def test_glued_sentences_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هل هذا صحيح؟! نعم إنه صحيح.", ["هل هذا صحيح؟!", "نعم إنه صحيح."]),
        ("ماذا؟!لا أصدق", ["ماذا؟!", "لا أصدق"]),
        ("ماذا؟؟؟ لا أصدق", ["ماذا؟؟؟", "لا أصدق"]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("No!!! Stop.", ["No!!!", "Stop."]),
    ],
)
def test_punctuation_runs_end_one_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ارتفع المعدل إلى 3.5 بالمئة. وهبطت الأسواق.",
            ["ارتفع المعدل إلى 3.5 بالمئة.", "وهبطت الأسواق."],
        ),
        ("بلغ ٣.٥ مليون.وقال", ["بلغ ٣.٥ مليون.", "وقال"]),
        (
            "The rate rose to 3.5 percent. Markets fell.",
            ["The rate rose to 3.5 percent.", "Markets fell."],
        ),
        ("Version 1.2.3 shipped. Next.", ["Version 1.2.3 shipped.", "Next."]),
    ],
)
def test_decimals_do_not_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army arrived. It left.", ["The U.S. Army arrived.", "It left."]),
        ("Dr. Smith arrived. He left.", ["Dr. Smith arrived.", "He left."]),
        ("Use tools, e.g. hammers. Then stop.", ["Use tools, e.g. hammers.", "Then stop."]),
        ("Mr. and Mrs. Smith came. They left.", ["Mr. and Mrs. Smith came.", "They left."]),
        ("Prof. Ali spoke. Gen. Smith left.", ["Prof. Ali spoke.", "Gen. Smith left."]),
        ("J. K. Rowling wrote it. It sold.", ["J. K. Rowling wrote it.", "It sold."]),
        ("This is Node.JS today. OK.", ["This is Node.JS today.", "OK."]),
    ],
)
def test_english_abbreviations_do_not_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال د. محمد إن الوضع خطير. وأضاف أنه سيعود.",
            ["قال د. محمد إن الوضع خطير.", "وأضاف أنه سيعود."],
        ),
        ("التقى أ. أحمد بالوزير. ثم غادر.", ["التقى أ. أحمد بالوزير.", "ثم غادر."]),
        ("صرح د.محمد بذلك.وغادر", ["صرح د.محمد بذلك.", "وغادر"]),
    ],
)
def test_arabic_single_letter_abbreviations_do_not_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "نقلت شبكة سي.بي.إس عن مسؤولين أن المحادثات توقفت. وأكدت وكالة أ.ف.ب الخبر.",
            ["نقلت شبكة سي.بي.إس عن مسؤولين أن المحادثات توقفت.", "وأكدت وكالة أ.ف.ب الخبر."],
        ),
        (
            "وقالت د. ليلى حسن لوكالة أ.ف.ب إن المستشفى امتلأ.وطالبت بالمساعدة.",
            ["وقالت د. ليلى حسن لوكالة أ.ف.ب إن المستشفى امتلأ.", "وطالبت بالمساعدة."],
        ),
        (
            "غادر الوفد بعد لقاء مع قناة بي.بي.سي.وعاد مساء.",
            ["غادر الوفد بعد لقاء مع قناة بي.بي.سي.", "وعاد مساء."],
        ),
    ],
)
def test_dotted_arabic_abbreviations_stay_in_the_document_sentences(
    text: str, expected: list[str]
) -> None:
    assert [s.text for s in segment_document(text)] == expected


def test_inline_numbered_list_is_not_cut_into_fragments() -> None:
    text = (
        "وحدد البيان ثلاثة مطالب هي ١. وقف القصف ٢. فتح المعابر ٣. إطلاق الأسرى. وانتهى الاجتماع."
    )
    assert [s.text for s in segment_document(text)] == [
        "وحدد البيان ثلاثة مطالب هي ١. وقف القصف ٢. فتح المعابر ٣. إطلاق الأسرى.",
        "وانتهى الاجتماع.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bridge opened in 1932.It carried trams.",
            ["The bridge opened in 1932.", "It carried trams."],
        ),
        (
            'She said "we are ready."The vote followed.',
            ['She said "we are ready."', "The vote followed."],
        ),
        (
            "The tower was finished (in 1889).Visitors climb it.",
            ["The tower was finished (in 1889).", "Visitors climb it."],
        ),
    ],
)
def test_glued_english_after_digits_quotes_and_brackets(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Visit https://example.com/a.b.html now. Then stop.",
            ["Visit https://example.com/a.b.html now.", "Then stop."],
        ),
        (
            "زوروا www.example.com.eg للمزيد.ثم عودوا",
            ["زوروا www.example.com.eg للمزيد.", "ثم عودوا"],
        ),
        ("الرابط https://t.co/GqhRe4yr8U. وقال", ["الرابط https://t.co/GqhRe4yr8U.", "وقال"]),
        (
            "Write to info@example.co.uk today. Then stop.",
            ["Write to info@example.co.uk today.", "Then stop."],
        ),
        (
            "راسلونا على news@aljazeera.net.qa الآن. شكرا.",
            ["راسلونا على news@aljazeera.net.qa الآن.", "شكرا."],
        ),
    ],
)
def test_urls_and_emails_stay_whole(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ('He said "Stop."Then he left.', ['He said "Stop."', "Then he left."]),
        ("قال “توقفوا.” ثم غادر.", ["قال “توقفوا.”", "ثم غادر."]),
        ("قال «توقفوا.»ثم غادر.", ["قال «توقفوا.»", "ثم غادر."]),
        ("(He left.) She stayed.", ["(He left.)", "She stayed."]),
    ],
)
def test_closing_quote_stays_with_its_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He waited... and then left.", ["He waited... and then left."]),
        ("He waited… and then left.", ["He waited… and then left."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
    ],
)
def test_ellipsis_before_lowercase_does_not_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", []),
        ("بلا ترقيم", ["بلا ترقيم"]),
        ("  جملة.  ", ["جملة."]),
    ],
)
def test_edges(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- segment_document, by hand --------------------------------------------------------------


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(str(s.kind), s.text) for s in segment_document(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "عنوان الخبر\nالجملة الأولى. الجملة الثانية.",
            [
                ("title", "عنوان الخبر"),
                ("sentence", "الجملة الأولى."),
                ("sentence", "الجملة الثانية."),
            ],
        ),
        (
            "Headline here\nBody one. Body two.",
            [("title", "Headline here"), ("sentence", "Body one."), ("sentence", "Body two.")],
        ),
        (
            "  \n\nعنوان بعد فراغ\nنص.",
            [("title", "عنوان بعد فراغ"), ("sentence", "نص.")],
        ),
        (  # headlines may ask a question
            "هل تحمي كلاود فلير المواقع؟\nالجملة الأولى.",
            [("title", "هل تحمي كلاود فلير المواقع؟"), ("sentence", "الجملة الأولى.")],
        ),
    ],
)
def test_first_short_line_is_the_title(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "جملة واحدة فقط. وجملة أخرى.",
        "سطر واحد بلا ترقيم",
        "الجملة الأولى انتهت.\nالجملة الثانية.",
        "عنوان فقط\n   \n",
    ],
)
def test_no_title(text: str) -> None:
    assert all(s.kind is not SegmentKind.TITLE for s in segment_document(text))


def test_heading_line_without_punctuation_is_its_own_segment() -> None:
    text = "عنوان الخبر\n\nالمقدمة\nالجملة الأولى. الجملة الثانية."
    assert kinds_and_texts(text) == [
        ("title", "عنوان الخبر"),
        ("sentence", "المقدمة"),
        ("sentence", "الجملة الأولى."),
        ("sentence", "الجملة الثانية."),
    ]


def test_a_line_break_ends_a_sentence() -> None:
    text = "قال الوزير إن\nالأمر انتهى."
    assert [s.text for s in segment_document(text)] == ["قال الوزير إن", "الأمر انتهى."]


def test_whitespace_inside_a_sentence_is_collapsed() -> None:
    text = "جملة   فيها    فراغات. وأخرى."
    assert [s.text for s in segment_document(text)] == ["جملة فيها فراغات.", "وأخرى."]


@pytest.mark.parametrize("text", ["", "  \n\n  "])
def test_empty_document_has_no_segments(text: str) -> None:
    assert segment_document(text) == ()


def test_segments_have_no_language_yet() -> None:
    assert {s.lang for s in segment_document("جملة. Sentence.")} == {"und"}
