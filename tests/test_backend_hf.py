"""The transformers backend and registry on tiny real models: cache, offline, errors."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import backend_kind

from summarize.backends import Backend, LoadOptions
from summarize.backends.hf import HFKind, load_transformers
from summarize.config import ModelsConfig, RouteConfig
from summarize.errors import ConfigError, ModelUnavailable
from summarize.registry import ModelRegistry


def _route(config: ModelsConfig, route: str) -> RouteConfig:
    return config.routes[route]


def _install_in_hf_cache(model_dir: Path, cache: Path, repo_id: str) -> Path:
    """Lay a local model out as the Hugging Face hub cache stores a download."""
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    return repo


def test_hub_id_loads_from_the_cache_offline(tiny_config: ModelsConfig) -> None:
    # huggingface_hub fixes its cache path at import, inside the first test's temporary
    # HF_HOME (see conftest); put the model where it looks.
    from huggingface_hub import constants

    local = _route(tiny_config, "translate.ar-en")
    repo = _install_in_hf_cache(Path(local.model), Path(constants.HF_HUB_CACHE), "tiny/ar-en")
    try:
        route = replace(local, model="tiny/ar-en", local=False)
        assert HFKind().availability(route).available
        backend = load_transformers(route, LoadOptions(offline=True))
        [out] = backend.generate(["شنت مجموعة قراصنة الإنترنت هجومًا."], max_new_tokens=5)
        assert out.strip()
    finally:
        shutil.rmtree(repo)


def test_uncached_hub_model_offline_says_how_to_fix(tiny_config: ModelsConfig) -> None:
    route = replace(_route(tiny_config, "translate.ar-en"), model="nobody/missing", local=False)
    assert not HFKind().availability(route).available
    with pytest.raises(ModelUnavailable, match="summarize models pull") as info:
        load_transformers(route, LoadOptions(offline=True))
    assert info.value.route == "translate.ar-en"


def test_missing_local_directory_is_unavailable_without_loading(tmp_path: Path) -> None:
    route = RouteConfig(route="translate.en-ar", model=str(tmp_path / "typo"), local=True)
    with pytest.raises(ModelUnavailable, match="no model directory"):
        load_transformers(route, LoadOptions())


def test_unknown_language_prefix_is_refused(tiny_config: ModelsConfig) -> None:
    route = replace(_route(tiny_config, "translate.en-ar"), prefix=">>xyz<<")
    with pytest.raises(ModelUnavailable, match=">>ara<<"):
        load_transformers(route, LoadOptions(offline=True))


def test_prefix_is_counted_as_input(tiny_config: ModelsConfig) -> None:
    route = _route(tiny_config, "translate.en-ar")
    with_prefix = load_transformers(route, LoadOptions(offline=True))
    without = load_transformers(replace(route, prefix=""), LoadOptions(offline=True))
    text = ["Oil prices rose today."]
    assert with_prefix.count_tokens(text)[0] == without.count_tokens(text)[0] + 1


def test_batch_outputs_keep_input_order(tiny_config: ModelsConfig) -> None:
    backend = load_transformers(_route(tiny_config, "translate.en-ar"), LoadOptions(offline=True))
    texts = ["Oil prices rose today.", "x", "The group said it would attack more sites soon."]
    batched = backend.generate(texts, max_new_tokens=6)
    single = [backend.generate([t], max_new_tokens=6)[0] for t in texts]
    assert batched == single


def test_registry_remembers_failures(tiny_config: ModelsConfig) -> None:
    calls: list[str] = []

    def failing(config: RouteConfig, options: LoadOptions) -> Backend:
        calls.append(config.route)
        raise ModelUnavailable(config.route, config.model, "broken", "fix it")

    route = replace(_route(tiny_config, "translate.ar-en"), backend="failing")
    registry = ModelRegistry(
        ModelsConfig(path="m.toml", routes={route.route: route}),
        backends={"failing": backend_kind("failing", failing)},
    )
    for _ in range(3):
        with pytest.raises(ModelUnavailable):
            registry.get("translate.ar-en")
    assert calls == ["translate.ar-en"]


def test_unknown_backend_is_a_config_error_listing_the_known_ones(
    tiny_config: ModelsConfig,
) -> None:
    route = replace(_route(tiny_config, "translate.ar-en"), backend="ctranslate3")
    with pytest.raises(ConfigError, match="hf, transformers"):
        ModelRegistry(ModelsConfig(path="m.toml", routes={route.route: route}))
