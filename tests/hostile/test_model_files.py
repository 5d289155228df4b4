"""Model folders from strangers: nothing in them runs, nothing crashes the run or hangs it.

Each broken folder serves the ar-en route; the run goes on and says the route is
unavailable (a ``model_unavailable`` warning), as the README promises.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ARABIC, copy_model, models_toml, run_cli


def _warnings(stdout: bytes) -> list[dict[str, str]]:
    result = json.loads(stdout)
    return [w for w in result["warnings"] if w["code"] == "model_unavailable"]


def _run_with(model: Path, tmp_path: Path, stdin: bytes = b"") -> tuple[int, list[dict[str, str]]]:
    toml = models_toml(tmp_path, translate_ar_en=model)
    article = tmp_path / "article.txt"
    article.write_text(ARABIC, encoding="utf-8")
    completed = run_cli(str(article), "--format", "json", "--models", str(toml), stdin=stdin)
    assert b"Traceback" not in completed.stderr, completed.stderr
    return completed.returncode, _warnings(completed.stdout)


def _auto_map(folder: Path, config_name: str) -> Path:
    marker = folder.parent / "code-ran.txt"
    (folder / "evil.py").write_text(
        f"open({str(marker)!r}, 'w').write('ran')\nclass Evil: pass\n", encoding="utf-8"
    )
    data = json.loads((folder / config_name).read_text(encoding="utf-8"))
    data["auto_map"] = {"AutoConfig": "evil.Evil", "AutoTokenizer": ["evil.Evil", None],
                        "AutoModelForSeq2SeqLM": "evil.Evil"}  # fmt: skip
    (folder / config_name).write_text(json.dumps(data), encoding="utf-8")
    return marker


@pytest.mark.parametrize("config_name", ["config.json", "tokenizer_config.json"])
def test_auto_map_code_never_runs_even_with_yes_on_stdin(
    tiny_models_toml: Path, tmp_path: Path, config_name: str
) -> None:
    folder = copy_model(tiny_models_toml, "ar-en", tmp_path)
    marker = _auto_map(folder, config_name)
    code, warnings = _run_with(folder, tmp_path, stdin=b"y\ny\ny\n")
    assert code == 0
    assert not marker.exists()
    assert "auto_map" in warnings[0]["message"]


def _truncate_weights(folder: Path) -> None:
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])


def _garbage_weights(folder: Path) -> None:
    (folder / "model.safetensors").write_bytes(os.urandom(4096))


def _config_array(folder: Path) -> None:
    (folder / "config.json").write_text("[1, 2, 3]", encoding="utf-8")


def _config_not_json(folder: Path) -> None:
    (folder / "config.json").write_text("{not json", encoding="utf-8")


def _vocab_array(folder: Path) -> None:
    (folder / "vocab.json").write_text('["<pad>", "</s>"]', encoding="utf-8")


def _vocab_dev_zero(folder: Path) -> None:
    (folder / "vocab.json").unlink()
    (folder / "vocab.json").symlink_to("/dev/zero")


def _vocab_fifo(folder: Path) -> None:
    (folder / "vocab.json").unlink()
    os.mkfifo(folder / "vocab.json")


def _broken_sentencepiece(folder: Path) -> None:
    (folder / "source.spm").write_bytes(b"\x00\x01 not a sentencepiece model" * 10)


def _absurd_dimensions(folder: Path) -> None:
    data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    data["d_model"] = 1_000_000_000
    (folder / "config.json").write_text(json.dumps(data), encoding="utf-8")


def _link_loop(folder: Path) -> None:
    (folder / "loop.json").symlink_to(folder / "loop.json")


class _Payload:
    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (os.system, ("touch pickle-ran.txt",))


def _pickled_bin(folder: Path) -> None:
    (folder / "model.safetensors").unlink()
    (folder / "pytorch_model.bin").write_bytes(pickle.dumps(_Payload()))


@pytest.mark.parametrize(
    ("break_it", "reason"),
    [
        (_truncate_weights, ""),
        (_garbage_weights, ""),
        (_config_array, "not a JSON object"),
        (_config_not_json, "not valid JSON"),
        (_vocab_array, ""),
        (_vocab_dev_zero, "not a regular file"),
        (_vocab_fifo, "not a regular file"),
        (_broken_sentencepiece, ""),
        (_absurd_dimensions, "d_model"),
        (_link_loop, "cannot be read"),
        (_pickled_bin, ""),
    ],
)
def test_a_broken_model_folder_is_a_warning_and_the_run_goes_on(
    tiny_models_toml: Path, tmp_path: Path, break_it: Callable[[Path], None], reason: str
) -> None:
    folder = copy_model(tiny_models_toml, "ar-en", tmp_path)
    break_it(folder)
    code, warnings = _run_with(folder, tmp_path)
    assert code == 0
    assert len(warnings) == 1
    assert reason in warnings[0]["message"]
    assert not (tmp_path / "pickle-ran.txt").exists()


def test_an_interrupted_download_in_the_cache_is_a_warning(
    tiny_models_toml: Path, tmp_path: Path
) -> None:
    hub = tmp_path / "hf" / "hub" / "models--org--tiny"
    snapshot = hub / "snapshots" / ("0" * 40)
    source = tiny_models_toml.parent / "ar-en"
    snapshot.mkdir(parents=True)
    (hub / "refs").mkdir()
    (hub / "refs" / "main").write_text("0" * 40, encoding="utf-8")
    for path in source.iterdir():
        (snapshot / path.name).write_bytes(path.read_bytes())
    _truncate_weights(snapshot)
    toml = models_toml(tmp_path, translate_ar_en="org/tiny")
    article = tmp_path / "article.txt"
    article.write_text(ARABIC, encoding="utf-8")
    completed = run_cli(str(article), "--format", "json", "--models", str(toml),
                        env={"HF_HOME": str(tmp_path / "hf")})  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert len(_warnings(completed.stdout)) == 1


def test_cuda_without_a_gpu_is_a_warning(tiny_models_toml: Path, tmp_path: Path) -> None:
    toml = models_toml(tmp_path, translate_ar_en=tiny_models_toml.parent / "ar-en")
    toml.write_text(toml.read_text(encoding="utf-8") + 'device = "cuda"\n', encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARABIC, encoding="utf-8")
    completed = run_cli(str(article), "--format", "json", "--models", str(toml),
                        env={"CUDA_VISIBLE_DEVICES": ""})  # fmt: skip
    assert completed.returncode == 0
    assert "no usable GPU" in _warnings(completed.stdout)[0]["message"]


def test_models_check_reports_every_route(tiny_models_toml: Path, tmp_path: Path) -> None:
    broken = copy_model(tiny_models_toml, "ar-en", tmp_path)
    _config_array(broken)
    other = copy_model(tiny_models_toml, "summarize-en", tmp_path)
    _garbage_weights(other)
    toml = models_toml(
        tmp_path, translate_ar_en=broken, translate_en_ar=tiny_models_toml.parent / "en-ar",
        summarize_en=other, summarize_ar=tiny_models_toml.parent / "summarize-ar",
    )  # fmt: skip
    completed = run_cli("models", "check", "--models", str(toml))
    out = completed.stdout.decode()
    assert completed.returncode == 1
    assert b"Traceback" not in completed.stderr
    for route in ("translate.ar-en", "translate.en-ar", "summarize.en", "summarize.ar"):
        assert route in out
    assert out.count(": ok (") == 2
