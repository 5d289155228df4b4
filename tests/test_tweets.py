"""Pasted tweets: found, described by their signature, and shown once however often pasted."""

from __future__ import annotations

import pytest

from summarize.data import Segment, SegmentKind, TweetMeta
from summarize.normalize import normalize_text
from summarize.segment import segment_document
from summarize.tweets import extract_entities, find_tweets, merge_duplicates, parse_date


def tweet_segments(text: str) -> list[Segment]:
    return [s for s in segment_document(text) if s.kind is SegmentKind.TWEET]


def only_tweet(text: str) -> TweetMeta:
    tweets = tweet_segments(text)
    assert len(tweets) == 1
    assert tweets[0].tweet is not None
    return tweets[0].tweet


@pytest.fixture
def sample_tweet(seed_text: str) -> TweetMeta:
    return only_tweet(normalize_text(seed_text).text)


# --- the sample article -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("author", "Anonymous"),
        ("handle", "@TheAnonMovement"),
        ("date", "2015-11-19"),
        ("urls", ("https://t.co/GqhRe4yr8U",)),
        ("hashtags", ("#Anonymous", "#OpParis", "#OpDaesh")),
        ("mentions", ("@CloudFlare",)),
        ("repeats", 2),
    ],
)
def test_sample_tweet_metadata(sample_tweet: TweetMeta, field: str, expected: object) -> None:
    assert getattr(sample_tweet, field) == expected


def test_sample_tweet_spans_cover_both_copies(seed_text: str, sample_tweet: TweetMeta) -> None:
    text = normalize_text(seed_text).text
    assert len(sample_tweet.spans) == 2
    for start, end in sample_tweet.spans:
        copy = text[start:end]
        assert copy.startswith("#Anonymous would also like")
        assert copy.endswith("(@TheAnonMovement) November 19, 2015")


# --- parse_date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "day", "year", "expected"),
    [
        ("November", "19", "2015", "2015-11-19"),
        ("november", "9", "2015", "2015-11-09"),
        ("MAY", "1", "2020", "2020-05-01"),
        ("Nov", "19", "2015", "2015-11-19"),
        ("Nov.", "19", "2015", "2015-11-19"),
        ("Sept", "3", "2016", "2016-09-03"),
        ("Sep", "3", "2016", "2016-09-03"),
        ("نوفمبر", "19", "2015", "2015-11-19"),
        ("تشرين الثاني", "19", "2015", "2015-11-19"),
        ("أيار", "1", "2020", "2020-05-01"),
        ("يناير", "٣", "٢٠١٦", "2016-01-03"),
        ("نوفمبر", "١٩", "٢٠١٥", "2015-11-19"),
        ("كانون الأول", "۵", "۲۰۱۶", "2016-12-05"),
    ],
)
def test_parse_date(month: str, day: str, year: str, expected: str) -> None:
    assert parse_date(month, day, year) == expected


@pytest.mark.parametrize(
    ("month", "day", "year"),
    [
        ("Smarch", "1", "2015"),
        ("no", "1", "2015"),
        ("November", "32", "2015"),
        ("November", "0", "2015"),
        pytest.param(
            "February",
            "31",
            "2015",
        ),
        pytest.param(
            "April",
            "31",
            "2015",
        ),
    ],
)
def test_parse_date_refuses_what_is_not_a_date(month: str, day: str, year: str) -> None:
    assert parse_date(month, day, year) is None


# --- signatures -----------------------------------------------------------------------------

ARTICLE = "وقالت المجموعة في بيان إنها ستواصل الهجمات.{tweet}وأضافت المجموعة أنها لن تتوقف."


