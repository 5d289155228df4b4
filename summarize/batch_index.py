"""The index of a batch's output folder: one line per article, linking to its output."""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote

from summarize.entities import direction_of
from summarize.manifest import Entry
from summarize.render.markdown import escape_markdown
from summarize.render.sanitize import clean_line

__all__ = ["render_index"]


def render_index(entries: Sequence[Entry], fmt: str) -> str:
    """``index.md`` (a table) or ``index.html`` (a page) for the ``ok`` entries given."""
    return _markdown(entries) if fmt == "md" else _html(entries)


def _markdown(entries: Sequence[Entry]) -> str:
    rows = [
        f"| [{escape_markdown(e.title or e.input)}](<{quote(e.output)}>) "
        f"| {escape_markdown(' '.join(e.langs))} | {escape_markdown(e.summary or '')} |"
        for e in entries
    ]
    header = ["# Index", "", f"{len(entries)} articles.", "", "| article | languages | summary |",
              "| --- | --- | --- |"]  # fmt: skip
    return "\n".join([*header, *rows]) + "\n"


def _cell(text: str, lang: str) -> str:
    return f'<td dir="{direction_of(lang)}">{html.escape(clean_line(text))}</td>'


def _html(entries: Sequence[Entry]) -> str:
    rows = "".join(
        "<tr>"
        f'<td dir="auto"><a href="{html.escape(quote(e.output))}">'
        f"{html.escape(clean_line(e.title or e.input))}</a></td>"
        f"<td>{html.escape(' '.join(e.langs))}</td>"
        f"{_cell(e.summary or '', e.langs[0] if e.langs else 'und')}</tr>\n"
        for e in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Index</title>\n<style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;"
        "max-width:1100px;padding:0 1rem}table{border-collapse:collapse;width:100%}"
        "td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:start;vertical-align:top}"
        "</style>\n</head>\n<body>\n"
        f"<h1>Index</h1>\n<p>{len(entries)} articles.</p>\n"
        "<table>\n<thead><tr><th>article</th><th>languages</th><th>summary</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody>\n</table>\n</body>\n</html>\n"
    )
