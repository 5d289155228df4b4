"""``summarize models list|pull|check``: what the registry knows, shown to a person.

Every action goes through ``ModelRegistry``, which asks each route's backend: whether the
model is here (``list``), to fetch it (``pull``), to load and probe it (``check``). Every
route is reported, whatever happens to the others.

Model ids are never wrapped (they are copied into models.toml and commands): on a narrow
terminal the availability column wraps instead, and piped output is one row per line.
"""

from __future__ import annotations

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
        ids = [clean_line(_model_id(route)) for route in config.routes.values()]
        _print_rows(_models_table(config, registry), console, ids)
        return 0
    if action == "pull":
        if offline:
            raise UsageError("`models pull` downloads models; it cannot run with --offline")
        return _pull(config, registry, console)
    return _check(config, registry, console)


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
