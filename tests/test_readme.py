"""The README's command reference is the real --help output (regenerate with UPDATE_README=1)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"<!-- help:(?P<cmd>[a-z ]+) -->\n```\n(?P<body>.*?)```\n<!-- /help -->", re.S)


def _help(command: str) -> str:
    argv = [sys.executable, "-m", "summarize", *command.split()[1:], "--help"]
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout


def test_readme_help_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert [b["cmd"] for b in blocks] == ["summarize", "summarize translate", "summarize models"]
    fresh = BLOCK.sub(
        lambda m: f"<!-- help:{m['cmd']} -->\n```\n{_help(m['cmd'])}```\n<!-- /help -->", text
    )
    if os.environ.get("UPDATE_README"):
        README.write_text(fresh, encoding="utf-8")
    assert fresh == text, "README --help blocks are stale: rerun with UPDATE_README=1"


@pytest.mark.parametrize("line", ["pip install torch==2.13.0", "summarize seeds/", "pytest"])
def test_quick_start_is_there(line: str) -> None:
    assert line in README.read_text(encoding="utf-8")
