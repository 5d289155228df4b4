"""What the hostile tests share: running the real CLI, building broken model folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
ARABIC = "قال المتحدث إن المحادثات ستستمر غدا في العاصمة."


def run_cli(
    *args: str,
    stdin: bytes = b"",
    env: dict[str, str] | None = None,
    timeout: float = 120,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m summarize ARGS`` in a subprocess, as a user runs it; never hangs the suite."""
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )


def one_error_line(completed: subprocess.CompletedProcess[bytes]) -> str:
    """The single ``summarize: error:`` line a failure must print, and nothing else."""
    err = completed.stderr.decode("utf-8", errors="replace")
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: "), err
    assert "Traceback" not in err
    return lines[0]


def copy_model(tiny_models_toml: Path, route_dir: str, dest: Path) -> Path:
    """A private copy of one tiny model folder (``ar-en``, ``summarize-en``, ...)."""
    source = tiny_models_toml.parent / route_dir
    target = dest / route_dir
    shutil.copytree(source, target)
    return target


def models_toml(dest: Path, **routes: Path | str) -> Path:
    """A models.toml with the given routes (``translate_ar_en=Path``) and tiny settings."""
    lines = []
    for key, model in routes.items():
        group, _, name = key.partition("_")
        route = f"{group}.{name.replace('_', '-')}"
        prefix = 'prefix = ">>ara<<"\n' if route == "translate.en-ar" else ""
        lines.append(
            f'[{route}]\nmodel = "{model}"\n{prefix}max_input_tokens = 128\n'
            "max_new_tokens = 8\nbatch_size = 8\nnum_beams = 1\n"
        )
    path = dest / "models.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
