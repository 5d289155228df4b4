"""The transformers backend: the only module that imports torch and transformers.

Loading is cache-first: the Hugging Face cache (``HF_HOME``) is tried without any network
access, and the hub is contacted only when the model is missing, the run is not offline,
and the hub answers a quick connection check. Without that check an unreachable hub costs
about a minute of retries per model. Weights load with safetensors preferred and
``trust_remote_code`` off.
"""

from __future__ import annotations

import os
import socket
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from summarize.backends import (
    Availability,
    BackendKind,
    Batch,
    LoadOptions,
    register_backend,
    workers_for,
)
from summarize.backends.model_files import cached_folder, check_model_folder
from summarize.config import RouteConfig
from summarize.errors import ModelUnavailable, describe

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

__all__ = ["HFKind", "HFSeq2Seq", "hub_reachable", "is_offline", "load_transformers"]

_PROBE_TIMEOUT_S = 3.0
# Files a translation or summarisation model needs; *.bin only when no safetensors exist.
_PULL_PATTERNS = ("*.json", "*.safetensors", "*.spm", "*.model", "*.txt", "*.tiktoken")


class HFSeq2Seq:
    """A sequence-to-sequence model (Marian, BART, T5, ...) run with ``generate``."""

    def __init__(
        self,
        config: RouteConfig,
        tokenizer: PreTrainedTokenizerBase,
        model: PreTrainedModel,
        workers: int = 1,
    ) -> None:
        self.name = config.model
        self.max_input_tokens = config.max_input_tokens
        self.workers = workers
        self._config = config
        self._tokenizer = tokenizer
        # generate() is typed loosely upstream (mypy sees a Tensor attribute); keep it Any.
        self._model: Any = model

    def _with_prefix(self, texts: Sequence[str]) -> list[str]:
        prefix = self._config.prefix
        return [f"{prefix} {text}" if prefix else text for text in texts]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Return the input length of each text in tokens, prefix and end mark included."""
        if not texts:
            return []
        encoded = self._tokenizer(self._with_prefix(texts), add_special_tokens=True)
        return [len(ids) for ids in encoded["input_ids"]]

    def _max_new_tokens(self) -> int:
        """Models with learned positions (Marian, BART) cannot decode past their table."""
        positions = getattr(self._model.config, "max_position_embeddings", None)
        return int(positions) - 2 if isinstance(positions, int) and positions > 2 else 1 << 20

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        """Run one batched ``generate`` call and decode the outputs in input order."""
        return self.generate_many([(texts, max_new_tokens)])[0]

    def generate_many(
        self, batches: Sequence[Batch], *, on_batch: Callable[[int], None] | None = None
    ) -> list[list[str]]:
        """Run the batches on ``workers`` threads (torch releases the GIL in its kernels, and
        each runs one intra-op thread); tokenise and decode here, in order: a tokenizer is
        not safe to share between threads."""
        encoded = [(self._encode(texts), budget) for texts, budget in batches if texts]
        if self.workers == 1 or len(encoded) == 1:
            generated = iter([self._run(*item) for item in encoded])
        else:
            pool = ThreadPoolExecutor(min(self.workers, len(encoded)))
            generated = iter([f.result() for f in [pool.submit(self._run, *e) for e in encoded]])
            pool.shutdown()
        outputs: list[list[str]] = []
        for texts, _ in batches:
            decoded = (
                self._tokenizer.batch_decode(next(generated), skip_special_tokens=True)
                if texts
                else []
            )
            outputs.append([" ".join(text.split()) for text in decoded])
            if on_batch is not None:
                on_batch(len(texts))
        return outputs

    def _encode(self, texts: Sequence[str]) -> Any:
        return self._tokenizer(
            self._with_prefix(texts),
            return_tensors="pt",
            padding=True,
            truncation=True,  # a safety net only: the stages split long inputs beforehand
            max_length=self.max_input_tokens,
        ).to(self._model.device)

    def _run(self, encoded: Any, max_new_tokens: int) -> Any:
        import torch

        with torch.inference_mode():
            return self._model.generate(
                **encoded,
                max_new_tokens=min(max_new_tokens, self._max_new_tokens()),
                num_beams=self._config.num_beams,
                no_repeat_ngram_size=self._config.no_repeat_ngram_size,
            )


def is_offline(options: LoadOptions) -> bool:
    """True when the run must not touch the network (``--offline`` or ``HF_HUB_OFFLINE``)."""
    flag = os.environ.get("HF_HUB_OFFLINE", "").strip().lower()
    return options.offline or flag in ("1", "true", "yes", "on")


@cache
def hub_reachable() -> bool:
    """Return whether the hub endpoint accepts a TCP connection within a few seconds."""
    endpoint = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        with socket.create_connection((endpoint.hostname or "", port), timeout=_PROBE_TIMEOUT_S):
            return True
    except OSError:
        return False


class HFKind(BackendKind):
    """transformers + torch: models from the Hugging Face cache, the hub or a directory."""

    name = "hf"

    def load(self, config: RouteConfig, options: LoadOptions) -> HFSeq2Seq:
        """Load a route's tokenizer and model (see ``load_transformers``)."""
        return load_transformers(config, options)

    def availability(self, config: RouteConfig) -> Availability:
        """A local directory with a config.json, or a hub model in the cache."""
        if config.local:
            ok = (Path(config.model) / "config.json").is_file()
            detail = "local directory" if ok else "no config.json in that directory"
        else:
            ok = _in_hf_cache(config)
            detail = "in the Hugging Face cache" if ok else "not downloaded"
        return Availability(
            route=config.route, model=config.model, revision=config.revision,
            local=config.local, available=ok, detail=detail, backend=self.name,
        )  # fmt: skip

    def fetch(self, config: RouteConfig) -> str:
        """Download the files a seq2seq model needs into the HF cache.

        Raises:
            ModelUnavailable: The hub cannot be reached or refuses the model.
        """
        if config.local:
            return f"local directory {config.model}, nothing to download"
        if not hub_reachable():
            raise ModelUnavailable(
                config.route, config.model, "the Hugging Face hub cannot be reached",
                "check the connection (or HF_ENDPOINT) and run `summarize models pull` again",
            )  # fmt: skip
        try:
            _download(config)
        except Exception as exc:  # any hub or disk failure: reported per route
            raise _unavailable(config, exc) from None
        return f"downloaded {config.model}"