@pytest.mark.parametrize("dash", ["—", "— ", " — ", "–", " – ", "-", " - ", " -- ", " —"], ids=repr)
def test_signature_dashes_with_and_without_spaces(dash: str) -> None:
    tweet = f"We will keep going until the end #OpParis{dash}Jane Doe (@jane) May 3, 2016"
    meta = only_tweet(ARTICLE.format(tweet=tweet))
    assert (meta.text, meta.author, meta.handle, meta.date) == (
        "We will keep going until the end #OpParis",
        "Jane Doe",
        "@jane",
        "2016-05-03",
    )


@pytest.mark.parametrize(
    ("signature", "author", "handle", "date"),
    [
        ("— Jane Doe (@jane) 19 November 2015", "Jane Doe", "@jane", "2015-11-19"),
        ("— Jane Doe (@jane) Nov 19, 2015", "Jane Doe", "@jane", "2015-11-19"),
        ("—Jane Doe(@jane)November 19, 2015", "Jane Doe", "@jane", "2015-11-19"),
        ("— (@jane) November 19, 2015", None, "@jane", "2015-11-19"),
        ("— أحمد علي (@ahmad) ١٩ نوفمبر ٢٠١٥", "أحمد علي", "@ahmad", "2015-11-19"),
        ("— أحمد (@ahmad) 19 تشرين الثاني، 2015", "أحمد", "@ahmad", "2015-11-19"),
    ],
)
def test_signature_fields(signature: str, author: str | None, handle: str, date: str) -> None:
    meta = only_tweet(ARTICLE.format(tweet=f"Paris we stand with you {signature}"))
    assert (meta.author, meta.handle, meta.date) == (author, handle, date)


def test_unparseable_date_keeps_the_raw_string() -> None:
    meta = only_tweet(ARTICLE.format(tweet="We will keep going — Jane (@jane) 45 November 2015"))
    assert meta.date == "45 November 2015"


def test_article_around_the_tweet_stays_sentences() -> None:
    text = ARTICLE.format(tweet="We will keep going — Jane (@jane) May 3, 2016")
    assert [(str(s.kind), s.text) for s in segment_document(text)] == [
        ("sentence", "وقالت المجموعة في بيان إنها ستواصل الهجمات."),
        ("tweet", "We will keep going"),
        ("sentence", "وأضافت المجموعة أنها لن تتوقف."),
    ]


def test_arabic_tweet_in_an_english_article() -> None:
    text = (
        "The group said it would continue. سنواصل العمل حتى النهاية "
        "— أحمد علي (@ahmad) 3 أيار 2016 The group added more."
    )
    assert [(str(s.kind), s.text) for s in segment_document(text)] == [
        ("sentence", "The group said it would continue."),
        ("tweet", "سنواصل العمل حتى النهاية"),
        ("sentence", "The group added more."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قال المتحدث - وهو غاضب - إن الأمر انتهى.",
        "Paris — the city of light (and @someone) is calm.",
        "The score was 3 - 2 (@espn) in May.",
    ],
)
def test_dashes_without_a_signature_are_not_tweets(text: str) -> None:
    assert tweet_segments(text) == []


def test_find_tweets_offsets_point_into_the_document() -> None:
    block = "Stay safe — Jane (@jane) May 3, 2016"
    (match,) = find_tweets(block, offset=100)
    assert match.span == (100, 100 + len(block))


# --- entities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "urls", "hashtags", "mentions"),
    [
        (
            "Go to https://t.co/abc, now! #tag @user",
            ("https://t.co/abc",),
            ("#tag",),
            ("@user",),
        ),
        ("تضامنا مع #فلسطين و @UN", (), ("#فلسطين",), ("@UN",)),
        ("mail a@b.com about #x", (), ("#x",), ()),
        (
            "see https://example.com/#anchor and pic.twitter.com/xyz",
            (
                "https://example.com/#anchor",
                "pic.twitter.com/xyz",
            ),
            (),
            (),
        ),
    ],
)
def test_extract_entities(
    text: str, urls: tuple[str, ...], hashtags: tuple[str, ...], mentions: tuple[str, ...]
) -> None:
    assert extract_entities(text) == (urls, hashtags, mentions)


