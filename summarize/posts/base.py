"""The interface every platform's recogniser implements, and the steps they share.

A post is found from its closing part, the part that names it: a signature line
(``— Name (@handle) date``, ``A post shared by Name (@handle) on …``, ``Posted by Page on
…``) or a link line (a YouTube, TikTok or Telegram link alone on its line). From there the
recogniser looks back for where the post starts: a marker line (``View this post on
Instagram``, ``Forwarded from …``), the line above, or, for text glued on one line, a walk
back over sentence starts while the text stays in one script. Every platform's closings are
found in one pass and handled in document order, so the end of one post is the floor of
the next, whatever their platforms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from summarize.data import Platform, PostMeta, TweetMeta
from summarize.entities import HASHTAG, MENTION, URL, is_arabic_letter

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "Closing",
    "PostMatch",
    "Recogniser",
    "Scope",
    "caption_line",
    "ends_post",
    "extract_entities",
    "line_at",
    "line_before",
    "loose_text",
    "script_of",
    "starts_line",
    "walk_back",
]

# An introducing clause, ending in a colon, says who wrote what follows: "وكتب الوزير على
# منصة إكس:", "She wrote on Instagram:". A post glued after it starts after the colon, and
# the clause stays a sentence of the article. A verb may carry the conjunction و/ف; the
# clause up to the colon is bounded, so the pattern stays linear.
_INTRO = re.compile(
    r"(?:^|(?<=[\s\"'«“(]))(?:[وف]?(?:كتب|غرّ?د|نشر|قال|أضاف|علّ?ق|أكّ?د|أعلن|دوّ?ن)ت?"
    r"|(?:wrote|tweeted|posted|said|says|writes|tweets|added))"
    r"[^\n.!?؟:]{0,100}:\s+",
    re.IGNORECASE,
)
_RETWEET = re.compile(r"^RT\s+(@\w{1,30})\s*:", re.IGNORECASE)
_END_PUNCTUATION = ".:،,;؛"


@dataclass(frozen=True, slots=True, kw_only=True)
class PostMatch:
    """A post found in the text: where it is and what it says."""

    span: tuple[int, int]
    meta: TweetMeta | PostMeta


@dataclass(frozen=True, slots=True, kw_only=True)
class Closing:
    """A post's closing part: its span in the text and the match that found it.

    ``offset`` is added to the match's positions when the match ran over a slice.
    """

    span: tuple[int, int]
    match: re.Match[str]
    offset: int = 0

    def start(self, group: str | int = 0) -> int:
        """Where ``group`` starts in the whole text."""
        return self.match.start(group) + self.offset

    def end(self, group: str | int = 0) -> int:
        """Where ``group`` ends in the whole text."""
        return self.match.end(group) + self.offset


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    """The text being searched and what no post may reach into.

    Attributes:
        text: The whole document.
        floor: Nothing before it belongs to a post (the end of a known title).
        title: The first line when it looks like a headline: a recogniser whose closing is
            not specific enough (a bare link, ``Posted by``) never takes it as its caption.
        starts: Sentence starts in ``text[lo:hi]``, as positions in ``text``.
        lines: One segment per line (``summarize translate``): a post's text is whole lines.
    """

    text: str
    floor: int = 0
    title: tuple[int, int] | None = None
    starts: Callable[[int, int], list[int]]
    lines: bool = False

    def weak_floor(self, floor: int) -> int:
        """The floor for a recogniser that must not take a headline as a caption."""
        return max(floor, self.title[1]) if self.title else floor


@dataclass(frozen=True, slots=True, kw_only=True)
class Recogniser:
    """One platform: how its posts are found in text and how its embed markup is pasted.

    Attributes:
        platform: The platform.
        find: ``find(text, lo)`` yields the closings from ``lo`` on, in order.
        build: ``build(scope, closing, floor)`` returns the post, or None when the closing
            is not one after all; ``floor`` is where the previous post ended.
        embeds: An XPath selecting the platform's embed markup in an HTML page.
        embed_lines: The lines a reader would get copying one embed, in the form ``find``
            recognises, or none to leave the markup as it is.
        hints: Strings of which a page with such an embed contains one (a cheap pre-check).
    """

    platform: Platform
    find: Callable[[str, int], Iterator[Closing]]
    build: Callable[[Scope, Closing, int], PostMatch | None]
    embeds: str
    embed_lines: Callable[[HtmlElement], list[str]]
    hints: tuple[str, ...]


def extract_entities(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Return the URLs, hashtags and mentions in ``text``, each in order of appearance."""
    urls = tuple(m.group() for m in URL.finditer(text))
    stripped = URL.sub(" ", text)
    hashtags = tuple(m.group() for m in HASHTAG.finditer(stripped))
    mentions = tuple(m.group() for m in MENTION.finditer(stripped))
    return urls, hashtags, mentions


