"""summarize batch: outputs mirror the inputs, bad files fail alone, runs resume exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import ENGLISH
from batch_support import articles as _articles
from batch_support import manifest as _manifest
from batch_support import outputs as _outputs
from batch_support import unreadable as _unreadable

from summarize.cli import main


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


def test_local_worker_processes_give_the_same_outputs(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 40)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run(str(tmp_path / "in"), "-o", str(one)) == 1
    assert _run(str(tmp_path / "in"), "-o", str(two), "--jobs", "2") == 1
    assert _outputs(two) == _outputs(one)
    assert len(_manifest(two)) == 41


def test_the_manifest_keeps_the_latest_line_of_each_input_in_first_seen_order(
    tmp_path: Path,
) -> None:
    from summarize.manifest import Entry, Manifest

    manifest = Manifest(tmp_path)
    for name, status, run in [("a", "failed", "1"), ("b", "ok", "1"), ("a", "ok", "2")]:
        manifest.append(Entry(input=name, sha256="0" * 64, settings="s", status=status, run=run))
    with manifest.path.open("a", encoding="utf-8") as handle:
        handle.write('{"input": "c", "sta')  # the tail of a line a crash cut off
    manifest.compact()
    lines = [json.loads(line) for line in manifest.path.read_text(encoding="utf-8").splitlines()]
    assert [(e["input"], e["status"], e["run"]) for e in lines] == [
        ("a", "ok", "2"),
        ("b", "ok", "1"),
    ]
