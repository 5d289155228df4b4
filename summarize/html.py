"""HTML pages: the article's title and body text, with embedded posts kept as posts.

Extraction is trafilatura's (boilerplate such as menus and footers removed). Before it runs,
each publisher embed — ``blockquote.twitter-tweet``, ``blockquote.instagram-media``,
``div.fb-post``/``fb-video``, ``blockquote.tiktok-embed``, a YouTube ``iframe``, a Telegram
widget — is rewritten as the plain paragraphs a reader would paste (``text — Name (@handle)
Month D, YYYY <status link>`` for a tweet), so an embedded post becomes the same segment as
a pasted one, with the permalink from the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.errors import InputError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["HtmlArticle", "extract_article", "looks_like_html"]

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Elements that only wrap an embed: replaced with it, so its lines are not left inside.
_WRAPPERS = frozenset(("div", "figure", "span", "center", "p"))


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlArticle:
    """What a page gave: its title (if any) and its text, title first."""

    title: str | None
    text: str


def looks_like_html(data: bytes, source: str) -> bool:
    """True for ``.html``/``.htm`` files and for content that starts like an HTML document."""
    if source.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data[:4096]))


def extract_article(html: str, *, source: str) -> HtmlArticle:
    """Extract the title and main text of a page, tweets rewritten in their pasted form.

    Raises:
        InputError: The page has no article text to extract.
    """
    import trafilatura

    prepared = _rewrite_embeds(html)
    document = trafilatura.bare_extraction(
        prepared, include_comments=False, include_tables=True, with_metadata=True
    )
    body = str(getattr(document, "text", None) or "").strip()
    if not body:
        raise InputError(f"{source}: no article text found in the page; save the text instead")
    title = str(getattr(document, "title", None) or "").strip() or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return HtmlArticle(title=title, text=body)


def _rewrite_embeds(html: str) -> str:
    """Replace every post embed by the lines a reader copying it would paste, one ``<p>`` each.

    Each platform's recogniser (see ``summarize.posts``) says which markup is its embed
    and what text it stands for, so an embedded post becomes the same segment as a pasted
    one, with the permalink from the markup. Embeds that extraction would drop (a YouTube
    iframe, a Telegram widget script) or garble (an Instagram blockquote can collapse the
    page into one line) are rewritten before extraction runs.

    List items become paragraphs too: trafilatura would prefix them with "- ", text the
    page never showed.
    """
    from summarize.posts import RECOGNISERS

    wanted = [r for r in RECOGNISERS if any(hint in html for hint in r.hints)]
    if not wanted and "<li" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for recogniser in wanted:
        for embed in root.xpath(recogniser.embeds):
            lines = recogniser.embed_lines(embed)
            if lines:
                _replace(_outermost(embed), lines)
    for item in root.xpath("//li"):
        item.tag = "p"
    for listing in root.xpath("//ul | //ol"):
        listing.tag = "div"
    return str(lxml.html.tostring(root, encoding="unicode"))


def _outermost(embed: HtmlElement) -> HtmlElement:
    """The embed with the wrappers around only it (a ``<figure>``, a sizing ``<div>``)."""
    node = embed
    while (parent := node.getparent()) is not None and parent.tag in _WRAPPERS:
        if len(parent) != 1 or parent.getparent() is None or parent.text_content().strip():
            break
        node = parent
    return node


def _replace(node: HtmlElement, lines: list[str]) -> None:
    """Put one ``<p>`` per line where ``node`` was, keeping the text that followed it."""
    import lxml.html

    parent = node.getparent()
    if parent is None:
        return
    index = parent.index(node)
    paragraphs = []
    for line in lines:
        paragraph = lxml.html.Element("p")
        paragraph.text = line
        paragraphs.append(paragraph)
    paragraphs[-1].tail = node.tail
    parent.remove(node)
    for offset, paragraph in enumerate(paragraphs):
        parent.insert(index + offset, paragraph)
