"""The HTML report: one self-contained page, source and translation side by side.

The page loads nothing (a strict CSP forbids it) and runs no script: the highlight that links
a summary sentence to its source rows is CSS only (``:target``, ``:hover`` and ``:has()``).
Input text is cleaned with ``sanitize.clean`` and then HTML-escaped, quotes included; only
``http(s)`` URLs become links. Every text cell carries ``lang`` and ``dir``, and runs in the
other script (``CloudFlare`` in Arabic, ``#عاجل`` in English) are isolated in ``<bdi>`` so
that punctuation next to them stays where the writer put it.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable

from summarize.data import (
    PostMeta,
    Result,
    Segment,
    SegmentKind,
    Summary,
    Translation,
    TweetMeta,
)
from summarize.entities import HASHTAG, MENTION, URL, direction_of, main_language
from summarize.render.sanitize import clean, clean_line, code_spans

__all__ = ["render_html"]

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
_ATOM = re.compile(f"{URL.pattern}|{HASHTAG.pattern}|{MENTION.pattern}", re.IGNORECASE)
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)
_STRONG = {"L": "L", "R": "R", "AL": "R"}
# A piece of cell text and its strong direction: "L", "R", or "" for neutral characters.
_Unit = tuple[str, str]


def render_html(result: Result) -> str:
    """Return the whole report as one HTML document.

    Args:
        result: What the pipeline produced.

    Returns:
        A UTF-8 HTML page that requests nothing and contains no script.
    """
    lang = _esc(main_language(result.segments))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(_page_title(result))}</title>\n"
        f"<style>\n{_CSS}{_link_highlight_css(result)}</style>\n</head>\n<body>\n"
        f"{_header(result)}{_summaries(result)}{_table(result)}{_footer(result)}"
        "</body>\n</html>\n"
    )


def _esc(text: str) -> str:
    return html.escape(clean_line(text), quote=True)


def _attrs(lang: str) -> str:
    return f'lang="{_esc(lang)}" dir="{direction_of(lang)}"'


def _link(url: str, label: str) -> str:
    """An ``<a href>`` for an http(s) URL; anything else (``javascript:``...) stays text."""
    if not _SAFE_URL.fullmatch(url):
        return f'<bdi class="url">{html.escape(url, quote=True)}</bdi>'
    href = html.escape(url, quote=True)
    return f'<a href="{href}" rel="noopener noreferrer">{html.escape(label, quote=True)}</a>'


def _text(text: str, lang: str) -> str:
    """Cleaned, escaped text with each run in the opposite direction wrapped in ``<bdi>``.

    A run goes from the first to the last unit of the other direction, neutrals (spaces,
    digits, punctuation) between them included, neutrals around them left out.
    """
    units = _units(clean(text))
    opposite = "L" if direction_of(lang) == "rtl" else "R"
    codes = "".join(strong or "N" for _, strong in units)
    pieces = [_unit_html(unit) for unit in units]
    for run in re.finditer(f"{opposite}(?:N*{opposite})*", codes):
        pieces[run.start()] = "<bdi>" + pieces[run.start()]
        pieces[run.end() - 1] += "</bdi>"
    return "".join(pieces)


def _units(text: str) -> list[_Unit]:
    """Split text into URLs, #tags and @handles (kept whole) and same-direction char runs."""
    units: list[_Unit] = []
    position = 0
    for match in _ATOM.finditer(text):
        units.extend(_char_units(text[position : match.start()]))
        atom = match.group()
        units.append((atom, _strong(atom) if atom[0] in "#@" else "L"))
        position = match.end()
    units.extend(_char_units(text[position:]))
    return units


def _char_units(text: str) -> Iterable[_Unit]:
    for strong, chars in itertools.groupby(text, key=_strong):
        yield "".join(chars), strong


def _strong(text: str) -> str:
    """The direction of the first strongly directional character: ``L``, ``R`` or empty."""
    for char in text:
        strong = _STRONG.get(unicodedata.bidirectional(char), "")
        if strong:
            return strong
    return ""


def _unit_html(unit: _Unit) -> str:
    text = unit[0]
    return _link(text, text) if _SAFE_URL.fullmatch(text) else html.escape(text, quote=True)


def _page_title(result: Result) -> str:
    return result.document.title or f"summarize: {result.document.source}"


