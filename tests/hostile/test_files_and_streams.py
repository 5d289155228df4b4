"""Files and streams: nothing the user gave is lost, every odd path is one line, Ctrl-C is 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ARABIC, SEED, one_error_line, run_cli


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARABIC + "\n", encoding="utf-8")
    return path


def test_o_onto_the_input_keeps_the_article(tmp_path: Path) -> None:
    article = _article(tmp_path)
    completed = run_cli(str(article), "--offline", "-o", str(article))
    assert completed.returncode == 2
    assert "the input itself" in one_error_line(completed)
    assert article.read_text(encoding="utf-8") == ARABIC + "\n"


def test_o_onto_the_input_through_a_link_keeps_the_article(tmp_path: Path) -> None:
    article = _article(tmp_path)
    (tmp_path / "link.json").symlink_to(article)
    completed = run_cli(str(article), "--offline", "-o", str(tmp_path / "link.json"))
    assert completed.returncode == 2
    assert article.read_text(encoding="utf-8") == ARABIC + "\n"


def test_o_onto_a_read_only_file_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "kept.json"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o444)
    completed = run_cli(str(_article(tmp_path)), "--offline", "-o", str(target))
    assert completed.returncode == 2
    assert "read-only" in one_error_line(completed)
    assert target.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("newdir/", "ends with /"),
        ("missing/out.json", "does not exist"),
        (".", "is a directory"),
    ],
)
def test_o_that_names_no_writable_file_creates_nothing(
    tmp_path: Path, output: str, message: str
) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    completed = run_cli(str(_article(tmp_path)), "--offline", "-o", output, cwd=tmp_path)
    assert completed.returncode == 2
    assert message in one_error_line(completed)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "article.txt"])


def test_a_symlink_loop_as_input_or_output_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    completed = run_cli(str(tmp_path / "a"), "--offline")
    assert completed.returncode == 1
    assert "looping symbolic link" in one_error_line(completed)
    completed = run_cli(str(_article(tmp_path)), "--offline", "-o", str(tmp_path / "a"))
    assert completed.returncode == 2
    one_error_line(completed)


def test_closed_stdin_is_one_line() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "summarize", "-", "--offline"],
        stdin=subprocess.DEVNULL, capture_output=True, check=False, timeout=60,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert completed.returncode == 1
    assert "standard input" in one_error_line(completed)


@pytest.mark.parametrize("stdin", [b"", b"   \n\t\n", "\u200f\n".encode()])
def test_empty_stdin_is_empty_input(stdin: bytes) -> None:
    for command in (["-"], ["translate", "-"]):
        completed = run_cli(*command, "--offline", stdin=stdin)
        assert completed.returncode == 1
        assert "-: empty" in one_error_line(completed)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_pure_arabic_utf16_without_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "arabic.txt"
    path.write_bytes("قالالمتحدثإنالمحادثاتستستمرغدا\nوأضافأنالاجتماعانتهى.".encode(codec))
    completed = run_cli(str(path), "--format", "json", "--offline")
    assert completed.returncode == 0, completed.stderr
    assert "قالالمتحدث".encode() in completed.stdout


@pytest.mark.parametrize("delay", [0.05, 0.15, 0.3, 0.6])
def test_ctrl_c_at_any_moment_is_exit_130_without_a_traceback(delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", str(SEED), "--offline"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run finished before the signal")
    # 130, or killed by SIGINT itself once the run is over (a shell shows both as 130)
    assert process.returncode in (130, -signal.SIGINT), err
    assert b"Traceback" not in err
    assert err.decode().strip() in ("summarize: error: interrupted", "")
