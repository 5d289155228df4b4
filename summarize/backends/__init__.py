"""Engines that run a model. Each is registered by name; routes pick one in models.toml.

A backend kind knows four things about its models: how to load one, whether one is on this
machine, how to fetch one, and (through loading) how to probe it. ``models list``,
``models pull``, ``models check`` and the pipeline all go through those, via the registry,
so a new engine plugs into every command by registering a kind here.

A loaded backend only turns a batch of strings into a batch of strings. The stages do their
own pre- and post-processing around that one call (the transformers-pipelines split).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from summarize.config import RouteConfig

__all__ = [
    "BACKENDS",
    "Availability",
    "Backend",
    "BackendKind",
    "Batch",
    "LoadOptions",
    "generate_all",
    "register_backend",
    "workers_for",
]

# One batch for ``generate``: the inputs and how many tokens each may generate.
Batch = tuple[Sequence[str], int]


class Backend(Protocol):
    """A loaded model that maps input strings to output strings.

    Attributes:
        name: The model id or directory, as shown to users.
        max_input_tokens: The most tokens one input may have, prefix and end mark included.
    """

    name: str
    max_input_tokens: int

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Return how many tokens each text takes as model input (prefix included)."""
        ...

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        """Return one output per input, in the same order."""
        ...


def generate_all(
    backend: Backend, batches: Sequence[Batch], on_batch: Callable[[int], None] | None = None
) -> list[list[str]]:
    """Generate for several batches: all at once when the engine can run batches side by
    side (its ``generate_many``), else one after the other. ``on_batch`` is told the size
    of each batch as it completes, in order."""
    many = getattr(backend, "generate_many", None)
    if many is not None:
        outputs: list[list[str]] = many(batches, on_batch=on_batch)
        return outputs
    outputs = []
    for texts, budget in batches:
        outputs.append(backend.generate(texts, max_new_tokens=budget))
        if on_batch is not None:
            on_batch(len(texts))
    return outputs


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadOptions:
    """How to load: ``offline`` forbids any network access; ``threads``, when not 0, is how
    many cores every model may use (a batch's workers split the cores this way), instead of
    what models.toml says: ``hf`` runs that many intra-op threads, ``ct2`` that many workers
    of one thread each."""

    offline: bool = False
    threads: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Availability:
    """Whether a route's model can be loaded without downloading, and by which engine."""

    route: str
    model: str
    revision: str | None
    local: bool
    available: bool
    detail: str
    backend: str


# More workers than this only adds memory: a route rarely has more batches in flight.
_MAX_WORKERS = 8


def workers_for(config: RouteConfig, options: LoadOptions) -> int:
    """How many batches a model runs side by side, one thread each: the run's share of the
    cores (``--jobs``), else models.toml's ``threads``, else every core (at most 8).

    One thread per worker, parallelism from workers: a worker that loses its core to
    another process holds up only its own batch, where a thread of a split matrix product
    would hold up its siblings at every step (docs/performance.md#threads).
    """
    chosen = options.threads or config.threads
    if chosen:
        return chosen
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX_WORKERS))


class BackendKind:
    """One engine: loads, finds and fetches models. Subclass it and ``register_backend``.

    The defaults suit an engine whose models are plain local directories: available when
    the directory exists, nothing to fetch.
    """

    name = "base"

    def load(self, config: RouteConfig, options: LoadOptions) -> Backend:
        """Load a route's model.

        Raises:
            ModelUnavailable: With the reason and the fix.
        """
        raise NotImplementedError

    def availability(self, config: RouteConfig) -> Availability:
        """Tell, without loading or downloading, whether the route's model is here."""
        found = Path(config.model).is_dir()
        return Availability(
            route=config.route, model=config.model, revision=config.revision, local=True,
            available=found, detail="local directory" if found else "no such directory",
            backend=self.name,
        )  # fmt: skip

    def fetch(self, config: RouteConfig) -> str:
        """Download the route's model into the cache; return what was done, in a few words.

        Raises:
            ModelUnavailable: The model cannot be fetched (the message says why and what to do).
        """
        return "nothing to download"


BACKENDS: dict[str, BackendKind] = {}


def register_backend(kind: BackendKind, *aliases: str) -> BackendKind:
    """Register an engine under its name (and aliases), for ``backend = "name"``."""
    for name in (kind.name, *aliases):
        BACKENDS[name] = kind
    return kind


def _register_builtin() -> None:
    # Importing these is cheap: torch, transformers and ctranslate2 load inside loaders only.
    from summarize.backends import auto, ct2, hf  # noqa: F401


_register_builtin()
