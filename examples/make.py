"""Regenerate examples/: the sample article in every format, and pictures of the terminal.

Usage: python examples/make.py [OUTDIR]   (default: this folder)

Made from the sample with no models (the shipped config, offline), timings left out so
the files are reproducible; tests/test_examples.py fails when they are stale:

- ``seed.json``, ``seed.md``, ``seed.html``: the JSON, Markdown and HTML outputs.
- ``seed.table.svg`` (120 columns) and ``seed.stacked.svg`` (80 columns), bidi off: what a
  terminal that does bidi itself (GNOME Terminal, Konsole) shows.
- ``seed.bidi-on.svg``: ``--bidi on`` in a terminal without bidi (xterm, iTerm2, tmux).
- ``seed.bidi-off-no-bidi-terminal.svg``: what that terminal shows without ``--bidi on``:
  reversed, unjoined Arabic.
- ``quote.bidi-on.svg``: ``quote.txt``, an English article quoting Arabic (a phrase, place
  names, a tweet by an Arabic-named author), with ``--bidi on`` in a terminal without bidi.
- SVG viewers apply the bidi algorithm themselves, so the pictures of a terminal without
  bidi force ``unicode-bidi: bidi-override`` to show the characters in stored order, as
  such a terminal does.

Not checked for staleness (they depend on the machine): ``seed.tiny.svg`` and
``quote.tiny.bidi-on.svg``, with the tiny random models from tests/make_tiny_models.py
(translations are gibberish by design; the layout is the point), and ``report.png``, the
HTML report in headless Chromium.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from io import StringIO
from pathlib import Path

from rich.console import Console

HERE = Path(__file__).parent
ROOT = HERE.parent
SEED = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
SOURCE = "seeds/000_1e5af753fa3486b1.txt"
QUOTE = HERE / "quote.txt"
QUOTE_SOURCE = "examples/quote.txt"
CHECKED = (
    "seed.json",
    "seed.md",
    "seed.html",
    "seed.table.svg",
    "seed.stacked.svg",
    "seed.bidi-on.svg",
    "seed.bidi-off-no-bidi-terminal.svg",
    "quote.bidi-on.svg",
)
# The article each picture shows.
PICTURES = {
    "seed.table.svg": SOURCE,
    "seed.stacked.svg": SOURCE,
    "seed.bidi-on.svg": SOURCE,
    "seed.bidi-off-no-bidi-terminal.svg": SOURCE,
    "seed.tiny.svg": SOURCE,
    "quote.bidi-on.svg": QUOTE_SOURCE,
    "quote.tiny.bidi-on.svg": QUOTE_SOURCE,
}
_OVERRIDE = "text { unicode-bidi: bidi-override; direction: ltr; }"


def _svg(result: object, path: Path, *, width: int, view: str, bidi: bool, raw: bool) -> None:
    from summarize.render.console import ConsoleOptions, render_console

    console = Console(record=True, width=width, file=StringIO(), markup=False, emoji=False)
    render_console(result, console, ConsoleOptions(view=view, bidi=bidi))  # type: ignore[arg-type]
    source = PICTURES[path.name]
    svg = console.export_svg(title=f"summarize {source}" + (" --bidi on" if bidi else ""))
    if raw:  # show characters in stored order, as a terminal without bidi does
        svg = svg.replace("<style>", f"<style>\n    {_OVERRIDE}", 1)
    path.write_text(svg, encoding="utf-8")


def make_checked(outdir: Path) -> None:
    """Write the reproducible examples into ``outdir``."""
    from summarize import Pipeline
    from summarize.config import load_config
    from summarize.render import render_result

    config = load_config(str(ROOT / "summarize" / "models.toml"))
    result = Pipeline(config, offline=True).run_text(
        SEED.read_text(encoding="utf-8"), source=SOURCE
    )
    result = replace(result, timings={})
    for fmt in ("json", "md", "html"):
        (outdir / f"seed.{fmt}").write_text(render_result(result, fmt), encoding="utf-8")
    _svg(result, outdir / "seed.table.svg", width=120, view="table", bidi=False, raw=False)
    _svg(result, outdir / "seed.stacked.svg", width=80, view="stacked", bidi=False, raw=False)
    _svg(result, outdir / "seed.bidi-on.svg", width=100, view="stacked", bidi=True, raw=True)
    _svg(result, outdir / "seed.bidi-off-no-bidi-terminal.svg", width=100, view="stacked",
         bidi=False, raw=True)  # fmt: skip
    quote = Pipeline(config, offline=True).run_text(
        QUOTE.read_text(encoding="utf-8"), source=QUOTE_SOURCE
    )
    quote = replace(quote, timings={})
    _svg(quote, outdir / "quote.bidi-on.svg", width=100, view="table", bidi=True, raw=True)


def make_tiny(outdir: Path) -> None:
    """The sample with the tiny random models (not reproducible across machines)."""
    from summarize import Pipeline, load_config

    spec = importlib.util.spec_from_file_location("tiny", ROOT / "tests" / "make_tiny_models.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(load_config(str(module.build_tiny_models(Path(tmp)))), offline=True)
        seed = pipeline.run_text(SEED.read_text(encoding="utf-8"), source=SOURCE)
        quote = pipeline.run_text(QUOTE.read_text(encoding="utf-8"), source=QUOTE_SOURCE)
    for result, name, bidi in (
        (seed, "seed.tiny.svg", False),
        (quote, "quote.tiny.bidi-on.svg", True),
    ):
        models = {k: Path(v).name for k, v in result.models.items()}
        summaries = tuple(
            replace(s, model=s.model and Path(s.model).name) for s in result.summaries
        )
        shown = replace(result, timings={}, models=models, summaries=summaries)
        _svg(shown, outdir / name, width=120, view="table", bidi=bidi, raw=bidi)


def make_screenshot(outdir: Path) -> None:
    """``report.png``: the HTML report in headless Chromium, when it is installed."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: report.png not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
             "--window-size=1200,1800", f"--screenshot={outdir / 'report.png'}",
             (outdir / "seed.html").resolve().as_uri()],
            check=False, capture_output=True, timeout=120,
        )  # fmt: skip


def main() -> None:
    """Write every example into the folder given, or next to this script."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    outdir.mkdir(parents=True, exist_ok=True)
    make_checked(outdir)
    make_tiny(outdir)
    make_screenshot(outdir)
    print(f"wrote examples to {outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
