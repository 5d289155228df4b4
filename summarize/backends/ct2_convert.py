"""Convert a route's Hugging Face model to CTranslate2, once, into the cache.

Conversion reads the model with transformers (so it imports torch: it runs at
``models convert`` or ``models pull`` time, never while translating) and writes the ct2
folder described in ``ct2_store``. It works in a temporary folder beside the target and
renames it into place, so an interrupted conversion never leaves a half model that
``backend = "auto"`` would pick up.

Known converter quirk (ctranslate2 4.8 with transformers 5): its BART loader reads
``config.normalize_before``, which ``BartConfig`` no longer defines. BART is post-norm, so
the loaded model's config gets ``normalize_before = False`` before conversion (nothing on
disk changes).
"""

from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarize.backends.ct2_store import (
    FAST_EXTRA_FIX,
    QUANTIZATIONS,
    Converted,
    ct2_installed,
    find_converted,
    target_folder,
    write_metadata,
)
from summarize.backends.model_files import cached_folder, check_model_folder
from summarize.config import RouteConfig
from summarize.errors import ModelUnavailable, UsageError, describe

__all__ = ["convert_route"]

_FAMILIES = {"marian": "marian", "bart": "bart", "t5": "t5", "mt5": "t5"}
_MARIAN_FILES = ("source.spm", "target.spm")


def convert_route(config: RouteConfig, quantization: str = "int8", *, force: bool = True) -> str:
    """Convert the route's model (local or in the HF cache) and return what was done.

    Args:
        config: The route; its model must be downloaded already.
        quantization: One of ``QUANTIZATIONS``.
        force: Convert again even when a conversion from the same source exists.

    Raises:
        ModelUnavailable: The extra is missing, the model is not here or cannot be converted.
        UsageError: An unknown quantization.
    """
    if quantization not in QUANTIZATIONS:
        raise UsageError(
            f"--quantization must be one of {', '.join(QUANTIZATIONS)}, not {quantization!r}"
        )
    if not ct2_installed():
        raise ModelUnavailable(
            config.route, config.model, "converting needs CTranslate2", FAST_EXTRA_FIX
        )
    source = cached_folder(config)
    if source is None or not (source / "config.json").is_file():
        raise ModelUnavailable(
            config.route, config.model, "not downloaded, so there is nothing to convert",
            "run `summarize models pull` first",
        )  # fmt: skip
    check_model_folder(config, source)
    done = find_converted(config)
    if not force and done and done.source == str(source) and done.quantization == quantization:
        return f"already converted to ct2 {quantization}"
    try:
        folder = _convert(config, source, quantization)
    except ModelUnavailable:
        raise
    except Exception as exc:  # a converter failure is this route's, named in one line
        raise ModelUnavailable(
            config.route, config.model, f"cannot be converted to CTranslate2 ({describe(exc)})",
            "set backend = \"hf\" for this route in models.toml",
        ) from None  # fmt: skip
    return f"converted to ct2 {quantization} in {folder}"


def _convert(config: RouteConfig, source: Path, quantization: str) -> Path:
    family = _family(config, source)
    target = target_folder(config)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        tokenizer = _run_converter(source, staging, quantization, family)
        if family != "marian":  # tokenizer.json: the exact HF tokenizer, read by `tokenizers`
            _save_tokenizer_json(tokenizer, staging)
        converted = Converted(
            folder=staging, family=family, quantization=quantization, source=str(source),
            max_positions=_max_positions(source, family),
            generation=_generation(source, staging),
        )  # fmt: skip
        write_metadata(converted, {"model": config.model, "revision": config.revision,
                                   "ctranslate2": _ct2_version()})  # fmt: skip
        _replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _family(config: RouteConfig, source: Path) -> str:
    data = json.loads((source / "config.json").read_text(encoding="utf-8"))
    model_type = str(data.get("model_type", ""))
    if model_type not in _FAMILIES:
        raise ModelUnavailable(
            config.route, config.model,
            f"the ct2 engine runs Marian, BART, T5 and mT5 models, not {model_type or 'this'}",
            "set backend = \"hf\" for this route in models.toml",
        )  # fmt: skip
    return _FAMILIES[model_type]


