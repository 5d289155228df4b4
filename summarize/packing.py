"""Fit text into a model's input limit by splitting at natural breaks, never by cutting.

Each text is tokenised once: packing adds up the counts of its parts (the prefix and end
mark are counted once per chunk), and only the packed chunks are counted again to confirm
they fit. SentencePiece counts are near enough additive over space-joined parts that the
confirmation almost never fails; when it does, that chunk is re-packed by exact counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["TokenCounter", "pack_units", "split_to_fit"]

TokenCounter = Callable[[Sequence[str]], list[int]]

# Clause breaks first (Arabic and Latin commas, semicolons, colons), then spaces.
_CLAUSE_BREAK = re.compile(r"(?<=[،,;؛:])\s+")


def pack_units(texts: Sequence[str], limit: int, count: TokenCounter) -> list[range]:
    """Group consecutive texts into chunks that fit ``limit`` tokens when space-joined.

    A text that alone exceeds the limit becomes its own chunk; callers split it further.

    Args:
        texts: The units, in order.
        limit: The most tokens one chunk may take, as the model counts them.
        count: Counts tokens for a batch of texts, as the model would.

    Returns:
        Index ranges into ``texts``, in order, covering every text once.
    """
    if not texts:
        return []
    lengths = count(list(texts))
    overhead = count([""])[0]  # the prefix and end mark every input carries once
    groups = _greedy([n - overhead for n in lengths], limit - overhead)
    joined = count([" ".join(texts[i] for i in group) for group in groups])
    packed: list[range] = []
    for group, n in zip(groups, joined, strict=True):
        if n <= limit or len(group) == 1:
            packed.append(group)
        else:  # the sum was an underestimate: pack this chunk by exact counts
            packed += _exact(texts, group, limit, count)
    return packed


def _greedy(sizes: Sequence[int], budget: int) -> list[range]:
    groups: list[range] = []
    start, used = 0, 0
    for i, size in enumerate(sizes):
        if i > start and used + size > budget:
            groups.append(range(start, i))
            start, used = i, 0
        used += size
    groups.append(range(start, len(sizes)))
    return groups


def _exact(texts: Sequence[str], group: range, limit: int, count: TokenCounter) -> list[range]:
    groups: list[range] = []
    start = group.start
    for i in group:
        if i > start and count([" ".join(texts[start : i + 1])])[0] > limit:
            groups.append(range(start, i))
            start = i
    groups.append(range(start, group.stop))
    return groups


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
    for units in (_clauses(text), text.split()):
        if len(units) > 1:
            chunks = [
                " ".join(units[i] for i in group) for group in pack_units(units, limit, count)
            ]
            if len(chunks) > 1:
                return [part for chunk in chunks for part in split_to_fit(chunk, limit, count)]
    half = max(1, len(text) // 2)
    return split_to_fit(text[:half], limit, count) + split_to_fit(text[half:], limit, count)


def _clauses(text: str) -> list[str]:
    return [clause for clause in _CLAUSE_BREAK.split(text) if clause.strip()]
