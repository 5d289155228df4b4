"""Telegram: a channel message link alone on its line, with the message above it.

A ``telegram-widget.js`` embed is a script with no text at all (``data-telegram-post=
"channel/1234"``), so the link is the anchor. Pasted forms: ``TEXT`` / ``t.me/channel/1234``;
``Forwarded from SOURCE`` / ``TEXT`` / ``t.me/channel/1234`` (the widget's header line); the
link alone. ``t.me/channel`` with no message number is a "follow us" link, not a post.
Without a ``Forwarded from`` line, the line above is the message only when it does not read
like an article sentence (see ``base.loose_text``).
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

LINK = re.compile(
    r"(?:https?://)?(?:t\.me|telegram\.me)/(?:s/)?(?P<channel>[A-Za-z][A-Za-z0-9_]{3,31})/"
    r"(?P<id>\d{1,12})(?![\w/])(?:\?[^\s]*)?"
)
_LINE = re.compile(rf"^[ \t]*(?P<url>{LINK.pattern})[ \t]*$", re.MULTILINE)
_FORWARDED = re.compile(r"[ \t]*Forwarded from[ \t]+(?P<source>[^\n]{1,128}?)[ \t]*")
# How many lines of message a "Forwarded from" header may stand above the link.
_MAX_LINES = 8


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every line that is a Telegram message link and nothing else."""
    for line in _LINE.finditer(text, lo):
        yield Closing(span=line.span(), match=line)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The message a link line closes: from its ``Forwarded from`` line, or the line above."""
    text, line = scope.text, closing.match
    start = line.start("url")
    lines = _lines_above(text, start, scope.weak_floor(floor))
    forwarded = None
    for index, span in enumerate(lines):
        forwarded = _FORWARDED.fullmatch(text[span[0] : span[1]])
        if forwarded:
            start, message = span[0], (lines[index - 1][0], lines[0][1]) if index else None
            break
    else:
        message = lines[0] if lines and loose_text(text, lines[0]) else None
        start = message[0] if message else start
    body = text[message[0] : message[1]] if message else ""
    urls, hashtags, mentions = extract_entities(body)
    channel = line.group("channel")
    meta = PostMeta(
        platform=Platform.TELEGRAM,
        text=collapse(body),
        handle=f"@{channel}",
        link=f"https://t.me/{channel}/{line.group('id')}",
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
        forwarded_from=collapse(forwarded.group("source")) if forwarded else None,
    )
    return PostMatch(span=(start, line.end("url")), meta=meta)


def _lines_above(text: str, start: int, floor: int) -> list[tuple[int, int]]:
    """Up to ``_MAX_LINES`` non-blank lines above the one at ``start``, nearest first."""
    lines: list[tuple[int, int]] = []
    line_start = line_at(text, start)[0]
    while len(lines) < _MAX_LINES:
        above = line_before(text, line_start, floor)
        if above is None:
            break
        lines.append(above)
        line_start = line_at(text, above[0])[0]
    return lines


def embed_lines(element: HtmlElement) -> list[str]:
    """The link a Telegram widget script (or its ``t.me/…?embed=1`` iframe) stands for."""
    reference = element.get("data-telegram-post") or ""
    match = LINK.search(f"t.me/{reference}" if reference else element.get("src", ""))
    return [f"https://t.me/{match.group('channel')}/{match.group('id')}"] if match else []


PLATFORM = Recogniser(
    platform=Platform.TELEGRAM,
    find=find,
    build=build,
    embeds='//script[@data-telegram-post] | //iframe[contains(@src, "t.me/")]',
    embed_lines=embed_lines,
    hints=("data-telegram-post", "t.me/"),
)