def _header(result: Result) -> str:
    title = next((s for s in result.segments if s.kind is SegmentKind.TITLE), None)
    if title is None:
        heading = f'<h1 lang="en" dir="ltr">{_text(_page_title(result), "en")}</h1>'
    else:
        heading = (
            f'<h1 id="seg-{title.id}" {_attrs(title.lang)}>{_text(title.text, title.lang)}</h1>'
        )
        translation = result.translation_of(title.id)
        if translation is not None:
            lang = translation.direction.target
            heading += f'\n<p class="subtitle" {_attrs(lang)}>{_text(translation.text, lang)}</p>'
    doc = result.document
    return (
        f'<header class="doc">\n{heading}\n<p class="meta" lang="en" dir="ltr">'
        f'<bdi class="path">{_esc(doc.source)}</bdi> · {_esc(doc.encoding)} · '
        f"{len(result.segments)} segments</p>\n</header>\n"
    )


def _summaries(result: Result) -> str:
    if not result.summaries:
        return ""
    boxes = "".join(_summary(summary) for summary in result.summaries)
    return f'<section class="summaries" aria-label="Summaries">\n{boxes}</section>\n'


def _summary(summary: Summary) -> str:
    items = "".join(
        f'<li data-seg="{" ".join(map(str, s.source_ids))}">{_text(s.text, summary.lang)} '
        f'<span class="refs" dir="ltr">{_refs(s.source_ids)}</span></li>\n'
        for s in summary.sentences
    )
    how = f'{_esc(str(summary.method))} · <bdi class="model">{_esc(summary.model or "no model")}'
    return (
        '<section class="summary">\n<h2 lang="en" dir="ltr">Summary '
        f'<span class="badge">{_esc(summary.lang)}</span> <span class="how">{how}</bdi></span>'
        f"</h2>\n<ul {_attrs(summary.lang)}>\n{items}</ul>\n</section>\n"
    )


def _refs(source_ids: Iterable[int]) -> str:
    return " ".join(f'<a class="ref" href="#seg-{i}">#{i}</a>' for i in source_ids)


def _table(result: Result) -> str:
    rows = "".join(_row(result, s) for s in result.segments if s.kind is not SegmentKind.TITLE)
    return (
        '<main>\n<table class="segments">\n<colgroup><col class="meta"><col><col></colgroup>\n'
        '<thead lang="en" dir="ltr"><tr><th scope="col">#</th><th scope="col">Source</th>'
        f'<th scope="col">Translation</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n'
        "</main>\n"
    )


def _row(result: Result, segment: Segment) -> str:
    lang = _esc(segment.lang)
    if segment.post is not None:
        source = _post_card(segment.post, segment.text, segment.lang)
    elif segment.tweet is not None:
        source = _tweet_card(segment.tweet, segment.text, segment.lang)
    else:
        source = f'<p class="text">{_text(segment.text, segment.lang)}</p>'
    return (
        f'<tr id="seg-{segment.id}" class="kind-{_esc(str(segment.kind))}">'
        f'<th scope="row"><a class="num" href="#seg-{segment.id}">{segment.id}</a>'
        f'<span class="badge" title="{lang} · {segment.lang_confidence:.2f}">{lang}</span></th>\n'
        f'<td class="src" {_attrs(segment.lang)}>{source}</td>\n'
        f"{_translation_cell(result.translation_of(segment.id))}</tr>\n"
    )


def _tweet_card(tweet: TweetMeta, text: str, lang: str) -> str:
    retweet = f"RT {tweet.retweet_of}" if tweet.retweet_of else None
    meta = (("author", tweet.author), ("handle", tweet.handle), ("date", tweet.date))
    parts = [f'<bdi class="{name}">{_esc(value)}</bdi>' for name, value in meta if value]
    if tweet.repeats > 1:
        parts.append(
            f'<span class="repeats" title="{tweet.repeats} copies">×{tweet.repeats}</span>'
        )
    if retweet:
        parts.append(f'<bdi class="rt">{_esc(retweet)}</bdi>')
    if tweet.link:
        parts.append(f'<span class="status">{_link(clean_line(tweet.link), "link")}</span>')
    return (
        f'<article class="tweet"><header>{" ".join(parts)}</header>'
        f'<p class="text">{_text(text, lang)}</p></article>'
    )


