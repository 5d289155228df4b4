"""Translation stage: routing, batching order, verbatim entities, long segments."""

from __future__ import annotations

import pytest
from conftest import RecordingBackend, make_segment

from summarize.config import ModelsConfig, RouteConfig
from summarize.data import Direction
from summarize.registry import ModelRegistry, RouteModel
from summarize.translate import (
    protect_entities,
    restore_entities,
    translate_segments,
    translate_texts,
)

AR = "شنت مجموعة قراصنة الإنترنت هجومًا على شركة CloudFlare."
EN = "Anonymous would like you to stop using these services."


def test_each_language_reaches_only_its_route(
    recording_registry: ModelRegistry, recorded: list[tuple[str, list[str]]]
) -> None:
    segments = [make_segment(1, AR, "ar"), make_segment(2, EN, "en"), make_segment(3, "123", "und")]
    translations, notices = translate_segments(segments, ("ar", "en"), recording_registry)
    assert notices == []
    assert dict(recorded) == {"translate.ar-en": [AR], "translate.en-ar": [EN]}
    assert [(t.segment_id, t.direction) for t in translations] == [
        (1, Direction.AR_EN),
        (2, Direction.EN_AR),
    ]


@pytest.mark.parametrize(
    ("targets", "expected"),
    [(("en",), {1}), (("ar",), {2}), (("ar", "en"), {1, 2})],
)
def test_target_selects_which_segments_are_translated(
    recording_registry: ModelRegistry, targets: tuple[str, ...], expected: set[int]
) -> None:
    segments = [make_segment(1, AR, "ar"), make_segment(2, EN, "en")]
    translations, _ = translate_segments(segments, targets, recording_registry)
    assert {t.segment_id for t in translations} == expected


def test_other_languages_are_not_translated(recording_registry: ModelRegistry) -> None:
    segments = [make_segment(1, "Bonjour tout le monde, comment allez-vous ?", "fr")]
    translations, _ = translate_segments(segments, ("ar", "en"), recording_registry)
    assert translations == []


def test_batches_are_length_sorted_and_outputs_return_in_reading_order(
    recording_registry: ModelRegistry, recorded: list[tuple[str, list[str]]]
) -> None:
    texts = ["one two", "one two three four five six", "one", "one two three four"]
    segments = [make_segment(i + 1, text, "en") for i, text in enumerate(texts)]
    translations, _ = translate_segments(segments, ("ar",), recording_registry)
    batches = [batch for _, batch in recorded]
    assert batches == [[texts[1], texts[3]], [texts[0], texts[2]]]  # batch_size 2, longest first
    assert [t.text for t in translations] == [f"<translate.en-ar> {text}" for text in texts]


@pytest.mark.parametrize(
    ("batch_tokens", "beams", "sizes"),
    [(0, 4, [4, 4]), (64, 1, [4, 4]), (32, 1, [2] * 4), (128, 4, [2] * 4), (5, 1, [1] * 8)],
)
def test_batches_stay_under_the_token_budget(
    batch_tokens: int, beams: int, sizes: list[int]
) -> None:
    calls: list[tuple[str, list[str]]] = []
    config = RouteConfig(
        route="translate.en-ar", model="test", batch_size=4, batch_tokens=batch_tokens,
        num_beams=beams, max_new_tokens=10,
    )  # fmt: skip
    # Every text here is 6 tokens (RecordingBackend counts words + 1) and may generate 10.
    backend = RecordingBackend(config, calls)
    texts = [f"word{i} two three four five" for i in range(8)]
    outputs, _ = translate_texts(texts, RouteModel(config=config, backend=backend))
    assert [len(batch) for _, batch in calls] == sizes
    assert outputs == [f"<translate.en-ar> {text}" for text in texts]


def test_an_engine_with_workers_gets_a_batch_for_each() -> None:
    calls: list[tuple[str, list[str]]] = []
    config = RouteConfig(route="translate.en-ar", model="test", batch_size=32)
    backend = RecordingBackend(config, calls)
    backend.workers = 2  # type: ignore[attr-defined]
    texts = [f"text number {i}" for i in range(5)]
    outputs, _ = translate_texts(texts, RouteModel(config=config, backend=backend))
    assert [len(batch) for _, batch in calls] == [3, 2]
    assert outputs == [f"<translate.en-ar> {text}" for text in texts]