def line_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the line holding ``pos``, without its line break.

    Found in an index of line starts, not by scanning: a paragraph of thousands of glued
    posts asks once per post, and a scan to its ends each time would be quadratic.
    """
    starts = _line_starts(text)
    index = bisect_right(starts, pos) - 1
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    return starts[index], end


@lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    # Keyed by the text itself: a str caches its hash, and the document is the same object
    # for every call of one segmentation.
    return [0, *(m.end() for m in re.finditer("\n", text))]


def starts_line(text: str, pos: int) -> bool:
    """True when only spaces stand between the start of its line and ``pos``."""
    while pos > 0 and text[pos - 1] != "\n" and text[pos - 1].isspace():
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def line_before(text: str, line_start: int, floor: int) -> tuple[int, int] | None:
    """The last non-blank line before the line starting at ``line_start``, cut at ``floor``.

    None when there is none after ``floor``.
    """
    end = line_start - 1
    while end > floor:
        start, _ = line_at(text, end)
        start = max(start, floor)
        if text[start:end].strip():
            return _strip(text, start, end)
        end = start - 1
    return None


def caption_line(
    scope: Scope, closing_start: int, floor: int, *, strong: bool
) -> tuple[int, int] | None:
    """The line above a closing that starts its line: the post's caption, if any.

    A weak closing (one that prose or a byline could also produce) never takes a
    headline-looking first line as its caption.
    """
    line_start, _ = line_at(scope.text, closing_start)
    return line_before(scope.text, line_start, floor if strong else scope.weak_floor(floor))


def loose_text(text: str, span: tuple[int, int] | None) -> bool:
    """True for a line that can be a video title or a message above a bare link.

    An article sentence ends in a full stop or introduces what follows with a colon; a
    title or a message pasted above its link usually does not, and YouTube titles are at
    most 100 characters.
    """
    if span is None:
        return False
    line = text[span[0] : span[1]]
    return bool(line) and line[-1] not in _END_PUNCTUATION and "\n" not in line


def ends_post(text: str, end: int) -> bool:
    """True when a signature at ``end`` closes a post rather than sits inside prose.

    The rest of its line is blank, or text glued on without a space (a feed that lost its
    line breaks); ``(@embassy) on Monday …`` continues a sentence.
    """
    if end == len(text) or not text[end].isspace():
        return True
    while end < len(text) and text[end] != "\n" and text[end].isspace():
        end += 1
    return end == len(text) or text[end] == "\n"


def walk_back(text: str, floor: int, end: int, starts: Sequence[int], max_chars: int) -> int:
    """Where a post glued before ``end`` starts: a walk back over sentence starts.

    A post's text is in one script (the article around it is usually in another) and short;
    text with no letters (links, hashtags) belongs to whichever post it ends. When the walk
    runs into the length limit inside same-script prose, where the post starts is a guess,
    so only the sentence next to the closing is taken: an article sentence mistaken for a
    post would be worse than a post sentence shown as a sentence. An introducing clause
    (``كتب على منصة إكس:``) is a floor: the post starts after its colon.
    """
    floor = _after_intro(text, floor, end)
    best = end
    script: str | None = None
    nearest_lettered: int | None = None
    # The end of the previous post is a start too: "…2015Starting in May, …" is glued.
    for start in sorted({floor, *(s for s in starts if floor <= s < end)}, reverse=True):
        piece_script = script_of(text[start:best])
        if script is not None and piece_script not in (None, script):
            break
        if len(_strip_urls(text[start:end])) > max_chars:
            return nearest_lettered if nearest_lettered is not None else best
        if piece_script is not None and nearest_lettered is None:
            nearest_lettered = start
        script = script or piece_script
        best = start
    if best == end or script_of(text[floor:best]) is None:
        best = floor
    return best


def _after_intro(text: str, floor: int, end: int) -> int:
    last = None
    for last in _INTRO.finditer(text, floor, end):  # noqa: B007 - the last one counts
        pass
    return last.end() if last is not None and last.end() < end else floor


def _strip_urls(text: str) -> str:
    # A link counts as 23 characters however long it is, as on X.
    return URL.sub("x" * 23, text).strip()


def script_of(text: str) -> str | None:
    """Return ``arab``, ``latn`` or None by majority of letters outside entities."""
    bare = MENTION.sub(" ", HASHTAG.sub(" ", URL.sub(" ", _RETWEET.sub(" ", text.lstrip()))))
    arabic = sum(1 for ch in bare if is_arabic_letter(ch))
    latin = sum(1 for ch in bare if ch.isascii() and ch.isalpha())
    if arabic == latin == 0:
        return None
    return "arab" if arabic >= latin else "latn"


def retweet_of(body: str) -> str | None:
    """``@handle`` when ``body`` is a retweet (``RT @handle: …``)."""
    match = _RETWEET.match(body)
    return match.group(1) if match else None


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends stripped."""
    return " ".join(text.split())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