def _run_converter(source: Path, staging: Path, quantization: str, family: str) -> Any:
    """Run ctranslate2's transformers converter; return the tokenizer it loaded."""
    import ctranslate2

    os.environ.setdefault("DISABLE_SAFETENSORS_CONVERSION", "1")  # no hub thread
    files = [name for name in _MARIAN_FILES if (source / name).is_file()]
    if family == "marian" and len(files) != len(_MARIAN_FILES):
        raise ValueError("a Marian model needs source.spm and target.spm")
    seen: dict[str, Any] = {}

    class _Converter(ctranslate2.converters.TransformersConverter):  # type: ignore[misc]
        def load_model(self, model_class: Any, name: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, name, **kwargs)
            if model.config.model_type == "bart" and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = False  # BART is post-norm
            return model

        def load_tokenizer(self, tokenizer_class: Any, name: str, **kwargs: Any) -> Any:
            seen["tokenizer"] = super().load_tokenizer(tokenizer_class, name, **kwargs)
            return seen["tokenizer"]

    converter = _Converter(str(source), copy_files=files or None, trust_remote_code=False)
    with _quiet():
        converter.convert(str(staging), quantization=quantization, force=True)
    return seen.get("tokenizer")


@contextmanager
def _quiet() -> Iterator[None]:
    """No progress bars or advice from transformers while converting: one line per route."""
    import transformers

    transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        yield


def _save_tokenizer_json(tokenizer: Any, staging: Path) -> None:
    scratch = staging / ".tokenizer"
    tokenizer.save_pretrained(str(scratch))
    if not (scratch / "tokenizer.json").is_file():
        raise ValueError("its tokenizer cannot be saved as tokenizer.json")
    (scratch / "tokenizer.json").replace(staging / "tokenizer.json")
    shutil.rmtree(scratch)


def _max_positions(source: Path, family: str) -> int:
    """Marian and BART decode within a learned (or fixed) position table; T5 has none."""
    data = json.loads((source / "config.json").read_text(encoding="utf-8"))
    value = data.get("max_position_embeddings", 0)
    return value if family != "t5" and isinstance(value, int) and value > 0 else 0


def _generation(source: Path, staging: Path) -> dict[str, Any]:
    """The model's own generation settings, as ct2 options with token strings."""
    path = source / "generation_config.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    vocab = _target_vocabulary(staging)

    def token(i: object) -> str | None:
        return vocab[i] if isinstance(i, int) and 0 <= i < len(vocab) else None

    out: dict[str, Any] = {}
    forced = token(data.get("forced_bos_token_id"))
    if forced is not None:
        out["target_prefix"] = [forced]
    banned = list(data.get("suppress_tokens") or [])
    banned += [ids[0] for ids in data.get("bad_words_ids") or [] if len(ids) == 1]
    eos = data.get("eos_token_id")
    eos_ids = set(eos) if isinstance(eos, list) else {eos}
    out["suppress_end"] = any(i in eos_ids for i in banned)
    tokens = {token(i) for i in banned if i not in eos_ids} - {None, forced}
    out["suppress"] = sorted(t for t in tokens if t is not None)
    for key in ("length_penalty", "repetition_penalty"):
        if isinstance(data.get(key), int | float):
            out[key] = float(data[key])
    if isinstance(data.get("min_length"), int) and data["min_length"] > 1:
        out["min_decoding_length"] = data["min_length"] - 1  # HF counts the start token
    return out


def _target_vocabulary(folder: Path) -> list[str]:
    for name in ("target_vocabulary.json", "shared_vocabulary.json"):
        if (folder / name).is_file():
            data = json.loads((folder / name).read_text(encoding="utf-8"))
            return [str(t) for t in data]
    return []


def _replace(staging: Path, target: Path) -> None:
    """Swap the new folder in: the old one is moved aside first, then removed."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.replace(old)
    staging.replace(target)
    shutil.rmtree(old, ignore_errors=True)


def _ct2_version() -> str:
    import ctranslate2

    return str(ctranslate2.__version__)
