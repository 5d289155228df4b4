"""``summarize models list|pull|check``: what the registry knows, shown to a person.

Every action goes through ``ModelRegistry``, which asks each route's backend: whether the
model is here (``list``), to fetch it (``pull``), to load and probe it (``check``). Every
route is reported, whatever happens to the others.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.config import ModelsConfig, load_config
from summarize.errors import ModelUnavailable, UsageError
from summarize.registry import ModelRegistry
from summarize.render.sanitize import clean_line

__all__ = ["run_models"]


def run_models(action: str, models: str | None, *, offline: bool) -> int:
    """Run one ``models`` action and return the exit code (1 when a route failed).

    Raises:
        ConfigError: models.toml is invalid.
        UsageError: ``pull`` was asked for offline.
    """
    config = load_config(models)
    registry = ModelRegistry(config, offline=offline)
    console = Console(markup=False, emoji=False, highlight=False)
    if action == "list":
        console.print(_models_table(config, registry))
        return 0
    if action == "pull":
        if offline:
            raise UsageError("`models pull` downloads models; it cannot run with --offline")
        return _pull(config, registry, console)
    return _check(config, registry, console)


def _models_table(config: ModelsConfig, registry: ModelRegistry) -> Group:
    table = Table.grid(padding=(0, 2))
    for column in ("route", "available", "backend"):
        table.add_column(column, no_wrap=True)
    table.add_column("model", overflow="fold")  # last: long local paths fold, nothing hides
    missing = 0
    for route in config.routes.values():
        status = registry.availability(route.route)
        missing += not status.available
        mark = Text(
            "yes" if status.available else "no", style="green" if status.available else "red"
        )
        mark.append(f" ({status.detail})", style="dim")
        model = route.model + (f"@{route.revision}" if route.revision else "")
        table.add_row(route.route, mark, status.backend, Text(clean_line(model)))
    parts: list[RenderableType] = [
        Text(f"models from {clean_line(config.path)}", style="bold"),
        table,
    ]
    if missing:
        parts.append(Text(f"{missing} missing: run `summarize models pull` while online."))
    return Group(*parts)


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
        console.print(Text(f"{route}: {clean_line(done)}", style="green"))
    return 1 if failed else 0


def _check(config: ModelsConfig, registry: ModelRegistry, console: Console) -> int:
    failed = 0
    for route in config.routes:
        try:
            model = registry.probe(route)
        except ModelUnavailable as exc:
            failed += 1
            console.print(Text(clean_line(str(exc)), style="red"))
            continue
        console.print(Text(f"{route}: ok ({clean_line(model.name)})", style="green"))
    return 1 if failed else 0
