"""Abstractive summary with a seq2seq model, map-reduce over the model's input limit.

A long article is never truncated: its sentences are packed, in order, into chunks that
fit the model's input ("map"), each chunk is summarised, and when there was more than one
chunk the joined partial summaries are summarised again ("reduce") if they fit. Each
output sentence points back to the source segments it shares the most words with, within
the chunks it came from, so the renderer can align summary and source.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.backends import Backend
from summarize.data import Summary, SummaryMethod, SummarySentence
from summarize.extractive import words_of
from summarize.packing import pack_units, split_to_fit
from summarize.segment import split_sentences

__all__ = ["chunk_units", "summarize_abstractive"]

_Unit = tuple[int, str]
# Each level at least halves the text; four levels cover any article we accept.
_MAX_REDUCE_LEVELS = 4


def chunk_units(units: Sequence[_Unit], backend: Backend) -> list[list[_Unit]]:
    """Pack consecutive units into chunks that each fit the model's input.

    A unit too long on its own is split into parts that keep its segment id.
    """
    limit = backend.max_input_tokens
    pieces: list[_Unit] = []
    for segment_id, text in units:
        pieces += [(segment_id, part) for part in split_to_fit(text, limit, backend.count_tokens)]
    chunks: list[list[_Unit]] = []
    current: list[_Unit] = []
    for piece in pieces:
        candidate = [*current, piece]
        if current and backend.count_tokens([_join(candidate)])[0] > limit:
            chunks.append(current)
            current = [piece]
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _join(units: Sequence[_Unit]) -> str:
    return " ".join(text for _, text in units)


def summarize_abstractive(
    units: Sequence[_Unit], lang: str, backend: Backend, *, batch_size: int, max_new_tokens: int
) -> Summary:
    """Summarise units with a model, chunked map-reduce when they exceed its input.

    Args:
        units: ``(segment_id, text)`` in document order, all in ``lang``.
        lang: The summary's language.
        backend: The loaded summarisation model.
        batch_size: Chunks per ``generate`` call.
        max_new_tokens: The longest summary (per chunk) in tokens.

    Returns:
        An abstractive summary; every sentence carries ``source_ids``.
    """
    chunks = chunk_units(units, backend)
    partials = _generate_batched([_join(c) for c in chunks], backend, batch_size, max_new_tokens)
    if len(partials) == 1:
        sentences = _attribute(partials[0], chunks[0])
    else:
        sentences = _attribute(_reduce(partials, backend, batch_size, max_new_tokens), units)
    return Summary(
        lang=lang, method=SummaryMethod.ABSTRACTIVE, model=backend.name, sentences=tuple(sentences)
    )


def _generate_batched(
    texts: Sequence[str], backend: Backend, batch_size: int, max_new_tokens: int
) -> list[str]:
    out: list[str] = []
    for start in range(0, len(texts), batch_size):
        out += backend.generate(texts[start : start + batch_size], max_new_tokens=max_new_tokens)
    return out


def _reduce(partials: list[str], backend: Backend, batch_size: int, max_new_tokens: int) -> str:
    """Summarise partial summaries, level by level, until one summary remains.

    Each level packs the partials into as few model inputs as fit. When a level cannot
    shrink them (every partial alone fills the input), the partials are kept as they are.
    """
    for _ in range(_MAX_REDUCE_LEVELS):
        if len(partials) == 1:
            break
        groups = pack_units(partials, backend.max_input_tokens, backend.count_tokens)
        if len(groups) >= len(partials):
            break
        partials = _generate_batched(groups, backend, batch_size, max_new_tokens)
    return " ".join(partials)


def _attribute(summary: str, units: Sequence[_Unit]) -> list[SummarySentence]:
    """Split generated text into sentences and point each at its best-matching segments."""
    out = []
    for start, end in split_sentences(summary):
        text = summary[start:end]
        out.append(SummarySentence(text=text, source_ids=_sources(text, units)))
    return out


def _sources(text: str, units: Sequence[_Unit]) -> tuple[int, ...]:
    """Segments sharing the most words with ``text``; all of them when none shares any."""
    bag = set(words_of(text))
    shared = {sid: len(bag & set(words_of(unit))) for sid, unit in units}
    best = max(shared.values(), default=0)
    if best == 0:
        return tuple(sorted(set(shared)))
    return tuple(sorted(sid for sid, n in shared.items() if n == best))
