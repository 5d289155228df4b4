"""The Pipeline: one object that holds the configuration and the models, and turns one
input into one ``Result``. A batch reuses one Pipeline, so each model loads once."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

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
from summarize.errors import InputError, UsageError
from summarize.langid import detect_segments
from summarize.normalize import Normalized, normalize_text
from summarize.reader import RawText, read_input
from summarize.registry import ModelRegistry
from summarize.segment import segment_document, segment_lines
from summarize.summaries import summarize_documents
from summarize.translate import translate_documents

__all__ = ["WINDOW_SEGMENTS", "Pipeline"]

# run_many translates this many segments of several files together: enough to fill the
# length-sorted batches of a route several times over.
WINDOW_SEGMENTS = 256


@dataclass(slots=True)
class _Prepared:
    """A document read, segmented and detected, waiting for the models."""

    document: Document
    segments: tuple[Segment, ...]
    notices: list[Notice]
    timings: dict[str, float]
    summarize: bool


class Pipeline:
    """Read, normalise, segment, detect, translate and summarise.

    Args:
        config: A validated models.toml; by default the one the lookup order finds.
        offline: Never touch the network when loading models.
        threads: Cores each model may use, instead of models.toml's (0: as it says).
        registry: A model registry to share (tests plug test doubles in through it).
        summary_sentences: How many sentences an extractive summary keeps; ``None`` sizes
            it like a news standfirst (about one sentence in Arabic, up to three in English,
            one for a short article; see docs/extractive-summary.md).

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
        threads: int = 0,
        registry: ModelRegistry | None = None,
        summary_sentences: int | None = None,
    ) -> None:
        self.config = config if config is not None else load_config()
        self.registry = registry or ModelRegistry(self.config, offline=offline, threads=threads)
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
        return self._run([self._prepare(raw, timings, summarize=True)], _targets(to))[0]

    def run_text(
        self, text: str, *, source: str = "<text>", to: Target | str = Target.BOTH
    ) -> Result:
        """Run the whole pipeline on a string."""
        raw = RawText(text=text, source=source, encoding="utf-8")
        return self._run([self._prepare(raw, {}, summarize=True)], _targets(to))[0]

    def translate_text(
        self, text: str, *, source: str = "<text>", to: Target | str = Target.BOTH
    ) -> Result:
        """Translate a tweet or a few lines: one segment per line, no title, no summary."""
        raw = RawText(text=text, source=source, encoding="utf-8")
        return self._run([self._prepare(raw, {}, summarize=False)], _targets(to))[0]

    def translate_file(
        self, source: str, *, to: Target | str = Target.BOTH, encoding: str | None = None
    ) -> Result:
        """``translate_text`` on a file or stdin (``-``), decoded as ``run_file`` decodes."""
        timings: dict[str, float] = {}
        with _timed(timings, "read"):
            raw = read_input(source, encoding=encoding)
        return self._run([self._prepare(raw, timings, summarize=False)], _targets(to))[0]

    def run_many(
        self,
        sources: Iterable[str],
        *,
        to: Target | str = Target.BOTH,
        encoding: str | None = None,
        window: int = WINDOW_SEGMENTS,
        read: Callable[[str], RawText] | None = None,
    ) -> Iterator[tuple[str, Result | Exception]]:
        """Run many inputs, batching the segments of several files together per model.

        Files are read and segmented until about ``window`` segments are waiting, then all
        of them are translated together (length-sorted batches fill up even when each
        article is short), then each file is summarised and yielded. Each result is the
        one ``run_file`` gives for that file; one failing file never stops the others.

        Args:
            sources: File paths (or URLs), read lazily, one window at a time.
            to: Target language(s).
            encoding: Decode every input with this codec instead of detecting it.
            window: How many segments to gather before translating them together.
            read: Reads one source (default: ``read_input``); a batch passes its own to
                enforce limits such as a maximum size.

        Yields:
            ``(source, result)`` in input order, or ``(source, error)`` for an input that
            failed (an ``InputError`` for unreadable or empty input).
        """
        targets = _targets(to)
        reader = read or (lambda source: read_input(source, encoding=encoding))
        pending: list[tuple[str, _Prepared | Exception]] = []
        waiting = 0
        for source in sources:
            item = self._prepare_source(source, reader)
            pending.append((source, item))
            waiting += len(item.segments) if isinstance(item, _Prepared) else 0
            if waiting >= window:
                yield from self._run_window(pending, targets)
                pending, waiting = [], 0
        yield from self._run_window(pending, targets)

    def _prepare_source(
        self, source: str, reader: Callable[[str], RawText]
    ) -> _Prepared | Exception:
        timings: dict[str, float] = {}
        try:
            with _timed(timings, "read"):
                raw = reader(source)
            return self._prepare(raw, timings, summarize=True)
        except Exception as exc:  # one bad file is that file's failure, not the batch's
            return exc

    def _run_window(
        self, pending: list[tuple[str, _Prepared | Exception]], targets: tuple[str, ...]
    ) -> Iterator[tuple[str, Result | Exception]]:
        ready = [item for _, item in pending if isinstance(item, _Prepared)]
        try:
            results: list[Result | Exception] = list(self._run(ready, targets))
        except Exception as exc:  # a model failing mid-batch fails the window's files
            results = [exc] * len(ready)
        found = iter(results)
        for source, item in pending:
            yield source, (item if isinstance(item, Exception) else next(found))

    def _prepare(self, raw: RawText, timings: dict[str, float], *, summarize: bool) -> _Prepared:
        """Normalise, segment and detect: everything before the models."""
        with _timed(timings, "normalize"):
            norm = normalize_text(raw.text)
        if not norm.text.strip():
            job = "summarize" if summarize else "translate"
            raise InputError(f"{raw.source}: empty, there is no text to {job}")
        with _timed(timings, "segment"):
            found = (
                segment_document(norm.text, title=raw.title)
                if summarize
                else (segment_lines(norm.text))
            )
            if not raw.html:  # an extracted page has no offsets worth pointing at
                found = _with_raw_spans(found, norm)
        with _timed(timings, "detect"):
            segments = detect_segments(found)
        title = next((s.text for s in segments if s.kind is SegmentKind.TITLE), None)
        document = Document(
            text=norm.text, source=raw.source, title=title, encoding=raw.encoding,
            replaced_bytes=raw.replaced_bytes,
        )  # fmt: skip
        notices = _input_notices(raw) + _normalize_notices(norm)
        return _Prepared(document, segments, notices, timings, summarize)

    def _run(self, prepared: Sequence[_Prepared], targets: tuple[str, ...]) -> list[Result]:
        """Translate every prepared document together, then summarise them together."""
        start = time.perf_counter()
        translated = translate_documents([p.segments for p in prepared], targets, self.registry)
        _share_time(prepared, "translate", time.perf_counter() - start)
        start = time.perf_counter()
        wanted = [i for i, p in enumerate(prepared) if p.summarize]
        done = summarize_documents(
            [(prepared[i].segments, translated[i][0]) for i in wanted], targets,
            self.registry, sentences=self.summary_sentences,
        )  # fmt: skip
        _share_time([prepared[i] for i in wanted], "summarize", time.perf_counter() - start)
        summarized = dict(zip(wanted, done, strict=True))
        results = []
        for i, (item, (translations, notices)) in enumerate(zip(prepared, translated, strict=True)):
            summaries, found = summarized.get(i, ([], []))
            results.append(Result(
                document=item.document,
                segments=item.segments,
                translations=tuple(translations),
                summaries=tuple(summaries),
                warnings=tuple(item.notices + notices + found),
                models=self._models_used(translations, summaries),
                timings=item.timings,
            ))  # fmt: skip
        return results

    def _models_used(
        self, translations: Sequence[Translation], summaries: Sequence[Summary]
    ) -> dict[str, str]:
        """``{route: model}`` for the models this result used, in route order."""
        used = {str(t.direction.route) for t in translations}
        used |= {str(Route.summary(s.lang)) for s in summaries if s.model is not None}
        return {route: name for route, name in self.registry.loaded().items() if route in used}


def _targets(to: Target | str) -> tuple[str, ...]:
    try:
        return Target(to).languages
    except ValueError:
        allowed = ", ".join(Target)
        raise UsageError(f"--to must be one of {allowed}, not {to!r}") from None


def _share_time(prepared: Sequence[_Prepared], stage: str, seconds: float) -> None:
    """Split a stage's time over documents done together, by their share of the text."""
    sizes = [sum(len(s.text) for s in p.segments) for p in prepared]
    total = sum(sizes) or 1
    for item, size in zip(prepared, sizes, strict=True):
        item.timings[stage] = item.timings.get(stage, 0.0) + seconds * size / total


def _with_raw_spans(segments: Sequence[Segment], norm: Normalized) -> tuple[Segment, ...]:
    return tuple(replace(s, raw_span=norm.raw_span(*s.span)) for s in segments)


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