# --- merge_duplicates -----------------------------------------------------------------------


def meta(text: str, handle: str = "@jane", start: int = 0, urls: tuple[str, ...] = ()) -> TweetMeta:
    return TweetMeta(
        text=text,
        author="Jane",
        handle=handle,
        date="2015-11-19",
        urls=urls,
        spans=((start, start + 10),),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Stop using CloudFlare now", "Stop  using\tCloudFlare now"),
        ("Stop using CloudFlare now", "STOP USING cloudflare NOW"),
        ("Stop using CloudFlare now https://t.co/abc", "Stop using CloudFlare now"),
        ("Stop using CloudFlare now", "Stop using CloudFlare now https://t.co/abc"),
        ("Stop using CloudFlare now please", "Stop using Cloud…"),
        ("Stop using CloudFlare now please", "Stop using Cloud..."),
        ("Stop using Cloud…", "Stop using CloudFlare now please"),
        ("أوقفوا استخدام كلاود فلير", "أوقفوا   استخدام كلاود فلير https://t.co/x"),
    ],
)
def test_copies_are_merged(first: str, second: str) -> None:
    merged = merge_duplicates([meta(first, start=0), meta(second, start=50)])
    assert [(m.repeats, m.spans) for m in merged] == [(2, ((0, 10), (50, 60)))]


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        (
            "Stop using Cloud…",
            "Stop using CloudFlare now please",
            "Stop using CloudFlare now please",
        ),
        (
            "Stop using CloudFlare now please",
            "Stop using Cloud…",
            "Stop using CloudFlare now please",
        ),
    ],
)
def test_merge_keeps_the_fullest_text(first: str, second: str, kept: str) -> None:
    (merged,) = merge_duplicates([meta(first, start=0), meta(second, start=50)])
    assert merged.text == kept


def test_merge_keeps_the_links_of_any_copy() -> None:
    merged = merge_duplicates(
        [meta("Stop now", start=0), meta("Stop now https://t.co/a", urls=("https://t.co/a",))]
    )
    assert merged[0].urls == ("https://t.co/a",)


def test_handles_compare_without_case() -> None:
    merged = merge_duplicates([meta("Same text", "@Jane"), meta("Same text", "@jane", 50)])
    assert len(merged) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (meta("Same text", "@jane"), meta("Same text", "@john", 50)),
        (meta("Stop using CloudFlare now"), meta("Start using CloudFlare now", start=50)),
        (meta("أوقفوا استخدام كلاود فلير"), meta("استخدموا كلاود فلير", start=50)),
        pytest.param(
            meta("https://t.co/aaa", urls=("https://t.co/aaa",)),
            meta("https://t.co/bbb", start=50, urls=("https://t.co/bbb",)),
            id="different-links-only",
        ),
        pytest.param(
            meta("Stop"),
            meta("Stopping the machines now", start=50),
            id="mid-word-prefix-without-ellipsis",
        ),
    ],
)
def test_different_tweets_are_not_merged(first: TweetMeta, second: TweetMeta) -> None:
    assert len(merge_duplicates([first, second])) == 2


def test_merge_keeps_order_of_first_appearance() -> None:
    merged = merge_duplicates(
        [
            meta("First tweet", start=0),
            meta("Second tweet", start=20),
            meta("first TWEET", start=40),
        ]
    )
    assert [(m.text, m.repeats) for m in merged] == [("First tweet", 2), ("Second tweet", 1)]


def test_document_with_three_copies_shows_one_tweet() -> None:
    copy = "Stop using CloudFlare now — Jane (@jane) May 3, 2016"
    text = f"قالت المجموعة.{copy}{copy} {copy}وأضافت."
    tweets = tweet_segments(text)
    assert len(tweets) == 1
    assert tweets[0].tweet is not None
    assert tweets[0].tweet.repeats == 3
