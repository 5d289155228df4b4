"""Tests for tests/make_tiny_models.py: the tiny models load and generate like real ones."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import load_module

SCRIPT = Path(__file__).with_name("make_tiny_models.py")
MODEL_DIRS = ("ar-en", "en-ar", "summarize-en", "summarize-ar")
AR_TEXTS = [
    "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة على الإنترنت",
    "شنت مجموعة قراصنة الإنترنت المعروفة هجومًا على شركة خدمات الويب",
    "ب",
]
EN_TEXTS = [
    "#Anonymous would also like to encourage you to not use @CloudFlare services any longer.",
    "Oil prices rose on world markets today.",
    "x",
]
INPUTS = {
    "ar-en": AR_TEXTS,
    "en-ar": [f">>ara<< {text}" for text in EN_TEXTS],
    "summarize-en": EN_TEXTS,
    "summarize-ar": AR_TEXTS,
}
MAX_NEW_TOKENS = 12

pytestmark = pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")


def load_script() -> ModuleType:
    """Import make_tiny_models.py by file path (tests/ is not a package)."""
    return load_module(SCRIPT)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """The make_tiny_models module."""
    return load_script()


@pytest.fixture(scope="module")
def models_toml(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the tiny models, into a directory that does not exist yet."""
    path: Path = script.build_tiny_models(tmp_path_factory.mktemp("tiny") / "models")
    return path


def load(model_dir: Path) -> tuple[Any, Any]:
    """Load tokenizer and model exactly as the product does."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(
        model_dir, use_safetensors=True, trust_remote_code=False
    )
    return tokenizer, model


def test_models_toml_points_at_absolute_dirs(models_toml: Path) -> None:
    registry = tomllib.loads(models_toml.read_text(encoding="utf-8"))
    assert set(registry) == {"translate", "summarize"}
    assert set(registry["translate"]) == {"ar-en", "en-ar"}
    assert set(registry["summarize"]) == {"en", "ar"}
    assert registry["translate"]["en-ar"]["prefix"] == ">>ara<<"
    for section in registry.values():
        for entry in section.values():
            model = Path(entry["model"])
            assert model.is_absolute()
            assert model.parent == models_toml.parent
            assert (model / "config.json").is_file()


@pytest.mark.parametrize("name", MODEL_DIRS)
def test_weights_are_safetensors_only(models_toml: Path, name: str) -> None:
    model_dir = models_toml.parent / name
    assert (model_dir / "model.safetensors").is_file()
    assert not list(model_dir.glob("*.bin"))


@pytest.mark.parametrize("name", MODEL_DIRS)
def test_generates_fixed_length_non_empty_output(models_toml: Path, name: str) -> None:
    tokenizer, model = load(models_toml.parent / name)
    enc = tokenizer(INPUTS[name], return_tensors="pt", padding=True, truncation=True, max_length=64)
    kwargs = {"max_new_tokens": MAX_NEW_TOKENS, "num_beams": 1, "no_repeat_ngram_size": 3}
    out = model.generate(**enc, **kwargs)
    texts = tokenizer.batch_decode(out, skip_special_tokens=True)
    assert len(texts) == len(INPUTS[name])
    assert all(text.strip() for text in texts), texts
    # EOS is never generated: every row runs to max_new_tokens (+1 decoder start token).
    assert out.shape[1] == MAX_NEW_TOKENS + 1
    assert (out[:, 1:] != model.config.eos_token_id).all()
    assert out.equal(model.generate(**enc, **kwargs)), "greedy decoding must be deterministic"


def test_en_ar_knows_language_token(models_toml: Path) -> None:
    tokenizer, _ = load(models_toml.parent / "en-ar")
    assert tokenizer.tokenize(">>ara<< Hello")[0] == ">>ara<<"
    token_id = tokenizer.convert_tokens_to_ids(">>ara<<")
    assert token_id != tokenizer.unk_token_id
    assert tokenizer(">>ara<< Hello")["input_ids"][0] == token_id


def test_builds_are_byte_identical(script: ModuleType, models_toml: Path, tmp_path: Path) -> None:
    second: Path = script.build_tiny_models(tmp_path)
    assert second == tmp_path.resolve() / "models.toml"
    for name in MODEL_DIRS:
        first_dir, second_dir = models_toml.parent / name, second.parent / name
        files = sorted(path.name for path in first_dir.iterdir())
        assert files == sorted(path.name for path in second_dir.iterdir())
        for file in files:
            assert (first_dir / file).read_bytes() == (second_dir / file).read_bytes(), file
