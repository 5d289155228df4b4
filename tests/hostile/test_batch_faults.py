"""Batch faults: kills, interrupts, a second run, a full or unwritable OUT, vanishing files.

Nothing lost, nothing done twice, no temporary file left, the lock released.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_support import articles as _articles
from batch_support import manifest as _manifest
from batch_support import outputs as _outputs

from summarize.cli import main


def _run(*args: str) -> int:
    return main(["batch", *args, "--offline", "--quiet"])


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "summarize", "batch", *args, "--offline", "--quiet"]
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE)


def _wait_for_lines(out: Path, at_least: int, process: subprocess.Popen[bytes]) -> int:
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists():
            lines = manifest.read_bytes().count(b"\n")
            if lines >= at_least:
                return lines
        time.sleep(0.005)
    raise AssertionError("the batch did not get going (or finished too soon)")


def test_sigkill_then_resume_gives_the_same_outputs(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 200)
    whole, out = tmp_path / "whole", tmp_path / "out"
    assert _run(str(tmp_path / "in"), "-o", str(whole)) == 0
    process = _start([str(tmp_path / "in"), "-o", str(out)])
    done_before = _wait_for_lines(out, 20, process)
    process.kill()
    process.wait()
    assert done_before < 200
    before = {e["input"]: e["run"] for e in _entries_tolerant(out)}
    assert _run(str(tmp_path / "in"), "-o", str(out), "--resume") == 0
    after = _manifest(out)
    assert len(after) == 200
    assert len({e["input"] for e in after}) == 200
    for entry in after:  # files done before the kill were not done again
        if entry["input"] in before:
            assert entry["run"] == before[entry["input"]]
    assert _outputs(out) == _outputs(whole)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not (out / ".summarize.lock").exists()


def _entries_tolerant(out: Path) -> list[dict[str, object]]:
    entries = []
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError):  # the line the kill cut off
            entries.append(json.loads(line))
    return entries


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_cleanly_with_exit_130(tmp_path: Path, signum: int) -> None:
    _articles(tmp_path / "in", 200)
    out = tmp_path / "out"
    process = _start([str(tmp_path / "in"), "-o", str(out)])
    _wait_for_lines(out, 10, process)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not (out / ".summarize.lock").exists()
    entries = _manifest(out)  # every line whole
    assert all((out / str(e["output"])).is_file() for e in entries if e["status"] == "ok")


def test_a_second_run_on_the_same_out_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = {"pid": holder.pid, "host": os.uname().nodename}
        (out / ".summarize.lock").write_text(json.dumps(lock), encoding="utf-8")
        assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--offline"]) == 2
        assert f"in use by another `summarize batch` (pid {holder.pid}" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone now: its lock is stale and is taken over
    assert _run(str(tmp_path / "in"), "-o", str(out)) == 0
    assert len(_manifest(out)) == 2


def test_an_unwritable_out_stops_with_a_clear_error_and_a_consistent_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    _articles(inputs, 2)
    _articles(inputs / "sub", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").write_text("a file where a folder must go", encoding="utf-8")
    code = main(["batch", str(inputs), "-o", str(out), "--recursive", "--offline", "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"summarize: error: {out}: cannot write")
    assert "--resume" in err
    entries = _manifest(out)
    assert [Path(str(e["output"])).name for e in entries] == [
        "article-000.json",
        "article-001.json",
    ]
    assert not (out / ".summarize.lock").exists()


def test_a_file_that_vanishes_mid_run_is_one_failure(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "in", 200)
    out = tmp_path / "out"
    process = _start([str(tmp_path / "in"), "-o", str(out)])
    _wait_for_lines(out, 5, process)
    paths[-1].unlink()
    process.communicate(timeout=120)
    assert process.returncode == 1
    entries = {Path(str(e["input"])).name: e for e in _manifest(out)}
    assert len(entries) == 200
    gone = entries[paths[-1].name]
    assert (gone["status"], gone["reason"]) == (
        "failed", f"{paths[-1]}: vanished before it could be read",
    )  # fmt: skip
    assert sum(e["status"] == "ok" for e in entries.values()) == 199


def _limit_file_size() -> None:
    # A write past this size fails with EFBIG, as a write on a full disk fails with ENOSPC:
    # the same error path. Python ignores SIGXFSZ, so the write raises instead of killing.
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_disk_stops_the_run_with_one_line_and_a_consistent_manifest(
    tmp_path: Path,
) -> None:
    _articles(tmp_path / "in", 10)
    out = tmp_path / "out"
    completed = subprocess.run(
        [sys.executable, "-m", "summarize", "batch", str(tmp_path / "in"), "-o", str(out),
         "--offline", "--quiet"],
        capture_output=True, timeout=120, check=False, preexec_fn=_limit_file_size,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )  # fmt: skip
    assert completed.returncode == 2
    err = completed.stderr.decode()
    assert err.startswith(f"summarize: error: {out}: cannot write (File too large)")
    assert "--resume" in err
    assert "Traceback" not in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not (out / ".summarize.lock").exists()
    for entry in _manifest(out) if (out / "manifest.jsonl").exists() else []:
        assert (out / str(entry["output"])).is_file()
    # room again: the resumed run completes the job
    assert _run(str(tmp_path / "in"), "-o", str(out), "--resume") == 0
    assert len(_manifest(out)) == 10
