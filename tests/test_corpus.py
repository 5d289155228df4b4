"""The hand-made corpus: real-world articles run end to end, the way a user runs them.

Each case is an input file ``tests/data/corpus/NNN-name.<ext>`` and its expectation
``NNN-name.expected.json``, written by reading the input (not by running the code):

``description``
    What the case checks.
``title``
    The headline, or null.
``encoding`` (optional)
    The encoding ``document.encoding`` must report: a codec name, or a list of acceptable
    names; compared by ``codecs.lookup(name).name``.
``segments``
    Every segment in reading order, title first: ``kind``, ``lang`` and the normalised,
    whitespace-collapsed ``text`` (for a tweet or post, its text without the signature).
``tweets``
    The tweet segments' metadata, in order; only the keys given are checked, against
    ``segment.tweet`` (a key the metadata lacks, such as ``link``, fails).
``posts`` (optional)
    The same for the post segments of other platforms, against ``segment.post``.

No models are configured: this checks reading, normalisation, segmentation, tweet and post
recognition and language detection, not translation or summaries.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from summarize import Pipeline
from summarize.config import ModelsConfig

CORPUS = Path(__file__).parent / "data" / "corpus"
SUFFIX = ".expected.json"
CASES = sorted(CORPUS.glob(f"*{SUFFIX}"))
MIN_CASES = 40

_CASE_KEYS = {"description", "title", "encoding", "segments", "tweets", "posts"}
_SEGMENT_KEYS = {"kind", "lang", "text"}
_KINDS = {"title", "sentence", "tweet", "post"}
_MISSING = "<missing>"


def _stem(expected: Path) -> str:
    return expected.name.removesuffix(SUFFIX)


def _input_of(expected: Path) -> Path:
    """The one input file next to an expectation: same stem, any extension."""
    stem = _stem(expected)
    inputs = [
        path
        for path in CORPUS.iterdir()
        if path.name.startswith(stem + ".") and not path.name.endswith(SUFFIX)
    ]
    assert len(inputs) == 1, f"{expected.name}: expected one input file, found {inputs}"
    return inputs[0]


def _load(expected: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(expected.read_text(encoding="utf-8"))
    assert set(case) <= _CASE_KEYS, f"unknown keys {set(case) - _CASE_KEYS}"
    assert {"description", "title", "segments", "tweets"} <= set(case)
    for segment in case["segments"]:
        assert set(segment) == _SEGMENT_KEYS, segment
        assert segment["kind"] in _KINDS, segment
    return case


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _plain(value: Any) -> Any:
    """Tuples (how the metadata stores lists) compare equal to JSON lists."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """No models: segmentation and detection only."""
    return Pipeline(ModelsConfig(path="<corpus>"), offline=True)


@pytest.mark.parametrize("expected_path", CASES, ids=_stem)
def test_corpus_case(pipeline: Pipeline, expected_path: Path) -> None:
    case = _load(expected_path)
    result = pipeline.run_file(str(_input_of(expected_path)))

    actual_segments = [(str(s.kind), s.lang, s.text) for s in result.segments]
    expected_segments = [(s["kind"], s["lang"], s["text"]) for s in case["segments"]]
    assert actual_segments == expected_segments

    assert result.document.title == case["title"]

    if "encoding" in case:
        accepted = case["encoding"] if isinstance(case["encoding"], list) else [case["encoding"]]
        assert _codec_name(result.document.encoding) in {_codec_name(n) for n in accepted}

    for kind, key in (("tweet", "tweets"), ("post", "posts")):
        metas = [getattr(s, kind) for s in result.segments if str(s.kind) == kind]
        wanted = case.get(key, [])
        actual = [
            {field: _plain(getattr(meta, field, _MISSING)) for field in expected}
            for meta, expected in zip(metas, wanted, strict=True)
        ]
        assert actual == wanted


def test_corpus_has_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES


def test_every_corpus_input_has_an_expectation() -> None:
    stems = {_stem(path) for path in CASES}
    orphans = [
        path.name
        for path in CORPUS.iterdir()
        if not path.name.endswith(SUFFIX)
        and path.name != "README.md"
        and path.name.split(".")[0] not in stems
    ]
    assert orphans == []