def test_batches_for_workers_come_in_a_multiple_of_them() -> None:
    calls: list[tuple[str, list[str]]] = []
    config = RouteConfig(route="translate.en-ar", model="test", batch_size=4)
    backend = RecordingBackend(config, calls)
    backend.workers = 2  # type: ignore[attr-defined]
    texts = [f"text number {i}" for i in range(10)]  # 3 batches of 4 at most: 4 of 3 instead
    outputs, _ = translate_texts(texts, RouteModel(config=config, backend=backend))
    assert [len(batch) for _, batch in calls] == [3, 3, 2, 2]
    assert outputs == [f"<translate.en-ar> {text}" for text in texts]
    assert outputs == [f"<translate.en-ar> {text}" for text in texts]


def test_one_short_text_does_not_split_an_article_into_tiny_batches() -> None:
    calls: list[tuple[str, list[str]]] = []
    config = RouteConfig(route="translate.en-ar", model="test", batch_size=32)
    backend = RecordingBackend(config, calls)
    backend.workers = 2  # type: ignore[attr-defined]
    # Eleven sentences of one length (one budget) and a two-word line (a smaller budget).
    long = "has quite a few words in it, more than sixteen tokens in all, said the agency"
    texts = [f"sentence {i} {long}" for i in range(11)] + ["Short line"]
    outputs, _ = translate_texts(texts, RouteModel(config=config, backend=backend))
    assert sorted(len(batch) for _, batch in calls) == [1, 3, 4, 4]
    assert outputs == [f"<translate.en-ar> {text}" for text in texts]


def test_each_text_is_counted_once(recording_registry: ModelRegistry) -> None:
    counted: list[str] = []
    model = recording_registry.get("translate.en-ar")
    inner = model.backend.count_tokens

    def count(texts: list[str]) -> list[int]:
        counted.extend(texts)
        return inner(texts)

    model.backend.count_tokens = count  # type: ignore[method-assign]
    texts = ["one two", "one two three", "one"]
    translate_texts(texts, model)
    assert sorted(counted) == sorted(texts)


def test_missing_model_is_a_notice_not_an_error() -> None:
    registry = ModelRegistry(ModelsConfig(path="models.toml", routes={}))
    translations, notices = translate_segments([make_segment(1, AR, "ar")], ("en",), registry)
    assert translations == []
    assert [n.code for n in notices] == ["model_unavailable"]
    assert "translate.ar-en" in notices[0].message
    assert "models.toml" in notices[0].message


@pytest.mark.parametrize(
    ("text", "core", "trailing"),
    [
        (
            "#Anonymous would like you to stop. https://t.co/GqhRe4yr8U #OpParis #OpDaesh",
            "7001 would like you to stop.",
            "https://t.co/GqhRe4yr8U #OpParis #OpDaesh",
        ),
        ("No entities here.", "No entities here.", ""),
        ("#OnlyATag", "7001", ""),
    ],
)
def test_protect_entities_keeps_the_trailing_run_aside(text: str, core: str, trailing: str) -> None:
    protected = protect_entities(text)
    assert (protected.text, protected.trailing) == (core, trailing)


def test_protect_entities_lists_inline_entities_and_numbers_as_written() -> None:
    protected = protect_entities(
        "Mail a@b.org or @user about #tag: 1,500 dead, ١٢٩ too, 3.5% at 10:30 on 2015-11-19, $5."
    )
    assert protected.entities == (
        "a@b.org", "@user", "#tag", "1,500", "١٢٩", "3.5%", "10:30", "2015-11-19", "$5",
    )  # fmt: skip
    assert protected.text == (
        "Mail 7001 or 7002 about 7003: 7004 dead, 7005 too, 7006 at 7007 on 7008, 7009."
    )


