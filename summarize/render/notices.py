"""What the terminal view says about a result besides its text: warnings grouped, the note
shown when nothing was translated, and the strongest sources of a summary sentence.

The JSON output keeps every warning and every source id as the pipeline made them; these
helpers only choose how much of it a person reads in a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.data import Notice, Result, SummarySentence
from summarize.errors import ModelUnavailable
from summarize.extractive import words_of

__all__ = ["MAX_REFS", "group_warnings", "source_refs", "translation_note"]

# How many source segments a summary sentence names in the terminal.
MAX_REFS = 3


def _unavailable(notice: Notice) -> ModelUnavailable | None:
    if notice.code != "model_unavailable" or notice.route is None:
        return None
    return ModelUnavailable(
        notice.route, notice.model or "-", notice.reason or "", notice.fix or ""
    )


def group_warnings(notices: Sequence[Notice]) -> list[str]:
    """The warnings as lines, models missing for the same reason and fix said once.

    ``3 models are unavailable (not in the Hugging Face cache and running offline):
    translate.ar-en Helsinki-NLP/opus-mt-ar-en, ...; run `summarize models pull` ...``
    """
    parsed = [(notice, _unavailable(notice)) for notice in notices]
    groups: dict[tuple[str, str], list[ModelUnavailable]] = {}
    for _, error in parsed:
        if error is not None:
            groups.setdefault((error.reason, error.fix), []).append(error)
    lines: list[str] = []
    said: set[tuple[str, str]] = set()
    for notice, error in parsed:
        key = (error.reason, error.fix) if error else ("", "")
        if error is None or len(groups[key]) == 1:
            lines.append(notice.message)
        elif key not in said:
            said.add(key)
            lines.append(_group_line(groups[key]))
    return lines


def _group_line(errors: Sequence[ModelUnavailable]) -> str:
    models = ", ".join(f"{e.route} {e.model}" for e in errors)
    return f"{len(errors)} models are unavailable ({errors[0].reason}): {models}; {errors[0].fix}"


def translation_note(result: Result) -> str | None:
    """One line for a result with no translation at all because models are missing."""
    if result.translations:
        return None
    found = (_unavailable(notice) for notice in result.warnings)
    errors = [e for e in found if e is not None and e.route.startswith("translate.")]
    if not errors:
        return None
    routes = " and ".join(e.route for e in errors)
    verb = "is" if len(errors) == 1 else "are"
    return f"no translations: {routes} {verb} not available; {errors[0].fix}"


def source_refs(sentence: SummarySentence, result: Result, lang: str) -> str:
    """A summary sentence's sources as the terminal shows them: ``#2 #5 #7 +9``.

    At most ``MAX_REFS`` ids, those sharing the most words with the sentence (in the
    summary's language), in reading order, then how many more the JSON lists. A sentence
    that shares no word with any of many sources stands for all of them: ``#2–#13``.
    """
    ids = sentence.source_ids
    if len(ids) <= MAX_REFS:
        return " ".join(f"#{i}" for i in ids)
    bag = set(words_of(sentence.text))
    texts = {s.id: s.text for s in result.segments if s.lang == lang}
    texts |= {t.segment_id: t.text for t in result.translations if t.direction.target == lang}
    overlap = {i: len(bag & set(words_of(texts.get(i, "")))) for i in ids}
    if not any(overlap.values()) and list(ids) == list(range(ids[0], ids[-1] + 1)):
        return f"#{ids[0]}–#{ids[-1]}"
    best = sorted(sorted(ids, key=lambda i: (-overlap[i], i))[:MAX_REFS])
    return " ".join(f"#{i}" for i in best) + f" +{len(ids) - MAX_REFS}"
