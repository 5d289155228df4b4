"""The terminal view: title, summary panel, aligned source/translation table, footer.

All input text reaches rich as ``Text`` objects built from cleaned strings, never as
markup, so ``[bold]`` or ``:smile:`` in an article is printed as written. Arabic cells are
right-aligned; the terminal (or ``--bidi``, later) decides the character order.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarize.data import Result, Segment, SegmentKind, Summary
from summarize.render.sanitize import clean, clean_line

__all__ = ["render_console"]

_RTL = frozenset(("ar", "fa", "ur", "ps", "he", "yi"))


def render_console(result: Result, console: Console) -> None:
    """Print the whole result to ``console``."""
    if result.document.title:
        console.print(_title(result))
    for summary in result.summaries:
        console.print(_summary_panel(summary))
    console.print(_table(result))
    console.print(_footer(result))


def _cell(text: str, lang: str, style: str = "") -> Text:
    # fold, never crop: a long URL or word must stay whole, wrapped over lines.
    justify: JustifyMethod = "right" if lang in _RTL else "left"
    return Text(clean(text), style=style, justify=justify, overflow="fold")


def _title(result: Result) -> Panel:
    segment = next(s for s in result.segments if s.kind is SegmentKind.TITLE)
    lines: list[RenderableType] = [_cell(segment.text, segment.lang, "bold")]
    translation = result.translation_of(segment.id)
    if translation:
        lines.append(_cell(translation.text, translation.direction.target, "italic"))
    return Panel(Group(*lines), box=box.HEAVY, padding=(0, 1))


def _summary_panel(summary: Summary) -> Panel:
    body = Text(justify="right" if summary.lang in _RTL else "left")
    for index, sentence in enumerate(summary.sentences):
        if index:
            body.append("\n")
        body.append("• ", style="bold cyan")
        body.append(clean_line(sentence.text))
        refs = ", ".join(f"#{i}" for i in sentence.source_ids)
        body.append(f"  [{refs}]", style="dim")
    model = summary.model or "no model"
    title = Text(f"Summary ({summary.lang}, {summary.method}, {clean_line(model)})", style="bold")
    return Panel(body, title=title, title_align="left", border_style="cyan", padding=(0, 1))


def _table(result: Result) -> Table:
    table = Table(box=box.SIMPLE_HEAVY, expand=True, show_lines=True, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("source", ratio=1)
    table.add_column("translation", ratio=1)
    for segment in result.segments:
        if segment.kind is SegmentKind.TITLE:
            continue
        translation = result.translation_of(segment.id)
        target = translation.direction.target if translation else segment.lang
        table.add_row(
            str(segment.id),
            Text(segment.lang, style="magenta" if segment.lang in _RTL else "green"),
            _source_cell(segment),
            _cell(translation.text, target) if translation else Text("—", style="dim"),
        )
    return table


def _source_cell(segment: Segment) -> RenderableType:
    if segment.tweet is None:
        return _cell(segment.text, segment.lang)
    tweet = segment.tweet
    header = Text("🐦 ", style="bold blue", overflow="fold")
    header.append(clean_line(tweet.author or ""), style="bold")
    header.append(f" {clean_line(tweet.handle)}", style="blue")
    header.append(f" · {clean_line(tweet.date or '?')}", style="dim")
    if tweet.repeats > 1:
        header.append(f" ×{tweet.repeats}", style="bold yellow")
    return Group(header, _cell(segment.text, segment.lang))


def _footer(result: Result) -> Text:
    footer = Text()
    models = ", ".join(f"{route}: {clean_line(name)}" for route, name in result.models.items())
    footer.append("models: ", style="bold")
    footer.append(models or "none loaded")
    footer.append("\ntimings: ", style="bold")
    footer.append("  ".join(f"{stage} {secs:.2f}s" for stage, secs in result.timings.items()))
    for notice in result.warnings:
        footer.append("\nwarning: ", style="bold yellow")
        footer.append(clean_line(notice.message), style="yellow")
    return footer
