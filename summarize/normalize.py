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

import unicodedata
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
    offsets: tuple[int, ...]
    removed_controls: int = 0
    presentation_forms: int = 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the raw input."""
        return self.offsets[start], self.offsets[end]


def normalize_text(raw: str) -> Normalized:
    """Normalise ``raw`` (see the module docstring for what changes).

    Args:
        raw: Decoded input text.

    Returns:
        The normalised text with its offset map and counts of what was removed.
    """
    out: list[str] = []
    offsets: list[int] = []
    removed = forms = 0
    for start, cluster in _clusters(raw):
        if cluster in _BIDI_CONTROLS or cluster in _ZERO_WIDTH:
            removed += 1
            continue
        text, is_form = _normalize_cluster(cluster)
        forms += is_form
        out.append(text)
        offsets.extend([start] * len(text))
    offsets.append(len(raw))
    return Normalized(
        text="".join(out),
        offsets=tuple(offsets),
        removed_controls=removed,
        presentation_forms=forms,
    )


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
    """Split into (start, text) clusters: a base character and its combining marks, or CRLF.

    NFC only composes within such a cluster, so normalising cluster by cluster keeps a
    precise offset for every output character.
    """
    clusters: list[tuple[int, str]] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        if raw[i] == "\r" and j < n and raw[j] == "\n":
            j += 1
        else:
            while j < n and unicodedata.combining(raw[j]):
                j += 1
        clusters.append((i, raw[i:j]))
        i = j
    return clusters
