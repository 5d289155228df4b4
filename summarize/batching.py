"""Batched generation: the one way every stage calls a model.

Inputs are sorted by length (longest first) and cut into batches of at most the route's
``batch_size`` inputs and ``batch_tokens`` tokens (each input counted as the batch's
longest input plus what it may generate, times the beams: what the engine holds in
memory), so each batch pads little (most of batched generation's speed-up on a CPU) and a batch of
long inputs, or of many beams, stays small in memory; outputs come back in input order.
All batches go to the engine together, so one that runs batches side by side (ct2's
workers) keeps every worker busy: a job too small to fill a batch per worker is cut so
that each worker gets one, and a few batches come in a multiple of the workers, evenly
sized. Translation and the abstractive summary both call ``generate_batched``; only how
many tokens each batch may generate differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarize.backends import generate_all
from summarize.registry import RouteModel

__all__ = ["NewTokens", "generate_batched"]

# How many even cuts to try (each with one more batch per worker) before keeping the
# batches as the budgets cut them.
_EVEN_TRIES = 4
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
    # Beam search keeps num_beams hypotheses per input: the token budget counts each. (4096
    # with 4 beams or greedy: the fastest batches that kept ct2 under 0.5 GB, performance.md.)
    tokens = config.batch_tokens // max(1, config.num_beams)
    batches = _batches(order, budgets, counts, size, tokens)
    if workers > 1 and len(batches) % workers and len(batches) < 2 * workers:
        # Few batches: one left to run alone would idle the other workers for its whole
        # length. (With more, workers taking the longest-first batches in turn balance.)
        batches = _even(batches, order, budgets, counts, (workers, tokens))
    generated = generate_all(
        model.backend, [([texts[i] for i in batch], budgets[batch[0]]) for batch in batches]
    )
    outputs = [""] * len(texts)
    for batch, produced in zip(batches, generated, strict=True):
        for i, out in zip(batch, produced, strict=True):
            outputs[i] = out
    return outputs


def _even(
    batches: list[list[int]],
    order: Sequence[int],
    budgets: Sequence[int],
    counts: Sequence[int],
    workers_tokens: tuple[int, int],
) -> list[list[int]]:
    """The same inputs in a multiple of the workers' count of batches, so that no worker is
    left alone with the last batch: each run of inputs with one generation budget is cut
    evenly (sizes differing by one at most), and the extra batches go to the largest runs;
    ``batches`` as they are when no such cut keeps every batch within its token budget.

    Cutting per budget matters: one short input with a smaller budget must not split a
    whole article into batches of one or two (on 2 workers at 4 beams, the sample article
    went from 8 batches to 4 and its Arabic from 3.5 s to 2.2 s)."""
    workers, tokens = workers_tokens
    runs: list[list[int]] = []
    for i in order:  # sorted by budget first: each budget's inputs are contiguous
        if runs and budgets[runs[-1][0]] == budgets[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    cuts = [sum(1 for b in batches if budgets[b[0]] == budgets[run[0]]) for run in runs]

    def one_more() -> bool:
        """One more batch for the run whose batches are largest; False if none can be cut."""
        j = max(range(len(runs)), key=lambda k: len(runs[k]) / cuts[k])
        if cuts[j] >= len(runs[j]):
            return False
        cuts[j] += 1
        return True

    for _ in range(_EVEN_TRIES):
        while sum(cuts) % workers:
            if not one_more():
                return batches
        even = [part for run, cut in zip(runs, cuts, strict=True) for part in _cut(run, cut)]
        if all(_fits(batch, budgets, counts, tokens) for batch in even):
            return even
        if not one_more():
            return batches
    return batches


def _cut(run: list[int], count: int) -> list[list[int]]:
    """``run`` in ``count`` consecutive parts whose sizes differ by one at most."""
    step, extra = divmod(len(run), count)
    parts, start = [], 0
    for j in range(count):
        end = start + step + (j < extra)
        parts.append(run[start:end])
        start = end
    return parts


def _fits(batch: list[int], budgets: Sequence[int], counts: Sequence[int], tokens: int) -> bool:
    first = batch[0]
    if any(budgets[i] != budgets[first] for i in batch):
        return False
    return not tokens or len(batch) * (counts[first] + budgets[first]) <= tokens


def _batches(
    order: Sequence[int], budgets: Sequence[int], counts: Sequence[int], size: int, tokens: int
) -> list[list[int]]:
    """Cut the sorted inputs into batches of one budget, at most ``size`` inputs and (when
    ``tokens`` is not 0) at most ``tokens`` tokens, counting for every input the longest
    input of its batch (the first) plus the tokens it may generate: what the engine holds."""
    batches: list[list[int]] = []
    for i in order:
        last = batches[-1] if batches else None
        if (
            last is not None
            and len(last) < size
            and budgets[last[0]] == budgets[i]
            and (not tokens or (len(last) + 1) * (counts[last[0]] + budgets[i]) <= tokens)
        ):
            last.append(i)
        else:
            batches.append([i])
    return batches
