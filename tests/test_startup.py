"""Start-up stays light: --help and errors never import torch or transformers."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("torch", "transformers", "sentencepiece", "langdetect")
PROBE = """
import sys
from summarize.cli import main
try:
    main({argv!r})
except SystemExit:  # --help exits from argparse
    pass
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
print("LOADED:" + ",".join(sorted(m for m in {light!r} if m in sys.modules)))
"""
# `--help` needs argparse and the option values only: not even the renderers or the data types
# (rich.console alone doubles the time `summarize --help` takes to start).
LIGHT = ("rich.console", "summarize.render", "summarize.data", "summarize.pipeline")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["translate", "--help"], ["models", "--help"], ["/no/such/file"], ["--bogus"]],
)
def test_no_heavy_imports(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv, heavy=HEAVY, light=LIGHT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "HEAVY:\n" in done.stdout, done.stdout + done.stderr
    if "--help" in argv:
        assert "LOADED:\n" in done.stdout, done.stdout


def test_help_lists_every_command_and_option() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "--help"], capture_output=True, text=True, check=True
    )
    for needle in ("--to", "--format", "--output", "--models", "--offline", "--encoding",
                   "summarize translate", "models list", "models pull", "exit codes"):  # fmt: skip
        assert needle in done.stdout
