"""The Markdown renderer: a document to paste into a wiki.

The title, a summary per language whose sentences link to their source segments
(``[#4](#seg-4)``), then one section per segment with its translation in a quote, and a
footer with warnings, models and timings. Right-to-left blocks sit in ``<div dir="rtl">``
with blank lines around them, so Markdown still renders inside.

Input text is cleaned with ``sanitize.clean_line``, then escaped where Markdown would read
it, and only there, so the raw file stays readable (``3.5%``, ``2015-11-19``, ``file_name``
as written) while ``[link](javascript:...)``, ``<script>`` or ``| cell |`` in an article
stay text: ``<`` before a tag and ``&`` before an entity become HTML entities; brackets,
backticks, ``*``, ``|``, ``~``, a ``_`` that could start emphasis, a ``\\`` that could escape,
and what opens a block at the start of a line (``#``, ``>``, ``-``, ``+``, ``1.``) get a
backslash. Paths, encodings and the commands quoted in warnings are inline code. Only
``http(s)`` URLs made of characters that need no escaping become links (``<https://...>``).
"""

from __future__ import annotations

import html
import re

from summarize.data import PostMeta, Result, Segment, SegmentKind, Summary, TweetMeta
from summarize.entities import URL, direction_of
from summarize.render.sanitize import clean_line, code_spans

__all__ = ["code_span", "escape_markdown", "render_markdown"]

# Characters Markdown reads anywhere in a line: ``_`` only at a word's edge, ``\`` only
# before ASCII punctuation (or at the end, a hard line break).
_ALWAYS = re.compile(r"[`*\[\]|~]|\\(?=[!-/:-@\[-`{-~]|$)|(?<!\w)_|_(?!\w)")
# A character or entity reference, and what could open a tag or an autolink.
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
# What opens a block at the start of a line: a heading, a quote, a list item, a rule.
_BLOCK_START = re.compile(r"#{1,6}(?= |$)|>|[-+](?= |$)|-(?=-)|\d{1,9}(?=[.)](?: |$))")
_AUTOLINK = re.compile(r"https?://[\w\-.~:/?#@!$+,;=%]+", re.ASCII | re.IGNORECASE)


def render_markdown(result: Result) -> str:
    """Return the result as a Markdown document.

    Args:
        result: What the pipeline produced.

    Returns:
        CommonMark/GFM text with raw HTML only for anchors and ``dir="rtl"`` blocks.
    """
    blocks = [*_title(result), *_summaries(result), *_segments(result), *_footer(result)]
    return "\n\n".join(blocks) + "\n"


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """Clean ``text`` to one line and escape it; safe http(s) URLs become autolinks.

    Args:
        text: Untrusted text.
        line_start: Whether the text may begin a line, where ``# ``, ``> ``, ``- `` or
            ``1. `` would open a block.
    """
    text = clean_line(text)
    parts: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url = match.group()
        parts.append(_escape(text[position : match.start()]))
        parts.append(f"<{url}>" if _AUTOLINK.fullmatch(url) else _escape(url))
        position = match.end()
    parts.append(_escape(text[position:]))
    escaped = "".join(parts)
    return _escape_block_start(escaped) if line_start else escaped


def _escape(text: str) -> str:
    return _TAG.sub("&lt;", _ENTITY.sub("&amp;", _ALWAYS.sub(r"\\\g<0>", text)))


def _escape_block_start(text: str) -> str:
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    cut = found.end() if text[0].isdigit() else 0  # ``1.`` escapes its dot: ``1\.``
    return f"{text[:cut]}\\{text[cut:]}"


def code_span(text: str) -> str:
    """``text`` (cleaned to one line) as inline code: nothing in it is read as Markdown."""
    text = clean_line(text)
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _with_code(text: str) -> str:
    """Escaped text whose own backtick pairs (``run `summarize models pull```) stay code."""
    pieces = code_spans(clean_line(text))
    out = "".join(code_span(piece) if code else _escape(piece) for piece, code in pieces)
    return out if pieces and pieces[0][1] else _escape_block_start(out)


def _directed(markdown: str, lang: str) -> str:
    """Wrap right-to-left Markdown in a ``dir="rtl"`` block, blank lines inside."""
    if direction_of(lang) == "ltr":
        return markdown
    return f'<div dir="rtl" lang="{html.escape(clean_line(lang))}">\n\n{markdown}\n\n</div>'


def _anchor(segment: Segment) -> str:
    return f'<a id="seg-{segment.id}"></a>'


