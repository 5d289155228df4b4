"""Find, read and validate ``models.toml``: which model serves each route, and how.

Lookup order: ``--models FILE``, then ``$SUMMARIZE_MODELS``, then the user's config
directory (``$XDG_CONFIG_HOME/summarize/models.toml``, ``~/.config/...`` by default, or
``%APPDATA%\\summarize\\models.toml`` on Windows), then the default shipped in the package.
Every problem in a file is reported at once, naming the file, the key and what is allowed.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from summarize.data import Route
from summarize.errors import ConfigError

__all__ = [
    "ROUTES",
    "Defaults",
    "ModelsConfig",
    "RouteConfig",
    "find_config_path",
    "load_config",
    "parse_config",
]

# The hub's rules for a name: letters, digits, "-", "_", "."; not starting or ending with
# "-" or ".", no "--" or ".." (the cache folder is org--name), at most 96 characters.
_HUB_NAME = r"(?!.*(?:--|\.\.))[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?"
_HUB_ID = re.compile(f"(?:{_HUB_NAME}/)?{_HUB_NAME}", re.ASCII)
ROUTES = tuple(str(route) for route in Route)
DEVICES = ("cpu", "cuda", "auto")


@dataclass(frozen=True, slots=True, kw_only=True)
class Defaults:
    """The ``[defaults]`` table: settings every route inherits."""

    backend: str = "auto"
    device: str = "cpu"
    threads: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteConfig:
    """One route's model and generation settings.

    Attributes:
        route: ``translate.ar-en``, ``translate.en-ar``, ``summarize.en`` or ``summarize.ar``.
        model: A hub id (``org/name``) or a local directory.
        local: True when ``model`` is a local directory (never looked up on the hub).
        revision: A hub branch, tag or commit; None for the default branch.
        prefix: Text put before every input; multi-target Marian models need ``>>ara<<``.
        max_input_tokens: The model's input limit; longer inputs are split, never cut.
        max_new_tokens: Upper bound on generated tokens (translation is also bounded
            relative to its source).
        batch_size: Inputs per ``generate`` call, at most.
        batch_tokens: Tokens per call, at most: the rows times the longest input plus the
            tokens each may generate, times the beams: what the engine's memory grows
            with; 0 is no limit.
        num_beams: Beam width; 1 is greedy.
        no_repeat_ngram_size: Bans repeated n-grams, which stops repetition loops; 0 is off.
        backend: The engine that runs the model (see ``summarize.backends.BACKENDS``);
            ``auto`` is ct2 when the model is converted, else hf.
        device: ``cpu``, ``cuda`` or ``auto``.
        threads: Cores the model may use: hf runs that many intra-op threads, ct2 that many
            workers of one thread; 0 is one thread for hf and every core for ct2.
    """

    route: str
    model: str
    local: bool = False
    revision: str | None = None
    prefix: str = ""
    max_input_tokens: int = 512
    max_new_tokens: int = 256
    batch_size: int = 16
    batch_tokens: int = 4096
    num_beams: int = 4
    no_repeat_ngram_size: int = 3
    backend: str = "auto"
    device: str = "cpu"
    threads: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelsConfig:
    """A validated ``models.toml``: its path and one ``RouteConfig`` per configured route."""

    path: str
    defaults: Defaults = field(default_factory=Defaults)
    routes: dict[str, RouteConfig] = field(default_factory=dict)


_DEFAULT_KEYS: dict[str, type] = {"backend": str, "device": str, "threads": int}
_ROUTE_KEYS: dict[str, type] = {
    "model": str,
    "revision": str,
    "prefix": str,
    "max_input_tokens": int,
    "max_new_tokens": int,
    "batch_size": int,
    "batch_tokens": int,
    "num_beams": int,
    "no_repeat_ngram_size": int,
    "backend": str,
    "device": str,
    "threads": int,
}
# Bounds for the numbers: past them a typo (an extra zero or three) would generate for
# hours or allocate gigabytes. Real models sit far inside them.
_BOUNDS: dict[str, tuple[int, int]] = {
    "max_input_tokens": (1, 16_384),
    "max_new_tokens": (1, 4_096),
    "batch_size": (1, 1_024),
    "batch_tokens": (0, 1_048_576),
    "num_beams": (1, 16),
    "no_repeat_ngram_size": (0, 16),
    "threads": (0, 256),
}


def shipped_config_path() -> Path:
    """Return the path of the default ``models.toml`` shipped inside the package."""
    return Path(str(resources.files("summarize").joinpath("models.toml")))


def user_config_path() -> Path:
    """Return where the user's own ``models.toml`` lives on this platform."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "summarize" / "models.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "summarize" / "models.toml"


def find_config_path(explicit: str | None = None) -> Path:
    """Return the ``models.toml`` to use, following the documented lookup order.

    Args:
        explicit: The ``--models`` argument, if given.

    Raises:
        ConfigError: An explicitly named file (argument or environment) does not exist.
    """
    for name, value in (
        ("--models", explicit),
        ("SUMMARIZE_MODELS", os.environ.get("SUMMARIZE_MODELS")),
    ):
        if value:
            path = Path(value).expanduser()
            if path.is_dir():
                raise ConfigError(str(path), [f"is a directory (given by {name}); give the file"])
            if not path.is_file():
                raise ConfigError(str(path), [f"no such file (given by {name}); check the path"])
            return path
    user = user_config_path()
    return user if user.is_file() else shipped_config_path()


