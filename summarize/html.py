"""HTML pages: the article's title and body text, with embedded tweets kept as tweets.

Extraction is trafilatura's (boilerplate such as menus and footers removed). Before it runs,
each ``<blockquote class="twitter-tweet">`` is rewritten as one plain paragraph in the pasted
form the tweet recogniser knows — ``text — Name (@handle) Month D, YYYY <status link>`` — so
an embedded tweet becomes the same ``tweet`` segment as a pasted one, with the link from the
markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.entities import STATUS_LINK
from summarize.errors import InputError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["HtmlArticle", "extract_article", "looks_like_html"]

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_SIGNATURE = re.compile(r"[—–-]\s*(?P<author>[^()]*?)\s*\(\s*@(?P<handle>\w+)\s*\)")


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

    prepared = _rewrite_tweets(html)
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


def _rewrite_tweets(html: str) -> str:
    """Replace every twitter-tweet blockquote by one paragraph in the pasted-tweet form.

    List items become paragraphs too: trafilatura would prefix them with "- ", text the
    page never showed.
    """
    if "twitter-tweet" not in html and "<li" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for quote in root.xpath(
        '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
    ):
        paragraph = lxml.html.Element("p")
        paragraph.text = _tweet_line(quote)
        paragraph.tail = quote.tail
        quote.getparent().replace(quote, paragraph)
    for script in root.xpath('//script[contains(@src, "platform.twitter.com")]'):
        script.drop_tree()
    for item in root.xpath("//li"):
        item.tag = "p"
    for listing in root.xpath("//ul | //ol"):
        listing.tag = "div"
    return str(lxml.html.tostring(root, encoding="unicode"))


def _tweet_line(quote: HtmlElement) -> str:
    """``text — Name (@handle) date link`` from an embed's markup."""
    for br in quote.xpath(".//br"):
        br.tail = " " + (br.tail or "")  # <br> separates words: "…الأمريكية.<br>سيبدأ"
    paragraphs = quote.xpath(".//p")
    text = " ".join(" ".join(p.text_content().split()) for p in paragraphs)
    for p in paragraphs:
        p.drop_tree()
    links = [STATUS_LINK.match(a.get("href", "")) for a in quote.xpath(".//a[@href]")]
    link = next((m.group() for m in reversed(links) if m), "")
    rest = " ".join(quote.text_content().split())
    signature = _SIGNATURE.search(rest)
    if signature is None:
        return " ".join(part for part in (text, rest) if part)
    author, handle = signature.group("author"), signature.group("handle")
    date = rest[signature.end() :].strip()  # the status link's text: "November 19, 2015"
    return " ".join(part for part in (text, f"— {author} (@{handle})", date, link) if part)
