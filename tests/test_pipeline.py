"""The Pipeline end to end on the sample article, with and without models."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


DATELINE_ARTICLE = (
    "دبي، الإمارات العربية المتحدة (CNN)-- أعلنت السلطات التركية حالة الطوارئ في عشر ولايات "
    "بعد الزلزال القوي الذي ضرب جنوب البلاد فجر الاثنين.\n"
    "اقرأ أيضا: زلزال بقوة 6 درجات يضرب جزيرة يونانية\n"
    "وقالت وزارة الصحة إن المستشفيات في المنطقة تعمل بكامل طاقتها لاستقبال الجرحى.\n"
    "وأرسلت دول عدة فرق إنقاذ متخصصة للمساعدة في البحث عن ناجين تحت الأنقاض.\n"
)


@pytest.mark.parametrize(("sentences", "chosen"), [(None, 1), (2, 2)])
def test_summary_leaves_out_the_dateline_and_read_more_lines(
    offline_pipeline: Pipeline, sentences: int | None, chosen: int
) -> None:
    pipeline = Pipeline(offline_pipeline.config, offline=True, summary_sentences=sentences)
    result = pipeline.run_text(DATELINE_ARTICLE, to="ar")
    by_id = {s.id: s.text for s in result.segments}
    summary = result.summaries[0].sentences
    assert len(summary) == chosen
    assert summary[0].text.startswith("أعلنت السلطات التركية")
    assert by_id[summary[0].source_ids[0]].endswith(summary[0].text)
    assert all("اقرأ" not in s.text and "CNN" not in s.text for s in summary)


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


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859-6", "utf-16", "utf-8-sig"])
def test_sample_in_legacy_and_wide_encodings_segments_like_utf8(
    offline_pipeline: Pipeline, seed_text: str, tmp_path: Path, encoding: str
) -> None:
    # ISO-8859-6 has no typographic quotes or em dash: a real file would carry these.
    text = seed_text.translate(str.maketrans({"“": '"', "”": '"', "—": "-"}))
    path = tmp_path / f"article.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    expected = offline_pipeline.run_text(text)
    got = offline_pipeline.run_file(str(path))
    assert [(s.kind, s.lang, s.text, s.tweet) for s in got.segments] == [
        (s.kind, s.lang, s.text, s.tweet) for s in expected.segments
    ]
    if encoding.startswith(("cp", "iso")):
        assert got.document.encoding == encoding
        assert any(w.code == "encoding_detected" for w in got.warnings)


def test_html_page_with_the_sample_tweet_embed_gives_the_same_tweet(
    offline_pipeline: Pipeline, seed_text: str, tmp_path: Path
) -> None:
    page = tmp_path / "article.html"
    page.write_text(SAMPLE_PAGE, encoding="utf-8")
    result = offline_pipeline.run_file(str(page))
    [tweet] = [s for s in result.segments if s.kind is SegmentKind.TWEET]
    plain = next(s for s in offline_pipeline.run_text(seed_text).segments if s.tweet)
    assert tweet.tweet is not None
    assert plain.tweet is not None
    for field in ("text", "author", "handle", "date", "urls", "hashtags", "mentions"):
        assert getattr(tweet.tweet, field) == getattr(plain.tweet, field), field
    assert tweet.tweet.link == "https://twitter.com/TheAnonMovement/status/667396004588879872"
    assert result.segments[0].kind is SegmentKind.TITLE
    assert result.document.title == result.segments[0].text
    assert not any("الرئيسية" in s.text for s in result.segments)  # the menu is not the article


SAMPLE_PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>أنونيموس تتهم شركة CloudFlare | أخبار</title></head><body>
<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة على الإنترنت</h1>
<p>شنت مجموعة قراصنة الإنترنت المعروفة “أنونيموس” Anonymous هجومًا على شركة خدمات الويب.</p>
<p>ودعت مجموعة أنونيموس إلى عدم استخدام خدمات “كلاود فلير” بعد الآن.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr"><a
href="https://twitter.com/hashtag/Anonymous?src=hash">#Anonymous</a> would also like to encourage
you to not use <a href="https://twitter.com/CloudFlare">@CloudFlare</a> services any longer.
<a href="https://t.co/GqhRe4yr8U">https://t.co/GqhRe4yr8U</a> <a
href="https://twitter.com/hashtag/OpParis?src=hash">#OpParis</a> <a
href="https://twitter.com/hashtag/OpDaesh?src=hash">#OpDaesh</a></p>&mdash; Anonymous
(@TheAnonMovement) <a href="https://twitter.com/TheAnonMovement/status/667396004588879872">November
19, 2015</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
<p>وكان أحد أعضاء المجموعة قد أكد أن أنونيموس ستطارد من تبنى هجمات باريس الأخيرة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>
"""


def test_pdf_presentation_forms_segment_and_detect_like_the_plain_sample(
    offline_pipeline: Pipeline, seed_text: str
) -> None:
    from arabic_reshaper import ArabicReshaper

    # What a PDF copy-paste gives; harakat kept (the reshaper drops them by default).
    shaped = ArabicReshaper(configuration={"delete_harakat": False}).reshape(seed_text)
    assert shaped != seed_text
    plain = offline_pipeline.run_text(seed_text)
    pdf = offline_pipeline.run_text(shaped)

    # A lam-alef ligature carries the tanween of its lam after itself (قتيلاً for قتيلًا):
    # the letters, spans, kinds and languages are identical; only that mark moves.
    def key(result: object) -> list[tuple[object, ...]]:
        return [(s.kind, s.lang, s.span, TASHKEEL.sub("", s.text)) for s in result.segments]  # type: ignore[attr-defined]

    assert key(pdf) == key(plain)
    assert any(w.code == "presentation_forms" for w in pdf.warnings)


TASHKEEL = re.compile("[\u064b-\u0652]")
