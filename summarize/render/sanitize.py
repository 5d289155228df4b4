"""Make untrusted text safe to show: no terminal escapes, no control or bidi-override tricks.

Every renderer passes input-derived text through ``clean`` first. rich itself lets ESC and
the C1 CSI (U+009B) through inside ``Text``, so we remove all C0/C1 controls except
newline and tab, DEL, and the bidi embeddings, overrides and isolates (U+202A..U+202E,
U+2066..U+2069) that can make text display differently from what it says.
"""

from __future__ import annotations

import re

__all__ = ["clean", "clean_line"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Lone surrogates (an undecodable file name read with surrogateescape) cannot be encoded.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Remove control characters (newline and tab kept) and bidi overrides; show a lone
    surrogate as U+FFFD."""
    return _SURROGATE.sub("\ufffd", _UNSAFE.sub("", text))


def clean_line(text: str) -> str:
    """``clean``, with newlines and tabs folded into single spaces."""
    return " ".join(clean(text).split())
