"""X (Twitter): tweets pasted into articles, their metadata, and their embed markup.

News sites paste embedded tweets as plain text: the tweet's text, then a signature
``— Name (@handle) November 19, 2015``, often glued to the sentences around it and often
pasted twice (the blockquote and its fallback). The signature is unambiguous, so we find it
first and then walk back to where the tweet's text starts. X posts stay ``tweet`` segments
with a ``TweetMeta``, as they were before other platforms were recognised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from summarize.data import Platform, TweetMeta
from summarize.entities import DIGIT, STATUS_LINK
from summarize.posts.base import (
    Closing,
    PostMatch,
    Recogniser,
    Scope,
    collapse,
    extract_entities,
    line_at,
    line_before,
    retweet_of,
    starts_line,
    walk_back,
)
from summarize.posts.dates import MONTH_WORDS, parse_date, parse_numeric_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PLATFORM", "SIGNATURE", "TweetMatch", "find_tweets"]

TweetMatch = PostMatch

_D = f"[{DIGIT}]"
_DATE = (
    rf"(?:(?P<m1>{MONTH_WORDS})\.?\s+(?P<d1>{_D}{{1,2}})\s*[,،]?\s*(?P<y1>{_D}{{4}})"
    rf"|(?P<d2>{_D}{{1,2}})\s+(?P<m2>{MONTH_WORDS})\s*[,،]?\s*(?P<y2>{_D}{{4}})"
    rf"|(?P<numeric>{_D}{{1,4}}[/.\-]{_D}{{1,2}}[/.\-]{_D}{{1,4}})"
    # A misspelt month ("Febuary 8, 2016"): still a signature; the date is kept as written.
    rf"|(?P<raw>[^\W\d_]{{3,12}}\.?\s+{_D}{{1,2}}\s*[,،]?\s*{_D}{{4}}))"
    rf"(?!{_D})"
)
SIGNATURE = re.compile(
    # The author may hold a hyphen (L'Orient-Le Jour) but not " - " or ".-": those are a
    # dash inside the tweet's text, and the signature starts at a later dash.
    r"(?:^|(?<=\S)|\s)[—–-]{1,2}\s*(?P<author>(?:(?!\s-\s|[.!?؟…]-)[^\n()—–]){0,80}?)\s*"
    r"\(\s*@(?P<handle>\w{1,30})\s*\)\s*" + _DATE + rf"(?:\s*(?P<link>{STATUS_LINK.pattern})\S*)?",
    re.IGNORECASE,
)
# A tweet may also start after a colon: "وكتب على منصة إكس: Great news …"
_COLON = re.compile(r"[:：]\s+")
# A tweet is at most 280 characters (a link counts as 23); leave room for pasting noise.
_MAX_TWEET_CHARS = 320
# The signature inside an embed's markup, once its text is flattened.
_EMBED_SIGNATURE = re.compile(r"[—–-]\s*(?P<author>[^()]*?)\s*\(\s*@(?P<handle>\w+)\s*\)")


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every tweet signature from ``lo`` on, line by line: a signature is one line."""
    for line in re.finditer(r"[^\n]+", text[lo:]):
        for sig in SIGNATURE.finditer(line.group()):
            offset = lo + line.start()
            yield Closing(span=(sig.start() + offset, sig.end() + offset), match=sig, offset=offset)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The tweet a signature closes: its text is walked back to, within its line.

    A signature that starts its line closes the text on the line above (a tweet pasted as
    rendered: text, then ``— Name (@handle) date`` under it).
    """
    text = scope.text
    sig_start = closing.start() + (1 if text[closing.start()].isspace() else 0)
    floor = scope.weak_floor(floor)
    line_lo, _ = line_at(text, sig_start)
    block_lo = max(line_lo, floor)
    if starts_line(text, sig_start):
        above = line_before(text, line_lo, floor)
        block_lo = above[0] if above else block_lo
    starts = [block_lo]
    if not scope.lines:
        starts += scope.starts(block_lo, sig_start)  # the walk back looks no further
        starts += [m.end() for m in _COLON.finditer(text, block_lo, sig_start)]
    start = walk_back(text, block_lo, sig_start, starts, _MAX_TWEET_CHARS)
    body = text[start:sig_start].strip()
    if not body or _dateline(text, start, sig_start, body):
        return None
    return _match(closing.match, body, (start, closing.end()))


def _dateline(text: str, start: int, sig_start: int, body: str) -> bool:
    """``القاهرة - أحمد علي (@ahmed_ali) 19 نوفمبر 2015``: a dateline and byline, not a tweet.

    A hyphen (not a dash) after one or two words at the start of a line, with no
    sentence end, is how a dateline is set; a tweet that short would be pasted with its dash.
    """
    return (
        text[sig_start] == "-"
        and starts_line(text, start)
        and len(body.split()) <= 2
        and body[-1] not in ".!?؟…"
    )


def find_tweets(
    text: str, body_start: Sequence[int] | None = None, offset: int = 0
) -> list[PostMatch]:
    """Find pasted tweets in one block of text (one line, or a line and its signature line).

    Args:
        text: A block (paragraph) of the document.
        body_start: Candidate positions where a tweet's text may begin (sentence starts in
            ``text``); the walk back from a signature stops at one of these.
        offset: Added to every span, so spans point into the whole document.

    Returns:
        The tweets in order, with spans covering text and signature.
    """
    starts = sorted(set(body_start or ())) or [0]
    matches: list[PostMatch] = []
    floor = 0
    for sig in SIGNATURE.finditer(text):
        sig_start = sig.start() + (1 if text[sig.start()].isspace() else 0)
        start = walk_back(text, floor, sig_start, starts, _MAX_TWEET_CHARS)
        body = text[start:sig_start].strip()
        if not body:
            continue
        matches.append(_match(sig, body, (start + offset, sig.end() + offset)))
        floor = sig.end()
    return matches


def _match(sig: re.Match[str], body: str, span: tuple[int, int]) -> PostMatch:
    urls, hashtags, mentions = extract_entities(body)
    meta = TweetMeta(
        text=collapse(body),
        author=sig.group("author").strip() or None,
        handle="@" + sig.group("handle"),
        date=_date(sig),
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
        spans=(span,),
        link=sig.group("link"),
        retweet_of=retweet_of(body),
    )
    return PostMatch(span=span, meta=meta)


def _date(sig: re.Match[str]) -> str:
    """The signature's date in ISO form, or as written when it does not parse."""
    if sig.group("numeric"):
        return parse_numeric_date(sig.group("numeric")) or sig.group("numeric")
    if sig.group("raw"):
        return sig.group("raw")
    n = "1" if sig.group("m1") else "2"
    month, day, year = sig.group(f"m{n}"), sig.group(f"d{n}"), sig.group(f"y{n}")
    raw = sig.string[min(sig.start(f"m{n}"), sig.start(f"d{n}")) : sig.end(f"y{n}")]
    return parse_date(month, day, year) or raw


def embed_lines(quote: HtmlElement) -> list[str]:
    """``text — Name (@handle) date link`` from a ``blockquote.twitter-tweet``."""
    for br in quote.xpath(".//br"):
        br.tail = " " + (br.tail or "")  # <br> separates words: "…الأمريكية.<br>سيبدأ"
    paragraphs = quote.xpath(".//p")
    text = " ".join(collapse(p.text_content()) for p in paragraphs)
    for p in paragraphs:
        p.drop_tree()
    links = [STATUS_LINK.match(a.get("href", "")) for a in quote.xpath(".//a[@href]")]
    link = next((m.group() for m in reversed(links) if m), "")
    rest = collapse(quote.text_content())
    signature = _EMBED_SIGNATURE.search(rest)
    if signature is None:
        return [" ".join(part for part in (text, rest) if part)]
    author, handle = signature.group("author"), signature.group("handle")
    date = rest[signature.end() :].strip()  # the status link's text: "November 19, 2015"
    return [" ".join(part for part in (text, f"— {author} (@{handle})", date, link) if part)]


PLATFORM = Recogniser(
    platform=Platform.X,
    find=find,
    build=build,
    embeds='//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]',
    embed_lines=embed_lines,
    hints=("twitter-tweet",),
)
