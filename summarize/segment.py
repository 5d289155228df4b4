"""Split a normalised document into segments: the title, sentences, tweets and posts.

A line break always ends a segment. Within a line, posts (tweets and the other platforms'
embeds, ``summarize.posts``) are found first and the text around them is split into
sentences (``summarize.sentences``, which owns the boundary rules for Arabic and English).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from summarize.data import Segment, SegmentKind, TweetMeta
from summarize.posts import PostMatch, Scope, find_posts, merge_duplicates
from summarize.posts.base import line_at
from summarize.sentences import split_sentences
from summarize.sentences import strip_spaces as _strip

__all__ = ["segment_document", "segment_lines", "split_sentences"]

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25


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
