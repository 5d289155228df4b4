"""The CTranslate2 backend: converted models, int8 on a CPU, no torch and no transformers.

Only this module (and ``ct2_convert`` for conversion) imports ``ctranslate2``. A loaded
model is a ``ctranslate2.Translator`` plus the tokenizer of ``ct2_text``; everything else
(prefix, entity protection, splitting, length-sorted batches, per-input budgets) is the
stages' work, exactly as with ``hf``.

Threads: a ct2 translator runs ``inter_threads`` workers, each on its own batch with
``intra_threads`` threads. One thread per worker and one worker per core was the fastest
layout measured (docs/performance.md): a worker never waits for a sibling thread, and on a
busy machine a slow core holds up only its own batch. ``generate_many`` submits every batch
at once, so all workers have one to run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from summarize.backends import (
    Availability,
    BackendKind,
    Batch,
    LoadOptions,
    register_backend,
    workers_for,
)
from summarize.backends.ct2_store import (
    FAST_EXTRA_FIX,
    Converted,
    ct2_installed,
    find_converted,
)
from summarize.backends.ct2_text import TokenCache, load_tokenizer
from summarize.backends.model_files import check_model_folder
from summarize.config import RouteConfig
from summarize.errors import ModelUnavailable

__all__ = ["CT2Kind", "CT2Seq2Seq"]


class CT2Seq2Seq:
    """A converted sequence-to-sequence model run with ``translate_batch``."""

    def __init__(self, config: RouteConfig, converted: Converted, translator: Any) -> None:
        self.name = config.model
        self.max_input_tokens = config.max_input_tokens
        self.converted = converted
        self._config = config
        self._translator = translator
        tokenizer = load_tokenizer(converted.folder, converted.family)
        self._cache = TokenCache(tokenizer, config.prefix)
        self._decode = tokenizer.decode
        generation = converted.generation
        prefix = generation.get("target_prefix")
        self._target_prefix: list[str] | None = list(prefix) if prefix else None
        self._options = _options(config, generation)
        self._suppress_end = bool(generation.get("suppress_end"))
        self._min_length = int(generation.get("min_decoding_length", 1))
        positions = converted.max_positions
        self._max_new = positions - 2 if positions > 2 else 1 << 20
        self.workers = int(translator.num_translators)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Return the input length of each text in tokens, prefix and end mark included."""
        return [len(tokens) for tokens in self._cache.tokens(texts)]

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        """Run one batch and decode the outputs in input order."""
        return self.generate_many([(texts, max_new_tokens)])[0]

    def generate_many(
        self, batches: Sequence[Batch], *, on_batch: Callable[[int], None] | None = None
    ) -> list[list[str]]:
        """Submit every batch at once (the workers share them), then collect in order."""
        pending = [self._submit(texts, budget) if texts else [] for texts, budget in batches]
        outputs: list[list[str]] = []
        for results in pending:
            outputs.append([self._text(r.result().hypotheses[0]) for r in results])
            if on_batch is not None:
                on_batch(len(results))
        return outputs

    def _submit(self, texts: Sequence[str], max_new_tokens: int) -> list[Any]:
        limit = self.max_input_tokens
        # Truncation keeps the end mark, as transformers' does: a safety net only.
        tokens = self._cache.tokens(texts)
        source = [t if len(t) <= limit else [*t[: limit - 1], t[-1]] for t in tokens]
        longest = max(1, min(max_new_tokens, self._max_new))
        shortest = longest if self._suppress_end else min(self._min_length, longest)
        prefix = [self._target_prefix] * len(source) if self._target_prefix else None
        return list(self._translator.translate_batch(
            source, prefix, asynchronous=True, max_decoding_length=longest,
            min_decoding_length=shortest, **self._options,
        ))  # fmt: skip

    def _text(self, tokens: Sequence[str]) -> str:
        return " ".join(self._decode(tokens).split())


