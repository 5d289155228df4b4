"""Abstractive summary with a seq2seq model, map-reduce over the model's input limit.

A long article is never truncated: its sentences are packed, in order, into chunks that
fit the model's input ("map"), each chunk is summarised, and when there was more than one
chunk the joined partial summaries are summarised again ("reduce") if they fit. Each
output sentence points back to the source segments it shares the most words with, within
the chunks it came from, so the renderer can align summary and source.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.batching import generate_batched
from summarize.data import Summary, SummaryMethod, SummarySentence
from summarize.extractive import words_of
from summarize.packing import pack_units, split_to_fit
from summarize.registry import RouteModel
from summarize.segment import split_sentences

__all__ = ["chunk_units", "summarize_abstractive", "summarize_many"]

_Unit = tuple[int, str]
# Each level at least halves the text; four levels cover any article we accept.
_MAX_REDUCE_LEVELS = 4


def chunk_units(units: Sequence[_Unit], model: RouteModel) -> list[list[_Unit]]:
    """Pack consecutive units into chunks that each fit the model's input.

    A unit too long on its own is split into parts that keep its segment id.
    """
    backend = model.backend
    limit = backend.max_input_tokens
    pieces = [
        (segment_id, part)
        for segment_id, text in units
        for part in split_to_fit(text, limit, backend.count_tokens)
    ]
    groups = pack_units([text for _, text in pieces], limit, backend.count_tokens)
    return [[pieces[i] for i in group] for group in groups]


def _join(units: Sequence[_Unit]) -> str:
    return " ".join(text for _, text in units)


def summarize_abstractive(units: Sequence[_Unit], lang: str, model: RouteModel) -> Summary:
    """Summarise units with a model, chunked map-reduce when they exceed its input.

    Args:
        units: ``(segment_id, text)`` in document order, all in ``lang``.
        lang: The summary's language.
        model: The loaded summarisation model; its route sets batch size and summary length.

    Returns:
        An abstractive summary; every sentence carries ``source_ids``.
    """
    return summarize_many([units], lang, model)[0]


def summarize_many(
    documents: Sequence[Sequence[_Unit]], lang: str, model: RouteModel
) -> list[Summary]:
    """``summarize_abstractive`` for several documents, their chunks batched together.

    Short articles alone would each make a batch of one; together, every chunk of every
    document goes through one length-sorted ``generate_batched``, and so does each level
    of the reduce step. Each document's summary is the one it would get alone.

    Args:
        documents: Each document's non-empty units, in document order, all in ``lang``.
        lang: The summaries' language.
        model: The loaded summarisation model.

    Returns:
        One summary per document, in order.
    """
    chunked = [chunk_units(units, model) for units in documents]
    inputs = [_join(chunk) for chunks in chunked for chunk in chunks]
    generated = iter(generate_batched(inputs, model.counting(len(inputs))))
    partials = [[next(generated) for _ in chunks] for chunks in chunked]
    reduced = _reduce(partials, model)
    summaries = []
    for units, chunks, parts, text in zip(documents, chunked, partials, reduced, strict=True):
        sentences = _attribute(text, chunks[0] if len(parts) == 1 else units)
        summaries.append(Summary(
            lang=lang, method=SummaryMethod.ABSTRACTIVE, model=model.name,
            sentences=tuple(sentences),
        ))  # fmt: skip
    return summaries


def _reduce(documents: list[list[str]], model: RouteModel) -> list[str]:
    """Summarise each document's partial summaries, level by level, until one remains.

    Each level packs a document's partials into as few model inputs as fit, and the inputs
    of every document still reducing go through the model together. A document whose
    partials cannot shrink (every one alone fills the input) keeps them as they are.
    """
    backend = model.backend
    for _ in range(_MAX_REDUCE_LEVELS):
        jobs: list[tuple[int, list[range]]] = []
        for d, partials in enumerate(documents):
            if len(partials) > 1:
                groups = pack_units(partials, backend.max_input_tokens, backend.count_tokens)
                if len(groups) < len(partials):
                    jobs.append((d, groups))
        if not jobs:
            break
        inputs = [" ".join(documents[d][i] for i in g) for d, groups in jobs for g in groups]
        generated = iter(generate_batched(inputs, model))
        for d, groups in jobs:
            documents[d] = [next(generated) for _ in groups]
    return [" ".join(partials) for partials in documents]


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