def _title(result: Result) -> list[str]:
    title = next((s for s in result.segments if s.kind is SegmentKind.TITLE), None)
    document = result.document
    meta = f"{code_span(document.source)} · {code_span(document.encoding)}"
    if title is None:
        return [f"# {escape_markdown(document.title or document.source)}", meta]
    blocks = [_directed(f"# {_anchor(title)}{escape_markdown(title.text)}", title.lang)]
    translation = result.translation_of(title.id)
    if translation is not None:
        italic = f"*{escape_markdown(translation.text)}*"
        blocks.append(_directed(italic, translation.direction.target))
    return [*blocks, meta]


def _summaries(result: Result) -> list[str]:
    return [block for summary in result.summaries for block in _summary(summary)]


def _summary(summary: Summary) -> list[str]:
    how = ", ".join(
        escape_markdown(part)
        for part in (summary.lang, summary.method, summary.model or "no model")
    )
    items = "\n".join(
        f"- {escape_markdown(sentence.text)} "
        + " ".join(f"[#{i}](#seg-{i})" for i in sentence.source_ids)
        for sentence in summary.sentences
    )
    return [f"## Summary ({how})", _directed(items, summary.lang)]


def _segments(result: Result) -> list[str]:
    blocks = ["## Segments"]
    for segment in result.segments:
        if segment.kind is not SegmentKind.TITLE:
            blocks.extend(_segment(result, segment))
    return blocks


def _segment(result: Result, segment: Segment) -> list[str]:
    translation = result.translation_of(segment.id)
    route = escape_markdown(segment.lang)
    if translation is not None:
        route += f" → {escape_markdown(translation.direction.target)}"
    kind = " · tweet" if segment.kind is SegmentKind.TWEET else ""
    source = escape_markdown(segment.text)
    if segment.tweet is not None:
        source = f"{_tweet_line(segment.tweet)}\n\n{source}"
    if segment.post is not None:
        kind = f" · {segment.post.platform.label} post"
        source = _post_block(segment.post, segment.text)
    blocks = [
        f"### {_anchor(segment)}{segment.id}{kind} · {route}",
        _directed(source, segment.lang),
    ]
    if translation is not None:
        quoted = _directed(escape_markdown(translation.text), translation.direction.target)
        blocks.append("\n".join(f"> {line}".rstrip() for line in quoted.split("\n")))
    return blocks


def _tweet_line(tweet: TweetMeta) -> str:
    parts = [f"**{escape_markdown(tweet.author)}**"] if tweet.author else []
    parts += [escape_markdown(v) for v in (tweet.handle, tweet.date) if v]
    if tweet.repeats > 1:
        parts.append(f"×{tweet.repeats}")
    if tweet.retweet_of:
        parts.append(f"RT {escape_markdown(tweet.retweet_of)}")
    if tweet.link:
        parts.append(escape_markdown(tweet.link))
    return " · ".join(parts)


def _post_block(post: PostMeta, text: str) -> str:
    """The post's line of who and when, its title, its text, and what else it printed."""
    parts = [f"**{escape_markdown(post.author)}**"] if post.author else []
    parts += [escape_markdown(v) for v in (post.handle, post.when) if v]
    if post.repeats > 1:
        parts.append(f"×{post.repeats}")
    if post.link and post.link != text:
        parts.append(escape_markdown(post.link))
    lines = [" · ".join([post.platform.label, *parts])]
    if post.title and post.title != text:
        lines.append(f"**{escape_markdown(post.title)}**")
    lines.append(escape_markdown(text))
    forwarded = f"forwarded from {post.forwarded_from}" if post.forwarded_from else None
    lines += [f"*{escape_markdown(note)}*" for note in (forwarded, post.music) if note]
    return "\n\n".join(lines)


def _footer(result: Result) -> list[str]:
    blocks = ["---"]
    if result.warnings:
        warnings = "\n".join(
            f"- {code_span(n.code)}: {_with_code(n.message)}" for n in result.warnings
        )
        blocks += ["**Warnings**", warnings]
    blocks.append("**Models**")
    rows = [f"| {escape_markdown(k)} | {escape_markdown(v)} |" for k, v in result.models.items()]
    blocks.append("\n".join(["| route | model |", "| --- | --- |", *rows]) if rows else "none")
    timings = " · ".join(f"{escape_markdown(k)} {v:.2f} s" for k, v in result.timings.items())
    total = sum(result.timings.values())
    blocks.append(f"**Timings** ({total:.2f} s): {timings or 'none'}")
    return blocks
