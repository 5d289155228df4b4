"""Split a normalised document into segments: the title, sentences and tweets.

Arabic news breaks the rules English splitters assume: sentences are often glued with no
space after the full stop (``الراهن.وتحمي``), Arabic has no capital letters to confirm a
sentence start, and ``؟`` is the question mark. Single-letter Arabic abbreviations such as
``د.`` (doctor) and ``أ.`` (professor) must not end a sentence; neither may decimals, URLs,
e-mails or English abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarize.data import Segment, SegmentKind
from summarize.entities import ARABIC_LETTER, DIGIT, EMAIL, URL, is_arabic_letter, is_arabic_mark
from summarize.tweets import SIGNATURE, TweetMatch, find_tweets, merge_duplicates

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
_COLON = re.compile(r"[:：]\s+")
_LIST_MARKER = re.compile(rf"^\s*(?:[{DIGIT}]{{1,3}}|[A-Za-z]|{ARABIC_LETTER.pattern})[.)](?=\s)")
# “...” and «...» up to 600 characters; straight quotes are too ambiguous to pair.
_QUOTATION = re.compile(r"“[^“”\n]{1,600}”|«[^«»\n]{1,600}»")
_STRAIGHT_QUOTATION = re.compile(r'"[^"\n]{1,600}"')


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
