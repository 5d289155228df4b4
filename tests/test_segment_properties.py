"""Properties of normalize_text and segment_document on generated, article-like documents.

Documents are glued together from the pieces that steer the segmenter: Arabic and Latin words,
both kinds of digits, terminators and quotes, URLs, e-mails, abbreviations, whole tweet
signatures and the closing lines of other platforms' posts, sometimes pasted twice. Whatever
the segmenter decides, its spans must stay ordered, disjoint and inside the text, and
together with the merged tweet and post copies they must cover every visible character.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

from conftest import SEED_ARTICLE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from summarize.data import Segment, SegmentKind
from summarize.normalize import normalize_text
from summarize.segment import segment_document

F = TypeVar("F", bound=Callable[..., None])

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- building blocks -----------------------------------------------------------------------

TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
TATWEEL = "\u0640"
NBSP = "\u00a0"

ARABIC_WORDS = [
    "قال",
    "الوزير",
    "الراهن",
    "وتحمي",
    "الشركة",
    "أنونيموس",
    "قائلًا",
    "قائلًـــا",
    "كلاود",
    "فلير",
    "محمد",
    "ﻻ",  # presentation-form lam-alef, from PDF copy-paste
    "ﺑﺎﺭﻳﺲ",
    "مُحَمَّد",
    "ءامن",
]
LATIN_WORDS = [
    "the",
    "would",
    "also",
    "services",
    "e.g",
    "i.e",
    "Anonymous",
    "CloudFlare",
    "The",
    "Node.JS",
    "J",
    "K",
    "Rowling",
    "OK",
    "DDoS",
]
ABBREVIATIONS = ["U.S.", "Dr.", "Mr.", "e.g.", "Gen.", "Prof.", "د.", "أ.", "J. K.", "a.m."]
NUMBERS = ["3", "129", "2015", "3.5", "1.2.3", "٣", "٣.٥", "١٢٩", "٢٠١٥", "٤٠"]
ENTITIES = [
    "https://t.co/AbC1",
    "https://t.co/GqhRe4yr8U",
    "https://example.com/a.b.html",
    "www.example.com.eg",
    "pic.twitter.com/xYz",
    "#OpParis",
    "#Anonymous",
    "#وسم",
    "@CloudFlare",
    "@h",
    "info@example.co.uk",
    "news@aljazeera.net.qa",
]
PUNCTUATION = [".", "!", "?", "؟", "…", "...", "،", "؛", ":", ",", "?!", "؟!", "!!!"]
QUOTES = ["“", "”", "«", "»", '"', "'", "(", ")"]
SPACES = [" ", " ", " ", "  ", NBSP, "\n", "\n\n", " \n ", "\r\n", "\t", "\u200f", "\u200b"]
MARKS = [TATWEEL, *TASHKEEL]

ALPHABET = sorted(
    set(
        "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى"
        "abcdeoxyzABCDEXYZ0123456789٠١٢٣٤٥٦٧٨٩"
        ".!?؟…،؛:,“”«»\"'()@#/-—– \n" + NBSP + TATWEEL + TASHKEEL
    )
)

# Single characters normalize_text treats specially: CR, odd spaces, bidi and zero-width
# controls, presentation forms, and combining marks that may follow any of them.
RAW_CHARS = [*ALPHABET, "\r", "\t", "\u2009", "\u200f", "\u2066", "\u200b", "\ufeff", "\ufefb"]
RAW_CHARS += ["\ufe8d", "\u0301", "e", "\u00e9", "\u0344", "\u1e0a", "\u0323"]

EN_MONTHS = ["November", "Nov", "Nov.", "Sept", "august", "May", "February"]
AR_MONTHS = ["أغسطس", "نوفمبر", "تشرين الثاني", "آب", "مايو"]
AUTHORS = ["Anonymous", "Name", "", "اسم", "أنونيموس", "John-Paul Smith", "Ali – Cairo"]
DASHES = ["— ", "—", " — ", "- ", " - ", "– ", "-- "]

arabic_word = st.sampled_from(ARABIC_WORDS)
latin_word = st.sampled_from(LATIN_WORDS)
handle = st.one_of(
    st.sampled_from(["h", "TheAnonMovement", "AJArabic", "x_1"]),
    st.text("abcXYZ019_", min_size=1, max_size=6),
)
day = st.integers(1, 31).map(str)
year = st.sampled_from(["2015", "1999", "2024"])


def arabic_indic(digits: str) -> str:
    return "".join(chr(0x0660 + int(d)) if d.isdigit() else d for d in digits)


en_date = st.one_of(
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(EN_MONTHS), day, year),
    st.builds(lambda d, m, y: f"{d} {m} {y}", day, st.sampled_from(EN_MONTHS), year),
)
ar_date = st.builds(
    lambda d, m, y, sep: f"{d} {m}{sep}{y}",
    st.one_of(day, day.map(arabic_indic)),
    st.sampled_from(AR_MONTHS),
    st.one_of(year, year.map(arabic_indic)),
    st.sampled_from([" ", "، ", ", "]),
)
numeric_date = st.builds(
    lambda d, m, y, sep, digits: digits(sep.join([d, m, y] if int(y) > 31 else [y, m, d])),
    day,
    st.integers(1, 12).map(str),
    st.sampled_from(["2015", "1999", "15"]),
    st.sampled_from(["/", ".", "-"]),
    st.sampled_from([str, arabic_indic]),
)
signature = st.builds(
    lambda dash, author, h, date: f"{dash}{author}{' ' if author else ''}(@{h}) {date}",
    st.sampled_from(DASHES),
    st.sampled_from(AUTHORS),
    handle,
    st.one_of(en_date, ar_date, numeric_date),
)
STATUS_LINKS = [
    "",
    "",
    " https://twitter.com/h/status/663",
    "https://x.com/AJArabic/status/9?s=20",
    " https://mobile.twitter.com/x_1/statuses/1.",
]
RETWEET_PREFIXES = ["", "", "RT @h: ", "RT @AJArabic : ", "rt @x_1:"]
# Same-script prose long enough that the walk back from a signature hits the tweet limit.
LONG_PROSE = [
    "وقال الوزير إن الشركة تحمي المواقع من الهجمات. ",
    "The company said it protects every site from attacks. ",
]
long_prose = st.builds(lambda s, n: s * n, st.sampled_from(LONG_PROSE), st.integers(2, 9))

word = st.one_of(
    arabic_word,
    latin_word,
    st.sampled_from(NUMBERS),
    st.sampled_from(ABBREVIATIONS),
    st.sampled_from(ENTITIES),
)
filler = st.sampled_from([" ", " ", NBSP, ""])
phrase = st.lists(st.tuples(word, filler), min_size=1, max_size=5).map(
    lambda pairs: "".join(w + f for w, f in pairs)
)
sentence = st.builds(
    lambda opener, body, end, closer: opener + body + end + closer,
    st.sampled_from(["", "", "“", "«", '"', "("]),
    phrase,
    st.sampled_from(["", *PUNCTUATION]),
    st.sampled_from(["", "", "”", "»", '"', ")"]),
)


@st.composite
def tweets_pasted(draw: st.DrawFn) -> str:
    """A tweet, sometimes pasted again: as is, re-spaced, or after a copy cut off with "…"."""
    prefix = draw(st.sampled_from(RETWEET_PREFIXES))
    body = draw(phrase).rstrip()
    sig = draw(signature) + draw(st.sampled_from(STATUS_LINKS))
    first = prefix + body + sig
    copy = draw(st.sampled_from(["none", "none", "same", "spaced", "truncated"]))
    if copy == "none":
        return first
    glue = draw(st.sampled_from(["", " ", "\n", "قال. "]))
    if copy == "same":
        return first + glue + first
    if copy == "spaced":
        return first + glue + first.replace(" ", "  ")
    cut = draw(st.integers(1, max(1, len(body) - 1)))
    return prefix + body[:cut] + draw(st.sampled_from(["…", "...", " …"])) + sig + glue + first


# The closing parts of other platforms' posts, on their own line or glued to the text.
POST_CLOSINGS = [
    "A post shared by Coach Dana | دانة (@coach.dana) on Apr 1, 2020 at 3:20pm PDT",
    "A photo posted by Omar (@omar.photo) on Jun 18, 2015 at 5:34pm PDT",
    "A post shared by Just a Lemon 🍋 (@the.famous.lemon)",
    "Une publication partagée par Festival (@festival.gnaoua) le 22 Juin 2019 à 14h05 PDT",
    "Posted by Ministry of Education - Jordan on Sunday, 1 March 2020",
    "Posted by Levant News on Monday, March 2, 2020",
    "https://www.youtube.com/watch?v=Xq3bV9kT2aE",
    "https://youtu.be/Kd8pW2mZr0s?si=Qm3x",
    "@cairo.food كشري 🤤 #koshari ♬ original sound - Cairo Food",
    "https://www.tiktok.com/@rahma.relief/video/7301234567890123456",
    "https://t.me/capital_news_now/48213",
    "t.me/s/gaza_now_live/30551",
]
POST_OPENERS = ["View this post on Instagram", "Forwarded from وزارة الصحة", "@rahma.relief"]


@st.composite
def posts_pasted(draw: st.DrawFn) -> str:
    """Another platform's post: an opener and a caption line or none, then its closing part."""
    lines = [draw(st.sampled_from(["", *POST_OPENERS])), draw(st.one_of(st.just(""), phrase))]
    lines.append(draw(st.sampled_from(POST_CLOSINGS)))
    post = draw(st.sampled_from(["\n", "", " "])).join(line for line in lines if line)
    return post + draw(st.sampled_from(["", "\n", "\n" + post]))


