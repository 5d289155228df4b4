"""Shared fixtures: a hermetic environment, tiny real models, and a recording backend."""

from __future__ import annotations

import importlib.util
import os
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import pytest

from summarize.backends import Backend, BackendKind, LoadOptions
from summarize.config import ModelsConfig, RouteConfig, load_config
from summarize.data import Document, Segment, SegmentKind
from summarize.registry import ModelRegistry

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SEED_ARTICLE = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"


def pytest_configure(config: pytest.Config) -> None:
    """Before any import: huggingface_hub fixes its cache path when first imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="summarize-hf-home-")


@pytest.fixture(autouse=True)
def hermetic_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No hub, no user config, deterministic seeds: a stray hub call fails at once."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SUMMARIZE_MODELS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    random.seed(0)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(0)


def load_module(path: Path) -> ModuleType:
    """Import a script by its file path (tests/, benchmarks/ and examples/ are no packages)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tiny_models_toml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny real Marian and T5 models (safetensors) and a models.toml pointing at them."""
    path: Path = load_module(TESTS / "make_tiny_models.py").build_tiny_models(
        tmp_path_factory.mktemp("tiny-models")
    )
    return path


@pytest.fixture(scope="session")
def tiny_config(tiny_models_toml: Path) -> ModelsConfig:
    """The validated configuration of the tiny models."""
    return load_config(str(tiny_models_toml))


@pytest.fixture
def seed_text() -> str:
    """The sample article, as shipped in seeds/."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


class RecordingBackend:
    """A test double plugged in through the real registry: it records every batch.

    Its "translation" is the input tagged with the route, so tests can see which model
    each segment reached and in what order.
    """

    def __init__(self, config: RouteConfig, calls: list[tuple[str, list[str]]]) -> None:
        self.name = f"recording:{config.route}"
        self.max_input_tokens = config.max_input_tokens
        self.route = config.route
        self.calls = calls

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(text.split()) + 1 for text in texts]

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        self.calls.append((self.route, list(texts)))
        return [f"<{self.route}> {text}" for text in texts]


@pytest.fixture
def recorded() -> list[tuple[str, list[str]]]:
    """Every ``generate`` call the recording backend saw: ``(route, batch)``."""
    return []


@pytest.fixture
def recording_registry(recorded: list[tuple[str, list[str]]]) -> ModelRegistry:
    """A registry whose every route is served by ``RecordingBackend``."""
    routes = {
        route: RouteConfig(route=route, model=f"test/{route}", backend="recording", batch_size=2)
        for route in ("translate.ar-en", "translate.en-ar")
    }
    config = ModelsConfig(path="<test>", routes=routes)

    def loader(config: RouteConfig, options: LoadOptions) -> RecordingBackend:
        return RecordingBackend(config, recorded)

    return ModelRegistry(config, backends={"recording": backend_kind("recording", loader)})


class _FunctionKind(BackendKind):
    def __init__(self, name: str, load: Callable[[RouteConfig, LoadOptions], Backend]) -> None:
        self.name = name
        self._load = load

    def load(self, config: RouteConfig, options: LoadOptions) -> Backend:
        return self._load(config, options)


def backend_kind(name: str, load: Callable[[RouteConfig, LoadOptions], Backend]) -> BackendKind:
    """A backend engine made of one load function, registered in a test's own registry."""
    return _FunctionKind(name, load)


def make_segment(
    id: int, text: str, lang: str, kind: SegmentKind = SegmentKind.SENTENCE
) -> Segment:
    """A segment with a made-up span, for stage tests that do not need a parser."""
    return Segment(id=id, kind=kind, text=text, span=(0, len(text)), lang=lang, lang_confidence=1.0)


def make_document(text: str, source: str = "<test>") -> Document:
    """A document from literal text."""
    return Document(text=text, source=source)
