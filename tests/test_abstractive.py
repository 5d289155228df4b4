"""Abstractive summary: chunking over the input limit, map-reduce and source ids."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.abstractive import chunk_units, summarize_abstractive, summarize_many
from summarize.config import ModelsConfig, RouteConfig
from summarize.data import SummaryMethod
from summarize.registry import ModelRegistry, RouteModel


class _Echo:
    """Summarises a text as its first three words; counts words as tokens."""

    name = "echo"

    def __init__(self, limit: int) -> None:
        self.max_input_tokens = limit
        self.inputs: list[str] = []
        self.calls: list[list[str]] = []

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(t.split()) for t in texts]

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        self.inputs += texts
        self.calls.append(list(texts))
        return [" ".join(w.strip(".") for w in t.split()[:3]) + "." for t in texts]


def _model(backend: _Echo, batch_size: int = 4, max_new_tokens: int = 20) -> RouteModel:
    config = RouteConfig(
        route="summarize.en", model="echo", batch_size=batch_size, max_new_tokens=max_new_tokens
    )
    return RouteModel(config=config, backend=backend)


UNITS = [
    (2, "alpha bravo charlie delta echo"),
    (3, "foxtrot golf hotel india juliet"),
    (4, "kilo lima mike november oscar"),
]


def test_short_input_is_one_chunk_and_one_call() -> None:
    backend = _Echo(limit=100)
    summary = summarize_abstractive(UNITS, "en", _model(backend))
    assert backend.inputs == [" ".join(t for _, t in UNITS)]
    assert summary.method is SummaryMethod.ABSTRACTIVE
    assert [s.source_ids for s in summary.sentences] == [(2,)]


def test_long_input_is_chunked_never_truncated() -> None:
    backend = _Echo(limit=10)
    chunks = chunk_units(UNITS, _model(backend))
    assert [[sid for sid, _ in chunk] for chunk in chunks] == [[2, 3], [4]]
    assert all(backend.count_tokens([" ".join(t for _, t in c)])[0] <= 10 for c in chunks)
    assert " ".join(t for c in chunks for _, t in c) == " ".join(t for _, t in UNITS)


def test_map_then_reduce_and_sources_point_back() -> None:
    backend = _Echo(limit=10)
    summary = summarize_abstractive(UNITS, "en", _model(backend))
    # map: one call per chunk; reduce: the joined partial summaries once more
    assert backend.inputs[:2] == ["alpha bravo charlie delta echo foxtrot golf hotel india juliet",
                                  "kilo lima mike november oscar"]  # fmt: skip
    assert backend.inputs[2] == "alpha bravo charlie. kilo lima mike."
    [sentence] = summary.sentences
    assert sentence.text == "alpha bravo charlie."
    assert sentence.source_ids == (2,)


def test_a_unit_longer_than_the_limit_is_split_and_keeps_its_id() -> None:
    backend = _Echo(limit=3)
    chunks = chunk_units([(7, "one two three four five six seven")], _model(backend))
    assert all(sid == 7 for chunk in chunks for sid, _ in chunk)
    assert len(chunks) >= 3


def test_tiny_t5_summarises_with_source_ids(tiny_config: ModelsConfig) -> None:
    model = ModelRegistry(tiny_config, offline=True).get("summarize.en")
    units = [(i, f"Oil prices rose on world markets today, sentence {i}.") for i in range(2, 40)]
    summary = summarize_abstractive(units, "en", model)
    assert summary.sentences
    valid = {i for i, _ in units}
    assert all(s.source_ids and set(s.source_ids) <= valid for s in summary.sentences)


def test_many_documents_share_one_call_and_get_their_own_summaries() -> None:
    documents = [UNITS, [(7, "papa quebec romeo sierra")], [(9, "tango uniform victor")]]
    alone = [summarize_abstractive(units, "en", _model(_Echo(limit=100))) for units in documents]
    backend = _Echo(limit=100)
    together = summarize_many(documents, "en", _model(backend, batch_size=8))
    assert together == alone
    assert len(backend.calls) == 1, "every document's chunk went into one batch"


def test_many_documents_reduce_together() -> None:
    long = [(i, f"w{i}a w{i}b w{i}c w{i}d w{i}e") for i in range(1, 7)]
    documents = [long, long[:4], UNITS[:1]]
    alone = [summarize_abstractive(units, "en", _model(_Echo(limit=10))) for units in documents]
    backend = _Echo(limit=10)
    assert summarize_many(documents, "en", _model(backend, batch_size=16)) == alone
    # map: every chunk of the three documents; then one reduce level for the two long ones
    assert len(backend.calls) == 2
