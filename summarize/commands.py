"""What each command does, behind the argument parsing in ``cli``."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.config import ModelsConfig, RouteConfig, load_config
from summarize.data import Result
from summarize.errors import InputError, ModelUnavailable, UsageError
from summarize.pipeline import Pipeline
from summarize.reader import read_input
from summarize.render.bidi import BIDI_MODES, resolve_bidi
from summarize.render.console import ConsoleOptions, render_console
from summarize.render.sanitize import clean_line

__all__ = ["make_console", "render", "render_for", "run_article", "run_models", "run_translate"]

_DEFAULT_WIDTH = 100
# Files a translation or summarisation model needs; *.bin only when no safetensors exist.
_PULL_PATTERNS = ["*.json", "*.safetensors", "*.spm", "*.model", "*.txt", "*.tiktoken"]


def run_article(args: argparse.Namespace) -> Result:
    """``summarize ARTICLE``: the whole pipeline on one file or stdin."""
    pipeline = Pipeline(
        load_config(args.models), offline=args.offline, summary_sentences=args.sentences
    )
    return pipeline.run_file(args.article, to=args.to, encoding=args.encoding)


def run_translate(args: argparse.Namespace) -> Result:
    """``summarize translate TEXT|-``: translate lines, no summary."""
    # stdin goes through the reader: BOMs, legacy encodings, binary refused, like `summarize -`
    if args.text == "-":
        raw = read_input("-", encoding=args.encoding)
        text, source, encoding = raw.text, "-", raw.encoding
    else:
        text, source, encoding = args.text, "<text>", "utf-8"
    if not text.strip():
        raise UsageError("nothing to translate: TEXT is empty")
    pipeline = Pipeline(load_config(args.models), offline=args.offline)
    return pipeline.translate_text(text, source=source, to=args.to, encoding=encoding)


def make_console(*, to_terminal: bool, width: int | None = None) -> tuple[Console, StringIO]:
    """A console that renders into a buffer, with colour only for a terminal."""
    buffer = StringIO()
    if width is None:
        width = (
            shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns if to_terminal else _env_width()
        )
    console = Console(
        file=buffer,
        width=width,
        force_terminal=to_terminal,
        color_system="auto" if to_terminal else None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    return console, buffer


def _env_width() -> int:
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else _DEFAULT_WIDTH


def render_for(result: Result, args: argparse.Namespace) -> str:
    """Render a result as the command line asked (format, view, bidi, colour)."""
    to_terminal = args.output in (None, "-") and sys.stdout.isatty()
    mode = args.bidi or os.environ.get("SUMMARIZE_BIDI", "auto")
    if mode not in BIDI_MODES:
        raise UsageError(f"SUMMARIZE_BIDI must be one of {', '.join(BIDI_MODES)}, not {mode!r}")
    bidi = resolve_bidi(mode, is_terminal=to_terminal, environ=os.environ)
    options = ConsoleOptions(view=args.view, bidi=bidi)
    color = to_terminal and not args.no_color
    return render(result, args.format, to_terminal=color, options=options)


def render(
    result: Result,
    fmt: str,
    *,
    to_terminal: bool = False,
    width: int | None = None,
    options: ConsoleOptions | None = None,
) -> str:
    """Render a result in ``fmt`` (``rich``, ``json``, ``md`` or ``html``) to a string.

    Bidi reordering applies to ``rich`` alone: JSON, Markdown and HTML keep logical order.
    """
    if fmt == "json":
        from summarize.render.json import render_json

        return render_json(result)
    if fmt == "md":
        from summarize.render.markdown import render_markdown

        return render_markdown(result)
    if fmt == "html":
        from summarize.render.html import render_html

        return render_html(result)
    console, buffer = make_console(to_terminal=to_terminal, width=width)
    render_console(result, console, options)
    return buffer.getvalue()


def run_models(action: str, models: str | None, *, offline: bool) -> int:
    """``summarize models list|pull|check``."""
    config = load_config(models)
    console = Console(markup=False, emoji=False, highlight=False)
    if action == "list":
        console.print(_models_table(config))
        return 0
    if action == "pull":
        if offline:
            raise UsageError("`models pull` downloads models; it cannot run with --offline")
        return _pull(config, console)
    return _check(config, console)


def _models_table(config: ModelsConfig) -> Group:
    from summarize.registry import check_availability

    table = Table.grid(padding=(0, 2))
    for column in ("route", "available", "backend"):
        table.add_column(column, no_wrap=True)
    table.add_column("model", overflow="fold")  # last: long local paths fold, nothing hides
    missing = 0
    for route in config.routes.values():
        status = check_availability(route)
        missing += not status.available
        mark = Text(
            "yes" if status.available else "no", style="green" if status.available else "red"
        )
        mark.append(f" ({status.detail})", style="dim")
        model = route.model + (f"@{route.revision}" if route.revision else "")
        table.add_row(route.route, mark, route.backend, Text(model))
    parts: list[RenderableType] = [Text(f"models from {config.path}", style="bold"), table]
    if missing:
        parts.append(Text(f"{missing} missing: run `summarize models pull` while online."))
    return Group(*parts)


def _pull(config: ModelsConfig, console: Console) -> int:
    from summarize.backends.hf import hub_reachable

    if any(not route.local for route in config.routes.values()) and not hub_reachable():
        raise InputError(
            "the Hugging Face hub cannot be reached; check the connection (or HF_ENDPOINT) "
            "and run `summarize models pull` again"
        )
    failed = 0
    for route in config.routes.values():
        if route.local:
            console.print(Text(f"{route.route}: local directory {route.model}, nothing to pull"))
            continue
        console.print(Text(f"{route.route}: downloading {route.model} ..."))
        try:
            _download(route)
        except Exception as exc:  # any hub failure: report it and go on with the next
            failed += 1
            console.print(Text(f"{route.route}: failed: {clean_line(str(exc))[:200]}", style="red"))
    return 1 if failed else 0


def _download(route: RouteConfig) -> None:
    from huggingface_hub import HfApi, snapshot_download

    files = HfApi().list_repo_files(route.model, revision=route.revision)
    patterns = list(_PULL_PATTERNS)
    if not any(name.endswith(".safetensors") for name in files):
        patterns.append("pytorch_model.bin")  # older repos (opus-mt) ship only this
    snapshot_download(route.model, revision=route.revision, allow_patterns=patterns)


def _check(config: ModelsConfig, console: Console) -> int:
    from summarize.registry import ModelRegistry

    registry = ModelRegistry(config)
    failed = 0
    for route in config.routes:
        try:
            backend = registry.get(route)
            backend.generate(["Hello."], max_new_tokens=4)
            console.print(Text(f"{route}: ok ({backend.name})", style="green"))
        except ModelUnavailable as exc:
            failed += 1
            console.print(Text(clean_line(str(exc)), style="red"))
    return 1 if failed else 0
