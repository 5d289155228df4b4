"""YouTube: a video link alone on its line, with the title and channel above it.

YouTube leaves no signature in text: an embed is an ``<iframe>`` that extraction drops, so
the link is the anchor. Pasted forms: ``TITLE`` / ``LINK``; ``TITLE`` / ``Channel
(@handle)`` (or ``@handle``) / ``LINK``; ``LINK`` alone. A link inside a sentence is the
sentence's. The title is the line above when it reads like one (no closing full stop or
colon, at most 100 characters): ``شاهد الفيديو:`` introduces the video and stays the
article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from summarize.data import Platform, PostMeta
from summarize.posts.base import (
    Closing,
    PostMatch,
    Recogniser,
    Scope,
    collapse,
    extract_entities,
    line_at,
    line_before,
    loose_text,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["LINK", "PLATFORM"]

_VIDEO = (
    r"(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^\s#&]*&)*v=|shorts/|live/|embed/)"
    r"|youtu\.be/|youtube-nocookie\.com/embed/)(?!videoseries)(?P<id>[A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])"
)
LINK = re.compile(_VIDEO + r"[^\s]*")
_LINE = re.compile(rf"^[ \t]*(?P<url>{_VIDEO}[^\s]*)[ \t]*$", re.MULTILINE)
_HANDLE = r"[A-Za-z0-9._-]{3,30}"
_CHANNEL = re.compile(
    rf"(?:(?P<name>[^\n()@]{{1,100}}?)[ \t]*\(@(?P<h1>{_HANDLE})\)|@(?P<h2>{_HANDLE}))"
)
_GENERIC_TITLES = frozenset(("youtube video player", "youtube video", "youtube", ""))
_TITLE_MAX_CHARS = 100


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every line that is a YouTube video link and nothing else."""
    for line in _LINE.finditer(text, lo):
        yield Closing(span=line.span(), match=line)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The video a link line closes: the channel line and the title line above it, if any."""
    text, line = scope.text, closing.match
    start = line.start("url")
    above = line_before(text, line_at(text, start)[0], scope.weak_floor(floor))
    channel = _CHANNEL.fullmatch(text[above[0] : above[1]]) if above else None
    if above and channel:
        start = above[0]
        above = line_before(text, above[0], scope.weak_floor(floor))
    title = ""
    if loose_text(text, above) and above and above[1] - above[0] <= _TITLE_MAX_CHARS:
        start, title = above[0], collapse(text[above[0] : above[1]])
    urls, hashtags, mentions = extract_entities(title)
    handle = (channel.group("h1") or channel.group("h2")) if channel else None
    meta = PostMeta(
        platform=Platform.YOUTUBE,
        text=title,
        title=title or None,
        author=collapse(channel.group("name") or "") or None if channel else None,
        handle=f"@{handle}" if handle else None,
        link=f"https://www.youtube.com/watch?v={line.group('id')}",
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
    )
    return PostMatch(span=(start, line.end("url")), meta=meta)


def embed_lines(frame: HtmlElement) -> list[str]:
    """The pasted form of a YouTube ``<iframe>``: its title (unless generic) and link."""
    for attribute in ("src", "data-src", "data-lazy-src"):
        match = LINK.search(frame.get(attribute, ""))
        if match:
            break
    else:
        return []
    link = f"https://www.youtube.com/watch?v={match.group('id')}"
    title = collapse(frame.get("title", ""))
    return [title, link] if title.casefold() not in _GENERIC_TITLES else [link]


PLATFORM = Recogniser(
    platform=Platform.YOUTUBE,
    find=find,
    build=build,
    embeds=(
        '//iframe[contains(@src, "youtube") or contains(@src, "youtu.be")'
        ' or contains(@data-src, "youtube") or contains(@data-lazy-src, "youtube")]'
    ),
    embed_lines=embed_lines,
    hints=("youtu",),
)
