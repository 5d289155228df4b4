"""Renderers: they only read a ``Result`` and present it; they never compute.

``render_result`` is the one entry point the command line, the examples and the tests use;
``FORMATS`` is the one table of output formats (it also gives ``--format`` its choices).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from enum import StrEnum
from io import StringIO

from rich.console import Console

from summarize.data import Result
from summarize.render.console import ConsoleOptions, render_console

__all__ = ["FORMATS", "OutputFormat", "make_console", "render_result", "terminal_width"]

# When neither the terminal nor $COLUMNS says otherwise.
DEFAULT_WIDTH = 100
# Wider than any screen: a huge $COLUMNS must not make rendering take time or memory.
MIN_WIDTH, MAX_WIDTH = 20, 1000


class OutputFormat(StrEnum):
    """What ``--format`` accepts."""

    RICH = "rich"
    JSON = "json"
    MD = "md"
    HTML = "html"


def _json(result: Result) -> str:
    from summarize.render.json import render_json

    return render_json(result)


def _markdown(result: Result) -> str:
    from summarize.render.markdown import render_markdown

    return render_markdown(result)


def _html(result: Result) -> str:
    from summarize.render.html import render_html

    return render_html(result)


# The document formats; ``rich`` is drawn on a console (see ``render_result``).
FORMATS: dict[OutputFormat, Callable[[Result], str]] = {
    OutputFormat.JSON: _json,
    OutputFormat.MD: _markdown,
    OutputFormat.HTML: _html,
}


def terminal_width() -> int:
    """The width of the terminal on stdout (100 when it cannot be told)."""
    return _clamp(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def make_console(*, color: bool, width: int | None = None) -> tuple[Console, StringIO]:
    """A console that renders into a buffer; ANSI colours only when ``color``.

    The width defaults to ``$COLUMNS`` when it is a sane number, else 100.
    """
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=_clamp(width) if width else _env_width(),
        force_terminal=color,
        color_system="auto" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    return console, buffer


def _env_width() -> int:
    columns = os.environ.get("COLUMNS", "").strip()
    return _clamp(int(columns)) if columns.isdigit() and len(columns) < 8 else DEFAULT_WIDTH


def _clamp(width: int) -> int:
    return max(MIN_WIDTH, min(width, MAX_WIDTH))


def render_result(
    result: Result,
    fmt: OutputFormat | str = OutputFormat.RICH,
    *,
    color: bool = False,
    width: int | None = None,
    options: ConsoleOptions | None = None,
) -> str:
    """Render a result in ``fmt`` to a string.

    Args:
        result: What the pipeline produced.
        fmt: ``rich`` (the terminal view), ``json``, ``md`` or ``html``.
        color: Colours and styles in the terminal view (ANSI codes).
        width: The terminal view's width; by default ``$COLUMNS`` or 100.
        options: The terminal view's layout and bidi choice.

    Returns:
        The rendered text. Bidi reordering applies to ``rich`` alone: JSON, Markdown and
        HTML keep logical order.
    """
    fmt = OutputFormat(fmt)
    if fmt in FORMATS:
        return FORMATS[fmt](result)
    console, buffer = make_console(color=color, width=width)
    render_console(result, console, options)
    return buffer.getvalue()
