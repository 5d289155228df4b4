"""The Markdown renderer: a document to paste into a wiki.

The title, a summary per language whose sentences link to their source segments
(``[#4](#seg-4)``), then one section per segment with its translation in a quote, and a
footer with warnings, models and timings. Right-to-left blocks sit in ``<div dir="rtl">``
with blank lines around them, so Markdown still renders inside.

Input text is cleaned with ``sanitize.clean_line``; then ``&``, ``<`` and ``>`` become HTML
entities and every other character that means something in Markdown is backslash-escaped,
so ``[link](javascript:...)``, ``<script>`` or ``| cell |`` in an article stay text. Only
``http(s)`` URLs made of characters that need no escaping become links (``<https://...>``).
"""

from __future__ import annotations

import html
import re

from summarize.data import PostMeta, Result, Segment, SegmentKind, Summary, TweetMeta
from summarize.entities import URL, direction_of
from summarize.render.sanitize import clean_line

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"[\\`*_\[\]()#+\-.!|~]")
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


def escape_markdown(text: str) -> str:
    """Clean ``text`` to one line and escape it; safe http(s) URLs become autolinks."""
    text = clean_line(text)
    parts: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url = match.group()
        parts.append(_escape(text[position : match.start()]))
        parts.append(f"<{url}>" if _AUTOLINK.fullmatch(url) else _escape(url))
        position = match.end()
    parts.append(_escape(text[position:]))
    return "".join(parts)


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\g<0>", html.escape(text, quote=False))


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
    meta = f"{escape_markdown(document.source)} · {escape_markdown(document.encoding)}"
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
            f"- {escape_markdown(n.code)}: {escape_markdown(n.message)}" for n in result.warnings
        )
        blocks += ["**Warnings**", warnings]
    blocks.append("**Models**")
    rows = [f"| {escape_markdown(k)} | {escape_markdown(v)} |" for k, v in result.models.items()]
    blocks.append("\n".join(["| route | model |", "| --- | --- |", *rows]) if rows else "none")
    timings = " · ".join(f"{escape_markdown(k)} {v:.2f} s" for k, v in result.timings.items())
    total = sum(result.timings.values())
    blocks.append(f"**Timings** ({total:.2f} s): {timings or 'none'}")
    return blocks
