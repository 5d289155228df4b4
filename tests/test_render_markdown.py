"""The Markdown renderer: golden output, escaping that a Markdown engine reads back as text."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_render import _result, post_result
from test_render_html import HOSTILE, golden, hostile_result

from summarize.data import Notice, Result
from summarize.render.markdown import escape_markdown, render_markdown
from summarize.render.sanitize import clean_line

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py comes with rich")
MARKDOWN = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")
UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def _to_html(markdown: str) -> str:
    rendered: str = MARKDOWN.render(markdown)
    return rendered


@pytest.mark.parametrize(
    ("name", "result"), [("md_plain.md", _result()), ("md_hostile.md", hostile_result())]
)
def test_markdown_golden(name: str, result: Result) -> None:
    golden(name, render_markdown(result))


def test_hostile_input_stays_text() -> None:
    out = render_markdown(hostile_result())
    assert "&lt;script>alert(1)&lt;/script>" in out
    assert "\\[click\\](javascript:alert(1))" in out
    assert "\\[bold\\]b\\[/bold\\]" in out
    assert "&amp;amp;" in out
    for bad in ("\x1b", "\x9b", "\x07", "\r", "\u202e", "<script", "<img", "[click]("):
        assert bad not in out
    page = _to_html(out)
    assert "<script" not in page
    assert "<img" not in page
    assert "<strong>b</strong>" not in page
    assert "<em>i</em>" not in page
    assert "<del>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[click](javascript:alert(1))" in page


def test_links_are_only_fragments_or_http() -> None:
    page = _to_html(render_markdown(hostile_result()))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "#seg-4" in hrefs
    assert "https://t.co/abc" in hrefs
    for href in hrefs:
        assert re.fullmatch(r"#seg-\d+|https?://[^\s\"'<>]+", href), href


def test_pipes_never_break_the_models_table() -> None:
    out = render_markdown(hostile_result())
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert len(rows) == 4
    for row in rows:
        assert len(UNESCAPED_PIPE.findall(row)) == 3, row
    cells = re.findall(r"<tr>(.*?)</tr>", _to_html(out), re.S)
    assert [cell.count("<td>") for cell in cells[1:]] == [2, 2]
    assert "m|x [bold]" in _to_html(out)


def test_summary_links_point_at_segment_anchors() -> None:
    out = render_markdown(hostile_result())
    assert "[#4](#seg-4) [#5](#seg-5)" in out
    for segment_id in (1, 2, 3, 4, 5):
        assert f'<a id="seg-{segment_id}"></a>' in out
    assert '### <a id="seg-3"></a>3 · tweet · en → ar' in out


def test_arabic_blocks_are_rtl_with_blank_lines_around() -> None:
    out = render_markdown(_result())
    assert out.startswith('<div dir="rtl" lang="ar">\n\n# <a id="seg-1"></a>أنونيموس')
    assert out.count('<div dir="rtl" lang="ar">\n') == 3
    assert out.count('<div dir="rtl" lang="ar">\n\n') + out.count('">\n>\n> ') == 3
    assert out.count("\n\n</div>") + out.count("\n>\n> </div>") == 3
    assert '> <div dir="rtl" lang="ar">\n>\n> أنونيموس تدعو\n>\n> </div>' in out
    page = _to_html(out)
    assert '<div dir="rtl" lang="ar">\n<h1><a id="seg-1"></a>أنونيموس' in page


def test_tweet_line() -> None:
    out = render_markdown(_result())
    assert "**Anonymous** · @TheAnonMovement · 2015-11-19 · ×2" in out
    hostile = render_markdown(hostile_result())
    assert "@a\\|b_c · Febuary 30" in hostile
    assert "RT @x_y · javascript:alert(1)" in hostile


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Read by Markdown anywhere: escaped.
        *[(f"a{char}b", f"a\\{char}b") for char in "`*[]|~"],
        ("a\\*b", "a\\\\\\*b"),
        ("a _b_ c", "a \\_b\\_ c"),
        # Read by nobody in the middle of a line: as written.
        *[(f"a{char}b", f"a{char}b") for char in "()#+-.!_:=\\"],
        ("seeds/000_1e5af753fa3486b1.txt", "seeds/000_1e5af753fa3486b1.txt"),
        ("rose 3.5% on 2015-11-19 (Monday)!", "rose 3.5% on 2015-11-19 (Monday)!"),
        ("AT&T a < b", "AT&T a < b"),
        # What opens a block at the start of a line.
        ("# Heading", "\\# Heading"),
        ("#OpParis today", "#OpParis today"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("---", "\\---"),
        ("> quote", "\\> quote"),
        ("2024. The year", "2024\\. The year"),
        ("2024.5 percent", "2024.5 percent"),
        ("1) first", "1\\) first"),
    ],
)
def test_only_what_markdown_reads_is_escaped(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_paths_encodings_and_quoted_commands_are_code(seed_text: str) -> None:
    """The issue's example: ``seeds/000\\_1e5af753fa3486b1\\.txt · utf\\-8`` is hard to read."""
    from summarize import Pipeline
    from summarize.config import ModelsConfig

    result = Pipeline(ModelsConfig(path="<test>"), offline=True).run_text(
        seed_text, source="seeds/000_1e5af753fa3486b1.txt"
    )
    out = render_markdown(result)
    assert "\n`seeds/000_1e5af753fa3486b1.txt` · `utf-8`\n" in out
    message = "translate.ar-en: model 'x' is unavailable (gone); run `summarize models pull`"
    result = replace(result, warnings=(Notice(code="model_unavailable", message=message),))
    assert f"- `model_unavailable`: {message}\n" in render_markdown(result)
    assert "<code>summarize models pull</code>" in _to_html(render_markdown(result))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b> &amp; </b>", "&lt;b> &amp;amp; &lt;/b>"),
        ("see https://t.co/x_y.", "see <https://t.co/x_y>."),
        ("[a](https://x)", "\\[a\\](<https://x>)"),
        ("https://x.com/a(b)", "https://x.com/a(b)"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("  line\none\x1b[0m  ", "line one\\[0m"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


ALPHABET = st.sampled_from([*list("\\`*_[]()#+-.!|~<>&=:;'\"{}/ \tab1٢عربي"), "&amp;", "1."])


@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_escaped_text_renders_as_itself(text: str) -> None:
    expected = clean_line(text)
    page = _to_html(escape_markdown(text))
    if not expected:
        assert page == ""
        return
    assert page.startswith("<p>")
    assert page.endswith("</p>\n")
    assert html.unescape(page[3:-5]) == expected


def test_hostile_constant_covers_the_issue() -> None:
    for needle in ("[bold]", "[link=https://x]", ":smile:", "\x1b]8;;http://x\x07", "\x9b31m"):
        assert needle in HOSTILE
    for needle in ("\r", "\u202e", "<script>", "`", "|"):
        assert needle in HOSTILE


def test_post_block_names_the_platform() -> None:
    out = render_markdown(post_result())
    assert '### <a id="seg-2"></a>2 · Instagram post · ar → en' in out
    assert (
        "Instagram · **مطعم الياسمين \\| Yasmine Kitchen** · @yasmine.kitchen · "
        "2019-10-02 12:03 PDT · ×2 · <https://www.instagram.com/p/B3Jk9sLnQ2w/>"
    ) in out
    assert '### <a id="seg-3"></a>3 · Telegram post · ar' in out
    assert "*forwarded from قناة*" in out


def test_post_block_escapes_hostile_text() -> None:
    out = render_markdown(post_result(HOSTILE))
    assert "&lt;script>" in out  # "<" is all Markdown would read as HTML
    assert "<script>" not in out
