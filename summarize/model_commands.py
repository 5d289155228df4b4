"""``summarize models list|pull|check|convert``: what the registry knows, shown to a person.

Every action goes through ``ModelRegistry``, which asks each route's backend: whether the
model is here and which engine runs it (``list``), to fetch it (``pull``, which also
converts it for ct2 under ``backend = "auto"``), to load and probe it (``check``), to
convert it for CTranslate2 (``convert``). Every route is reported, whatever happens to
the others.

Model ids are never wrapped (they are copied into models.toml and commands): on a narrow
terminal the availability column wraps instead, and piped output is one row per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.config import ModelsConfig, RouteConfig, load_config
from summarize.errors import ModelUnavailable, UsageError
from summarize.registry import ModelRegistry
from summarize.render.sanitize import clean_line

__all__ = ["run_models"]

# Piped output is never wrapped: each row is one line, however long.
_PIPED_WIDTH = 10_000


def run_models(
    action: str,
    models: str | None,
    *,
    offline: bool,
    routes: Sequence[str] = (),
    quantization: str = "int8",
) -> int:
    """Run one ``models`` action and return the exit code (1 when a route failed).

    Args:
        action: ``list``, ``pull``, ``check`` or ``convert``.
        models: The ``--models`` file, if given.
        offline: Never contact the hub.
        routes: Only these routes (default: every configured one).
        quantization: How ``convert`` stores the weights.

    Raises:
        ConfigError: models.toml is invalid.
        UsageError: ``pull`` was asked for offline, or a route is not configured.
    """
    config = _only(load_config(models), routes)
    registry = ModelRegistry(config, offline=offline)
    console = Console(markup=False, emoji=False, highlight=False)
    if action == "list":
        ids = [clean_line(_model_id(route)) for route in config.routes.values()]
        _print_rows(_models_table(config, registry), console, ids)
        return 0
    if action == "pull":
        if offline:
            raise UsageError("`models pull` downloads models; it cannot run with --offline")
        return _pull(config, registry, console)
    if action == "convert":
        return _convert(config, console, quantization)
    return _check(config, registry, console)


def _only(config: ModelsConfig, routes: Sequence[str]) -> ModelsConfig:
    """The configuration restricted to ``routes``; all of it when none is named."""
    unknown = [r for r in routes if r not in config.routes]
    if unknown:
        known = ", ".join(config.routes) or "none"
        raise UsageError(
            f"{', '.join(map(repr, unknown))} not configured in {config.path} (routes: {known})"
        )
    if not routes:
        return config
    return replace(config, routes={r: c for r, c in config.routes.items() if r in routes})


def _print_rows(renderable: RenderableType, console: Console, ids: list[str]) -> None:
    """Print on a terminal as wide as it is; piped, or on a terminal too narrow for a model
    id, one line per row (the terminal folds a long line, copying it gives the whole id)."""
    lines = _lines(renderable, console)
    if not console.is_terminal or not all(any(i in line for line in lines) for i in ids):
        wide = Console(
            width=_PIPED_WIDTH, color_system="auto" if console.color_system else None, markup=False,
            emoji=False, highlight=False, force_terminal=console.is_terminal,
        )  # fmt: skip
        lines = _lines(renderable, wide)
    console.file.write("".join(f"{line.rstrip()}\n" for line in lines))
    console.file.flush()


def _lines(renderable: RenderableType, console: Console) -> list[str]:
    with console.capture() as captured:
        console.print(renderable)
    return captured.get().splitlines()


def _models_table(config: ModelsConfig, registry: ModelRegistry) -> Group:
    table = Table.grid(padding=(0, 2))
    table.add_column("route", no_wrap=True)
    table.add_column("model", no_wrap=True, overflow="ignore")  # an id is never cut in two
    table.add_column("backend", no_wrap=True)
    table.add_column("available")  # last: on a narrow terminal this wraps, nothing else
    missing = 0
    for route in config.routes.values():
        status = registry.availability(route.route)
        missing += not status.available
        mark = Text(
            "yes" if status.available else "no", style="green" if status.available else "red"
        )
        mark.append(f" ({status.detail})", style="dim")
        model = _model_id(route)
        table.add_row(route.route, Text(clean_line(model)), status.backend, mark)
    parts: list[RenderableType] = [
        Text(f"models from {clean_line(config.path)}", style="bold"),
        table,
    ]
    if missing:
        parts.append(Text(f"{missing} missing: run `summarize models pull` while online."))
    return Group(*parts)


def _model_id(route: RouteConfig) -> str:
    return route.model + (f"@{route.revision}" if route.revision else "")


def _pull(config: ModelsConfig, registry: ModelRegistry, console: Console) -> int:
    failed = 0
    for route in config.routes:
        console.print(Text(f"{route}: fetching {clean_line(config.routes[route].model)} ..."))
        try:
            done = registry.fetch(route)
        except ModelUnavailable as exc:
            failed += 1
            console.print(Text(f"{route}: failed: {clean_line(str(exc))}", style="red"))
            continue
        console.print(Text(f"{route}: {clean_line(done)}", style="green"), soft_wrap=True)
    return 1 if failed else 0


def _check(config: ModelsConfig, registry: ModelRegistry, console: Console) -> int:
    failed = 0
    for route in config.routes:
        engine = _engine(registry, route)
        try:
            model = registry.probe(route)
        except ModelUnavailable as exc:
            failed += 1
            console.print(Text(clean_line(str(exc)), style="red"))
            continue
        console.print(Text(f"{route}: ok ({clean_line(model.name)}, {engine})", style="green"))
    return 1 if failed else 0


def _engine(registry: ModelRegistry, route: str) -> str:
    """``ct2 int8`` or ``hf``: the engine a route runs on, and how its weights are stored."""
    status = registry.availability(route)
    if status.backend == "ct2" and status.available:
        return f"ct2 {status.detail.rpartition(', ')[2]}"
    return status.backend


def _convert(config: ModelsConfig, console: Console, quantization: str) -> int:
    from summarize.backends.ct2_convert import convert_route

    failed = 0
    for route, settings in config.routes.items():
        console.print(Text(f"{route}: converting {clean_line(settings.model)} ..."))
        try:
            done = convert_route(settings, quantization)
        except ModelUnavailable as exc:
            failed += 1
            console.print(Text(f"{route}: failed: {clean_line(str(exc))}", style="red"))
            continue
        console.print(Text(f"{route}: {clean_line(done)}", style="green"), soft_wrap=True)
    return 1 if failed else 0
