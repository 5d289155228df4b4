"""The summaries of documents run together: which kind each gets, and one model call for all.

Each document gets one summary per target language that enough of it is available in
(source or translation). Abstractive summaries of one language go through the model
together, every chunk of every document in the same length-sorted batches, so a batch
run of short articles fills the model's batches; the extractive summary is the choice
when no model is configured and the fallback when one cannot be loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.abstractive import summarize_many
from summarize.data import Notice, Route, Segment, SegmentKind, Summary, Translation
from summarize.entities import main_language
from summarize.errors import ModelUnavailable
from summarize.extractive import summarize_extractive
from summarize.registry import ModelRegistry

__all__ = ["summarize_documents"]

# A summary in a language needs most of the article in that language (source or
# translation); below this share of the text it would summarise a fragment.
_MIN_COVERAGE = 0.5

_Unit = tuple[int, str]
_Key = tuple[int, str]  # (document, language)


def summarize_documents(
    documents: Sequence[tuple[Sequence[Segment], Sequence[Translation]]],
    targets: Sequence[str],
    registry: ModelRegistry,
    *,
    sentences: int | None = None,
) -> list[tuple[list[Summary], list[Notice]]]:
    """Summarise each document in each target language, batching the model calls.

    Args:
        documents: Each document's segments and its translations.
        targets: The target languages, in the order their summaries are listed.
        registry: Loads the summarisation models once.
        sentences: Sentences of an extractive summary (``None``: standfirst length).

    Returns:
        ``(summaries, notices)`` per document, in order. A missing model never raises.
    """
    found: dict[_Key, Summary] = {}
    notes: dict[_Key, list[Notice]] = {}
    wanted: dict[str, list[tuple[int, list[_Unit], str | None]]] = {}
    for d, (segments, translations) in enumerate(documents):
        for lang in targets:
            units, title, coverage = view(segments, translations, lang)
            if units and coverage >= _MIN_COVERAGE:
                wanted.setdefault(lang, []).append((d, units, title))
            else:
                notes[(d, lang)] = [Notice(
                    code="summary_skipped",
                    message=f"no {lang} summary: only {coverage:.0%} of the article is "
                    f"available in {lang} (a translation model is missing)",
                )]  # fmt: skip
    for lang, jobs in wanted.items():
        _summarize_language(lang, jobs, registry, sentences, found, notes)
    out = []
    for d, (segments, _) in enumerate(documents):
        summaries = [found[(d, lang)] for lang in targets if (d, lang) in found]
        notices = [n for lang in targets for n in notes.get((d, lang), [])]
        out.append((summaries or _fallback(segments, sentences), notices))
    return out


def _summarize_language(
    lang: str,
    jobs: list[tuple[int, list[_Unit], str | None]],
    registry: ModelRegistry,
    sentences: int | None,
    found: dict[_Key, Summary],
    notes: dict[_Key, list[Notice]],
) -> None:
    route = Route.summary(lang)
    if route is not None and registry.configured(route):
        try:
            model = registry.get(route)
        except ModelUnavailable as exc:
            notice = exc.notice("using the extractive summary")
            for d, _, _ in jobs:
                notes.setdefault((d, lang), []).append(notice)
        else:
            summaries = summarize_many([units for _, units, _ in jobs], lang, model)
            found.update({(d, lang): s for (d, _, _), s in zip(jobs, summaries, strict=True)})
            return
    # Not configured: the extractive summary is the choice, not a fault. Not loadable: the
    # fallback, with the notice above.
    for d, units, title in jobs:
        found[(d, lang)] = summarize_extractive(units, lang, count=sentences, title=title)


def _fallback(segments: Sequence[Segment], sentences: int | None) -> list[Summary]:
    """No summary in any target language: an extractive one in the article's own."""
    lang = main_language(segments)
    units, title, _ = view(segments, (), lang)
    return [summarize_extractive(units, lang, count=sentences, title=title)] if units else []


def view(
    segments: Sequence[Segment], translations: Sequence[Translation], lang: str
) -> tuple[list[_Unit], str | None, float]:
    """The article as far as it exists in ``lang``: units, title and the share of text covered."""
    translated = {t.segment_id: t.text for t in translations if t.direction.target == lang}
    units: list[_Unit] = []
    title: str | None = None
    covered = total = 0
    for segment in segments:
        text = segment.text if segment.lang == lang else translated.get(segment.id)
        if segment.kind is SegmentKind.TITLE:
            title = text
            continue
        if segment.lang == "und":
            continue
        total += len(segment.text)
        if text:
            covered += len(segment.text)
            units.append((segment.id, text))
    return units, title, (covered / total if total else 0.0)
