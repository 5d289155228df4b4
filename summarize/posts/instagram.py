"""Instagram: the signature an embed leaves in pasted text, and the embed's markup.

Pasted forms, by embed version:

- 2014-2016: ``CAPTION`` / ``A photo posted by NAME (@handle) on Jun 18, 2015 at 5:34pm PDT``
  (also ``A video posted by``);
- 2017-2018: ``CAPTION`` / ``A post shared by NAME (@handle) on Dec 20, 2017 at 7:13pm PST``;
- 2018-2020: ``View this post on Instagram`` / ``CAPTION`` / the dated signature;
- 2020-: ``View this post on Instagram`` / ``A post shared by NAME (@handle)``: no caption,
  no date (a caption between the two lines when a publisher adds one).

Localised embeds say ``Une publication partagée par NAME (@h) le 22 Juin 2019 à 14h05 PDT``
and ``عرض هذا المنشور على Instagram``. Display names hold ``|``, emoji, Arabic and even
parentheses, so the handle is the ``(@…)`` group that ends the signature, and a handle
ends at its ``)``: feeds glue the next sentence straight on.
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
    caption_line,
    collapse,
    ends_post,
    extract_entities,
    line_at,
    starts_line,
    walk_back,
)
from summarize.posts.dates import FR_MONTH, ZONE, iso_datetime, parse_date, twelve_hour

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PLATFORM", "SIGNATURE"]

_EN_TIME = (
    r"on[ \t]+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+(?P<d>\d{1,2}),"
    r"[ \t]+(?P<y>\d{4})[ \t]+at[ \t]+(?P<h>\d{1,2}):(?P<mi>\d{2})[ \t]?(?P<half>[ap]m)"
)
_FR_TIME = (
    rf"le[ \t]+(?P<fd>\d{{1,2}})[ \t]+(?P<fmon>{FR_MONTH})\.?[ \t]+(?P<fy>\d{{4}})[ \t]+à[ \t]+"
    r"(?P<fh>\d{1,2})h(?P<fmi>\d{2})"
)
# The Arabic wording is not confirmed from a real embed: matched by shape, and only after a
# "View this post" marker line.
_AR_VERB = (
    r"(?:تمت[ \t]+)?مشاركة[ \t]+منشور[ \t]+(?:بواسطة|من)"
    r"|منشور[ \t]+(?:تمت[ \t]+مشاركته|شاركه)[ \t]+(?:بواسطة|من)"
)
PERMALINK = re.compile(
    r"(?:https?://)?(?:www\.)?instagram\.com/(?:[A-Za-z0-9._]{1,30}/)?(?P<kind>p|reel|tv)/"
    r"(?P<code>[A-Za-z0-9_-]{5,40})/?(?:\?[^\s]*)?",
    re.IGNORECASE,
)
SIGNATURE = re.compile(
    r"(?P<verb>A[ \t]+(?:post[ \t]+shared|photo[ \t]+posted|video[ \t]+posted)[ \t]+by"
    r"|Une[ \t]+publication[ \t]+partagée[ \t]+par"
    r"|Una[ \t]+publicación[ \t]+compartida[ \t]+(?:de|por)"
    rf"|(?P<ar>{_AR_VERB}))"
    r"[ \t]++(?P<author>[^\n]{0,100}?)[ \t]*\(@(?P<handle>[A-Za-z0-9._]{1,30})\)"
    rf"(?:[ \t]+(?:{_EN_TIME}|{_FR_TIME})[ \t]+(?P<zone>{ZONE}))?"
    rf"(?:[ \t]+(?P<link>{PERMALINK.pattern}))?"
)
MARKER = re.compile(
    r"View[ \t]+this[ \t]+post[ \t]+on[ \t]+Instagram|Voir[ \t]+cette[ \t]+publication[ \t]+sur"
    r"[ \t]+Instagram|Ver[ \t]+esta[ \t]+publicación[ \t]+en[ \t]+Instagram"
    r"|عرض[ \t]+هذا[ \t]+المنشور[ \t]+على[ \t]+(?:Instagram|إنستغرام|انستغرام|إنستجرام)"
)
# Instagram allows 2,200 characters in a caption.
_MAX_CAPTION_CHARS = 2200
# How far above its signature a marker line may be: the caption between them, plus slack.
_MARKER_REACH = 2600


def find(text: str, lo: int) -> Iterator[Closing]:
    """Yield every Instagram signature from ``lo`` on."""
    for sig in SIGNATURE.finditer(text, lo):
        yield Closing(span=sig.span(), match=sig)


def build(scope: Scope, closing: Closing, floor: int) -> PostMatch | None:
    """The post a signature closes: from its marker line, or its caption above, to its end.

    An undated signature is the 2020- embed, which carries no caption: only a marker line
    before it opens a caption, and the sentence above is the article's.
    """
    text, sig = scope.text, closing.match
    dated = sig.group("zone") is not None
    if not dated and not ends_post(text, sig.end()):
        return None  # "A post shared by the embassy (@embassy) on Monday showed …"
    marker = _last_marker(text, max(floor, sig.start() - _MARKER_REACH), sig.start())
    if marker is not None:
        start, caption = marker.start(), (marker.end(), sig.start())
    elif sig.group("ar") is not None:
        return None
    elif not dated:
        start, caption = sig.start(), (sig.start(), sig.start())
    elif starts_line(text, sig.start()):
        above = caption_line(scope, sig.start(), floor, strong=True)
        start = above[0] if above else sig.start()
        caption = (start, sig.start())
    else:
        lo = max(line_at(text, sig.start())[0], floor)
        starts = [lo] if scope.lines else scope.starts(lo, sig.start())
        start = walk_back(text, lo, sig.start(), starts, _MAX_CAPTION_CHARS)
        caption = (start, sig.start())
    return PostMatch(span=(start, sig.end()), meta=_meta(sig, text[caption[0] : caption[1]]))


def _last_marker(text: str, lo: int, hi: int) -> re.Match[str] | None:
    last = None
    for last in MARKER.finditer(text, lo, hi):  # noqa: B007 - the nearest one counts
        pass
    return last


def _meta(sig: re.Match[str], caption: str) -> PostMeta:
    urls, hashtags, mentions = extract_entities(caption)
    return PostMeta(
        platform=Platform.INSTAGRAM,
        text=collapse(caption),
        author=collapse(sig.group("author")) or None,
        handle="@" + sig.group("handle"),
        date=_date(sig),
        zone=sig.group("zone"),
        link=canonical_link(sig.group("link")),
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
    )


def _date(sig: re.Match[str]) -> str | None:
    if sig.group("mon"):
        day = parse_date(sig.group("mon"), sig.group("d"), sig.group("y"))
        hour, minute = twelve_hour(int(sig.group("h")), sig.group("half")), int(sig.group("mi"))
    elif sig.group("fmon"):
        day = parse_date(sig.group("fmon"), sig.group("fd"), sig.group("fy"))
        hour, minute = int(sig.group("fh")), int(sig.group("fmi"))
    else:
        return None
    return iso_datetime(day, hour, minute, sig.group("zone")) if day else None


def canonical_link(link: str | None) -> str | None:
    """``https://www.instagram.com/p/CODE/``: the tracking query dropped."""
    match = PERMALINK.fullmatch(link or "")
    if match is None:
        return None
    return f"https://www.instagram.com/{match.group('kind').lower()}/{match.group('code')}/"


