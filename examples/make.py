"""Regenerate the examples: the sample article's output as JSON and as terminal pictures.

Usage: python examples/make.py   (builds tiny models in a temporary directory)

- ``seed.offline.json`` / ``seed.offline.svg``: no models reachable (the shipped config,
  offline): segments, languages, tweets, the extractive summary and the warnings.
- ``seed.tiny.svg``: with the tiny random models from tests/make_tiny_models.py; shows
  where translations and model summaries appear (their text is gibberish by design).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from io import StringIO
from pathlib import Path

from rich.console import Console

HERE = Path(__file__).parent
ROOT = HERE.parent
SEED = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
WIDTH = 110


def _svg(result: object, path: Path, title: str) -> None:
    from summarize.render.console import render_console

    console = Console(record=True, width=WIDTH, file=StringIO(), markup=False, emoji=False)
    render_console(result, console)  # type: ignore[arg-type]
    console.save_svg(str(path), title=title)


def _tiny_models(outdir: Path) -> Path:
    spec = importlib.util.spec_from_file_location("tiny", ROOT / "tests" / "make_tiny_models.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path: Path = module.build_tiny_models(outdir)
    return path


def main() -> None:
    """Write every example file next to this script."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    from summarize import Pipeline, load_config
    from summarize.render.json import render_json

    text = SEED.read_text(encoding="utf-8")
    offline = Pipeline(offline=True).run_text(text, source="seeds/" + SEED.name)
    (HERE / "seed.offline.json").write_text(render_json(offline), encoding="utf-8")
    _svg(offline, HERE / "seed.offline.svg", "summarize seeds/000_1e5af753fa3486b1.txt")
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(str(_tiny_models(Path(tmp))))
        tiny = Pipeline(config, offline=True).run_text(text, source="seeds/" + SEED.name)
        _svg(tiny, HERE / "seed.tiny.svg", "summarize --models tiny/models.toml seeds/…")
    print(f"wrote examples to {HERE}", file=sys.stderr)


if __name__ == "__main__":
    main()
