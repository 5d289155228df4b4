"""Split a normalised document into segments: the title, sentences, tweets and posts.

Arabic news breaks the rules English splitters assume: sentences are often glued with no
space after the full stop (``الراهن.وتحمي``), Arabic has no capital letters to confirm a
sentence start, and ``؟`` is the question mark. Single-letter Arabic abbreviations such as
``د.`` (doctor) and ``أ.`` (professor) must not end a sentence; neither may decimals, URLs,
e-mails or English abbreviations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from summarize.data import Segment, SegmentKind, TweetMeta
from summarize.entities import ARABIC_LETTER, DIGIT, EMAIL, URL, is_arabic_letter, is_arabic_mark
from summarize.posts import PostMatch, Scope, find_posts, merge_duplicates
from summarize.posts.base import line_at

__all__ = ["segment_document", "segment_lines", "split_sentences"]

# ۔ is the Urdu full stop.
_TERMINATORS = re.compile(r"[.!?؟…۔]+[”\"'»)\]]*")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "no",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "col",
        "lt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "mt",
        "approx",
    ]
)
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_QUOTE_OPENERS = "“«\"'(["
_LIST_MARKER = re.compile(rf"^\s*(?:[{DIGIT}]{{1,3}}|[A-Za-z]|{ARABIC_LETTER.pattern})[.)](?=\s)")
# “...” and «...» up to 600 characters; straight quotes are too ambiguous to pair.
_QUOTATION = re.compile(r"“[^“”\n]{1,600}”|«[^«»\n]{1,600}»")
_STRAIGHT_QUOTATION = re.compile(r'"[^"\n]{1,600}"')


def segment_document(text: str, *, title: str | None = None) -> tuple[Segment, ...]:
    """Split a normalised document into title, sentence, tweet and post segments.

    Args:
        text: The document's normalised text.
        title: A title known from elsewhere (an HTML page's); when the text starts with
            it, that line is the title whatever it looks like.

    Returns:
        Segments in reading order with ids from 1; ``lang`` is not set yet. Copies of the
        same tweet or post are merged into the first (``repeats``).
    """
    known = _known_title(text, title)
    guessed = None if known else _title_span(text)
    scope = Scope(
        text=text, floor=known[1] if known else 0, title=guessed, starts=_SentenceStarts(text)
    )
    posts = find_posts(scope)
    # A line a post begins with is its caption, not a headline over the article.
    if guessed and posts and posts[0].span[0] < guessed[1]:
        guessed = None
    title_span = known or guessed
    pieces: list[_Piece] = [(SegmentKind.TITLE, title_span, None)] if title_span else []
    cursor = title_span[1] if title_span else 0
    for post in posts:
        pieces += _sentences(text, cursor, post.span[0])
        pieces.append((_kind(post), post.span, post))
        cursor = post.span[1]
    pieces += _sentences(text, cursor, len(text))
    return _number(text, pieces, merge=True)


def segment_lines(text: str) -> tuple[Segment, ...]:
    """One segment per non-empty line, for ``summarize translate``: no title, no sentence
    splitting; the lines of a pasted tweet or post (of any platform) are that post.

    Args:
        text: Normalised text, one tweet, post or sentence per line.

    Returns:
        Segments in order with ids from 1; ``lang`` is not set yet.
    """
    posts = find_posts(Scope(text=text, starts=lambda lo, _: [lo], lines=True))
    pieces: list[_Piece] = []
    cursor = 0
    for post in posts:
        pieces += _lines(text, cursor, post.span[0])
        pieces.append((_kind(post), post.span, post))
        cursor = post.span[1]
    pieces += _lines(text, cursor, len(text))
    return _number(text, pieces, merge=False)


_Piece = tuple[SegmentKind, tuple[int, int], PostMatch | None]


def _kind(post: PostMatch) -> SegmentKind:
    return SegmentKind.TWEET if isinstance(post.meta, TweetMeta) else SegmentKind.POST


def _number(text: str, pieces: list[_Piece], *, merge: bool) -> tuple[Segment, ...]:
    metas = [m.meta for _, _, m in pieces if m is not None]
    by_first_span = {p.spans[0]: p for p in (merge_duplicates(metas) if merge else metas)}
    segments: list[Segment] = []
    for kind, span, match in pieces:
        number = len(segments) + 1
        if match is None:
            shown = " ".join(text[span[0] : span[1]].split())
            segments.append(Segment(id=number, kind=kind, text=shown, span=span))
        elif (meta := by_first_span.get(match.span)) is None:
            continue  # a later copy of a post already shown
        elif isinstance(meta, TweetMeta):
            segments.append(Segment(id=number, kind=kind, text=meta.text, span=span, tweet=meta))
        else:
            # A post without a caption is shown by its link or handle (and is ``und``).
            shown = meta.text or meta.link or meta.handle or meta.author or ""
            segments.append(Segment(id=number, kind=kind, text=shown, span=span, post=meta))
    return tuple(segments)


def _known_title(text: str, title: str | None) -> tuple[int, int] | None:
    if not title:
        return None
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start : end if end != -1 else len(text)].rstrip()
    if " ".join(line.split()) != " ".join(title.split()):
        return None
    return start, start + len(line)


def _title_span(text: str) -> tuple[int, int] | None:
    """Return the first line's span when it looks like a headline."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1:
        return None  # a single line is a text, not a headline over one
    line = text[start:end].rstrip()
    if not line or not text[end:].strip():
        return None
    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return None
    # A question or exclamation can be a headline; a full stop or comma cannot.
    if line[-1] in ".…:;،," or "(@" in line:
        return None
    return start, start + len(line)


def _line_pieces(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The non-blank parts of lines in ``text[lo:hi]``: a line break always ends a sentence."""
    for match in re.finditer(r"[^\n]+", text[lo:hi]):
        if match.group().strip():
            yield match.start() + lo, match.end() + lo


def _sentences(text: str, lo: int, hi: int) -> list[_Piece]:
    return [
        (SegmentKind.SENTENCE, (s + start, e + start), None)
        for start, end in _line_pieces(text, lo, hi)
        for s, e in split_sentences(text[start:end])
    ]


def _lines(text: str, lo: int, hi: int) -> list[_Piece]:
    return [
        (SegmentKind.SENTENCE, _strip(text, start, end), None)
        for start, end in _line_pieces(text, lo, hi)
    ]


class _SentenceStarts:
    """Sentence starts for the post recognisers' walk back, split once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int, list[int]] = {}

    def __call__(self, lo: int, hi: int) -> list[int]:
        starts: list[int] = []
        line_lo, line_hi = line_at(self.text, lo)
        while line_lo < hi:
            if line_lo not in self.cache:
                pieces = split_sentences(self.text[line_lo:line_hi])
                self.cache[line_lo] = [line_lo + s for s, _ in pieces]
            cached = self.cache[line_lo]
            starts += cached[bisect_left(cached, lo) : bisect_left(cached, hi)]
            if line_hi >= len(self.text):
                break
            line_lo, line_hi = line_at(self.text, line_hi + 1)
        return starts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one line of text into sentence spans, stripped of surrounding spaces.

    Args:
        text: A line of normalised text.

    Returns:
        ``(start, end)`` spans into ``text`` in order; empty pieces are dropped.
    """
    protected = _protected(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINATORS.finditer(text):
        if _is_boundary(text, match, protected):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans in which no sentence can end.

    URLs and e-mail addresses; a list marker at the start of a line (``1.``, ``١.``, ``a)``),
    which belongs to its item; and a quotation that closes on the same line — a quoted
    statement of several sentences is one segment, as a reader would cite it. A quote that
    never closes protects nothing.
    """
    spans = [m.span() for pattern in (URL, EMAIL, _LIST_MARKER) for m in pattern.finditer(text)]
    quotes = list(_QUOTATION.finditer(text))
    if text.count('"') % 2 == 0:  # straight quotes pair up only when they are balanced
        quotes += _STRAIGHT_QUOTATION.finditer(text)
    for quote in quotes:
        inner = quote.group()[1:-1]
        # The quote's own last full stop may still end the sentence: «Go now. Leave.» And
        spans.append(
            (quote.start() + 1, quote.end() - 1 - (len(inner) - len(inner.rstrip(".!?؟…"))))
        )
    return spans


def _is_boundary(text: str, match: re.Match[str], protected: list[tuple[int, int]]) -> bool:
    pos, end = match.start(), match.end()
    if any(s <= pos < e for s, e in protected):
        return False
    after = text[end] if end < len(text) else ""
    before = text[pos - 1] if pos > 0 else ""
    if match.group() == "." and not _dot_can_end(text, pos, before, after):
        return False
    if not after:
        return True
    if after.isspace():
        following = text[end:].lstrip()[:1]
        # "e.g. this": a lowercase Latin word cannot start an English sentence.
        return not (following.isascii() and following.islower())
    return _glued_start(before, after, text[end : end + 2])


def _dot_can_end(text: str, pos: int, before: str, after: str) -> bool:
    """Decide whether a single full stop can end a sentence here."""
    if before.isdigit() and after.isdigit():
        return False  # 3.5
    word = re.search(r"[\w.]*$", text[max(0, pos - 40) : pos])  # a bounded look back
    token = word.group().lower() if word else ""
    if token in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return False
    # Initials: "J. K. Rowling", and Arabic single-letter abbreviations "د. محمد".
    return not (len(token) == 1 and token.isalpha() and (before.isupper() or _is_arabic(before)))


def _glued_start(before: str, after: str, ahead: str) -> bool:
    """A terminator followed directly by text: does a new sentence start there?"""
    if _is_arabic(after) or after in "#@":
        return True  # الراهن.وتحمي ; الآن.#Anonymous
    if after in _QUOTE_OPENERS:
        return len(ahead) > 1 and (_is_arabic(ahead[1]) or ahead[1].isupper())
    if after.isascii() and after.isupper():
        # "الأخيرة.CloudFlare" or "words.The": not "U.S" or "Node.JS".
        return _is_arabic(before) or (before.islower() and ahead[1:2].islower())
    return False


def _is_arabic(char: str) -> bool:
    """An Arabic letter or a mark on one (tashkeel): ``كتبَ.وقال`` is glued like ``كتب.وقال``."""
    return is_arabic_letter(char) or is_arabic_mark(char)
