"""A model folder is untrusted input: look at it before any engine reads it.

People point ``model`` at folders they downloaded from strangers, and an interrupted
download leaves broken files in the cache. Before an engine loads anything, the folder is
checked here, and whatever is wrong becomes ``ModelUnavailable`` with a reason:

- a ``config.json`` (or tokenizer config) with ``auto_map`` asks to run the folder's own
  Python code: summarize never runs model code, and never lets transformers ask about it;
- every file must be a regular file (a link to ``/dev/zero`` or a FIFO would hang a reader),
  and the JSON and vocabulary files must be of a sane size and shape;
- the dimensions in ``config.json`` must be plausible for a model that fits in memory.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from summarize.config import RouteConfig
from summarize.errors import ModelUnavailable

__all__ = ["cached_folder", "check_model_folder"]

# Metadata (JSON, vocabularies, SentencePiece models) above this is not a real model's.
_MAX_METADATA_BYTES = 64 * 1024 * 1024
_METADATA_SUFFIXES = (".json", ".txt", ".model", ".spm", ".tiktoken")
_CODE_CONFIGS = ("config.json", "tokenizer_config.json", "generation_config.json")
# Upper bounds of config values for a sequence-to-sequence model on a laptop or server.
_DIMENSIONS = {
    "vocab_size": 1_000_000,
    "d_model": 16_384,
    "hidden_size": 16_384,
    "encoder_layers": 128,
    "decoder_layers": 128,
    "num_layers": 128,
    "num_decoder_layers": 128,
    "encoder_ffn_dim": 131_072,
    "decoder_ffn_dim": 131_072,
    "d_ff": 131_072,
    "max_position_embeddings": 1_048_576,
    "encoder_attention_heads": 1_024,
    "decoder_attention_heads": 1_024,
    "num_heads": 1_024,
}


def cached_folder(config: RouteConfig) -> Path | None:
    """The folder holding the route's model files: its directory, or the HF cache snapshot."""
    if config.local:
        return Path(config.model)
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(config.model, "config.json", revision=config.revision)
    return Path(found).parent if isinstance(found, str) else None


def check_model_folder(config: RouteConfig, folder: Path) -> None:
    """Refuse a folder that is not a plain, sane model (see the module docstring).

    Raises:
        ModelUnavailable: Naming the file and what is wrong with it.
    """
    for path in sorted(folder.iterdir()):
        _check_file(config, path)
    for name in _CODE_CONFIGS:
        data = _read_json(config, folder / name, required=name == "config.json")
        if data is not None and "auto_map" in data:
            raise _refuse(
                config, f"{name} asks to run the model folder's own Python code (auto_map)",
                "use a model that transformers supports without custom code; summarize never "
                "runs code from a model folder",
            )  # fmt: skip
        if name == "config.json" and data is not None:
            _check_dimensions(config, data)


def _check_file(config: RouteConfig, path: Path) -> None:
    try:
        info = path.stat()  # follows links: the HF cache links every file to a blob
    except OSError as exc:
        raise _refuse(config, f"{path.name} cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(config, f"{path.name} is not a regular file (a device, pipe or socket)")
    if path.name.endswith(_METADATA_SUFFIXES) and info.st_size > _MAX_METADATA_BYTES:
        raise _refuse(config, f"{path.name} is {info.st_size} bytes, too large for its kind")


def _read_json(config: RouteConfig, path: Path, *, required: bool) -> dict[str, Any] | None:
    if not path.exists():
        if required:
            raise _refuse(config, "no config.json in the model folder")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _refuse(config, f"{path.name} is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise _refuse(config, f"{path.name} is not a JSON object")
    return data


def _check_dimensions(config: RouteConfig, data: dict[str, Any]) -> None:
    for key, limit in _DIMENSIONS.items():
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= limit:
            raise _refuse(config, f"config.json has {key} = {value!r}, not a plausible model size")


def _refuse(
    config: RouteConfig, reason: str, fix: str = "download the model again (`summarize models "
    "pull`) or point `model` at a sound folder",
) -> ModelUnavailable:  # fmt: skip
    return ModelUnavailable(config.route, config.model, reason, fix)
