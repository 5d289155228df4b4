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

# How many new tokens a batch may generate, given its longest input in tokens.
NewTokens = Callable[[int], int]


def generate_batched(
    texts: Sequence[str],
    model: RouteModel,
    *,
    new_tokens: NewTokens | None = None,
    lengths: Sequence[int] | None = None,
) -> list[str]:
    """Generate one output per text in length-sorted batches; return them in input order.

    Args:
        texts: Model inputs (each within the model's input limit).
        model: The loaded model and its route settings.
        new_tokens: The generation budget of a batch from its longest input; by default
            the route's ``max_new_tokens``. Never above ``max_new_tokens`` either way.
        lengths: Token counts of ``texts`` when the caller has them already.

    Returns:
        Outputs aligned with ``texts``.
    """
    if not texts:
        return []
    counts = list(lengths) if lengths is not None else model.backend.count_tokens(texts)
    order = sorted(range(len(texts)), key=lambda i: (-counts[i], i))
    size = model.config.batch_size
    ceiling = model.config.max_new_tokens
    outputs = [""] * len(texts)
    for start in range(0, len(order), size):
        batch = order[start : start + size]
        longest = max(counts[i] for i in batch)
        budget = min(ceiling, new_tokens(longest)) if new_tokens else ceiling
        generated = model.backend.generate([texts[i] for i in batch], max_new_tokens=budget)
        for i, out in zip(batch, generated, strict=True):
            outputs[i] = out
    return outputs
