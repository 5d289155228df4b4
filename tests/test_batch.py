"""summarize batch: outputs mirror the inputs, bad files fail alone, runs resume exactly."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE

from summarize.cli import main

ARTICLE = SEED_ARTICLE.read_text(encoding="utf-8")
ENGLISH = "Oil prices rose on Monday. Traders said supply was tight.\nMarkets stayed calm."


def _articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles: the sample and short English ones, alternating."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:03d}.txt"
        body = ARTICLE if i % 2 == 0 else ENGLISH
        path.write_text(f"{body}\nArticle number {i} closes here.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _manifest(out: Path) -> list[dict[str, object]]:
    text = (out / "manifest.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in ("manifest.jsonl",)
    }


def _unreadable(path: Path) -> None:
    """A file this process cannot read, also as root (who ignores permission bits)."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")  # a regular file whose read fails with EIO
    else:
        path.write_text("secret", encoding="utf-8")
        path.chmod(0)


def _run(*args: str) -> int:
    return main(["batch", *args, "--offline", "--quiet"])


def test_200_articles_with_5_bad_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _articles(inputs, 195)
    (inputs / "bad-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inputs / "bad-empty.txt").write_text("  \n", encoding="utf-8")
    (inputs / "bad-large.txt").write_text("word " * 30_000, encoding="utf-8")
    (inputs / "bad-undecodable.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)
    _unreadable(inputs / "bad-unreadable.txt")
    out = tmp_path / "out"
    assert _run(str(inputs), "-o", str(out), "--max-bytes", "100000") == 1
    outputs = list(out.glob("*.json"))
    assert len(outputs) == 195
    entries = _manifest(out)
    assert len(entries) == 200
    failed = {Path(str(e["input"])).name: e["reason"] for e in entries if e["status"] == "failed"}
    assert sorted(failed) == [
        "bad-binary.txt", "bad-empty.txt", "bad-large.txt", "bad-undecodable.txt",
        "bad-unreadable.txt",
    ]  # fmt: skip
    assert "PNG" in str(failed["bad-binary.txt"])
    assert "empty" in str(failed["bad-empty.txt"])
    assert "--max-bytes 100000" in str(failed["bad-large.txt"])
    assert "cannot be read" in str(failed["bad-unreadable.txt"])
    assert all("\n" not in str(reason) for reason in failed.values())


def test_each_output_is_what_summarize_file_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert _run(str(tmp_path / "in"), "-o", str(out)) == 0
    for path in paths:
        assert main([str(path), "--format", "json", "--offline"]) == 0
        single = json.loads(capsys.readouterr().out)
        single["timings"] = {}
        batch = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert batch == single


def test_segments_of_many_files_share_the_model_batches(
    tmp_path: Path, tiny_models_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for i in range(6):  # short bilingual articles of different lengths
        path = tmp_path / "in" / f"short-{i}.txt"
        path.parent.mkdir(exist_ok=True)
        arabic = "قال المتحدث إن المحادثات ستستمر. " * (i + 1)
        path.write_text(f"{ENGLISH} Item {i}.\n{arabic}\n", encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out"
    code = main(["batch", str(tmp_path / "in"), "-o", str(out), "--models",
                 str(tiny_models_toml), "--quiet"])  # fmt: skip
    assert code == 0
    for path in paths[:3]:
        assert main([str(path), "--format", "json", "--models", str(tiny_models_toml)]) == 0
        single = json.loads(capsys.readouterr().out)
        single["timings"] = {}
        batch = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert batch["translations"] == single["translations"]
        assert batch == single


def test_outputs_mirror_the_input_tree_with_an_index(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _articles(inputs / "2024" / "may", 2)
    (inputs / "notes.md").write_text("not an article", encoding="utf-8")
    (inputs / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (inputs / "a.html").write_text(f"<html><body><p>{ENGLISH}</p></body></html>", "utf-8")
    out = tmp_path / "out"
    assert _run(str(inputs), "-o", str(out), "--recursive", "--format", "html") == 0
    assert sorted(_outputs(out)) == [
        "2024/may/article-000.html", "2024/may/article-001.html", "a.html.html", "a.txt.html",
        "index.html",
    ]  # fmt: skip
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="2024/may/article-000.html"' in index
    assert "أنونيموس تتهم شركة CloudFlare" in index
    assert "Oil prices rose on Monday." in index


def test_without_recursive_only_the_top_folder_is_read(tmp_path: Path) -> None:
    _articles(tmp_path / "in" / "sub", 2)
    _articles(tmp_path / "in", 1)
    out = tmp_path / "out"
    assert _run(str(tmp_path / "in"), "-o", str(out), "--format", "md") == 0
    assert sorted(_outputs(out)) == ["article-000.md", "index.md"]


def test_output_inside_the_input_folder_is_never_read_back(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _articles(inputs, 3)
    out = inputs / "results"
    for _ in range(2):
        assert _run(str(inputs), "-o", str(out), "--recursive") == 0
        assert len(_manifest(out)) == 3
    assert sorted(_outputs(out)) == [f"article-00{i}.json" for i in range(3)]


def test_resume_skips_exactly_the_unchanged_files(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert _run(str(tmp_path / "in"), "-o", str(out)) == 0
    first = {e["input"]: e["run"] for e in _manifest(out)}
    paths[1].write_text(ENGLISH + "\nA new last line.\n", encoding="utf-8")
    assert _run(str(tmp_path / "in"), "-o", str(out), "--resume") == 0
    second = {e["input"]: e["run"] for e in _manifest(out)}
    changed = [p for p in second if second[p] != first[p]]
    assert changed == [str(paths[1])]
    assert "A new last line." in (out / "article-001.json").read_text(encoding="utf-8")
    # other options: every file again
    assert _run(str(tmp_path / "in"), "-o", str(out), "--resume", "--to", "en") == 0
    third = {e["input"]: e["run"] for e in _manifest(out)}
    assert all(third[p] != second[p] for p in third)


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


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["{dir}"], "summarize batch {dir} -o OUTDIR"),
        (["{a}", "{b}"], "summarize batch FILE... -o OUTDIR"),
    ],
)
def test_summarize_on_a_folder_or_several_files_points_to_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    a, b = _articles(tmp_path / "in", 2)
    values = {"dir": str(tmp_path / "in"), "a": str(a), "b": str(b)}
    code = main([arg.format(**values) for arg in args] + ["--offline"])
    assert code in (1, 2)
    assert expected.format(**values) in capsys.readouterr().err


def test_the_closing_table_names_the_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--offline"]) == 1
    err = capsys.readouterr().err
    for word in ("ok", "failed", "skipped"):
        assert word in err
    assert f"{tmp_path / 'in' / 'empty.txt'}: empty, there is no text to summarize" in err


def test_library_run_many_yields_results_and_errors_in_order(tmp_path: Path) -> None:
    from summarize import InputError, Pipeline, load_config

    paths = _articles(tmp_path, 3)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    pipeline = Pipeline(load_config(), offline=True)
    sources = [str(paths[0]), str(empty), str(paths[1])]
    results = list(pipeline.run_many(sources))
    assert [source for source, _ in results] == sources
    assert isinstance(results[1][1], InputError)
    assert [type(r).__name__ for _, r in results] == ["Result", "InputError", "Result"]


@pytest.mark.skipif(
    __import__("importlib").util.find_spec("ray") is None, reason="Ray is not installed"
)
def test_ray_engine_gives_byte_identical_outputs(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 12)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    local, distributed = tmp_path / "local", tmp_path / "ray"
    assert _run(str(tmp_path / "in"), "-o", str(local), "--format", "md") == 1
    code = _run(str(tmp_path / "in"), "-o", str(distributed), "--format", "md",
                "--engine", "ray", "--jobs", "2")  # fmt: skip
    assert code == 1
    assert _outputs(distributed) == _outputs(local)
    statuses = sorted((str(e["input"]), str(e["status"])) for e in _manifest(distributed))
    assert statuses == sorted((str(e["input"]), str(e["status"])) for e in _manifest(local))
