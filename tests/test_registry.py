"""The model registry: load once, remember failures without leaking, one door to backends."""

from __future__ import annotations

import gc
import traceback
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import RecordingBackend, backend_kind

from summarize import Pipeline
from summarize.backends import Availability, Backend, BackendKind, LoadOptions
from summarize.config import ModelsConfig, RouteConfig
from summarize.errors import ModelUnavailable
from summarize.registry import ModelRegistry


def _missing_model_config(tmp_path: Path) -> ModelsConfig:
    route = RouteConfig(route="translate.ar-en", model=str(tmp_path / "nowhere"), local=True)
    return ModelsConfig(path=str(tmp_path / "models.toml"), routes={route.route: route})


def _depth(registry: ModelRegistry) -> int:
    try:
        registry.get("translate.ar-en")
    except ModelUnavailable as exc:
        return len(traceback.extract_tb(exc.__traceback__))
    raise AssertionError("the route should be unavailable")


def test_a_remembered_failure_is_raised_fresh_every_time(tmp_path: Path) -> None:
    registry = ModelRegistry(_missing_model_config(tmp_path), offline=True)
    first = _depth(registry)
    for _ in range(50):
        _depth(registry)
    assert _depth(registry) == first
    with pytest.raises(ModelUnavailable) as one:
        registry.get("translate.ar-en")
    with pytest.raises(ModelUnavailable) as two:
        registry.get("translate.ar-en")
    assert one.value is not two.value
    assert str(one.value) == str(two.value)


def test_pipeline_reused_500_times_on_an_unavailable_route_does_not_grow(tmp_path: Path) -> None:
    pipeline = Pipeline(_missing_model_config(tmp_path), offline=True)
    text = "قال المتحدث إن الاجتماع انتهى. وأضاف أن المحادثات ستستمر غدا."

    def run(times: int) -> None:
        for _ in range(times):
            result = pipeline.run_text(text, to="en")
            assert result.warnings[0].code == "model_unavailable"

    run(20)  # warm up: caches, interned strings, langdetect-free path
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        run(500)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert grown < 64 * 1024, f"grew by {grown} bytes over 500 runs"
    assert _depth(pipeline.registry) <= 3


class _CountingKind(BackendKind):
    """An engine that records what the registry asks of it."""

    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def load(self, config: RouteConfig, options: LoadOptions) -> Backend:
        self.asked.append(f"load {config.route}")
        if config.model == "broken":
            raise RuntimeError("weights are garbage\nsecond line")
        return RecordingBackend(config, [])

    def availability(self, config: RouteConfig) -> Availability:
        self.asked.append(f"availability {config.route}")
        return Availability(
            route=config.route, model=config.model, revision=None, local=False,
            available=config.model != "broken", detail="counted", backend=self.name,
        )  # fmt: skip

    def fetch(self, config: RouteConfig) -> str:
        self.asked.append(f"fetch {config.route}")
        return "fetched"


def _registry(kind: BackendKind, **models: str) -> ModelRegistry:
    routes = {
        name.replace("_", "."): RouteConfig(
            route=name.replace("_", "."), model=model, backend="counting"
        )
        for name, model in models.items()
    }
    return ModelRegistry(ModelsConfig(path="m.toml", routes=routes), backends={"counting": kind})


def test_list_pull_and_check_go_through_the_backend_kind() -> None:
    kind = _CountingKind()
    registry = _registry(kind, summarize_en="good")
    assert registry.availability("summarize.en").detail == "counted"
    assert registry.fetch("summarize.en") == "fetched"
    assert registry.probe("summarize.en").name == "recording:summarize.en"
    assert kind.asked == ["availability summarize.en", "fetch summarize.en", "load summarize.en"]


def test_any_load_failure_becomes_model_unavailable_with_its_first_line() -> None:
    registry = _registry(_CountingKind(), summarize_en="broken")
    with pytest.raises(ModelUnavailable, match=r"cannot be loaded \(weights are garbage\)"):
        registry.get("summarize.en")


def test_probe_turns_a_failing_generate_into_model_unavailable() -> None:
    class Failing(RecordingBackend):
        def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
            raise RuntimeError("CUDA error: no kernel image")

    def load(config: RouteConfig, options: LoadOptions) -> Backend:
        return Failing(config, [])

    routes = {"summarize.en": RouteConfig(route="summarize.en", model="m", backend="failing")}
    registry = ModelRegistry(
        ModelsConfig(path="m.toml", routes=routes), backends={"failing": backend_kind("f", load)}
    )
    with pytest.raises(ModelUnavailable, match=r"fails to generate \(CUDA error"):
        registry.probe("summarize.en")


def test_an_unconfigured_route_names_the_table_to_add() -> None:
    registry = _registry(_CountingKind())
    with pytest.raises(ModelUnavailable, match=r"add a \[summarize.ar\] table to m.toml"):
        registry.availability("summarize.ar")
