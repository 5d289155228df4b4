"""Engines that run a model. Each is registered by name; routes pick one in models.toml.

A backend only turns a batch of strings into a batch of strings. The stages do their own
pre- and post-processing around that one call (the transformers-pipelines split), so a
new engine, or a test double, plugs in by registering a loader here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from summarize.config import RouteConfig

__all__ = ["BACKENDS", "Backend", "LoadOptions", "Loader", "register_backend"]


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


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadOptions:
    """How to load: ``offline`` forbids any network access."""

    offline: bool = False


Loader = Callable[[RouteConfig, LoadOptions], Backend]
BACKENDS: dict[str, Loader] = {}


def register_backend(name: str) -> Callable[[Loader], Loader]:
    """Register a loader under ``name``, for ``backend = "name"`` in models.toml."""

    def decorator(loader: Loader) -> Loader:
        BACKENDS[name] = loader
        return loader

    return decorator


def _register_builtin() -> None:
    # Importing hf is cheap: it imports torch and transformers only inside its loader.
    from summarize.backends import hf  # noqa: F401


_register_builtin()
