"""Adversarial text finishes: each pattern at 200,000 characters, through the whole pipeline.

A quadratic step would take many minutes at this size; a linear one takes a second or two.
Each case runs in its own process with a deadline, so a regression fails instead of hanging
the suite. (How time grows with size is measured in benchmarks/bench_adversarial.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from adversarial import CASES, HTML_CASES
from helpers import ROOT

SIZE = 200_000
DEADLINE_S = 90


def _run(tmp_path: Path, name: str, text: str, suffix: str) -> dict[str, object]:
    path = tmp_path / f"{name}{suffix}"
    path.write_text(text, encoding="utf-8")
    code = (
        "import json, sys; from summarize import Pipeline, load_config;"
        "r = Pipeline(load_config(), offline=True).run_file(sys.argv[1]);"
        "print(json.dumps({'segments': len(r.segments), 'chars': len(r.document.text)}))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, timeout=DEADLINE_S,
        check=False, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr.decode()[-2000:]
    result: dict[str, object] = json.loads(completed.stdout)
    return result


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_text_is_processed_promptly(tmp_path: Path, name: str) -> None:
    build, _ = CASES[name]
    result = _run(tmp_path, name, build(SIZE), ".txt")
    assert result["segments"]


@pytest.mark.parametrize("name", sorted(HTML_CASES))
def test_adversarial_html_is_processed_promptly(tmp_path: Path, name: str) -> None:
    build, _ = HTML_CASES[name]
    result = _run(tmp_path, name, build(SIZE), ".html")
    assert result["segments"]