def load_config(explicit: str | None = None) -> ModelsConfig:
    """Find and parse ``models.toml`` (see ``find_config_path``).

    Raises:
        ConfigError: The file cannot be read, is not TOML, or has bad keys or values.
    """
    path = find_config_path(explicit)
    try:
        # utf-8-sig: Windows editors save a BOM, which is not a TOML error worth failing on.
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"cannot be read ({exc})"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [f"not valid TOML ({exc})"]) from exc
    return parse_config(data, path=path)


def parse_config(data: dict[str, Any], *, path: Path) -> ModelsConfig:
    """Validate parsed TOML into a ``ModelsConfig``.

    Args:
        data: The parsed TOML document.
        path: The file it came from; relative model directories resolve against it.

    Raises:
        ConfigError: Listing every unknown table, unknown key and wrong value.
    """
    problems: list[str] = []
    unknown = sorted(set(data) - {"defaults", "translate", "summarize"})
    problems += [
        f"unknown table [{name}] (allowed: defaults, translate, summarize)" for name in unknown
    ]
    raw_defaults = _table(data, "defaults", problems)
    problems += _check_keys("defaults", raw_defaults, _DEFAULT_KEYS)
    defaults = Defaults(**{k: v for k, v in raw_defaults.items() if k in _DEFAULT_KEYS})
    routes: dict[str, RouteConfig] = {}
    for group in ("translate", "summarize"):
        for name, table in _table(data, group, problems).items():
            route = f"{group}.{name}"
            if route not in ROUTES:
                allowed = ", ".join(r for r in ROUTES if r.startswith(group))
                problems.append(f"unknown route [{route}] (allowed: {allowed})")
                continue
            parsed = _route(route, table, defaults, path.parent, problems)
            if parsed is not None:
                routes[route] = parsed
    if problems:
        raise ConfigError(str(path), problems)
    return ModelsConfig(path=str(path), defaults=defaults, routes=routes)


def _table(data: dict[str, Any], key: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        problems.append(f"{key} must be a table, like [{key}]")
        return {}
    return value


def _check_keys(where: str, table: dict[str, Any], allowed: dict[str, type]) -> list[str]:
    problems = []
    for key, value in table.items():
        expected = allowed.get(key)
        if expected is None:
            problems.append(f"unknown key {where}.{key} (allowed: {', '.join(allowed)})")
        elif not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            problems.append(f"{where}.{key} must be {_type_name(expected)}, not {value!r}")
        elif key in _BOUNDS and not _in_bounds(key, value):
            low, high = _BOUNDS[key]
            problems.append(f"{where}.{key} must be from {low} to {high}, not {value}")
        elif key == "backend" and value not in _backend_names():
            names = ", ".join(_backend_names())
            problems.append(f"{where}.backend must be one of {names}, not {value!r}")
        elif key == "device" and value not in DEVICES:
            problems.append(f"{where}.device must be one of {', '.join(DEVICES)}, not {value!r}")
    return problems


def _in_bounds(key: str, value: object) -> bool:
    low, high = _BOUNDS[key]
    return isinstance(value, int) and low <= value <= high


def _backend_names() -> list[str]:
    from summarize.backends import BACKENDS  # registers the built-in engines

    return sorted(BACKENDS)


def _type_name(expected: type) -> str:
    return {str: "a string", int: "an integer", bool: "true or false"}.get(expected, str(expected))


def _route(
    route: str, table: Any, defaults: Defaults, base: Path, problems: list[str]
) -> RouteConfig | None:
    if not isinstance(table, dict):
        problems.append(f"{route} must be a table, like [{route}]")
        return None
    found = _check_keys(route, table, _ROUTE_KEYS)
    if not str(table.get("model", "")).strip():
        found.append(f"{route}.model is required (a hub id such as org/name, or a directory)")
    problems += found
    if found:
        return None
    try:
        model, local = _resolve_model(table["model"], base)
    except ValueError as exc:
        problems.append(f"{route}.model: {exc}")
        return None
    settings = {k: v for k, v in table.items() if k != "model"}
    settings.setdefault("backend", defaults.backend)
    settings.setdefault("device", defaults.device)
    settings.setdefault("threads", defaults.threads)
    return RouteConfig(route=route, model=model, local=local, **settings)


def _resolve_model(model: str, base: Path) -> tuple[str, bool]:
    """Tell a local directory from a hub id; resolve relative directories against ``base``.

    A value that starts with ``/``, ``.`` or ``~`` is always a path, so a typo in it gives
    a clear "no such directory" instead of a hub lookup.
    """
    if model.startswith(("/", ".", "~")) or (len(model) > 1 and model[1] == ":"):
        try:
            path = Path(model).expanduser()
        except RuntimeError as exc:  # ~nouser
            raise ValueError(f"cannot expand {model!r} ({exc})") from exc
        return str(path if path.is_absolute() else (base / path).resolve()), True
    candidate = base / model
    if candidate.is_dir():
        return str(candidate.resolve()), True
    if not _HUB_ID.fullmatch(model):
        raise ValueError(
            f"{model!r} is neither a hub id (org/name) nor a directory (start it with /, ./ or ~)"
        )
    return model, False
