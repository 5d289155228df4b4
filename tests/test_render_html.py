"""The HTML report: golden output, escaping of hostile input, lang/dir, bidi isolation."""

from __future__ import annotations

import dataclasses
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_render import _result, post_result

from summarize.data import (
    Direction,
    Notice,
    Result,
    Segment,
    SegmentKind,
    Summary,
    SummaryMethod,
    SummarySentence,
    Translation,
    TweetMeta,
)
from summarize.entities import direction_of, main_language
from summarize.render.html import CSP, render_html

GOLDEN = Path(__file__).parent / "golden"
# Everything a renderer must show as text and never act on: rich markup, emoji codes,
# terminal escapes (CSI, OSC 8 hyperlink, C1 CSI), a carriage return, a bidi override,
# HTML, Markdown links and table pipes.
HOSTILE = (
    " [bold]b[/bold] [link=https://x]l[/link] :smile: \x1b[31mred\x1b[0m"
    " \x1b]8;;http://x\x07osc\x1b]8;;\x07 \x9b31m c1\rcr \u202eevil"
    ' <script>alert(1)</script> <img src=x onerror="alert(1)"> `tick` a|b'
    " [click](javascript:alert(1)) &amp; ~~s~~ **b** _i_ # h"
)


def hostile_result() -> Result:
    """``test_render``'s result with HOSTILE everywhere, plus an Arabic tweet with a
    ``javascript:`` status link, an English sentence with an Arabic hashtag, an Arabic
    summary, and model names with ``|`` and ``<b>``."""
    base = _result(HOSTILE)
    tweet = "عاجل: CloudFlare تحمي المواقع #عاجل https://t.co/abc." + HOSTILE
    segments = (
        *base.segments,
        Segment(
            id=4,
            kind=SegmentKind.TWEET,
            text=tweet,
            span=(90, 120),
            lang="ar",
            lang_confidence=0.9,
            tweet=TweetMeta(
                text=tweet,
                author="أنونيموس" + HOSTILE,
                handle="@a|b_c",
                date="Febuary 30" + HOSTILE,
                link="javascript:alert(1)",
                retweet_of="@x_y",
            ),
        ),
        Segment(
            id=5,
            kind=SegmentKind.SENTENCE,
            text="Protesters used the tag #عاجل in Cairo." + HOSTILE,
            span=(121, 160),
            lang="en",
            lang_confidence=1.0,
        ),
    )
    summary = Summary(
        lang="ar",
        method=SummaryMethod.ABSTRACTIVE,
        model="m|x" + HOSTILE,
        sentences=(SummarySentence(text="ملخص CloudFlare." + HOSTILE, source_ids=(4, 5)),),
    )
    extra = Translation(
        segment_id=5, direction=Direction.EN_AR, text="استخدم المحتجون وسم #عاجل", model="m"
    )
    return dataclasses.replace(
        base,
        segments=segments,
        translations=(*base.translations, extra),
        summaries=(*base.summaries, summary),
        models={"translate.ar-en": "m|x" + HOSTILE, "summarize.ar": "<b>model</b>|"},
    )


