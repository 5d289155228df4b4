"""models.toml is checked up front: absurd numbers and odd ids are exit 2 naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED, one_error_line, run_cli

ROUTE = '[translate.ar-en]\nmodel = "{model}"\n'


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ("max_new_tokens = 1000000000", "max_new_tokens"),
        ("num_beams = 100000000", "num_beams"),
        ("batch_size = 1000000", "batch_size"),
        ("max_input_tokens = 10000000", "max_input_tokens"),
        ("threads = 100000", "threads"),
        ("no_repeat_ngram_size = -1", "no_repeat_ngram_size"),
        ("max_new_tokens = 1e9", "max_new_tokens"),
        ('backend = "ctranslate3"', "backend"),
        ('device = "tpu"', "device"),
    ],
)
def test_out_of_range_values_are_refused_naming_the_key(
    tmp_path: Path, extra: str, key: str
) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text(ROUTE.format(model="org/name") + extra + "\n", encoding="utf-8")
    completed = run_cli(str(SEED), "--models", str(toml))
    assert completed.returncode == 2
    line = one_error_line(completed)
    assert f"translate.ar-en.{key}" in line
    assert str(toml) in line


@pytest.mark.parametrize("model", ["org/..name", "org--x/name", "-org/name", "org/name.", "a b/c"])
def test_hub_ids_the_hub_would_refuse_are_refused_up_front(tmp_path: Path, model: str) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text(ROUTE.format(model=model), encoding="utf-8")
    completed = run_cli("models", "list", "--models", str(toml))
    assert completed.returncode == 2
    assert "translate.ar-en.model" in one_error_line(completed)


def test_a_models_toml_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    toml = tmp_path / "models.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + ROUTE.format(model="org/name").encode())
    completed = run_cli("models", "list", "--models", str(toml))
    assert completed.returncode == 0, completed.stderr
    assert b"org/name" in completed.stdout


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null/x", "/proc"])
def test_a_models_path_that_is_not_a_file_fails_at_once(path: str) -> None:
    completed = run_cli("models", "list", "--models", path, timeout=30)
    assert completed.returncode == 2
    assert path in one_error_line(completed)