chunk = st.one_of(
    sentence,
    sentence,
    tweets_pasted(),
    posts_pasted(),
    st.builds(lambda text, post: text + "\n" + post, sentence, posts_pasted()),
    st.builds(lambda prose, tweet: prose + tweet, long_prose, tweets_pasted()),
    st.sampled_from(SPACES),
    st.sampled_from(PUNCTUATION + QUOTES + MARKS),
    st.text(st.sampled_from(ALPHABET), max_size=12),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A raw document: an optional headline line, then glued chunks of body."""
    title = draw(st.one_of(st.just(""), phrase.map(lambda p: p + "\n"), sentence.map(str.strip)))
    body = draw(st.lists(chunk, max_size=8))
    return title + "".join(body)


# --- explicit examples -----------------------------------------------------------------------

SEED = SEED_ARTICLE.read_text(encoding="utf-8")
NASTY = [
    SEED,
    "",
    " \n\u00a0\n ",
    "عنوان\nنص — Name (@h) November 19, 2015",
    "#tag— A (@h) November 19, 2015#tag— A (@h) November 19, 2015",
    "— A (@h) November 19, 2015 — A (@h) November 19, 2015",
    "نص عربي.Text here — A (@h) Nov. 3, 2015 نص.",
    "https://t.co/AbC1.— X (@h) ٣ أغسطس ٢٠١٥ نص",
    "اكتب لي info@example.co.uk.— اسم (@h) 3 آب، 2015",
    "Stop using Cloud… — A (@h) May 1, 2015 Stop using CloudFlare. — A (@h) May 1, 2015",
    "U.S.Dr.د.محمد.Test e.g. this... “قال.”«ثم» 3.5.٣.٥",
    "\r\u064e\u0640\u0640\u064e\ufefb\u200f\u200b",
    "قائلًـــا\r\nجملة. ( @h) November 19, 2015\n",
    'He said "Stop."Then he left.\n(He left.) She stayed.',
    "RT @h: نص التغريدة — A (@h) 19/11/2015 https://twitter.com/h/status/1نص بعدها.",
    LONG_PROSE[0] * 8 + "تغريدة قصيرة #وسم — اسم (@h) ٢٠١٥-١١-١٩ وقال.",
    LONG_PROSE[1] * 8 + "Short tweet.— A (@h) 2015.11.19" + LONG_PROSE[1],
    "Caption ❄️\nA post shared by K (@k.s) on Dec 20, 2017 at 7:13pm PSTHappy — A (@h) May 1, 2015",
    "View this post on InstagramA post shared by N (@atelier.noor)وتضم.\nhttps://t.me/abcd/1",
    "عنوان\nPosted by admin on Thursday, November 19, 2015\nنص.",
    "@a.b x ♬ s https://www.tiktok.com/@a.b/video/7301234567890123456\n@a.b x ♬ s",
]


def nasty_examples(test: F) -> F:
    """Run ``test`` on the seed article and the hand-picked strings before generated ones."""
    for raw in reversed(NASTY):
        test = example(raw)(test)
    return test


def segment_raw(raw: str) -> tuple[str, tuple[Segment, ...]]:
    text = normalize_text(raw).text
    return text, segment_document(text)


def covered_spans(segments: tuple[Segment, ...]) -> list[tuple[int, int]]:
    """Every span a segment accounts for: its own and those of merged tweet and post copies."""
    spans = {s.span for s in segments}
    for s in segments:
        meta = s.tweet or s.post
        if meta is not None:
            spans.update(meta.spans)
    return sorted(spans)


# --- properties ------------------------------------------------------------------------------


@nasty_examples
@SETTINGS
@given(documents())
def test_spans_are_ordered_disjoint_non_empty_and_inside(raw: str) -> None:
    text, segments = segment_raw(raw)
    spans = [s.span for s in segments]
    assert all(0 <= start < end <= len(text) for start, end in spans), spans
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), spans
    assert [s.id for s in segments] == list(range(1, len(segments) + 1))
    assert all(s.text.strip() for s in segments)


@nasty_examples
@SETTINGS
@given(documents())
def test_tweet_and_post_copies_are_disjoint_from_every_other_segment(raw: str) -> None:
    text, segments = segment_raw(raw)
    for s in segments:
        assert (s.kind is SegmentKind.TWEET) == (s.tweet is not None), s
        assert (s.kind is SegmentKind.POST) == (s.post is not None), s
        meta = s.tweet or s.post
        if meta is not None:
            assert meta.spans[0] == s.span
            assert len(meta.spans) == meta.repeats
    spans = covered_spans(segments)
    assert all(0 <= start < end <= len(text) for start, end in spans), spans
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), spans


@nasty_examples
@SETTINGS
@given(documents())
def test_every_visible_character_is_covered(raw: str) -> None:
    text, segments = segment_raw(raw)
    covered = [False] * len(text)
    for start, end in covered_spans(segments):
        covered[start:end] = [True] * (end - start)
    missed = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missed, (missed, [(s.kind, s.span, s.text) for s in segments])


@nasty_examples
@SETTINGS
@given(documents())
def test_normalizing_and_segmenting_are_deterministic(raw: str) -> None:
    assert normalize_text(raw) == normalize_text(raw)
    text = normalize_text(raw).text
    assert segment_document(text) == segment_document(text)
    assert segment_document(text) == segment_document("".join(list(text)))


@nasty_examples
@SETTINGS
@given(documents())
def test_sentence_and_title_text_is_their_span_collapsed(raw: str) -> None:
    text, segments = segment_raw(raw)
    for s in segments:
        if s.kind in (SegmentKind.SENTENCE, SegmentKind.TITLE):
            start, end = s.span
            assert s.text == " ".join(text[start:end].split()), s


@nasty_examples
@SETTINGS
@given(st.one_of(documents(), st.text(st.sampled_from(RAW_CHARS), max_size=40), st.text()))
def test_offsets_map_every_character_back(raw: str) -> None:
    normalized = normalize_text(raw)
    offsets = normalized.offsets
    assert len(offsets) == len(normalized.text) + 1
    assert all(a <= b for a, b in pairwise(offsets))
    assert offsets[-1] == len(raw)
    assert all(0 <= o <= len(raw) for o in offsets)
