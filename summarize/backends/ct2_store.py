"""Where converted CTranslate2 models live, and what each one records about itself.

A route's model is converted once (``summarize models convert``, or ``models pull`` when the
``fast`` extra is installed) into its own folder of the cache:

- ``$SUMMARIZE_CT2_CACHE`` when set, else ``$HF_HOME/summarize-ct2`` (``HF_HOME`` defaults
  to ``$XDG_CACHE_HOME/huggingface``, that is ``~/.cache/huggingface``): beside the Hugging
  Face cache the models came from, so one variable moves both, and a test's temporary
  ``HF_HOME`` isolates both.
- one folder per model: ``org--name`` (``@revision`` appended when one is pinned), or for a
  local directory ``local--NAME--HASH`` (the hash of its absolute path).
- inside: what CTranslate2 writes (``model.bin``, ``config.json``, the vocabulary), the
  tokenizer files the runtime reads without transformers, and ``summarize-ct2.json``: the
  model family, the quantization, the source folder, and the generation settings taken
  from the model's ``generation_config.json`` (as token strings, which is what ct2 takes).

A ``model`` in models.toml that is itself such a folder (copied from another machine) is
used as it is. Looking a folder up only joins paths and reads one small JSON file: no
engine is imported, so ``backend = "auto"`` decides in microseconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.config import RouteConfig

__all__ = [
    "METADATA",
    "QUANTIZATIONS",
    "Converted",
    "ct2_installed",
    "ct2_root",
    "find_converted",
    "target_folder",
]

METADATA = "summarize-ct2.json"
# What `models convert --quantization` offers: int8 weights (the default, about 4x smaller
# and 2-5x faster on a CPU), int8 weights with float32 activations, or full float32.
QUANTIZATIONS = ("int8", "int8_float32", "float32")
FAMILIES = ("marian", "bart", "t5")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.@-]+")
FAST_EXTRA_FIX = "pip install 'summarize[fast]' (CTranslate2) to use it"


@dataclass(frozen=True, slots=True, kw_only=True)
class Converted:
    """A converted model folder and its ``summarize-ct2.json``.

    Attributes:
        folder: The folder CTranslate2 loads.
        family: ``marian``, ``bart`` or ``t5`` (T5 and mT5): how text becomes tokens.
        quantization: How the weights were stored (``int8``, ``int8_float32``, ``float32``).
        source: The folder the model was converted from.
        max_positions: The decoder's position table (0 when it has none, as T5).
        generation: Settings from the model's generation config, as ct2 options.
    """

    folder: Path
    family: str
    quantization: str
    source: str
    max_positions: int = 0
    generation: dict[str, Any] = field(default_factory=dict)


def ct2_installed() -> bool:
    """Whether the ``fast`` extra (the ``ctranslate2`` package) is installed; imports nothing.

    A ``None`` in ``sys.modules`` blocks an import (how a test takes a package away): it
    counts as not installed.
    """
    if "ctranslate2" in sys.modules:
        return sys.modules["ctranslate2"] is not None
    return importlib.util.find_spec("ctranslate2") is not None


def ct2_root() -> Path:
    """The folder that holds every converted model (see the module docstring)."""
    explicit = os.environ.get("SUMMARIZE_CT2_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("HF_HOME")
    if not home:
        cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        home = str(Path(cache) / "huggingface")
    return Path(home).expanduser() / "summarize-ct2"


def target_folder(config: RouteConfig) -> Path:
    """Where the route's model is (or would be) converted to."""
    if config.local:
        path = Path(config.model)
        digest = hashlib.sha256(str(path.resolve()).encode("utf-8", "replace")).hexdigest()
        name = f"local--{_UNSAFE.sub('_', path.name)[:60] or 'model'}--{digest[:12]}"
    else:
        name = config.model.replace("/", "--")
        if config.revision:
            name += "@" + _UNSAFE.sub("_", config.revision)[:64]
    return ct2_root() / name


def find_converted(config: RouteConfig) -> Converted | None:
    """The route's converted model, or None when there is none (or its record is unreadable).

    A ``model`` directory that is itself a converted model counts first.
    """
    if config.local and (Path(config.model) / METADATA).is_file():
        return read_metadata(Path(config.model))
    folder = target_folder(config)
    return read_metadata(folder) if (folder / METADATA).is_file() else None


def read_metadata(folder: Path) -> Converted | None:
    """Read ``summarize-ct2.json``; None when it is missing, too big or not what we write."""
    path = folder / METADATA
    try:
        if path.stat().st_size > 1_000_000 or not (folder / "model.bin").is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    family, quantization = data.get("family"), data.get("quantization")
    positions, generation = data.get("max_positions", 0), data.get("generation", {})
    if family not in FAMILIES or quantization not in QUANTIZATIONS:
        return None
    if not isinstance(positions, int) or not isinstance(generation, dict):
        return None
    return Converted(
        folder=folder, family=family, quantization=quantization,
        source=str(data.get("source", "")), max_positions=positions, generation=generation,
    )  # fmt: skip


def write_metadata(converted: Converted, extra: dict[str, Any]) -> None:
    """Write ``summarize-ct2.json`` into the converted folder."""
    data = {
        "family": converted.family,
        "quantization": converted.quantization,
        "source": converted.source,
        "max_positions": converted.max_positions,
        "generation": converted.generation,
        **extra,
    }
    (converted.folder / METADATA).write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
    )