def test_placeholders_never_clash_with_numbers_in_the_text() -> None:
    protected = protect_entities("Room 7001 and 7002 booked by @guest for 2 nights.")
    assert protected.entities == ("7001", "7002", "@guest", "2")
    assert protected.placeholders == ("7003", "7004", "7005", "7006")
    assert restore_entities(protected.text, protected) == protected.entities[0].join(
        ["Room ", " and 7002 booked by @guest for 2 nights."]
    )


@pytest.mark.parametrize(
    ("model_output", "expected"),
    [
        ("قال 7001 إن 7002 شخص", "قال @user إن 1,500 شخص"),  # copied in place
        ("قال ٧٠٠١ إن ٧٠٠٢ شخص", "قال @user إن 1,500 شخص"),  # in Arabic-Indic digits
        ("7002 شخص، قال 7001", "1,500 شخص، قال @user"),  # moved by the model
        ("قال شخص", "قال شخص @user 1,500"),  # dropped: appended, still verbatim
    ],
)
def test_placeholders_come_back_as_the_original_entities(model_output: str, expected: str) -> None:
    protected = protect_entities("@user said 1,500 people came.")
    assert restore_entities(model_output, protected) == expected


@pytest.mark.parametrize(
    ("caption", "handles"),
    [
        ("افتتحنا فرعنا الجديد مع @jeddah.events اليوم", ("@jeddah.events",)),
        ("What a goal by @y.rahmani tonight.", ("@y.rahmani",)),
        ("Thanks @jane.See you soon", ("@jane",)),  # a glued sentence, not a dotted handle
        ("شكراً @user.وقال", ("@user",)),
    ],
)
def test_dotted_handles_of_post_captions_are_kept_whole(
    caption: str, handles: tuple[str, ...]
) -> None:
    assert protect_entities(caption).entities == handles


class _Dropper:
    """A model that forgets everything but the first word: entities must still survive."""

    name = "dropper"
    max_input_tokens = 100

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) for t in texts]

    def generate(self, texts: list[str], *, max_new_tokens: int) -> list[str]:
        return [t.split()[0] for t in texts]


def _route_model(backend: _Dropper) -> RouteModel:
    config = RouteConfig(route="translate.en-ar", model="dropper", batch_size=8, max_new_tokens=64)
    return RouteModel(config=config, backend=backend)


def test_entities_dropped_by_the_model_are_restored_verbatim() -> None:
    text = "Stop using @CloudFlare now, 129 sites https://t.co/GqhRe4yr8U #OpParis"
    [out], _ = translate_texts([text], _route_model(_Dropper()))
    for entity in ("@CloudFlare", "129", "https://t.co/GqhRe4yr8U", "#OpParis"):
        assert entity in out
    assert out.endswith("https://t.co/GqhRe4yr8U #OpParis")


def test_long_segment_is_split_not_cut(
    recorded: list[tuple[str, list[str]]],
) -> None:
    config = RouteConfig(route="translate.en-ar", model="x", max_input_tokens=6, batch_size=8)
    backend = RecordingBackend(config, recorded)
    text = "one two three, four five six, seven eight nine, ten eleven twelve"
    [out], notices = translate_texts([text], RouteModel(config=config, backend=backend))
    sent = [text for _, batch in recorded for text in batch]
    assert len(sent) > 1
    assert all(backend.count_tokens([part])[0] <= 6 for part in sent)
    assert " ".join(sent).split() == text.split()
    assert [n.code for _, n in notices] == ["segment_split"]
    for word in text.replace(",", "").split():
        assert word in out


def test_tiny_models_translate_every_routed_segment(tiny_config: ModelsConfig) -> None:
    registry = ModelRegistry(tiny_config, offline=True)
    segments = [make_segment(1, AR, "ar"), make_segment(2, EN + " #OpParis", "en")]
    translations, notices = translate_segments(segments, ("ar", "en"), registry)
    assert [n.code for n in notices] == []
    assert [(t.segment_id, str(t.direction)) for t in translations] == [(1, "ar-en"), (2, "en-ar")]
    assert all(t.text.strip() for t in translations)
    assert translations[1].text.endswith("#OpParis")
    assert translations[0].model.endswith("ar-en")