def _options(config: RouteConfig, generation: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {
        "beam_size": config.num_beams,
        "no_repeat_ngram_size": config.no_repeat_ngram_size,
        "max_input_length": 0,  # inputs are split (and truncated as a safety net) before
    }
    suppress = generation.get("suppress") or []
    if suppress:
        options["suppress_sequences"] = [[str(t)] for t in suppress]
    for key in ("length_penalty", "repetition_penalty"):
        if isinstance(generation.get(key), int | float):
            options[key] = float(generation[key])
    return options


class CT2Kind(BackendKind):
    """CTranslate2: models converted once by ``summarize models convert`` (or ``pull``)."""

    name = "ct2"

    def load(self, config: RouteConfig, options: LoadOptions) -> CT2Seq2Seq:
        """Load the route's converted model.

        Raises:
            ModelUnavailable: The extra is missing, or the model is not converted or broken.
        """
        if not ct2_installed():
            raise ModelUnavailable(
                config.route, config.model, "backend \"ct2\" needs CTranslate2", FAST_EXTRA_FIX
            )  # fmt: skip
        converted = find_converted(config)
        if converted is None:
            raise ModelUnavailable(
                config.route, config.model, "not converted for the ct2 engine",
                f"run `summarize models convert {config.route}` (after `models pull`)",
            )  # fmt: skip
        check_model_folder(config, converted.folder)
        _check_prefix(config, converted.folder)
        return CT2Seq2Seq(config, converted, _translator(config, converted.folder, options))

    def availability(self, config: RouteConfig) -> Availability:
        """Converted or not, without loading anything."""
        installed = ct2_installed()
        converted = find_converted(config) if installed else None
        if not installed:
            detail = "CTranslate2 not installed: pip install 'summarize[fast]'"
        elif converted is None:
            detail = f"not converted: summarize models convert {config.route}"
        else:
            detail = f"converted, {converted.quantization}"
        return Availability(
            route=config.route, model=config.model, revision=config.revision,
            local=config.local, available=converted is not None, detail=detail,
            backend=self.name,
        )  # fmt: skip

    def fetch(self, config: RouteConfig) -> str:
        """Download with ``hf``, then convert.

        Raises:
            ModelUnavailable: Either step failed.
        """
        from summarize.backends.ct2_convert import convert_route
        from summarize.backends.hf import HFKind

        fetched = HFKind().fetch(config)
        return f"{fetched}; {convert_route(config, force=False)}"


def _check_prefix(config: RouteConfig, folder: Path) -> None:
    """Refuse a ``>>xx<<`` prefix the model does not know: it would silently become <unk>."""
    prefix = config.prefix.strip()
    if not (prefix.startswith(">>") and prefix.endswith("<<")):
        return
    for name in ("source_vocabulary.json", "shared_vocabulary.json"):
        if (folder / name).is_file():
            vocabulary = json.loads((folder / name).read_text(encoding="utf-8"))
            break
    else:
        return
    if prefix not in vocabulary:
        codes = [t for t in vocabulary if isinstance(t, str) and t.startswith(">>")][:12]
        raise ModelUnavailable(
            config.route, config.model, f"its vocabulary has no {prefix} token",
            f"set prefix to one of: {', '.join(codes) or 'none (remove it)'}",
        )  # fmt: skip


def _translator(config: RouteConfig, folder: Path, options: LoadOptions) -> Any:
    import ctranslate2

    device = config.device
    if device == "auto":
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    elif device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        raise ModelUnavailable(
            config.route, config.model, "device = \"cuda\" but this machine has no usable GPU",
            "set device = \"cpu\" or \"auto\" in models.toml",
        )  # fmt: skip
    return ctranslate2.Translator(
        str(folder), device=device, compute_type="default",
        inter_threads=workers_for(config, options), intra_threads=1,
    )  # fmt: skip


register_backend(CT2Kind())
