"""The terminal view: title, summary, segments (aligned table or stacked), footer.

All input text reaches rich as ``Text`` objects built from cleaned strings, never as
markup, so ``[bold]`` or ``:smile:`` in an article is printed as written. Arabic cells are
right-aligned; with bidi on (see ``render.bidi``) every text that holds Arabic letters,
whatever its direction (cells, a tweet's author, panel titles, warnings), is also shaped
and reordered for terminals that do not do it themselves.

The title is segment 1: its panel says so, and the table goes on from 2. With no
translation at all the table drops its translation column and a note says which models
are missing; warnings about missing models are said once for all of them
(``render.notices``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rich import box
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarize.data import PostMeta, Result, Segment, SegmentKind, Summary, Translation
from summarize.entities import is_rtl
from summarize.render.bidi import BidiText, has_rtl, inline
from summarize.render.notices import group_warnings, source_refs, translation_note
from summarize.render.sanitize import clean, clean_line

__all__ = ["ConsoleOptions", "View", "render_console"]


class View(StrEnum):
    """The terminal layouts (``--view``); ``auto`` picks by width."""

    AUTO = "auto"
    TABLE = "table"
    STACKED = "stacked"
    SUMMARY = "summary"


# Below this width two text columns side by side get too narrow to read.
STACKED_BELOW = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsoleOptions:
    """How to present: ``view`` (auto picks by width) and whether to reorder Arabic."""

    view: View = View.AUTO
    bidi: bool = False


def render_console(result: Result, console: Console, options: ConsoleOptions | None = None) -> None:
    """Print the whole result to ``console``."""
    options = options or ConsoleOptions()
    view = View(options.view)
    if view is View.AUTO:
        view = View.TABLE if console.width >= STACKED_BELOW else View.STACKED
    cells = _Cells(options.bidi)
    if any(s.kind is SegmentKind.TITLE for s in result.segments):
        console.print(_title(result, cells))
    for summary in result.summaries:
        console.print(_summary_panel(summary, result, cells))
    note = translation_note(result)
    if note and view is not View.SUMMARY:
        console.print(cells(note, "en", "yellow"))
    if view is View.TABLE:
        console.print(_table(result, cells))
    elif view is View.STACKED:
        console.print(_stacked(result, cells))
    console.print(_footer(result, cells))


class _Cells:
    """Builds text cells: right-aligned for RTL, shaped and reordered when bidi is on."""

    def __init__(self, bidi: bool) -> None:
        self.bidi = bidi

    def __call__(self, text: str, lang: str, style: str = "") -> RenderableType:
        rtl = is_rtl(lang)
        if self.bidi and (rtl or has_rtl(text)):
            # An English cell quoting Arabic gets the same algorithm, base direction LTR.
            return BidiText(clean_line(text) if rtl else clean(text), style=style, rtl=rtl)
        justify: JustifyMethod = "right" if rtl else "left"
        # fold, never crop: a long URL or word must stay whole, wrapped over lines.
        return Text(clean(text), style=style, justify=justify, overflow="fold")

    def inline(self, text: str) -> str:
        """A name, handle or date inside a header: one isolated run, reordered alone."""
        text = clean_line(text)
        return inline(text) if self.bidi else text


def _title(result: Result, cells: _Cells) -> Panel:
    segment = next(s for s in result.segments if s.kind is SegmentKind.TITLE)
    lines = [cells(segment.text, segment.lang, "bold")]
    translation = result.translation_of(segment.id)
    if translation:
        lines.append(cells(translation.text, translation.direction.target, "italic"))
    number = Text(f"#{segment.id} title", style="dim")
    return Panel(Group(*lines), title=number, title_align="left", box=box.HEAVY, padding=(0, 1))


def _summary_panel(summary: Summary, result: Result, cells: _Cells) -> Panel:
    """Each sentence with its source segment numbers beside it (left of an RTL sentence)."""
    rtl = is_rtl(summary.lang)
    grid = Table.grid(padding=(0, 1), expand=True)
    if rtl:
        grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    if not rtl:
        grid.add_column(no_wrap=True)
    for sentence in summary.sentences:
        refs = Text(source_refs(sentence, result, summary.lang), style="dim")
        text = cells(f"• {clean_line(sentence.text)}", summary.lang)
        grid.add_row(*((refs, text) if rtl else (text, refs)))
    model = cells.inline(summary.model or "no model")
    title = Text(f"Summary ({summary.lang}, {summary.method}, {model})", style="bold")
    return Panel(grid, title=title, title_align="left", border_style="cyan", padding=(0, 1))


def _table(result: Result, cells: _Cells) -> Table:
    """Source and translation side by side; the source alone, full width, when nothing
    was translated (a column of dashes says nothing)."""
    table = Table(box=box.SIMPLE_HEAVY, expand=True, show_lines=True, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("source", ratio=1)
    translated = bool(result.translations)
    if translated:
        table.add_column("translation", ratio=1)
    for segment in _body(result):
        row: list[RenderableType] = [str(segment.id), _lang(segment.lang), _source(segment, cells)]
        if translated:
            row.append(_translation(result.translation_of(segment.id), cells))
        table.add_row(*row)
    return table


def _stacked(result: Result, cells: _Cells) -> Group:
    """Each segment, then its translation under it: for terminals under 100 columns."""
    parts: list[RenderableType] = []
    for segment in _body(result):
        header = Text(f"#{segment.id} ", style="dim")
        header.append_text(_lang(segment.lang))
        parts += [Rule(header, align="left", style="dim"), _source(segment, cells)]
        translation = result.translation_of(segment.id)
        if translation:
            parts.append(Text(f"→ {translation.direction.target}", style="dim"))
            parts.append(_translation(translation, cells))
    return Group(*parts)


def _body(result: Result) -> list[Segment]:
    return [s for s in result.segments if s.kind is not SegmentKind.TITLE]


def _lang(lang: str) -> Text:
    return Text(lang, style="magenta" if is_rtl(lang) else "green")


def _translation(translation: Translation | None, cells: _Cells) -> RenderableType:
    if translation is None:
        return Text("—", style="dim")
    return cells(translation.text, translation.direction.target)


def _source(segment: Segment, cells: _Cells) -> RenderableType:
    if segment.post is not None:
        return _post_card(segment, segment.post, cells)
    if segment.tweet is None:
        return cells(segment.text, segment.lang)
    tweet = segment.tweet
    header = Text("🐦 ", style="bold blue", overflow="fold")
    header.append(cells.inline(tweet.author or ""), style="bold")
    header.append(f" {cells.inline(tweet.handle)}", style="blue")
    header.append(f" · {cells.inline(tweet.date or '?')}", style="dim")
    if tweet.repeats > 1:
        header.append(f" ×{tweet.repeats}", style="bold yellow")
    parts: list[RenderableType] = [header, cells(segment.text, segment.lang)]
    if tweet.link:  # the text already shows its own links
        parts.append(Text(cells.inline(tweet.link), style="dim", overflow="fold"))
    return Panel(Group(*parts), border_style="blue", padding=(0, 1))


def _post_card(segment: Segment, post: PostMeta, cells: _Cells) -> Panel:
    """A post of another platform than X: the platform named first, then what it printed."""
    header = Text(post.platform.label, style="bold magenta", overflow="fold")
    for value, style in ((post.author, "bold"), (post.handle, "blue")):
        if value:
            header.append(f" {cells.inline(value)}", style=style)
    if post.when:
        header.append(f" · {cells.inline(post.when)}", style="dim")
    if post.repeats > 1:
        header.append(f" ×{post.repeats}", style="bold yellow")
    parts: list[RenderableType] = [header]
    if post.title and post.title != segment.text:
        parts.append(cells(post.title, segment.lang, "bold"))
    parts.append(cells(segment.text, segment.lang))
    forwarded = f"forwarded from {post.forwarded_from}" if post.forwarded_from else None
    link = post.link if post.link != segment.text else None
    for note in (forwarded, post.music, link):
        if note:
            parts.append(Text(cells.inline(note), style="dim", overflow="fold"))
    return Panel(Group(*parts), border_style="magenta", padding=(0, 1))


def _footer(result: Result, cells: _Cells) -> Group:
    models = ", ".join(f"{route}: {cells.inline(name)}" for route, name in result.models.items())
    lines = Text("models: ", style="bold")
    lines.append(models or "none loaded")
    lines.append("\ntimings: ", style="bold")
    lines.append("  ".join(f"{stage} {secs:.2f}s" for stage, secs in result.timings.items()))
    parts: list[RenderableType] = [lines]
    warnings = group_warnings(result.warnings)
    if warnings:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for line in warnings:
            grid.add_row(Text("warning:", style="bold yellow"), cells(line, "en", "yellow"))
        parts.append(grid)
    return Group(*parts)
