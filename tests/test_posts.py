"""Posts of every platform: pasted into an article, embedded in a page, pasted to translate.

The cases live in ``tests/data/posts`` (our own text in the platforms' shapes): each pasted
form in an Arabic article comes out as exactly one post with the right fields and the
article's sentences around it unchanged; each page with the publisher's embed markup gives
the same posts as the pasted text; what only looks like a post stays sentences.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summarize import Pipeline
from summarize.config import ModelsConfig
from summarize.data import Platform, PostMeta, Segment, SegmentKind, TweetMeta
from summarize.html import extract_article
from summarize.normalize import normalize_text
from summarize.posts import merge_duplicates
from summarize.segment import segment_document, segment_lines

TESTS = Path(__file__).parent


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_CASES = _load(TESTS / "data" / "posts" / "cases.py", "post_cases")
_HTML = _load(TESTS / "data" / "posts" / "html_cases.py", "post_html_cases")
CASES: list[dict[str, Any]] = _CASES.CASES
NEGATIVE_CASES: list[dict[str, Any]] = _CASES.NEGATIVE_CASES
HTML_CASES: list[dict[str, Any]] = _HTML.resolve(CASES)
ADVERSARIAL = _load(TESTS.parent / "benchmarks" / "bench_posts.py", "bench_posts").ADVERSARIAL

_TWEET_FIELDS = ("text", "author", "handle", "date", "link", "hashtags", "mentions", "urls")
_POST_FIELDS = (*_TWEET_FIELDS, "title", "zone")
_EXTRA_FIELDS = ("music", "forwarded_from", "truncated")


def _post_fields(segment: Segment) -> dict[str, Any]:
    """A post segment as the fixtures describe posts."""
    meta: TweetMeta | PostMeta | None = segment.tweet or segment.post
    assert meta is not None
    fields = _TWEET_FIELDS if isinstance(meta, TweetMeta) else _POST_FIELDS
    got: dict[str, Any] = {"platform": str(meta.platform), "repeats": meta.repeats}
    got |= {key: _plain(getattr(meta, key)) for key in fields}
    if isinstance(meta, PostMeta):
        got["extra"] = {key: getattr(meta, key) for key in _EXTRA_FIELDS if getattr(meta, key)}
    return got


def _expected_fields(post: dict[str, Any]) -> dict[str, Any]:
    fields = _TWEET_FIELDS if post["platform"] == "x" else _POST_FIELDS
    want = {"platform": post["platform"], "repeats": post["repeats"]}
    want |= {key: post[key] for key in fields}
    if post["platform"] != "x":
        want["extra"] = {k: v for k, v in post["extra"].items() if k in _EXTRA_FIELDS}
    return want


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _outline(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    """Kinds and texts in reading order; a post stands for itself as ``post:<platform>``."""
    outline = []
    for segment in segments:
        meta = segment.tweet or segment.post
        outline.append((f"post:{meta.platform}", "") if meta else (str(segment.kind), segment.text))
    return outline


def _expected_outline(expected: dict[str, Any]) -> list[tuple[str, str]]:
    title = [("title", expected["title"])] if expected.get("title") else []
    posts = [(f"post:{p['platform']}", "") for p in expected["posts"]]
    between = [("sentence", s) for s in expected.get("between", [])]
    return [
        *title,
        *(("sentence", s) for s in expected["before"]),
        *posts[:1],
        *between,
        *posts[1:],
        *(("sentence", s) for s in expected["after"]),
    ]


def _segments(article: str, title: str | None = None) -> tuple[Segment, ...]:
    return segment_document(normalize_text(article).text, title=title)


def _posts(segments: tuple[Segment, ...]) -> list[Segment]:
    return [s for s in segments if s.kind in (SegmentKind.TWEET, SegmentKind.POST)]


# --- each form, pasted ---------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_pasted_post(case: dict[str, Any]) -> None:
    segments = _segments(case["article"])
    expected = case["expected"]
    assert [_post_fields(s) for s in _posts(segments)] == [
        _expected_fields(p) for p in expected["posts"]
    ]
    assert _outline(segments) == _expected_outline(expected)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_post_kind_and_metadata_agree(case: dict[str, Any]) -> None:
    for segment in _posts(_segments(case["article"])):
        is_tweet = segment.kind is SegmentKind.TWEET
        assert (segment.tweet is not None, segment.post is None) == (is_tweet, is_tweet)
        meta = segment.tweet or segment.post
        assert meta is not None
        assert meta.spans[0] == segment.span
        assert len(meta.spans) == meta.repeats
        # A post without a caption is shown by its link or handle.
        assert segment.text == (meta.text or getattr(meta, "link", None) or meta.handle)


# --- each form, embedded in a page ---------------------------------------------------------


@pytest.mark.parametrize("case", HTML_CASES, ids=[c["name"] for c in HTML_CASES])
def test_embedded_post_is_the_pasted_post(case: dict[str, Any]) -> None:
    article = extract_article(case["html"], source=f"{case['name']}.html")
    segments = _segments(article.text, article.title)
    expected = case["expected"]
    assert [_post_fields(s) for s in _posts(segments)] == [
        _expected_fields(p) for p in expected["posts"]
    ]
    assert _outline(segments) == _expected_outline(expected)


@pytest.mark.parametrize("case", HTML_CASES, ids=[c["name"] for c in HTML_CASES])
def test_embed_is_rewritten_to_its_pasted_form(case: dict[str, Any]) -> None:
    text = extract_article(case["html"], source="page.html").text
    assert case["pasted_form"] in text


# --- what only looks like a post -----------------------------------------------------------


@pytest.mark.parametrize("case", NEGATIVE_CASES, ids=[c["name"] for c in NEGATIVE_CASES])
def test_lookalikes_stay_sentences(case: dict[str, Any]) -> None:
    segments = _segments(case["article"])
    assert _posts(segments) == []
    sentences = [s.text for s in segments if s.kind is SegmentKind.SENTENCE]
    expected = case["expected"]["sentences"]
    assert [s for s in sentences if s in expected] == expected
    if "title" in case["expected"]:
        assert segments[0].kind is SegmentKind.TITLE
        assert segments[0].text == case["expected"]["title"]


# --- tweets after an introducing colon (issue 11) --------------------------------------------

INTRO = "أعلنت الوزارة خطة جديدة للنقل العام."


@pytest.mark.parametrize(
    ("clause", "tweet"),
    [
        (
            "وكتب الوزير على منصة إكس:",
            "سنبدأ غداً تشغيل الخط الجديد بين المطار ووسط المدينة",
        ),
        ("وغرّد الوزير قائلاً:", "سنبدأ غداً تشغيل الخط الجديد بين المطار ووسط المدينة"),
        ("وقالت المتحدثة باسم الوزارة في تغريدة:", "الخط الجديد جاهز للتشغيل منذ الصباح"),
        ("كتب على منصة إكس:", "We start running the new airport line tomorrow"),
        ("The minister wrote on X:", "سنبدأ غداً تشغيل الخط الجديد بين المطار ووسط المدينة"),
    ],
)
def test_tweet_after_an_introducing_colon(clause: str, tweet: str) -> None:
    article = (
        f"{INTRO} {clause} {tweet} — وزير النقل (@transport_min) 19 نوفمبر 2023\nوتستمر الأعمال."
    )
    assert [(str(s.kind), s.text) for s in _segments(article)] == [
        ("sentence", INTRO),
        ("sentence", clause),
        ("tweet", tweet),
        ("sentence", "وتستمر الأعمال."),
    ]


def test_a_colon_without_an_introduction_stays_in_the_tweet() -> None:
    tweet = "عاجل: تعليق الرحلات من وإلى المطار حتى إشعار آخر"
    article = f"{INTRO}\n{tweet} — مطار بيروت (@BeirutAirport) 15 أكتوبر 2023"
    (segment,) = _posts(_segments(article))
    assert segment.text == tweet


# --- X details -----------------------------------------------------------------------------


def test_web_status_links_are_tweet_links() -> None:
    article = (
        f"{INTRO}\nWe are on our way — Relief Watch (@ReliefWatch) February 6, 2023 "
        "https://twitter.com/i/web/status/1622451234567890432"
    )
    (segment,) = _posts(_segments(article))
    assert segment.tweet is not None
    assert segment.tweet.link == "https://twitter.com/i/web/status/1622451234567890432"


# --- summarize translate ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "platform", "text"),
    [
        (
            "View this post on Instagram\nوصلنا إلى جدة 🎉 #جدة\n"
            "A post shared by Yasmine Kitchen (@yasmine.kitchen) on Oct 2, 2019 at 12:03pm PDT",
            Platform.INSTAGRAM,
            "وصلنا إلى جدة 🎉 #جدة",
        ),
        (
            "Schools will remain closed tomorrow.\n"
            "Posted by Ministry of Education on Sunday, 1 March 2020",
            Platform.FACEBOOK,
            "Schools will remain closed tomorrow.",
        ),
        (
            "Full interview with the mayor\nIraq Today (@IraqTodayTV)\nhttps://youtu.be/Kd8pW2mZr0s",
            Platform.YOUTUBE,
            "Full interview with the mayor",
        ),
        (
            "@cairo.food The best koshari in town 🤤 #koshari ♬ original sound - Cairo Food",
            Platform.TIKTOK,
            "The best koshari in town 🤤 #koshari",
        ),
        (
            "Forwarded from وزارة الصحة\nتسجيل إصابات جديدة في المحافظة\nt.me/health_updates/912",
            Platform.TELEGRAM,
            "تسجيل إصابات جديدة في المحافظة",
        ),
        (
            "We have restored service for 95% of users\n— Rami Aziz (@rami_aziz) Nov 19, 2023",
            Platform.X,
            "We have restored service for 95% of users",
        ),
    ],
)
def test_translate_takes_a_pasted_post_of_any_platform(
    pasted: str, platform: Platform, text: str
) -> None:
    (segment,) = segment_lines(normalize_text(pasted).text)
    meta = segment.tweet or segment.post
    assert meta is not None
    assert (meta.platform, segment.text) == (platform, text)


def test_translate_keeps_other_lines_as_they_are() -> None:
    pasted = "سطر أول.\n@cairo.food كشري 🤤 ♬ original sound - Cairo Food\nSecond line. Still it."
    assert [(str(s.kind), s.text) for s in segment_lines(pasted)] == [
        ("sentence", "سطر أول."),
        ("post", "كشري 🤤"),
        ("sentence", "Second line. Still it."),
    ]


def test_translate_command_detects_the_caption_language() -> None:
    pipeline = Pipeline(ModelsConfig(path="<posts>"), offline=True)
    result = pipeline.translate_text(
        "🇲🇦🇲🇦🇲🇦❤️\nA post shared by Yassine (@yassine_b10) on Jun 28, 2018 at 2:41pm PDT\n"
        "#رمضان_كريم #Ramadan2019\nPosted by Makkah Live on Monday, 6 May 2019"
    )
    assert [(str(s.kind), s.lang) for s in result.segments] == [("post", "und"), ("post", "und")]


# --- copies ----------------------------------------------------------------------------------


def _meta(text: str, platform: Platform = Platform.INSTAGRAM, **fields: Any) -> PostMeta:
    start = fields.pop("start", 0)
    fields.setdefault("handle", "@coach.dana")
    return PostMeta(platform=platform, text=text, spans=((start, start + 5),), **fields)


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        pytest.param(_meta("Same caption"), _meta("same  CAPTION", start=9), True, id="text"),
        pytest.param(
            _meta("Same caption"),
            _meta("Same caption", Platform.FACEBOOK, start=9),
            False,
            id="cross-posted",
        ),
        pytest.param(
            _meta("Same caption", Platform.FACEBOOK, handle=None, author="Page"),
            _meta("Same caption", Platform.FACEBOOK, handle=None, author="page", start=9),
            True,
            id="facebook-page-name",
        ),
        pytest.param(
            _meta("Caption one", link="https://www.instagram.com/p/B-e3XyZl5Qm/"),
            _meta("Caption one, edited", link="https://www.instagram.com/p/B-e3XyZl5Qm/", start=9),
            True,
            id="same-permalink",
        ),
        pytest.param(
            _meta("We are deeply saddened by the loss of..."),
            _meta("We are deeply saddened by the loss of our colleague", start=9),
            True,
            id="truncated",
        ),
        pytest.param(_meta(""), _meta("", handle="@other", start=9), False, id="no-caption"),
    ],
)
def test_copies_of_a_post_merge(first: PostMeta, second: PostMeta, merged: bool) -> None:
    result = merge_duplicates([first, second])
    assert len(result) == (1 if merged else 2)
    if merged:
        assert (result[0].repeats, result[0].spans) == (2, ((0, 5), (9, 14)))


def test_thousands_of_copies_are_one_post() -> None:
    copy = (
        "شاركونا صوركم 💪\nA post shared by Coach Dana (@coach.dana) on Apr 1, 2020 at 3:20pm PDT\n"
    )
    posts = _posts(_segments(f"{INTRO}\n" + copy * 3000 + "وتستمر الحصص."))
    assert len(posts) == 1
    assert posts[0].post is not None
    assert posts[0].post.repeats == 3000


# --- linear time -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_long_adversarial_runs_are_segmented(name: str) -> None:
    """20k characters that keep a pattern busy: covered by segments, quickly (see benchmarks)."""
    text = normalize_text(ADVERSARIAL[name](20_000)).text
    segments = segment_document(text)
    covered = [False] * len(text)
    for segment in segments:
        meta = segment.tweet or segment.post
        for start, end in meta.spans if meta else (segment.span,):
            covered[start:end] = [True] * (end - start)
    assert all(c or ch.isspace() for c, ch in zip(covered, text, strict=True))