def _post_card(post: PostMeta, text: str, lang: str) -> str:
    """A post of another platform than X, in the tweet card's style, the platform named."""
    meta = (
        ("platform", post.platform.label),
        ("author", post.author),
        ("handle", post.handle),
        ("date", post.when),
    )
    parts = [f'<bdi class="{name}">{_esc(value)}</bdi>' for name, value in meta if value]
    if post.repeats > 1:
        parts.append(f'<span class="repeats" title="{post.repeats} copies">×{post.repeats}</span>')
    if post.link and post.link != text:  # a post shown by its link has it in its text
        parts.append(f'<span class="status">{_link(clean_line(post.link), "link")}</span>')
    body = ""
    if post.title and post.title != text:
        body += f'<p class="title"><strong>{_text(post.title, lang)}</strong></p>'
    body += f'<p class="text">{_text(text, lang)}</p>'
    forwarded = f"forwarded from {post.forwarded_from}" if post.forwarded_from else None
    body += "".join(
        f'<p class="note">{_text(note, lang)}</p>' for note in (forwarded, post.music) if note
    )
    return (
        f'<article class="tweet post" data-platform="{_esc(str(post.platform))}">'
        f"<header>{' '.join(parts)}</header>{body}</article>"
    )


def _translation_cell(translation: Translation | None) -> str:
    if translation is None:
        return '<td class="tr none" lang="en" dir="ltr" title="not translated">—</td>\n'
    lang = translation.direction.target
    return (
        f'<td class="tr" {_attrs(lang)}><p class="text">{_text(translation.text, lang)}</p></td>\n'
    )


def _footer(result: Result) -> str:
    warnings = [f"<code>{_esc(n.code)}</code> {_message(n.message)}" for n in result.warnings]
    models = [
        f'<code>{_esc(route)}</code> <bdi class="model">{_esc(name)}</bdi>'
        for route, name in result.models.items()
    ]
    timings = [
        f'{_esc(stage)} <span class="secs">{secs:.2f} s</span>'
        for stage, secs in result.timings.items()
    ]
    total = f' <span class="secs">{sum(result.timings.values()):.2f} s</span>'
    return (
        '<footer lang="en" dir="ltr">\n'
        f"{_footer_list('warnings', 'Warnings', warnings, 'none')}"
        f"{_footer_list('models', 'Models', models, 'none loaded')}"
        f"{_footer_list('timings', 'Timings' + total, timings, 'none')}</footer>\n"
    )


def _message(text: str) -> str:
    """A warning, the commands it quotes in backticks shown as ``<code>``."""
    return "".join(
        f"<code>{html.escape(piece, quote=True)}</code>" if code else _text(piece, "en")
        for piece, code in code_spans(clean_line(text))
    )


def _footer_list(name: str, heading: str, items: list[str], empty: str) -> str:
    lines = "".join(f"<li>{item}</li>\n" for item in items) or f"<li>{empty}</li>\n"
    return f'<section class="{name}"><h2>{heading}</h2><ul>\n{lines}</ul></section>\n'


def _link_highlight_css(result: Result) -> str:
    """Hovering a summary reference lights its row up, and hovering a row its sentences."""
    cited = sorted({i for s in result.summaries for t in s.sentences for i in t.source_ids})
    return "".join(
        f'body:has(a.ref[href="#seg-{i}"]:hover) #seg-{i},'
        f'body:has(#seg-{i}:hover) li[data-seg~="{i}"]{{background:var(--hl)}}\n'
        for i in cited
    )


