"""``backend = "auto"`` (the shipped default): ct2 when the model is converted, else hf.

The choice is made per route, from files alone (is CTranslate2 installed, is there a
converted folder), so it costs no import. ``models pull`` downloads with hf and, when the
``fast`` extra is installed, converts at once, so a pulled model runs on ct2 from then on.
"""

from __future__ import annotations

from dataclasses import replace

from summarize.backends import (
    BACKENDS,
    Availability,
    Backend,
    BackendKind,
    LoadOptions,
    register_backend,
)
from summarize.backends.ct2_store import ct2_installed, find_converted
from summarize.config import RouteConfig

__all__ = ["AutoKind", "chosen_backend"]


def chosen_backend(config: RouteConfig) -> str:
    """The engine a route runs on: its ``backend``, or for ``auto`` ct2 if converted, else hf."""
    if config.backend != "auto":
        return config.backend
    return "ct2" if ct2_installed() and find_converted(config) is not None else "hf"


class AutoKind(BackendKind):
    """Picks ``ct2`` or ``hf`` for each route (see the module docstring)."""

    name = "auto"

    def load(self, config: RouteConfig, options: LoadOptions) -> Backend:
        """Load with the chosen engine."""
        engine = chosen_backend(config)
        return BACKENDS[engine].load(replace(config, backend=engine), options)

    def availability(self, config: RouteConfig) -> Availability:
        """The chosen engine's answer; with a hint when converting would make it faster."""
        engine = chosen_backend(config)
        status = BACKENDS[engine].availability(config)
        if engine == "hf" and status.available and ct2_installed():
            hint = f"; faster once converted: summarize models convert {config.route}"
            status = replace(status, detail=status.detail + hint)
        return status

    def fetch(self, config: RouteConfig) -> str:
        """Download with hf, then convert for ct2 when the ``fast`` extra is installed.

        Raises:
            ModelUnavailable: The download or the conversion failed.
        """
        fetched = BACKENDS["hf"].fetch(config)
        if not ct2_installed():
            return f"{fetched} (pip install 'summarize[fast]' to run it on the faster ct2 engine)"
        from summarize.backends.ct2_convert import convert_route

        return f"{fetched}; {convert_route(config, force=False)}"


register_backend(AutoKind())
