"""Fit text into a model's input limit by splitting at natural breaks, never by cutting."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["TokenCounter", "pack_units", "split_to_fit"]

TokenCounter = Callable[[Sequence[str]], list[int]]

# Clause breaks first (Arabic and Latin commas, semicolons, colons), then spaces.
_CLAUSE_BREAK = re.compile(r"(?<=[،,;؛:])\s+")


def split_to_fit(text: str, limit: int, count: TokenCounter) -> list[str]:
    """Split ``text`` into consecutive parts of at most ``limit`` tokens each.

    Splits at clause punctuation where it can, else between words, and only as a last
    resort inside a word. Joining the parts with single spaces gives back the text
    (whitespace runs aside).

    Args:
        text: The text to split.
        limit: The most tokens one part may take.
        count: Counts tokens for a batch of texts, as the model would.

    Returns:
        One part when the text already fits; otherwise several.
    """
    if len(text) <= 1 or count([text])[0] <= limit:
        return [text]
    clauses = [clause for clause in _CLAUSE_BREAK.split(text) if clause.strip()]
    if len(clauses) > 1:
        packed = pack_units(clauses, limit, count)
        return [part for chunk in packed for part in split_to_fit(chunk, limit, count)]
    words = text.split()
    if len(words) > 1:
        packed = pack_units(words, limit, count)
        if len(packed) > 1:
            return [part for chunk in packed for part in split_to_fit(chunk, limit, count)]
    half = max(1, len(text) // 2)
    return split_to_fit(text[:half], limit, count) + split_to_fit(text[half:], limit, count)


def pack_units(units: Sequence[str], limit: int, count: TokenCounter) -> list[str]:
    """Greedily join consecutive units (with spaces) into chunks of at most ``limit`` tokens.

    A unit that alone exceeds the limit becomes its own chunk; callers split it further.
    """
    chunks: list[str] = []
    current: list[str] = []
    for unit in units:
        candidate = " ".join([*current, unit])
        if current and count([candidate])[0] > limit:
            chunks.append(" ".join(current))
            current = [unit]
        else:
            current.append(unit)
    if current:
        chunks.append(" ".join(current))
    return chunks
