"""A lazy, load-once cache of models keyed by route, shared by every run of a Pipeline."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from summarize.backends import BACKENDS, Backend, Loader, LoadOptions
from summarize.config import ModelsConfig, RouteConfig
from summarize.errors import ModelUnavailable

__all__ = ["Availability", "ModelRegistry", "check_availability"]


class ModelRegistry:
    """Loads each route's model on first use and remembers the model or the failure.

    A failure is remembered too, so a batch over many files asks the hub (or the disk)
    once per route, not once per file.

    Args:
        config: The validated models.toml.
        offline: Forbid network access when loading.
        backends: Loaders by name; tests may pass their own, the product uses ``BACKENDS``.
    """

    def __init__(
        self,
        config: ModelsConfig,
        *,
        offline: bool = False,
        backends: dict[str, Loader] | None = None,
    ) -> None:
        self.config = config
        self.options = LoadOptions(offline=offline)
        self._backends = BACKENDS if backends is None else backends
        self._loaded: dict[str, Backend | ModelUnavailable] = {}
        self._lock = threading.Lock()

    def route_config(self, route: str) -> RouteConfig | None:
        """Return the configuration of ``route``, or None when it is not configured."""
        return self.config.routes.get(route)

    def get(self, route: str) -> Backend:
        """Return the loaded model for ``route``, loading it on first use.

        Raises:
            ModelUnavailable: The route is not configured or its model cannot be loaded.
        """
        with self._lock:
            if route not in self._loaded:
                self._loaded[route] = self._load(route)
            found = self._loaded[route]
        if isinstance(found, ModelUnavailable):
            raise found
        return found

    def loaded(self) -> dict[str, str]:
        """Return ``{route: model name}`` for every model loaded so far."""
        return {r: b.name for r, b in self._loaded.items() if not isinstance(b, ModelUnavailable)}

    def _load(self, route: str) -> Backend | ModelUnavailable:
        config = self.config.routes.get(route)
        if config is None:
            return ModelUnavailable(
                route, "-", "not configured", f"add a [{route}] table to {self.config.path}"
            )
        loader = self._backends.get(config.backend)
        if loader is None:
            names = ", ".join(sorted(self._backends)) or "none"
            return ModelUnavailable(
                route, config.model, f"unknown backend {config.backend!r}",
                f"set backend to one of: {names}",
            )  # fmt: skip
        try:
            return loader(config, self.options)
        except ModelUnavailable as exc:
            return exc


@dataclass(frozen=True, slots=True, kw_only=True)
class Availability:
    """Whether a route's model can be loaded without downloading."""

    route: str
    model: str
    revision: str | None
    local: bool
    available: bool
    detail: str


def check_availability(config: RouteConfig) -> Availability:
    """Check, without loading or downloading, whether a route's model is on this machine."""
    if config.local:
        ok = (Path(config.model) / "config.json").is_file()
        detail = "local directory" if ok else "no config.json in that directory"
    else:
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(config.model, "config.json", revision=config.revision)
        ok = isinstance(cached, str)
        detail = "in the Hugging Face cache" if ok else "not downloaded"
    return Availability(
        route=config.route, model=config.model, revision=config.revision,
        local=config.local, available=ok, detail=detail,
    )  # fmt: skip
