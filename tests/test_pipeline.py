"""The Pipeline end to end on the sample article, with and without models."""

from __future__ import annotations

import json

import pytest

from summarize import Pipeline, SegmentKind
from summarize.config import ModelsConfig, RouteConfig
from summarize.data import SummaryMethod
from summarize.registry import ModelRegistry


@pytest.fixture
def offline_pipeline() -> Pipeline:
    """The shipped configuration, offline, with an empty HF cache: no model loads."""
    return Pipeline(offline=True)


def test_without_models_the_sample_still_gives_segments_and_a_summary(
    offline_pipeline: Pipeline, seed_text: str
) -> None:
    result = offline_pipeline.run_text(seed_text)
    kinds = [s.kind for s in result.segments]
    assert kinds[0] is SegmentKind.TITLE
    assert kinds.count(SegmentKind.TWEET) == 1
    assert result.translations == ()
    [summary] = result.summaries
    assert (summary.lang, summary.method) == ("ar", SummaryMethod.EXTRACTIVE)
    ids = {s.id for s in result.segments}
    assert all(set(s.source_ids) <= ids and s.source_ids for s in summary.sentences)
    routes = {w.message.split(":")[0] for w in result.warnings if w.code == "model_unavailable"}
    assert routes == {"translate.ar-en", "translate.en-ar", "summarize.ar"}


def test_summary_sentences_quote_their_sources(offline_pipeline: Pipeline, seed_text: str) -> None:
    result = offline_pipeline.run_text(seed_text)
    by_id = {s.id: s.text for s in result.segments}
    for sentence in result.summaries[0].sentences:
        assert sentence.text == by_id[sentence.source_ids[0]]


def test_tiny_models_translate_and_summarise_in_both_languages(
    tiny_config: ModelsConfig, seed_text: str
) -> None:
    result = Pipeline(tiny_config, offline=True).run_text(seed_text)
    routed = {s.id for s in result.segments if s.lang in ("ar", "en")}
    assert {t.segment_id for t in result.translations} == routed
    tweet = next(s for s in result.segments if s.kind is SegmentKind.TWEET)
    assert result.translation_of(tweet.id).direction == "en-ar"  # type: ignore[union-attr]
    assert {(s.lang, s.method) for s in result.summaries} == {
        ("ar", SummaryMethod.ABSTRACTIVE),
        ("en", SummaryMethod.ABSTRACTIVE),
    }
    assert all(s.source_ids for summary in result.summaries for s in summary.sentences)
    assert set(result.models) == {
        "translate.ar-en",
        "translate.en-ar",
        "summarize.ar",
        "summarize.en",
    }


def test_unconfigured_summariser_means_extractive_without_warning(
    tiny_config: ModelsConfig, seed_text: str
) -> None:
    routes = {k: v for k, v in tiny_config.routes.items() if k.startswith("translate")}
    config = ModelsConfig(path=tiny_config.path, routes=routes)
    result = Pipeline(config, offline=True).run_text(seed_text, to="en")
    [summary] = result.summaries
    assert (summary.lang, summary.method) == ("en", SummaryMethod.EXTRACTIVE)
    assert not [w for w in result.warnings if "summarize" in w.message]


def test_a_typo_in_a_local_model_path_is_one_warning_and_no_hub_call(tmp_path: object) -> None:
    route = RouteConfig(route="translate.ar-en", model="/nonexistent/opus-mt-ar-en", local=True)
    config = ModelsConfig(path="models.toml", routes={"translate.ar-en": route})
    result = Pipeline(config).run_text("شنت مجموعة قراصنة الإنترنت هجومًا على الشركة.", to="en")
    [warning] = [w for w in result.warnings if w.code == "model_unavailable"]
    assert "/nonexistent/opus-mt-ar-en" in warning.message
    assert "models.toml" in warning.message


def test_models_load_once_across_runs(tiny_config: ModelsConfig) -> None:
    registry = ModelRegistry(tiny_config, offline=True)
    pipeline = Pipeline(tiny_config, registry=registry)
    pipeline.run_text("Oil prices rose on world markets today.", to="ar")
    first = registry.get("translate.en-ar")
    pipeline.run_text("Prices fell again on Tuesday after the news.", to="ar")
    assert registry.get("translate.en-ar") is first


def test_result_json_round_trips(offline_pipeline: Pipeline, seed_text: str) -> None:
    data = json.loads(json.dumps(offline_pipeline.run_text(seed_text).to_dict()))
    assert data["schema_version"] == 1
    for segment in data["segments"]:
        start, end = segment["span"]
        assert data["document"]["text"][start:end].strip()


def test_translate_text_makes_one_segment_per_line(tiny_config: ModelsConfig) -> None:
    result = Pipeline(tiny_config, offline=True).translate_text(
        "Oil prices rose today.\n\nشنت مجموعة قراصنة الإنترنت هجومًا."
    )
    assert [s.lang for s in result.segments] == ["en", "ar"]
    assert result.summaries == ()
    assert len(result.translations) == 2


def test_unknown_target_is_a_usage_error(offline_pipeline: Pipeline) -> None:
    from summarize import UsageError

    with pytest.raises(UsageError, match="--to must be one of"):
        offline_pipeline.run_text("Hello there.", to="fr")
