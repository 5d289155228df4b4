"""Make untrusted text safe to show: no terminal escapes, no control or bidi-override tricks.

Every renderer passes input-derived text through ``clean`` first. rich itself lets ESC and
the C1 CSI (U+009B) through inside ``Text``, so we remove all C0/C1 controls except
newline and tab, DEL, and the bidi embeddings, overrides and isolates (U+202A..U+202E,
U+2066..U+2069) that can make text display differently from what it says.
"""

from __future__ import annotations

import re

__all__ = ["clean", "clean_line", "code_spans"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Lone surrogates (an undecodable file name read with surrogateescape) cannot be encoded.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CODE = re.compile("`([^`]+)`")


def clean(text: str) -> str:
    """Remove control characters (newline and tab kept) and bidi overrides; show a lone
    surrogate as U+FFFD."""
    return _SURROGATE.sub("\ufffd", _UNSAFE.sub("", text))


def clean_line(text: str) -> str:
    """``clean``, with newlines and tabs folded into single spaces."""
    return " ".join(clean(text).split())


def code_spans(text: str) -> list[tuple[str, bool]]:
    """Split a message at its backtick pairs: ``[("run ", False), ("summarize ...", True)]``.

    Messages quote commands in backticks (``run `summarize models pull```); the Markdown
    and HTML renderers show those as code. The pieces are still untrusted text.
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _CODE.finditer(text):
        pieces += [(text[position : match.start()], False), (match.group(1), True)]
        position = match.end()
    pieces.append((text[position:], False))
    return [(piece, code) for piece, code in pieces if piece]
