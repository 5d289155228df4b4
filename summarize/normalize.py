"""Normalise raw text for processing while keeping every character traceable to the input.

What changes, and why:
- CRLF and lone CR become LF, so line logic sees one newline convention.
- Unicode NFC, so the same word always has the same code points.
- No-break and other odd spaces (U+00A0, U+2000..U+200A, U+202F, ...) become a plain space:
  news sites put U+00A0 between words, which breaks word and sentence splitting.
- Arabic tatweel (U+0640, a purely visual stretch) is removed: ``قائلًـــا`` is ``قائلًا``.
- Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFC, from PDF copy-paste) become
  base letters, so they segment, detect and translate like ordinary text.
- Bidi controls and zero-width spaces are removed from what the models see and counted,
  so the pipeline can warn about them.

``Normalized.offsets[i]`` is the index in the raw text of normalised character ``i``; a
last entry equal to ``len(raw)`` closes the map, so spans ``(start, end)`` map back too.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Normalized", "normalize_text"]

_ODD_SPACES = frozenset(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u000b\u000c"
)
# LRM, RLM, ALM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI: they steer display, never meaning.
_BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Zero-width space, word joiner, BOM. ZWNJ/ZWJ stay: Persian spelling needs ZWNJ.
_ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")
_TATWEEL = "\u0640"
# Everything that normalisation may change besides NFC itself.
# Unicode's stream-safe limit (UAX #15): a cluster never holds more than 30 combining marks.
# NFC's canonical ordering is quadratic in a cluster's marks, so a "flood" of thousands on one
# letter would take minutes; past 30, the marks start a new cluster, as a CGJ would.
_MAX_MARKS = 30
# The blocks such floods ("Zalgo" text) are made of; a flood is handled cluster by cluster.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_SPECIAL = re.compile(
    "[\r"
    + re.escape("".join(sorted(_ODD_SPACES | _BIDI_CONTROLS | _ZERO_WIDTH)))
    + "\u0640\ufb50-\ufdff\ufe70-\ufefc]"
    + f"|.[{_MARKS}]{{{_MAX_MARKS + 1},}}",
    re.S,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Normalized:
    """Normalised text and its map back to the raw input.

    Attributes:
        text: The normalised text.
        offsets: Raw index of each normalised character, plus ``len(raw)`` at the end.
        removed_controls: How many bidi controls and zero-width characters were removed.
        presentation_forms: How many presentation-form characters were replaced.
    """

    text: str
    offsets: Sequence[int]
    removed_controls: int = 0
    presentation_forms: int = 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the raw input."""
        return self.offsets[start], self.offsets[end]


def normalize_text(raw: str) -> Normalized:
    """Normalise ``raw`` (see the module docstring for what changes).

    Text between characters that need work is copied as a whole when it is already NFC,
    which is most of any real input; only the rest goes cluster by cluster.

    Args:
        raw: Decoded input text.

    Returns:
        The normalised text with its offset map and counts of what was removed.
    """
    out: list[str] = []
    offsets = array("q")
    counts = [0, 0]  # removed controls, presentation forms
    clean_from = 0
    for special in _SPECIAL.finditer(raw):
        if special.start() < clean_from:
            continue  # a mark already taken with the cluster before it
        _copy(raw, clean_from, special.start(), out, offsets, counts)
        clean_from = max(special.end(), _cluster_end(raw, special.start()))
        _normalize_span(raw, special.start(), clean_from, out, offsets, counts)
    _copy(raw, clean_from, len(raw), out, offsets, counts)
    offsets.append(len(raw))
    return Normalized(
        text="".join(out),
        offsets=offsets,
        removed_controls=counts[0],
        presentation_forms=counts[1],
    )


def _copy(
    raw: str, start: int, end: int, out: list[str], offsets: array[int], counts: list[int]
) -> None:
    """Copy a span with nothing special in it, cluster by cluster only if it is not NFC."""
    span = raw[start:end]
    if unicodedata.is_normalized("NFC", span):
        out.append(span)
        offsets.extend(range(start, end))
    else:
        _normalize_span(raw, start, end, out, offsets, counts)


def _normalize_span(
    raw: str, start: int, end: int, out: list[str], offsets: array[int], counts: list[int]
) -> None:
    for offset, cluster in _clusters(raw[start:end]):
        if cluster in _BIDI_CONTROLS or cluster in _ZERO_WIDTH:
            counts[0] += 1
            continue
        text, is_form = _normalize_cluster(cluster)
        counts[1] += is_form
        out.append(text)
        offsets.extend([start + offset] * len(text))


def _cluster_end(raw: str, start: int) -> int:
    """End of the cluster at ``start``: the character, its combining marks, or CRLF."""
    end = start + 1
    if raw[start] == "\r" and raw[end : end + 1] == "\n":
        return end + 1
    limit = min(len(raw), end + _MAX_MARKS)
    while end < limit and unicodedata.combining(raw[end]):
        end += 1
    return end


def _normalize_cluster(cluster: str) -> tuple[str, bool]:
    """Normalise one base character with its combining marks."""
    if cluster == "\r\n":
        return "\n", False
    base, marks = cluster[0], cluster[1:]
    is_form = _is_presentation_form(base)
    if base == "\r":
        base = "\n"
    elif base in _ODD_SPACES:
        base = " "
    elif is_form:
        # NFKC maps presentation forms to base letters; lam-alef ligatures become two letters.
        base = unicodedata.normalize("NFKC", base)
    text = (base + marks).replace(_TATWEEL, "")
    return unicodedata.normalize("NFC", text), is_form


def _is_presentation_form(char: str) -> bool:
    code = ord(char)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC


def _clusters(raw: str) -> list[tuple[int, str]]:
    """Split into (start, text) clusters: a base character and its combining marks (at most
    30: see ``_MAX_MARKS``), or CRLF.

    NFC only composes within such a cluster, so normalising cluster by cluster keeps a
    precise offset for every output character.
    """
    clusters: list[tuple[int, str]] = []
    i = 0
    while i < len(raw):
        j = _cluster_end(raw, i)
        clusters.append((i, raw[i:j]))
        i = j
    return clusters