def load_transformers(config: RouteConfig, options: LoadOptions) -> HFSeq2Seq:
    """Load a route's tokenizer and model with transformers.

    Raises:
        ModelUnavailable: With the reason and the fix (pull, go online, fix the path).
    """
    if config.local and not (Path(config.model) / "config.json").is_file():
        raise ModelUnavailable(
            config.route, config.model, "no model directory with a config.json there",
            "fix `model` in models.toml or run `summarize models list`",
        )  # fmt: skip
    folder = cached_folder(config)
    if folder is None:
        if is_offline(options):
            raise ModelUnavailable(
                config.route, config.model, "not in the Hugging Face cache and running offline",
                "run `summarize models pull` while online, or drop --offline / unset "
                "HF_HUB_OFFLINE",
            )  # fmt: skip
        if not hub_reachable():
            raise ModelUnavailable(
                config.route, config.model,
                "not in the Hugging Face cache and the hub is unreachable",
                "run `summarize models pull` when online, or set `model` to a local directory",
            )  # fmt: skip
        HFKind().fetch(config)
        folder = cached_folder(config)
        if folder is None:
            raise ModelUnavailable(
                config.route, config.model, "downloaded, but not found in the cache",
                "check HF_HOME and run `summarize models pull` again",
            )  # fmt: skip
    check_model_folder(config, folder)
    try:
        return _load(config, folder, options)
    except (OSError, ValueError) as exc:
        raise _unavailable(config, exc) from exc


def _in_hf_cache(config: RouteConfig) -> bool:
    """Ask the cache (a cheap file lookup) before paying for importing transformers."""
    return cached_folder(config) is not None


def _unavailable(config: RouteConfig, exc: Exception) -> ModelUnavailable:
    return ModelUnavailable(
        config.route, config.model, describe(exc), "check `model` and `revision` in models.toml"
    )


def _load(config: RouteConfig, folder: Path, options: LoadOptions) -> HFSeq2Seq:
    """Load tokenizer and model from a checked folder: no network, no code from the folder."""
    import torch
    import transformers
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    # Otherwise a .bin-only hub repo starts a background thread that calls the hub.
    os.environ.setdefault("DISABLE_SAFETENSORS_CONVERSION", "1")
    device = config.device
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    elif device == "cuda" and not torch.cuda.is_available():
        raise ModelUnavailable(
            config.route, config.model, "device = \"cuda\" but this machine has no usable GPU",
            "set device = \"cpu\" or \"auto\" in models.toml",
        )  # fmt: skip
    # trust_remote_code=False everywhere: transformers then never asks on stdin whether to
    # run a folder's code (model_files refuses such folders before this point anyway).
    kwargs: dict[str, Any] = {"local_files_only": True, "trust_remote_code": False}
    with warnings.catch_warnings():
        # MarianTokenizer asks for sacremoses; its punctuation normaliser is optional.
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        tokenizer = AutoTokenizer.from_pretrained(str(folder), **kwargs)
        model = AutoModelForSeq2SeqLM.from_pretrained(str(folder), use_safetensors=None, **kwargs)
    # One intra-op thread; parallelism comes from workers, each on its own batch. torch's
    # default (every core on one batch) is many times slower as soon as anything else runs.
    torch.set_num_threads(1)
    model.to(device).eval()
    _check_prefix(config, tokenizer)
    workers = workers_for(config, options) if device == "cpu" else 1
    return HFSeq2Seq(config, tokenizer, model, workers)


def _check_prefix(config: RouteConfig, tokenizer: PreTrainedTokenizerBase) -> None:
    """Refuse a ``>>xx<<`` prefix the model does not know: it would silently become <unk>."""
    codes = getattr(tokenizer, "supported_language_codes", None)
    prefix = config.prefix.strip()
    if codes is None or not (prefix.startswith(">>") and prefix.endswith("<<")):
        return
    if prefix not in codes:
        raise ModelUnavailable(
            config.route, config.model, f"its vocabulary has no {prefix} token",
            f"set prefix to one of: {', '.join(codes[:12]) or 'none (remove it)'}",
        )  # fmt: skip


def _download(config: RouteConfig) -> None:
    from huggingface_hub import HfApi, snapshot_download

    files = HfApi().list_repo_files(config.model, revision=config.revision)
    patterns = list(_PULL_PATTERNS)
    if not any(name.endswith(".safetensors") for name in files):
        patterns.append("pytorch_model.bin")  # older repos (opus-mt) ship only this
    snapshot_download(config.model, revision=config.revision, allow_patterns=patterns)


register_backend(HFKind(), "transformers")
