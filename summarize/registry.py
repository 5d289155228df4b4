"""A lazy, load-once cache of models keyed by route, shared by every run of a Pipeline.

It is the one door to the backends: the pipeline gets loaded models through it, and
``models list|pull|check`` ask it whether a model is here, to fetch it, and to probe it.
It is also the loader boundary: whatever goes wrong while loading a model (a missing file,
a corrupt weight file, a config that is not a model's) becomes ``ModelUnavailable``, so one
bad model never stops a run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from summarize.backends import (
    BACKENDS,
    Availability,
    Backend,
    BackendKind,
    Batch,
    LoadOptions,
    generate_all,
)
from summarize.config import ModelsConfig, RouteConfig
from summarize.errors import ConfigError, ModelUnavailable, describe

__all__ = ["ModelRegistry", "RouteModel"]

# The probe `models check` runs on every route: short, in both scripts' punctuation.
_PROBE_TEXT = "Hello."
_PROBE_TOKENS = 4


# Told ``(route, inputs done, inputs in all)`` as a long job goes through a model.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class RouteModel:
    """A loaded model with the settings of the route it serves (batch size, beams, ...).

    Attributes:
        config: The route's settings.
        backend: The loaded engine.
        report: Where ``counting`` reports progress (the registry's ``on_progress``).
    """

    config: RouteConfig
    backend: Backend
    report: Progress | None = None

    @property
    def name(self) -> str:
        """The model id or directory, as shown to users."""
        return self.backend.name

    def counting(self, total: int) -> RouteModel:
        """This model, reporting ``(route, done, total)`` after each batch of a job of
        ``total`` inputs (and ``0`` at once); itself when nobody listens."""
        if self.report is None:
            return self
        self.report(self.config.route, 0, total)
        return replace(self, backend=_Counting(self.backend, self.config.route, total, self.report))


class _Counting:
    """A backend that counts the inputs it generated for and says so after each batch."""

    def __init__(self, inner: Backend, route: str, total: int, report: Progress) -> None:
        self.inner = inner
        self.name = inner.name
        self.max_input_tokens = inner.max_input_tokens
        self.workers = getattr(inner, "workers", 1)
        self.route, self.total, self.report = route, total, report
        self.done = 0

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        outputs = self.inner.generate(texts, max_new_tokens=max_new_tokens)
        self.done += len(texts)
        self.report(self.route, self.done, self.total)
        return outputs

    def generate_many(
        self, batches: Sequence[Batch], *, on_batch: Callable[[int], None] | None = None
    ) -> list[list[str]]:
        def counted(size: int) -> None:
            self.done += size
            self.report(self.route, self.done, self.total)
            if on_batch is not None:
                on_batch(size)

        return generate_all(self.inner, batches, counted)


@dataclass(frozen=True, slots=True)
class _Failure:
    """A remembered load failure. Raised as a fresh exception each time, so no traceback
    (with its frames and their locals) accumulates over a long batch."""

    route: str
    model: str
    reason: str
    fix: str

    def error(self) -> ModelUnavailable:
        return ModelUnavailable(self.route, self.model, self.reason, self.fix)


class ModelRegistry:
    """Loads each route's model on first use and remembers the model or the failure.

    A failure is remembered too, so a batch over many files asks the hub (or the disk)
    once per route, not once per file.

    Args:
        config: The validated models.toml.
        offline: Forbid network access when loading.
        threads: Intra-op threads for every model, instead of models.toml's (0: as it says).
        backends: Engines by name; tests may pass their own, the product uses ``BACKENDS``.
        on_load: Called with ``(route, model)`` before a model starts loading, so a long
            run can say what it waits for.
        on_progress: Called with ``(route, done, total)`` as translation or a summary goes
            through a model, batch by batch (see ``RouteModel.counting``).

    Raises:
        ConfigError: A route names a backend that is not registered.
    """

    def __init__(
        self,
        config: ModelsConfig,
        *,
        offline: bool = False,
        threads: int = 0,
        backends: dict[str, BackendKind] | None = None,
        on_load: Callable[[str, str], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        self.config = config
        self.on_load = on_load
        self.on_progress = on_progress
        self.options = LoadOptions(offline=offline, threads=threads)
        self._backends = BACKENDS if backends is None else backends
        unknown = [r for r in config.routes.values() if r.backend not in self._backends]
        if unknown:
            names = ", ".join(sorted(self._backends)) or "none"
            raise ConfigError(
                config.path,
                [f"{r.route}.backend {r.backend!r} is unknown (allowed: {names})" for r in unknown],
            )
        self._loaded: dict[str, RouteModel | _Failure] = {}
        self._lock = threading.Lock()

    def configured(self, route: str) -> bool:
        """Whether models.toml has a table for ``route``."""
        return route in self.config.routes

    def get(self, route: str) -> RouteModel:
        """Return the loaded model for ``route``, loading it on first use.

        Raises:
            ModelUnavailable: The route is not configured or its model cannot be loaded.
        """
        with self._lock:
            if route not in self._loaded:
                self._loaded[route] = self._load(route)
            found = self._loaded[route]
        if isinstance(found, _Failure):
            raise found.error()
        return found

    def loaded(self) -> dict[str, str]:
        """Return ``{route: model name}`` for every model loaded so far."""
        return {r: m.name for r, m in self._loaded.items() if isinstance(m, RouteModel)}

    def availability(self, route: str) -> Availability:
        """Whether the route's model is on this machine, without loading it."""
        config = self._config(route)
        return self._backends[config.backend].availability(config)

    def fetch(self, route: str) -> str:
        """Download the route's model; return what was done.

        Raises:
            ModelUnavailable: It cannot be fetched.
        """
        config = self._config(route)
        return self._backends[config.backend].fetch(config)

    def probe(self, route: str) -> RouteModel:
        """Load the route's model and run one short generation through it.

        Raises:
            ModelUnavailable: It cannot be loaded, or it fails on a one-word input.
        """
        model = self.get(route)
        try:
            model.backend.generate([_PROBE_TEXT], max_new_tokens=_PROBE_TOKENS)
        except Exception as exc:
            raise ModelUnavailable(
                route, model.name, f"loads but fails to generate ({describe(exc)})",
                "check that it is a sequence-to-sequence model and `device` suits this machine",
            ) from None  # fmt: skip
        return model

    def _config(self, route: str) -> RouteConfig:
        config = self.config.routes.get(route)
        if config is None:
            raise self._not_configured(route).error()
        return config

    def _not_configured(self, route: str) -> _Failure:
        return _Failure(
            route, "-", "not configured", f"add a [{route}] table to {self.config.path}"
        )

    def _load(self, route: str) -> RouteModel | _Failure:
        config = self.config.routes.get(route)
        if config is None:
            return self._not_configured(route)
        if self.on_load is not None:
            self.on_load(route, config.model)
        try:
            backend = self._backends[config.backend].load(config, self.options)
        except ModelUnavailable as exc:
            return _Failure(exc.route, exc.model, exc.reason, exc.fix)
        except Exception as exc:  # a model folder is untrusted input: any failure is one
            return _Failure(
                route, config.model, f"cannot be loaded ({describe(exc)})",
                "check the model's files, or run `summarize models pull` again",
            )  # fmt: skip
        return RouteModel(config=config, backend=backend, report=self._report)

    def _report(self, route: str, done: int, total: int) -> None:
        # Looked up at each call: a caller may set ``on_progress`` after the model loaded.
        if self.on_progress is not None:
            self.on_progress(route, done, total)
