"""Arabic that reads right in terminals that do not apply the Unicode bidi algorithm.

Most terminals (xterm, iTerm2, Windows Terminal, tmux in most setups, VS Code) print
characters left to right in the order they are stored, so logical-order Arabic comes out
reversed and unjoined. With bidi on, every text that holds right-to-left letters (an
Arabic cell, an English sentence quoting Arabic, a tweet author's name, a warning naming
an Arabic file) is first wrapped to its column width in logical order (so its lines read
top to bottom in the order of the text), then each line is shaped (arabic-reshaper:
joined letter forms) and reordered for display by the Unicode bidi algorithm (python-bidi)
with the cell's base direction: right to left for an Arabic cell, left to right for an
English one. Reordering after wrapping is the point: reordering first and letting rich
wrap would put the lines of a wrapped cell in the wrong order.

The reordering is the plain algorithm, with no adjustments of ours, so a terminal shows
what a browser shows: ``عام 2024.`` keeps its full stop at the far left, and ``3.5%``
after Arabic letters reads ``%3.5`` (its digits become Arabic numbers, rule W2), as in
Chromium. tests/test_bidi.py checks a table of cases against Chromium.

``resolve_bidi`` decides ``auto``: never for a pipe or a file; off in terminals that do bidi
themselves (VTE-based ones such as GNOME Terminal, Konsole, mlterm, macOS Terminal,
mintty); on in every other terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = [
    "BIDI_MODES",
    "BidiText",
    "has_rtl",
    "inline",
    "resolve_bidi",
    "to_logical",
    "to_visual",
    "visual_lines",
]

BIDI_MODES = ("auto", "on", "off")
# Hebrew, Arabic, Syriac, Thaana, NKo... and the Arabic presentation forms: the blocks whose
# letters are strongly right to left.
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
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


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Arabic, Hebrew, ...)."""
    return _RTL_CHAR.search(text) is not None


@cache
def _reshaper() -> ArabicReshaper:
    from arabic_reshaper import ArabicReshaper

    # Harakat are dropped for display: reordered, a terminal puts them on the wrong letter.
    return ArabicReshaper(configuration={"delete_harakat": True})


def to_visual(line: str, *, rtl: bool = True) -> str:
    """Shape one logical line and reorder it into display order.

    python-bidi's pure-Python algorithm is used because it mirrors brackets and quotes
    (its Rust ``get_display`` leaves ``(`` as ``(`` in reversed runs).

    Args:
        line: One line in logical order, with no newline.
        rtl: The paragraph's base direction: right to left (an Arabic cell) or left to
            right (an English cell that quotes Arabic).
    """
    from bidi.algorithm import get_display

    return str(get_display(_reshaper().reshape(line), base_dir="R" if rtl else "L"))


def to_logical(line: str, *, rtl: bool = True) -> str:
    """Undo ``to_visual`` (harakat aside): reorder back and unshape to base letters."""
    from bidi.algorithm import get_display

    from summarize.normalize import normalize_text

    return normalize_text(str(get_display(line, base_dir="R" if rtl else "L"))).text


def inline(text: str) -> str:
    """A short text shown as one isolated run (a name in a header): reordered by the
    direction of its first strong letter, as HTML's ``<bdi>`` does. Text with no
    right-to-left letter comes back unchanged."""
    if not has_rtl(text):
        return text
    return to_visual(text, rtl=_first_strong_is_rtl(text))


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return True


class BidiText:
    """A text that wraps in logical order, then shows each line shaped and reordered.

    Args:
        text: The logical-order text (already cleaned of control characters).
        style: A rich style for the whole text.
        rtl: The base direction: right to left (right-aligned) or left to right.
    """

    def __init__(self, text: str, style: str = "", *, rtl: bool = True) -> None:
        self.text = text
        self.style = style
        self.rtl = rtl

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, Text(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        logical = Text(self.text).wrap(console, options.max_width, overflow="fold")
        yield Text(
            "\n".join(visual_lines((line.plain.strip() for line in logical), rtl=self.rtl)),
            style=self.style,
            justify="right" if self.rtl else "left",
            overflow="fold",
        )


def visual_lines(lines: Iterable[str], *, rtl: bool = True) -> list[str]:
    """``to_visual`` for each line, in the same (top-to-bottom) order."""
    return [to_visual(line, rtl=rtl) for line in lines]