_CSS = """\
:root{color-scheme:light dark;--fg:#1f2430;--muted:#6b7280;--line:#e3e6ec;--bg:#fff;
--panel:#f5f7fa;--accent:#2563eb;--hl:#fff3c4;--warn:#b45309;--mono:ui-monospace,Menlo,Consolas,
monospace;--latin:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",
sans-serif;--arabic:"Noto Naskh Arabic","Geeza Pro","Traditional Arabic","Segoe UI",
"Noto Sans Arabic",Tahoma,sans-serif}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--line:#2d3340;
--bg:#12151b;--panel:#1a1f28;--accent:#7aa2ff;--hl:#22375a;--warn:#fbbf24}}
*{box-sizing:border-box} html{scroll-behavior:smooth;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1200px;padding:2rem 1.5rem 3rem;font:16px/1.6 var(--latin);
color:var(--fg);background:var(--bg)} a{color:var(--accent)} p{margin:0}
[dir=rtl]{font-family:var(--arabic);line-height:1.95}
[dir=rtl] bdi:not([class]){font-family:var(--latin);font-size:.92em}
[dir=ltr] bdi:not([class]){font-family:var(--arabic);font-size:1.08em}
.text{white-space:pre-line} td,li,h1,p{overflow-wrap:anywhere} [id^=seg-]{scroll-margin-top:1rem}
h2,thead th,.badge{font:600 .72rem/1.6 var(--latin);letter-spacing:.06em;text-transform:uppercase;
color:var(--muted)}
header.doc{margin-bottom:1.75rem;padding-bottom:1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.75rem;line-height:1.45;margin:0 0 .4rem} h1[dir=rtl]{font-size:2rem}
h1:target{background:var(--hl)} .subtitle{font-size:1.15rem;color:var(--muted);font-style:italic}
.meta{margin-top:.6rem;font-size:.8rem;color:var(--muted)} h2{margin:0 0 .6rem}
.summaries{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));
margin-bottom:2rem} .summary h2 .how{font-weight:400;text-transform:none;letter-spacing:0}
.summary{background:var(--panel);border:1px solid var(--line);border-radius:12px;
border-inline-start:4px solid var(--accent);padding:1rem 1.25rem}
.summary ul{margin:0;padding-inline-start:1.2rem} .summary li{margin:.35rem 0;border-radius:4px}
.summary ul[dir=rtl],td[dir=rtl]{font-size:1.08rem}
.ref{font:600 .75rem var(--latin);text-decoration:none;padding:0 .35rem;border-radius:999px;
background:var(--bg);border:1px solid var(--line);white-space:nowrap}
.ref:hover,.ref:focus{border-color:var(--accent)}
.badge{display:inline-block;font-size:.68rem;font-weight:500;border:1px solid var(--line);
border-radius:999px;padding:0 .45rem;vertical-align:middle}
table.segments{width:100%;border-collapse:collapse;table-layout:fixed} col.meta{width:4.5rem}
thead th{text-align:start;padding:.5rem .9rem;border-bottom:2px solid var(--line)}
tbody tr{border-bottom:1px solid var(--line);transition:background .15s}
tbody th,tbody td{padding:.9rem;vertical-align:top} tbody th{font-weight:400;text-align:center}
tbody tr:hover{background:var(--panel)}
tbody tr:target{background:var(--hl);box-shadow:inset 4px 0 var(--accent)}
.num{display:block;color:var(--muted);text-decoration:none;font-variant-numeric:tabular-nums}
td.tr{color:color-mix(in srgb,var(--fg) 82%,var(--bg))}
td.none{color:var(--muted);text-align:center}
.tweet{border:1px solid var(--line);border-radius:12px;padding:.75rem 1rem;background:var(--bg)}
.tweet header{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline;
font:.85rem/1.5 var(--latin);margin-bottom:.4rem}
.author{font-weight:600} .handle,.date,.rt{color:var(--muted)}
.repeats{font-weight:600;font-size:.75rem;color:var(--accent);border:1px solid currentColor;
border-radius:999px;padding:0 .4rem}
footer{margin-top:2.5rem;padding-top:1.25rem;border-top:1px solid var(--line);font-size:.85rem;
color:var(--muted);display:grid;gap:1.25rem;grid-template-columns:2fr 1fr 1fr}
footer ul{margin:0;padding:0;list-style:none} footer li{margin:.25rem 0}
footer code{font:.8rem var(--mono)} footer code,.secs{color:var(--fg)}
.secs{font-variant-numeric:tabular-nums}
.warnings li{border-inline-start:3px solid var(--warn);padding-inline-start:.6rem}
@media (max-width: 600px){body{padding:1.25rem .9rem 2rem} h1,h1[dir=rtl]{font-size:1.4rem}
thead,td.none{display:none} footer{grid-template-columns:1fr}
table.segments,tbody,tbody tr,tbody th,tbody td{display:block;width:auto}
tbody th{text-align:start;padding:.8rem 0 .2rem} .num{display:inline;margin-inline-end:.5rem}
tbody td{padding:.3rem 0 .8rem} td.tr{border-top:1px dashed var(--line);padding-top:.6rem}}
@media print{:root{--fg:#000;--muted:#444;--line:#ccc;--bg:#fff;--panel:#fff;--hl:#fff;
--accent:#000} body{max-width:none;padding:0;font-size:10.5pt} a{text-decoration:none}
tbody tr,.summary,.tweet{break-inside:avoid} thead{display:table-header-group}
tbody tr:hover,tbody tr:target{background:none;box-shadow:none}}
"""