def embed_lines(quote: HtmlElement) -> list[str]:
    """The pasted form of a ``blockquote.instagram-media``: marker, caption, signature.

    The printed date is kept (local time and zone); the ``<time datetime>`` is UTC and used
    only when the printed text is not a date.
    """
    for br in quote.xpath(".//br"):
        br.tail = " " + (br.tail or "")
    paragraphs = [p for p in quote.xpath(".//p") if collapse(p.text_content())]
    signed = [p for p in paragraphs if "(@" in p.text_content()]
    if not signed:
        return []
    signature = signed[-1]
    link = canonical_link(quote.get("data-instgrm-permalink")) or _first_permalink(quote)
    marker = MARKER.search(collapse(quote.text_content()))
    lines = [marker.group()] if marker else []
    caption = " ".join(collapse(p.text_content()) for p in paragraphs if p is not signature)
    if caption:
        lines.append(caption)
    lines.append(" ".join(part for part in (_signature_text(signature), link) if part))
    return lines


def _signature_text(paragraph: HtmlElement) -> str:
    for time in paragraph.xpath(".//time[@datetime]"):
        if not any(ch.isdigit() for ch in time.text_content()):
            time.text = _printed(time.get("datetime", ""))
    return collapse(paragraph.text_content())


def _printed(stamp: str) -> str:
    """``2017-01-10T12:32:27+00:00`` as Instagram would print it, in UTC."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", stamp)
    if match is None:
        return ""
    year, month, day, hour, minute = (int(g) for g in match.groups())
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    if not 1 <= month <= 12:
        return ""
    half = "am" if hour < 12 else "pm"
    return f"{months[month - 1]} {day}, {year} at {(hour % 12) or 12}:{minute:02d}{half} UTC"


def _first_permalink(quote: HtmlElement) -> str | None:
    for anchor in quote.xpath(".//a[@href]"):
        link = canonical_link(anchor.get("href"))
        if link:
            return link
    return None


PLATFORM = Recogniser(
    platform=Platform.INSTAGRAM,
    find=find,
    build=build,
    embeds='//blockquote[contains(concat(" ", normalize-space(@class), " "), " instagram-media ")]',
    embed_lines=embed_lines,
    hints=("instagram-media",),
)
