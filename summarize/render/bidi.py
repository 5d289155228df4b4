"""Arabic that reads right in terminals that do not apply the Unicode bidi algorithm.

Most terminals (xterm, iTerm2, Windows Terminal, tmux in most setups, VS Code) print
characters left to right in the order they are stored, so logical-order Arabic comes out
reversed and unjoined. With bidi on, an RTL cell is first wrapped to its column width in
logical order (so its lines read top to bottom in the order of the text), then each line
is shaped (arabic-reshaper: joined letter forms) and reordered for display (python-bidi),
and right-aligned. Reordering after wrapping is the point: reordering first and letting
rich wrap would put the lines of a wrapped cell in the wrong order.

``resolve_bidi`` decides ``auto``: never for a pipe or a file; off in terminals that do bidi
themselves (VTE-based ones such as GNOME Terminal, Konsole, mlterm, macOS Terminal,
mintty); on in every other terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.text import Text

from summarize.entities import NUMBER

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = ["BIDI_MODES", "BidiText", "resolve_bidi", "to_logical", "to_visual", "visual_lines"]

BIDI_MODES = ("auto", "on", "off")
# A number with its sign, currency or per-cent mark, kept in one LTR run. A full stop or
# comma after the last digit is sentence punctuation, not part of the number.
_NUMBER = re.compile(rf"[#$€£+\-]?(?:{NUMBER.pattern})[%٪]?")
# Environment markers of terminals that run the bidi algorithm themselves.
_BIDI_TERMINAL_VARS = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM")
_BIDI_TERM_PROGRAMS = ("Apple_Terminal", "mintty")


def resolve_bidi(mode: str, *, is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Decide whether to reorder Arabic for display.

    Args:
        mode: ``on``, ``off`` or ``auto`` (``SUMMARIZE_BIDI`` supplies it when the flag is
            not given).
        is_terminal: Whether the output goes to a terminal.
        environ: The environment to look for terminal markers in.

    Returns:
        True to reorder and shape Arabic lines.
    """
    if mode != "auto":
        return mode == "on"
    if not is_terminal:
        return False
    if any(environ.get(name) for name in _BIDI_TERMINAL_VARS):
        return False
    return environ.get("TERM_PROGRAM", "") not in _BIDI_TERM_PROGRAMS


@cache
def _reshaper() -> ArabicReshaper:
    from arabic_reshaper import ArabicReshaper

    # Harakat are dropped for display: reordered, a terminal puts them on the wrong letter.
    return ArabicReshaper(configuration={"delete_harakat": True})


def to_visual(line: str) -> str:
    """Shape one logical RTL line and reorder it into display order (base direction RTL).

    python-bidi's pure-Python algorithm is used because it mirrors brackets (its Rust
    ``get_display`` leaves ``(`` as ``(`` in reversed runs). Neither keeps a number with
    its ``%`` or ``#`` (``3.5%`` came out ``%3.5``), so each number is wrapped in an LTR
    embedding first.
    """
    from bidi.algorithm import get_display

    return str(get_display(_embed_numbers(_reshaper().reshape(line)), base_dir="R"))


def to_logical(line: str) -> str:
    """Undo ``to_visual`` (harakat aside): reorder back and unshape to base letters."""
    from bidi.algorithm import get_display

    from summarize.normalize import normalize_text

    return normalize_text(str(get_display(_embed_numbers(line), base_dir="R"))).text


def _embed_numbers(text: str) -> str:
    return _NUMBER.sub(lambda m: f"\u202a{m.group()}\u202c", text)


class BidiText:
    """An RTL text that wraps in logical order, then shows each line shaped and reordered.

    Args:
        text: The logical-order text (already cleaned of control characters).
        style: A rich style for the whole text.
    """

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, Text(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        logical = Text(self.text).wrap(console, options.max_width, overflow="fold")
        yield Text(
            "\n".join(visual_lines(line.plain.strip() for line in logical)),
            style=self.style,
            justify="right",
            overflow="fold",
        )


def visual_lines(lines: Iterable[str]) -> list[str]:
    """``to_visual`` for each line, in the same (top-to-bottom) order."""
    return [to_visual(line) for line in lines]
