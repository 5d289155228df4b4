"""Route segments to the translation models and keep links, handles and numbers intact.

``ar`` segments go to the ``ar-en`` route and ``en`` segments to ``en-ar``, as the target
asks. All segments of a route go through the model in length-sorted batches (padding is
then minimal, which is most of batched generation's speed-up on a CPU), and the outputs
are put back in reading order. A segment longer than the model's input limit is split at
clause breaks and translated in parts, with a warning. URLs, @handles, #hashtags, e-mails
and numbers come out verbatim: a trailing run of them (a tweet's links and tags) is kept
aside and re-attached; the rest become placeholder numbers the model copies, put back after
translation, and any whose placeholder the model dropped is appended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarize.backends import Backend
from summarize.batching import generate_batched
from summarize.data import Direction, Notice, Segment, Translation
from summarize.entities import DIGIT, ENTITY, NUMERIC, fold_digits, trailing_entities
from summarize.errors import ModelUnavailable
from summarize.packing import split_to_fit
from summarize.registry import ModelRegistry, RouteModel

__all__ = [
    "Protected",
    "protect_entities",
    "restore_entities",
    "translate_documents",
    "translate_segments",
    "translate_texts",
]

# Generated length is bounded relative to the source: a loop cannot run away.
_LENGTH_RATIO = 2.0
_LENGTH_SLACK = 8
_LENGTH_STEP = 16
_PLACEHOLDER_BASE = 7000
# A number a model may write a placeholder as: 7001, ٧٠٠١, or with a separator, 7,001.
_DIGITS_RUN = re.compile(f"[{DIGIT}]{{1,3}}(?:[,\u066c][{DIGIT}]{{3}})+|[{DIGIT}]+")


@dataclass(frozen=True, slots=True)
class Protected:
    """A text made safe to translate.

    Attributes:
        text: What the model sees: each inline entity replaced by a placeholder number.
        trailing: A trailing run of links, handles and tags, kept aside verbatim.
        entities: The inline entities, in order.
        placeholders: The placeholder standing for each entity.
    """

    text: str
    trailing: str
    entities: tuple[str, ...]
    placeholders: tuple[str, ...]


def protect_entities(text: str) -> Protected:
    """Set a trailing run of links/tags aside and put placeholders for the inline entities.

    URLs, e-mails, @handles, #hashtags and numbers as written (``1,500``, ``٣٫٥``,
    ``10:30``, ``2015-11-19``, ``3.5%``, ``$5``) are replaced by placeholder numbers: models
    copy a plain number through translation far more reliably than a URL or a ``1,500``,
    and a number cannot be "translated" into another form. ``restore_entities`` puts the
    originals back.
    """
    cut = trailing_entities(text)
    core, trailing = (text[:cut], text[cut:].strip()) if text[:cut].strip() else (text, "")
    core = core.strip()
    blanked = ENTITY.sub(lambda e: " " * len(e.group()), core)
    found = sorted(
        [m.span() for m in ENTITY.finditer(core)] + [m.span() for m in NUMERIC.finditer(blanked)]
    )
    taken = {_plain(run) for run in _DIGITS_RUN.findall(core)}
    placeholders = _placeholders(len(found), taken)
    parts: list[str] = []
    position = 0
    for (start, end), placeholder in zip(found, placeholders, strict=True):
        parts += [core[position:start], placeholder]
        position = end
    parts.append(core[position:])
    entities = tuple(core[start:end] for start, end in found)
    return Protected("".join(parts), trailing, entities, tuple(placeholders))


def _plain(number: str) -> str:
    """``٧,٠٠١`` → ``7001``: the digits of a number, whatever its script and separators."""
    return fold_digits(number).replace(",", "").replace("\u066c", "")


def _placeholders(count: int, taken: set[str]) -> list[str]:
    """Numbers the text does not contain: 7001, 7002, ... (four digits: no model writes
    them with a thousands separator, and they are not years)."""
    out: list[str] = []
    candidate = _PLACEHOLDER_BASE
    while len(out) < count:
        candidate += 1
        if str(candidate) not in taken:
            out.append(str(candidate))
    return out


def restore_entities(translated: str, protected: Protected) -> str:
    """Put each entity back where the model left its placeholder (in ASCII or Arabic-Indic
    digits); append any whose placeholder it dropped; then the trailing run."""
    originals = dict(zip(protected.placeholders, protected.entities, strict=True))
    placed: set[str] = set()

    def put_back(match: re.Match[str]) -> str:
        key = _plain(match.group())
        if key in originals:
            placed.add(key)
            return originals[key]
        return match.group()

    text = _DIGITS_RUN.sub(put_back, translated.strip())
    missing = [e for p, e in originals.items() if p not in placed]
    return " ".join(part for part in (text, *missing, protected.trailing) if part)


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
                out[d][1].append(exc.notice())
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
    protected = [protect_entities(t) for t in texts]
    parts, lengths, notices = _fit(protected, backend)
    outputs = generate_batched(
        [text for _, text in parts],
        model.counting(len(parts)),
        new_tokens=_length_bound,
        lengths=lengths,
    )
    joined: dict[int, list[str]] = {}
    for (index, _), out in zip(parts, outputs, strict=True):
        joined.setdefault(index, []).append(out)
    return [
        restore_entities(" ".join(joined.get(i, [])), item) for i, item in enumerate(protected)
    ], notices


def _fit(
    protected: Sequence[Protected], backend: Backend
) -> tuple[list[tuple[int, str]], list[int], list[tuple[int, Notice]]]:
    """Cut each text into parts within the model's input limit; count every part once.

    Most texts fit: they are tokenised once, here, and their counts go on to the batching.
    Only a text over the limit is split and its parts counted.
    """
    limit = backend.max_input_tokens
    todo = [(i, item.text) for i, item in enumerate(protected) if item.text]
    counts = backend.count_tokens([text for _, text in todo])
    parts: list[tuple[int, str]] = []
    lengths: list[int | None] = []
    notices: list[tuple[int, Notice]] = []
    for (index, text), count in zip(todo, counts, strict=True):
        if count <= limit:
            parts.append((index, text))
            lengths.append(count)
            continue
        pieces = split_to_fit(text, limit, backend.count_tokens)
        if len(pieces) > 1:
            message = (
                f"longer than the {backend.name} input limit ({limit} tokens); "
                f"translated in {len(pieces)} parts"
            )
            notices.append((index, Notice(code="segment_split", message=message)))
        parts += [(index, piece) for piece in pieces]
        lengths += [None] * len(pieces)
    missing = [i for i, n in enumerate(lengths) if n is None]
    for i, n in zip(missing, backend.count_tokens([parts[i][1] for i in missing]), strict=True):
        lengths[i] = n
    return parts, [n or 0 for n in lengths], notices


def _length_bound(length: int) -> int:
    """Twice the source plus some slack, by 16-token steps of source length: inputs of
    similar length share a budget, so they still share batches."""
    step = -(-length // _LENGTH_STEP) * _LENGTH_STEP
    return int(step * _LENGTH_RATIO) + _LENGTH_SLACK
