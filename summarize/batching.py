"""Batched generation: the one way every stage calls a model.

Inputs are sorted by length (longest first) and cut into batches of at most the route's
``batch_size`` inputs and ``batch_tokens`` padded input tokens (times the beams: each beam
is a row to the engine), so each batch pads little (most of batched generation's speed-up
on a CPU) and a batch of long inputs, or of many beams, stays small in memory; outputs
come back in input order. All batches go to the engine together, so one that runs batches
side by side (ct2's workers) keeps every worker busy, and a job too small to fill a batch
per worker is cut so that each worker gets one. Translation and the abstractive summary
both call ``generate_batched``; only how many tokens each batch may generate differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarize.backends import generate_all
from summarize.registry import RouteModel

__all__ = ["NewTokens", "generate_batched"]

# How many new tokens one input may generate, given its length in tokens.
NewTokens = Callable[[int], int]


def generate_batched(
    texts: Sequence[str],
    model: RouteModel,
    *,
    new_tokens: NewTokens | None = None,
    lengths: Sequence[int] | None = None,
) -> list[str]:
    """Generate one output per text in length-sorted batches; return them in input order.

    Every input's generation budget depends on its own length only, never on the inputs it
    happens to be batched with, and a batch only holds inputs of one budget: so a text gets
    the same output whether it is translated alone or with a thousand others (what lets a
    batch run match single runs).

    Args:
        texts: Model inputs (each within the model's input limit).
        model: The loaded model and its route settings.
        new_tokens: The generation budget of an input from its length; by default the
            route's ``max_new_tokens``. Never above ``max_new_tokens`` either way.
        lengths: Token counts of ``texts`` when the caller has them already.

    Returns:
        Outputs aligned with ``texts``.
    """
    if not texts:
        return []
    counts = list(lengths) if lengths is not None else model.backend.count_tokens(texts)
    ceiling = model.config.max_new_tokens
    budgets = [min(ceiling, new_tokens(n)) if new_tokens else ceiling for n in counts]
    order = sorted(range(len(texts)), key=lambda i: (-budgets[i], -counts[i], i))
    config = model.config
    # An engine that runs batches side by side gets at least one batch per worker when there
    # are inputs enough: one article's few segments then use every core, not one.
    workers = max(1, int(getattr(model.backend, "workers", 1)))
    size = max(1, min(config.batch_size, -(-len(texts) // workers)))
    # Beam search keeps num_beams hypotheses per input: the token budget counts them all.
    tokens = config.batch_tokens // max(1, config.num_beams)
    batches = _batches(order, budgets, counts, size, tokens)
    generated = generate_all(
        model.backend, [([texts[i] for i in batch], budgets[batch[0]]) for batch in batches]
    )
    outputs = [""] * len(texts)
    for batch, produced in zip(batches, generated, strict=True):
        for i, out in zip(batch, produced, strict=True):
            outputs[i] = out
    return outputs


def _batches(
    order: Sequence[int], budgets: Sequence[int], counts: Sequence[int], size: int, tokens: int
) -> list[list[int]]:
    """Cut the sorted inputs into batches of one budget, at most ``size`` inputs and (when
    ``tokens`` is not 0) at most ``tokens`` padded tokens: the first input is the longest."""
    batches: list[list[int]] = []
    for i in order:
        last = batches[-1] if batches else None
        if (
            last is not None
            and len(last) < size
            and budgets[last[0]] == budgets[i]
            and (not tokens or (len(last) + 1) * counts[last[0]] <= tokens)
        ):
            last.append(i)
        else:
            batches.append([i])
    return batches