def golden(name: str, text: str) -> None:
    """Compare with ``tests/golden/NAME``; ``UPDATE_GOLDEN=1`` rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 to accept"


class _Tags(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.mark.parametrize(
    ("name", "result"), [("html_plain.html", _result()), ("html_hostile.html", hostile_result())]
)
def test_html_golden(name: str, result: Result) -> None:
    golden(name, render_html(result))


def test_hostile_input_is_escaped_text() -> None:
    page = render_html(hostile_result())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "[click](javascript:alert(1))" in page
    assert "[bold]b[/bold]" in page
    assert ":smile:" in page
    assert "&amp;amp;" in page
    assert "<script" not in page.lower()
    for bad in ("\x1b", "\x9b", "\x07", "\r", "\u202e"):
        assert bad not in page
    assert [tag for tag, _ in _tags(page) if tag in ("script", "img", "iframe", "b")] == []
    assert all(not key.startswith("on") for _, attrs in _tags(page) for key in attrs)


def test_links_are_only_fragments_or_http() -> None:
    tags = _tags(render_html(hostile_result()))
    links = [attrs for tag, attrs in tags if tag == "a" and "href" in attrs]
    hrefs = [attrs["href"] or "" for attrs in links]
    assert "https://t.co/abc" in hrefs
    assert "#seg-4" in hrefs
    for attrs, href in zip(links, hrefs, strict=True):
        assert re.fullmatch(r"#seg-\d+|https?://[^\s\"'<>]+", href), href
        if href.startswith("http"):
            assert attrs["rel"] == "noopener noreferrer"
    assert "javascript:alert(1)" in render_html(hostile_result())  # shown, as text only


def test_self_contained_page_with_strict_csp() -> None:
    page = render_html(hostile_result())
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert CSP == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'"
    )
    for external in ("<link", "src=", "url(", "@import", "@font-face"):
        assert external not in page.replace("&lt;img src=", "")
    assert "@media print" in page
    assert "@media (max-width: 600px)" in page


def test_every_text_cell_has_lang_and_dir() -> None:
    tags = _tags(render_html(hostile_result()))
    cells = [attrs for tag, attrs in tags if tag in ("td", "h1", "ul", "p") and "lang" in attrs]
    assert [attrs for tag, attrs in tags if tag == "td" and "lang" not in attrs] == []
    for attrs in cells:
        assert attrs["dir"] == direction_of(attrs["lang"] or "")
    sources = [(a["lang"], a["dir"]) for t, a in tags if t == "td" and a["class"] == "src"]
    assert sources == [("ar", "rtl"), ("en", "ltr"), ("ar", "rtl"), ("en", "ltr")]


def test_rows_are_anchored_and_cited_from_the_summary() -> None:
    page = render_html(hostile_result())
    for segment_id in (2, 3, 4, 5):
        assert f'<tr id="seg-{segment_id}"' in page
    assert '<h1 id="seg-1" lang="ar" dir="rtl">' in page
    assert '<li data-seg="4 5">' in page
    assert '<a class="ref" href="#seg-4">#4</a> <a class="ref" href="#seg-5">#5</a>' in page
    assert 'body:has(a.ref[href="#seg-5"]:hover) #seg-5' in page
    assert "tbody tr:target" in page


def test_tweet_card() -> None:
    page = render_html(_result())
    assert '<article class="tweet"><header><bdi class="author">Anonymous</bdi>' in page
    assert '<bdi class="handle">@TheAnonMovement</bdi> <bdi class="date">2015-11-19</bdi>' in page
    assert '<span class="repeats" title="2 copies">×2</span>' in page
    assert (
        '<a href="https://t.co/GqhRe4yr8U" rel="noopener noreferrer">https://t.co/GqhRe4yr8U</a>'
        in page
    )
    assert '<bdi class="url">javascript:alert(1)</bdi>' in render_html(hostile_result())


def _cell_html(text: str, lang: str) -> str:
    segment = Segment(id=2, kind=SegmentKind.SENTENCE, text=text, span=(0, 1), lang=lang)
    page = render_html(Result(document=_result().document, segments=(segment,)))
    return page.split('<p class="text">')[1].split("</p>")[0]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "شركة CloudFlare بحماية", "شركة <bdi>CloudFlare</bdi> بحماية"),
        ("ar", "جروب” Ghost Security Group، وهي", "جروب” <bdi>Ghost Security Group</bdi>، وهي"),
        ("ar", "لقاح COVID-19 vaccine هنا", "لقاح <bdi>COVID-19 vaccine</bdi> هنا"),
        ("ar", "وسم #OpParis و @CloudFlare", "وسم <bdi>#OpParis</bdi> و <bdi>@CloudFlare</bdi>"),
        ("ar", "قتل 129 شخصا", "قتل 129 شخصا"),
        (
            "ar",
            "رابط https://t.co/x. نهاية",
            'رابط <bdi><a href="https://t.co/x" rel="noopener noreferrer">https://t.co/x</a></bdi>.'
            " نهاية",
        ),
        ("en", "Tagged #عاجل today", "Tagged <bdi>#عاجل</bdi> today"),
        ("en", "The group “أنونيموس” said", "The group “<bdi>أنونيموس</bdi>” said"),
        ("en", "plain English, no runs", "plain English, no runs"),
        ("fa", "شرکت Google گفت", "شرکت <bdi>Google</bdi> گفت"),
        ("en", "javascript:alert(1) <b>", "javascript:alert(1) &lt;b&gt;"),
    ],
)
def test_opposite_direction_runs_are_isolated(lang: str, text: str, expected: str) -> None:
    assert _cell_html(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("en", "ltr"), ("und", "ltr"), ("fr", "ltr")],
)
def test_direction_of(lang: str, expected: str) -> None:
    assert direction_of(lang) == expected


def test_main_language_is_the_one_with_most_text() -> None:
    assert main_language(_result().segments) == "ar"
    english = dataclasses.replace(
        _result(),
        segments=tuple(dataclasses.replace(s, lang="en") for s in _result().segments),
    )
    assert main_language(english.segments) == "en"
    assert render_html(english).startswith('<!DOCTYPE html>\n<html lang="en">')
    assert main_language(()) == "und"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "summarize.ar: gone; run `summarize models pull` while online",
            "summarize.ar: gone; run <code>summarize models pull</code> while online",
        ),
        ("a `<b>x</b>` b", "a <code>&lt;b&gt;x&lt;/b&gt;</code> b"),
        ("one ` tick only", "one ` tick only"),
    ],
)
def test_warnings_show_quoted_commands_as_code(message: str, expected: str) -> None:
    notice = Notice(code="model_unavailable", message=message)
    result = dataclasses.replace(_result(), warnings=(notice,))
    assert f"<li><code>model_unavailable</code> {expected}</li>" in render_html(result)


def test_post_card() -> None:
    page = render_html(post_result())
    assert (
        '<article class="tweet post" data-platform="instagram"><header>'
        '<bdi class="platform">Instagram</bdi> <bdi class="author">مطعم الياسمين | Yasmine Kitchen'
        '</bdi> <bdi class="handle">@yasmine.kitchen</bdi> '
        '<bdi class="date">2019-10-02 12:03 PDT</bdi>'
    ) in page
    assert '<span class="repeats" title="2 copies">×2</span>' in page
    assert '<article class="tweet post" data-platform="telegram">' in page
    assert '<p class="note"><bdi>forwarded from</bdi> قناة</p>' in page
    assert page.count('href="https://t.me/gaza_now_live/30551"') == 1


def test_post_card_escapes_hostile_text() -> None:
    page = render_html(post_result(HOSTILE))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
