"""Route segments to the translation models and keep links, handles and numbers intact.

``ar`` segments go to the ``ar-en`` route and ``en`` segments to ``en-ar``, as the target
asks. All segments of a route go through the model in length-sorted batches (padding is
then minimal, which is most of batched generation's speed-up on a CPU), and the outputs
are put back in reading order. A segment longer than the model's input limit is split at
clause breaks and translated in parts, with a warning. URLs, @handles, #hashtags, e-mails
and numbers come out verbatim: a trailing run of them (a tweet's links and tags) is kept
aside and re-attached, and any the model dropped from the text is appended.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarize.batching import generate_batched
from summarize.data import Direction, Notice, Segment, Translation
from summarize.entities import ENTITY, NUMBER, fold_digits, trailing_entities
from summarize.errors import ModelUnavailable
from summarize.packing import split_to_fit
from summarize.registry import ModelRegistry, RouteModel

__all__ = [
    "protect_entities",
    "translate_documents",
    "translate_segments",
    "translate_texts",
]

# Generated length is bounded relative to the source: a loop cannot run away.
_LENGTH_RATIO = 2.0
_LENGTH_SLACK = 8
_LENGTH_STEP = 16


@dataclass(frozen=True, slots=True)
class _Protected:
    core: str
    trailing: str
    entities: tuple[str, ...]


def protect_entities(text: str) -> tuple[str, str, tuple[str, ...]]:
    """Split off a trailing run of links/tags and list the entities left in the text.

    Returns:
        ``(core, trailing, entities)``: the text to translate, the verbatim tail, and the
        URLs, e-mails, handles, hashtags and numbers that must survive in the core.
    """
    cut = trailing_entities(text)
    core, trailing = (text[:cut], text[cut:].strip()) if text[:cut].strip() else (text, "")
    entities = [m.group() for m in ENTITY.finditer(core)]
    entities += [m.group() for m in NUMBER.finditer(ENTITY.sub(" ", core))]
    return core.strip(), trailing, tuple(entities)


def _restore(translated: str, protected: _Protected) -> str:
    """Re-attach the tail and append any entity the model dropped."""
    seen = fold_digits(translated)
    missing = [e for e in protected.entities if fold_digits(e) not in seen]
    parts = [translated.strip(), *missing, protected.trailing]
    return " ".join(p for p in parts if p)


def translate_segments(
    segments: Sequence[Segment], targets: Iterable[str], registry: ModelRegistry
) -> tuple[list[Translation], list[Notice]]:
    """Translate every ``ar``/``en`` segment whose target language is wanted.

    Args:
        segments: Segments with ``lang`` set.
        targets: Wanted target languages: ``{"en"}``, ``{"ar"}`` or both.
        registry: Loads each route's model once.

    Returns:
        Translations in segment order, and notices (a model that could not be loaded, a
        segment split because it was too long). A missing model never raises.
    """
    return translate_documents([segments], targets, registry)[0]


def translate_documents(
    documents: Sequence[Sequence[Segment]], targets: Iterable[str], registry: ModelRegistry
) -> list[tuple[list[Translation], list[Notice]]]:
    """``translate_segments`` for several documents at once, batching all their segments.

    Short articles alone would leave the model's batches half empty; together, each
    route's segments of every document go through one length-sorted ``generate_batched``.

    Returns:
        ``(translations, notices)`` per document, in the order given.
    """
    wanted = set(targets)
    out: list[tuple[list[Translation], list[Notice]]] = [([], []) for _ in documents]
    for direction in Direction:
        todo = [
            (d, s)
            for d, segments in enumerate(documents)
            for s in segments
            if s.lang == direction.source and direction.target in wanted
        ]
        if not todo:
            continue
        try:
            model = registry.get(direction.route)
        except ModelUnavailable as exc:
            for d in sorted({d for d, _ in todo}):
                out[d][1].append(Notice(code="model_unavailable", message=str(exc)))
            continue
        texts, route_notices = translate_texts([s.text for _, s in todo], model)
        for i, notice in route_notices:
            d, segment = todo[i]
            out[d][1].append(
                Notice(code=notice.code, message=f"segment {segment.id}: {notice.message}")
            )
        for (d, segment), text in zip(todo, texts, strict=True):
            out[d][0].append(
                Translation(segment_id=segment.id, direction=direction, text=text, model=model.name)
            )
    for (translations, notices), segments in zip(out, documents, strict=True):
        translations.sort(key=lambda t: t.segment_id)
        notices += _untranslated(segments)
    return out


_LANGUAGE_NAMES = {
    "fa": "Persian", "ur": "Urdu", "ps": "Pashto", "ar-Latn": "Arabizi (Arabic in Latin letters)",
    "fr": "French", "es": "Spanish", "de": "German", "tr": "Turkish", "it": "Italian",
}  # fmt: skip


def _untranslated(segments: Sequence[Segment]) -> list[Notice]:
    """One notice per language that no route translates, naming its segments."""
    by_lang: dict[str, list[int]] = {}
    for segment in segments:
        if segment.lang not in ("ar", "en", "und"):
            by_lang.setdefault(segment.lang, []).append(segment.id)
    return [
        Notice(
            code="not_translated",
            message=f"segment{'s' if len(ids) > 1 else ''} {', '.join(map(str, ids))}: "
            f"{_LANGUAGE_NAMES.get(lang, lang)} ({lang}); no model translates it, shown as written",
        )
        for lang, ids in by_lang.items()
    ]


def translate_texts(
    texts: Sequence[str], model: RouteModel
) -> tuple[list[str], list[tuple[int, Notice]]]:
    """Translate texts with one model: protect entities, split, batch by length, restore.

    Args:
        texts: Source texts, all in the model's source language.
        model: The loaded model and its route settings.

    Returns:
        One translation per text, in order, and ``(index, notice)`` for split texts.
    """
    backend = model.backend
    protected = [_Protected(*protect_entities(t)) for t in texts]
    parts: list[tuple[int, str]] = []
    notices: list[tuple[int, Notice]] = []
    for index, item in enumerate(protected):
        pieces = (
            split_to_fit(item.core, backend.max_input_tokens, backend.count_tokens)
            if item.core
            else []
        )
        if len(pieces) > 1:
            message = (
                f"longer than the {backend.name} input limit ({backend.max_input_tokens} tokens); "
                f"translated in {len(pieces)} parts"
            )
            notices.append((index, Notice(code="segment_split", message=message)))
        parts += [(index, piece) for piece in pieces]
    outputs = generate_batched(
        [p for _, p in parts], model.counting(len(parts)), new_tokens=_length_bound
    )
    joined: dict[int, list[str]] = {}
    for (index, _), out in zip(parts, outputs, strict=True):
        joined.setdefault(index, []).append(out)
    return [
        _restore(" ".join(joined.get(i, [])), item) for i, item in enumerate(protected)
    ], notices


def _length_bound(length: int) -> int:
    """Twice the source plus some slack, by 16-token steps of source length: inputs of
    similar length share a budget, so they still share batches."""
    step = -(-length // _LENGTH_STEP) * _LENGTH_STEP
    return int(step * _LENGTH_RATIO) + _LENGTH_SLACK
