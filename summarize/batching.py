"""Batched generation: the one way every stage calls a model.

Inputs are sorted by length (longest first) and cut into batches of at most the route's
``batch_size``, so each batch pads little, which is most of batched generation's speed-up
on a CPU; outputs come back in input order. Translation and the abstractive summary both
call ``generate_batched``; only how many tokens each batch may generate differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
    outputs = [""] * len(texts)
    for batch in _batches(order, budgets, model.config.batch_size):
        generated = model.backend.generate(
            [texts[i] for i in batch], max_new_tokens=budgets[batch[0]]
        )
        for i, out in zip(batch, generated, strict=True):
            outputs[i] = out
    return outputs


def _batches(order: Sequence[int], budgets: Sequence[int], size: int) -> list[list[int]]:
    """Cut the sorted inputs into batches of at most ``size``, one budget per batch."""
    batches: list[list[int]] = []
    for i in order:
        if batches and len(batches[-1]) < size and budgets[batches[-1][0]] == budgets[i]:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches
