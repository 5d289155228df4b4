"""Split a normalised document into segments: the title, sentences and tweets.

A line break always ends a segment. Within a line, tweets are found first (``tweets.py``)
and the text around them is split into sentences (``sentences.py``, which owns the
boundary rules for Arabic and English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarize.data import Segment, SegmentKind
from summarize.sentences import split_sentences
from summarize.sentences import strip_spaces as _strip
from summarize.tweets import SIGNATURE, TweetMatch, find_tweets, merge_duplicates

__all__ = ["segment_document", "segment_lines", "split_sentences"]

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_COLON = re.compile(r"[:：]\s+")


def segment_document(text: str, *, title: str | None = None) -> tuple[Segment, ...]:
    """Split a normalised document into title, sentence and tweet segments.

    Args:
        text: The document's normalised text.
        title: A title known from elsewhere (an HTML page's); when the text starts with
            it, that line is the title whatever it looks like.

    Returns:
        Segments in reading order with ids from 1; ``lang`` is not set yet. Copies of the
        same tweet are merged into the first (``tweet.repeats``).
    """
    pieces: list[tuple[SegmentKind, tuple[int, int], TweetMatch | None]] = []
    title_span = _known_title(text, title) or _title_span(text)
    if title_span:
        pieces.append((SegmentKind.TITLE, title_span, None))
    body_from = title_span[1] if title_span else 0
    for block in _join_signature_lines(text, list(_blocks(text, body_from))):
        pieces.extend(_segment_block(text, block))
    return _number(text, pieces)


def segment_lines(text: str) -> tuple[Segment, ...]:
    """One segment per non-empty line, for ``summarize translate``: no title, no sentence
    splitting; a line that carries a tweet signature is that tweet.

    Args:
        text: Normalised text, one tweet or sentence per line.

    Returns:
        Segments in order with ids from 1; ``lang`` is not set yet.
    """
    segments: list[Segment] = []
    for block in _blocks(text, 0):
        start, end = _strip(text, *block)
        line = text[start:end]
        tweets = find_tweets(line, [0], offset=start)
        if len(tweets) == 1:
            meta = tweets[0].meta
            segment = Segment(
                id=len(segments) + 1, kind=SegmentKind.TWEET, text=meta.text,
                span=(start, end), tweet=meta,
            )  # fmt: skip
        else:
            segment = Segment(
                id=len(segments) + 1, kind=SegmentKind.SENTENCE, text=" ".join(line.split()),
                span=(start, end),
            )  # fmt: skip
        segments.append(segment)
    return tuple(segments)


def _number(
    text: str, pieces: list[tuple[SegmentKind, tuple[int, int], TweetMatch | None]]
) -> tuple[Segment, ...]:
    tweets = merge_duplicates([m.meta for _, _, m in pieces if m is not None])
    by_first_span = {t.spans[0]: t for t in tweets}
    segments: list[Segment] = []
    for kind, span, match in pieces:
        if match is not None:
            meta = by_first_span.get(match.span)
            if meta is None:
                continue  # a later copy of a tweet already shown
            seg_text = meta.text
        else:
            meta = None
            seg_text = " ".join(text[span[0] : span[1]].split())
        segments.append(
            Segment(id=len(segments) + 1, kind=kind, text=seg_text, span=span, tweet=meta)
        )
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


def _blocks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Yield the spans of non-empty lines; a line break always ends a sentence."""
    for match in re.finditer(r"[^\n]+", text[start:]):
        s, e = match.start() + start, match.end() + start
        if text[s:e].strip():
            yield s, e


def _join_signature_lines(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line that starts with a tweet signature belongs to the line before it."""
    joined: list[tuple[int, int]] = []
    for start, end in blocks:
        previous = text[joined[-1][0] : joined[-1][1]] if joined else ""
        if previous and SIGNATURE.match(text[start:end]) and not find_tweets(previous):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _segment_block(
    text: str, block: tuple[int, int]
) -> list[tuple[SegmentKind, tuple[int, int], TweetMatch | None]]:
    start, end = block
    piece = text[start:end]
    # A tweet may also start after a colon: "وكتب على منصة إكس: Great news …"
    starts = [s for s, _ in split_sentences(piece)] + [m.end() for m in _COLON.finditer(piece)]
    pieces: list[tuple[SegmentKind, tuple[int, int], TweetMatch | None]] = []
    cursor = 0
    for tweet in find_tweets(piece, starts, offset=start):
        t_start, t_end = tweet.span[0] - start, tweet.span[1] - start
        pieces.extend(_sentences(piece, cursor, t_start, start))
        pieces.append((SegmentKind.TWEET, tweet.span, tweet))
        cursor = t_end
    pieces.extend(_sentences(piece, cursor, len(piece), start))
    return pieces


def _sentences(
    piece: str, lo: int, hi: int, offset: int
) -> list[tuple[SegmentKind, tuple[int, int], TweetMatch | None]]:
    return [
        (SegmentKind.SENTENCE, (s + lo + offset, e + lo + offset), None)
        for s, e in split_sentences(piece[lo:hi])
    ]
