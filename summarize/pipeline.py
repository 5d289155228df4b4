"""The Pipeline: one object that holds the configuration and the models, and turns one
input into one ``Result``. A batch reuses one Pipeline, so each model loads once."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from summarize.abstractive import summarize_abstractive
from summarize.config import ModelsConfig, load_config
from summarize.data import (
    Document,
    Notice,
    Result,
    Route,
    Segment,
    SegmentKind,
    Summary,
    Target,
    Translation,
)
from summarize.entities import main_language
from summarize.errors import InputError, ModelUnavailable, UsageError
from summarize.extractive import summarize_extractive
from summarize.langid import detect_segments
from summarize.normalize import Normalized, normalize_text
from summarize.reader import RawText, read_input
from summarize.registry import ModelRegistry
from summarize.segment import segment_document, segment_lines
from summarize.translate import translate_segments

__all__ = ["Pipeline"]

# A summary in a language needs most of the article in that language (source or
# translation); below this share of the text it would summarise a fragment.
_MIN_COVERAGE = 0.5


class Pipeline:
    """Read, normalise, segment, detect, translate and summarise.

    Args:
        config: A validated models.toml; by default the one the lookup order finds.
        offline: Never touch the network when loading models.
        registry: A model registry to share (tests plug test doubles in through it).
        summary_sentences: How many sentences an extractive summary keeps.

    Example:
        >>> pipeline = Pipeline(offline=True)
        >>> result = pipeline.run_text("Hello there. How are you?", to="ar")
        >>> [s.lang for s in result.segments]
        ['en', 'en']
    """

    def __init__(
        self,
        config: ModelsConfig | None = None,
        *,
        offline: bool = False,
        registry: ModelRegistry | None = None,
        summary_sentences: int = 3,
    ) -> None:
        self.config = config if config is not None else load_config()
        self.registry = registry or ModelRegistry(self.config, offline=offline)
        self.summary_sentences = summary_sentences

    def run_file(
        self, source: str, *, to: Target | str = Target.BOTH, encoding: str | None = None
    ) -> Result:
        """Run the whole pipeline on a file path, a URL, or stdin when ``source`` is ``-``.

        Raises:
            InputError: The input cannot be read, is not text, or is empty.
            UsageError: ``to`` or ``encoding`` is not a valid choice.
        """
        timings: dict[str, float] = {}
        with _timed(timings, "read"):
            raw = read_input(source, encoding=encoding)
        return self._run(raw, to=to, timings=timings, summarize=True)

    def run_text(
        self, text: str, *, source: str = "<text>", to: Target | str = Target.BOTH
    ) -> Result:
        """Run the whole pipeline on a string."""
        raw = RawText(text=text, source=source, encoding="utf-8")
        return self._run(raw, to=to, timings={}, summarize=True)

    def translate_text(
        self, text: str, *, source: str = "<text>", to: Target | str = Target.BOTH
    ) -> Result:
        """Translate a tweet or a few lines: one segment per line, no title, no summary."""
        raw = RawText(text=text, source=source, encoding="utf-8")
        return self._run(raw, to=to, timings={}, summarize=False)

    def translate_file(
        self, source: str, *, to: Target | str = Target.BOTH, encoding: str | None = None
    ) -> Result:
        """``translate_text`` on a file or stdin (``-``), decoded as ``run_file`` decodes."""
        timings: dict[str, float] = {}
        with _timed(timings, "read"):
            raw = read_input(source, encoding=encoding)
        return self._run(raw, to=to, timings=timings, summarize=False)

    def _run(
        self, raw: RawText, *, to: Target | str, timings: dict[str, float], summarize: bool
    ) -> Result:
        targets = _targets(to)
        with _timed(timings, "normalize"):
            norm = normalize_text(raw.text)
        if not norm.text.strip():
            job = "summarize" if summarize else "translate"
            raise InputError(f"{raw.source}: empty, there is no text to {job}")
        with _timed(timings, "segment"):
            found_segments = (
                segment_document(norm.text, title=raw.title)
                if summarize
                else segment_lines(norm.text)
            )
            if not raw.html:  # an extracted page has no offsets worth pointing at
                found_segments = _with_raw_spans(found_segments, norm)
        with _timed(timings, "detect"):
            segments = detect_segments(found_segments)
        title = next((s.text for s in segments if s.kind is SegmentKind.TITLE), None)
        document = Document(
            text=norm.text, source=raw.source, title=title, encoding=raw.encoding,
            replaced_bytes=raw.replaced_bytes,
        )  # fmt: skip
        notices = _input_notices(raw) + _normalize_notices(norm)
        with _timed(timings, "translate"):
            translations, found = translate_segments(segments, targets, self.registry)
        notices += found
        summaries: list[Summary] = []
        if summarize:
            with _timed(timings, "summarize"):
                summaries, found = self._summaries(segments, translations, targets)
            notices += found
        return Result(
            document=document,
            segments=segments,
            translations=tuple(translations),
            summaries=tuple(summaries),
            warnings=tuple(notices),
            models=self.registry.loaded(),
            timings=timings,
        )

    def _summaries(
        self,
        segments: Sequence[Segment],
        translations: Sequence[Translation],
        targets: Sequence[str],
    ) -> tuple[list[Summary], list[Notice]]:
        """One summary per target language that enough of the article is available in."""
        summaries: list[Summary] = []
        notices: list[Notice] = []
        for lang in targets:
            units, title, coverage = _view(segments, translations, lang)
            if not units or coverage < _MIN_COVERAGE:
                notices.append(Notice(
                    code="summary_skipped",
                    message=f"no {lang} summary: only {coverage:.0%} of the article is available "
                    f"in {lang} (a translation model is missing)",
                ))  # fmt: skip
                continue
            summary, notice = self._summarize(units, lang, title)
            summaries.append(summary)
            notices += notice
        if not summaries:
            lang = main_language(segments)
            units, title, _ = _view(segments, (), lang)
            if units:
                summaries.append(
                    summarize_extractive(units, lang, count=self.summary_sentences, title=title)
                )
        return summaries, notices

    def _summarize(
        self, units: list[tuple[int, str]], lang: str, title: str | None
    ) -> tuple[Summary, list[Notice]]:
        route = Route.summary(lang)
        if route is None or not self.registry.configured(route):
            # not configured: the extractive summary is the choice, not a fault
            return summarize_extractive(units, lang, count=self.summary_sentences, title=title), []
        try:
            model = self.registry.get(route)
        except ModelUnavailable as exc:
            notice = Notice(
                code="model_unavailable", message=f"{exc}; using the extractive summary"
            )
            summary = summarize_extractive(units, lang, count=self.summary_sentences, title=title)
            return summary, [notice]
        return summarize_abstractive(units, lang, model), []


def _targets(to: Target | str) -> tuple[str, ...]:
    try:
        return Target(to).languages
    except ValueError:
        allowed = ", ".join(Target)
        raise UsageError(f"--to must be one of {allowed}, not {to!r}") from None


def _with_raw_spans(segments: Sequence[Segment], norm: Normalized) -> tuple[Segment, ...]:
    return tuple(replace(s, raw_span=norm.raw_span(*s.span)) for s in segments)


def _view(
    segments: Sequence[Segment], translations: Sequence[Translation], lang: str
) -> tuple[list[tuple[int, str]], str | None, float]:
    """The article as far as it exists in ``lang``: units, title and the share of text covered."""
    translated = {t.segment_id: t.text for t in translations if t.direction.target == lang}
    units: list[tuple[int, str]] = []
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


def _input_notices(raw: RawText) -> list[Notice]:
    if raw.replaced_bytes:
        return [Notice(
            code="invalid_bytes_replaced",
            message=f"{raw.source} is UTF-8 with {raw.replaced_bytes} invalid byte sequence"
            f"{'s' if raw.replaced_bytes > 1 else ''}; shown as �",
        )]  # fmt: skip
    if raw.encoding.replace("_", "-").lower() in ("utf-8", "utf-8-sig", "ascii"):
        return []
    return [Notice(
        code="encoding_detected",
        message=f"{raw.source} was decoded as {raw.encoding}, not UTF-8; "
        "pass --encoding NAME if the text looks wrong",
    )]  # fmt: skip


def _normalize_notices(norm: Normalized) -> list[Notice]:
    notices = []
    if norm.removed_controls:
        notices.append(Notice(
            code="invisible_characters_removed",
            message=f"removed {norm.removed_controls} invisible bidi or zero-width characters",
        ))  # fmt: skip
    if norm.presentation_forms:
        notices.append(Notice(
            code="presentation_forms",
            message=f"converted {norm.presentation_forms} Arabic presentation-form characters "
            "(typical of text copied from a PDF) to ordinary letters",
        ))  # fmt: skip
    return notices


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
