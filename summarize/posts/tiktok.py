"""TikTok: the embed's text as one line, or a caption with the video's link under it.

Pasted forms: ``@handle CAPTION #tags ♬ SOUND - NAME`` (a ``blockquote.tiktok-embed``'s
section flattened, its link after it when the markup had one), and ``CAPTION`` /
``@handle`` / ``https://www.tiktok.com/@handle/video/ID``. The sound line (``♬ original
sound - Name``) is kept as ``music``: its name is the sound's, not the author's, and it is
not part of the caption.
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

_HANDLE = r"[A-Za-z0-9._]{2,24}"
LINK = re.compile(
    rf"(?:https?://)?(?:www\.|m\.)?tiktok\.com/@(?P<handle>{_HANDLE})/video/(?P<id>\d{{15,21}})"
    r"(?![\d])[^\s]*"
)
# The flattened section: a handle, the caption (no ♬ in it), then the sound to the line end.
# Possessive runs: spaces the caption could also take are never traded back and forth.
_FLAT = re.compile(
    rf"^[ \t]*+@(?P<handle>{_HANDLE})[ \t]++(?P<caption>[^\n♬]*+)♬(?P<music>[^\n]*)$", re.M
)
_LINE = re.compile(rf"^[ \t]*(?P<url>{LINK.pattern})[ \t]*$", re.MULTILINE)
_HANDLE_LINE = re.compile(rf"[ \t]*@(?P<handle>{_HANDLE})[ \t]*")


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every flattened embed line and every line that is a TikTok video link."""
    found = [*_FLAT.finditer(text, lo), *_LINE.finditer(text, lo)]
    for match in sorted(found, key=lambda m: m.start()):
        yield Closing(span=match.span(), match=match)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The video a flattened line or a link line closes."""
    if closing.match.re is _FLAT:
        return _flat(closing.match)
    text, line = scope.text, closing.match
    start = line.start("url")
    above = line_before(text, line_at(text, start)[0], scope.weak_floor(floor))
    named = _HANDLE_LINE.fullmatch(text[above[0] : above[1]]) if above else None
    caption = ""
    if above and named:
        # A handle line makes the line above it the caption, whatever its punctuation.
        start = above[0]
        above = line_before(text, above[0], scope.weak_floor(floor))
        taken = above is not None
    else:
        taken = loose_text(text, above)
    if above and taken:
        start, caption = above[0], text[above[0] : above[1]]
    link = f"https://www.tiktok.com/@{line.group('handle')}/video/{line.group('id')}"
    return PostMatch(span=(start, line.end("url")), meta=_meta(caption, line.group("handle"), link))


def _flat(line: re.Match[str]) -> PostMatch:
    music, link = collapse("♬" + line.group("music")), None
    words = music.rsplit(None, 1)
    if len(words) == 2 and LINK.fullmatch(words[1]):
        music, link = words[0], _canonical(words[1])
    meta = _meta(line.group("caption"), line.group("handle"), link, music=music)
    return PostMatch(span=(line.start("handle") - 1, line.end()), meta=meta)


def _meta(caption: str, handle: str, link: str | None, music: str | None = None) -> PostMeta:
    urls, hashtags, mentions = extract_entities(caption)
    return PostMeta(
        platform=Platform.TIKTOK,
        text=collapse(caption),
        handle=f"@{handle}",
        link=link,
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
        music=music,
    )


def _canonical(link: str) -> str | None:
    match = LINK.fullmatch(link)
    if match is None:
        return None
    return f"https://www.tiktok.com/@{match.group('handle')}/video/{match.group('id')}"


def embed_lines(quote: HtmlElement) -> list[str]:
    """The pasted form of a ``blockquote.tiktok-embed``: its section on one line, and link."""
    sections = quote.xpath(".//section")
    text = collapse((sections[0] if sections else quote).text_content())
    if not text.startswith("@") or "♬" not in text:
        return []
    link = _canonical(quote.get("cite", ""))
    return [" ".join(part for part in (text, link) if part)]


PLATFORM = Recogniser(
    platform=Platform.TIKTOK,
    find=find,
    build=build,
    embeds='//blockquote[contains(concat(" ", normalize-space(@class), " "), " tiktok-embed ")]',
    embed_lines=embed_lines,
    hints=("tiktok-embed",),
)
