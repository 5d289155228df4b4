"""Facebook: the fallback text of ``fb-post`` and ``fb-video`` embeds, and their markup.

Pasted forms:

- ``CAPTION`` / ``Posted by PAGE on Thursday, 19 November 2015`` (the fb-post fallback;
  ``Monday, March 2, 2020`` from an en_US page);
- ``VIDEO TITLE`` / ``CAPTION`` / ``Posted by PAGE on …`` (the fb-video fallback);
- ``CAPTION`` / ``PAGE`` / ``Thursday, 19 November 2015`` / ``https://www.facebook.com/…/posts/…``
  (a card copied by hand; only with the link, else it is a source credit and a dateline).

``Posted by`` is capitalised and its date ends the line: ``posted by the ministry on
Thursday, 19 November 2015, hours after …`` is prose. A ``Posted by`` line right under the
headline is a blog byline, not a post. Facebook prints no handle; the page name is the
author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from summarize.data import Platform, PostMeta
from summarize.posts.base import (
    Closing,
    PostMatch,
    Recogniser,
    Scope,
    caption_line,
    collapse,
    ends_post,
    extract_entities,
    line_at,
    line_before,
    script_of,
    starts_line,
    walk_back,
)
from summarize.posts.dates import EN_MONTHS, WEEKDAY, parse_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PLATFORM", "SIGNATURE"]

_MONTH = "|".join(m.capitalize() for m in EN_MONTHS)
_DATE = (
    rf"(?P<weekday>{WEEKDAY}),[ \t]+(?:(?P<m1>{_MONTH})[ \t]+(?P<d1>\d{{1,2}}),[ \t]+"
    rf"(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MONTH})[ \t]+(?P<y2>\d{{4}}))(?!\d)"
)
LINK = re.compile(
    r"https?://(?:www\.|m\.|web\.|mobile\.|developers\.)?facebook\.com/[^\s\"'<>]+",
    re.IGNORECASE,
)
SIGNATURE = re.compile(
    rf"(?:^|(?<=[\s.!?؟…]))Posted[ \t]+by[ \t]++(?P<page>[^\n]{{1,100}}?)[ \t]+on[ \t]+{_DATE}"
    rf"(?:[ \t]+(?P<link>{LINK.pattern}))?"
)
# A card copied by hand: the date on its own line, the post's link on the next.
CARD = re.compile(
    rf"^[ \t]*{_DATE}[ \t]*\n[ \t]*(?P<link>https?://(?:www\.|m\.|web\.)?facebook\.com/"
    r"[^\s/]+/(?:posts|videos|photos)/[^\s]+)[ \t]*$",
    re.MULTILINE,
)
_VIDEO_LINK = re.compile(r"facebook\.com/(?:[^\s/]+/videos/|watch/?\?|reel/)|fb\.watch/")
# Facebook allows long captions; its fallback text cuts them with "...".
_MAX_CAPTION_CHARS = 2200
_TITLE_MAX_CHARS = 100
_KEEP_QUERY = frozenset(("story_fbid", "id", "fbid", "v", "set"))


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every ``Posted by`` signature and hand-copied card from ``lo`` on, in order."""
    found = [*SIGNATURE.finditer(text, lo), *CARD.finditer(text, lo)]
    for match in sorted(found, key=lambda m: m.start()):
        yield Closing(span=match.span(), match=match)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The post a signature or card closes, with its caption (and video title) above."""
    if closing.match.re is CARD:
        return _card(scope, closing.match, floor)
    text, sig = scope.text, closing.match
    if not ends_post(text, sig.end()):
        return None  # the date goes on: prose
    title: tuple[int, int] | None = None
    if starts_line(text, sig.start()):
        caption = caption_line(scope, sig.start(), floor, strong=False)
        if caption is None:
            return None  # a byline under the headline, or a lone "Posted by" line
        title = _video_title(scope, caption, floor, sig.group("link"))
    else:
        lo = max(line_at(text, sig.start())[0], floor)
        starts = [lo] if scope.lines else scope.starts(lo, sig.start())
        caption = (walk_back(text, lo, sig.start(), starts, _MAX_CAPTION_CHARS), sig.start())
    start = title[0] if title else caption[0]
    meta = _meta(
        text[caption[0] : caption[1]],
        page=sig.group("page"),
        date=_date(sig),
        link=sig.group("link"),
        title=text[title[0] : title[1]] if title else None,
    )
    return PostMatch(span=(start, sig.end()), meta=meta)


def _video_title(
    scope: Scope, caption: tuple[int, int], floor: int, link: str | None
) -> tuple[int, int] | None:
    """The line above the caption when it is a video's title.

    Certain with a video link; without one, a short line with no closing punctuation in
    another script than the line above it (the article's) is taken for the title.
    """
    text = scope.text
    above = line_before(text, caption[0], scope.weak_floor(floor))
    if above is None:
        return None
    line = text[above[0] : above[1]]
    if link and _VIDEO_LINK.search(link):
        return above
    if len(line) > _TITLE_MAX_CHARS or line[-1] in ".:،,;؛!?؟…":
        return None
    before = line_before(text, above[0], scope.weak_floor(floor))
    if before is None:
        return None
    script = script_of(line)
    return (
        above if script is not None and script != script_of(text[before[0] : before[1]]) else None
    )


def _card(scope: Scope, card: re.Match[str], floor: int) -> PostMatch | None:
    text = scope.text
    page = line_before(text, card.start("weekday"), scope.weak_floor(floor))
    if page is None:
        return None
    caption = line_before(text, page[0], scope.weak_floor(floor))
    start = caption[0] if caption else page[0]
    meta = _meta(
        text[caption[0] : caption[1]] if caption else "",
        page=text[page[0] : page[1]],
        date=_date(card),
        link=card.group("link"),
    )
    return PostMatch(span=(start, card.end()), meta=meta)


def _meta(
    caption: str, *, page: str, date: str | None, link: str | None, title: str | None = None
) -> PostMeta:
    urls, hashtags, mentions = extract_entities(caption)
    caption = collapse(caption)
    return PostMeta(
        platform=Platform.FACEBOOK,
        text=caption,
        author=collapse(page) or None,
        date=date,
        title=collapse(title) if title else None,
        link=canonical_link(link),
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
        truncated=caption.endswith(("...", "…")),
    )


def _date(match: re.Match[str]) -> str | None:
    n = "1" if match.group("m1") else "2"
    return parse_date(match.group(f"m{n}"), match.group(f"d{n}"), match.group(f"y{n}"))


def canonical_link(link: str | None) -> str | None:
    """The post's address on www.facebook.com, tracking parameters dropped."""
    if not link or not LINK.fullmatch(link):
        return None
    parts = urlsplit(link)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k in _KEEP_QUERY])
    return f"https://www.facebook.com{parts.path}" + (f"?{query}" if query else "")


def embed_lines(embed: HtmlElement) -> list[str]:
    """The pasted form of a ``div.fb-post``/``div.fb-video``: title, caption, signature."""
    quotes = embed.xpath(".//blockquote")
    if not quotes:
        return []
    quote = quotes[0]
    titles = [a for a in quote.xpath("./a") if a.getprevious() is None]  # fb-video's title
    paragraphs = quote.xpath(".//p")
    lines = [collapse(node.text_content()) for node in (*titles, *paragraphs)]
    for node in (*titles, *paragraphs):
        node.drop_tree()
    signature = collapse(quote.text_content())
    if not signature.startswith("Posted by"):
        return []
    link = canonical_link(embed.get("data-href") or quote.get("cite"))
    lines.append(" ".join(part for part in (signature, link) if part))
    return [line for line in lines if line]


PLATFORM = Recogniser(
    platform=Platform.FACEBOOK,
    find=find,
    build=build,
    embeds=(
        '//div[contains(concat(" ", normalize-space(@class), " "), " fb-post ")'
        ' or contains(concat(" ", normalize-space(@class), " "), " fb-video ")]'
    ),
    embed_lines=embed_lines,
    hints=("fb-",),
)
