"""The exception hierarchy. Library code raises these; only ``cli.main`` maps them to exits."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

__all__ = [
    "ConfigError",
    "InputError",
    "ModelUnavailable",
    "SummarizeError",
    "UsageError",
    "describe",
    "parse_unavailable",
]


def describe(exc: BaseException, limit: int = 160) -> str:
    """The first line of an exception's message (its type when it has none), for one-line
    errors and warnings."""
    text = str(exc).strip()
    return (text.splitlines()[0][:limit] if text else "") or type(exc).__name__


class SummarizeError(Exception):
    """Base class of every error this package raises on purpose.

    Attributes:
        exit_code: The process exit status the CLI uses for this error.
    """

    exit_code = 1


class InputError(SummarizeError):
    """The input cannot be read: missing, a directory, unreadable, binary or undecodable."""

    exit_code = 1


class UsageError(SummarizeError):
    """The command line asks for something that cannot be done."""

    exit_code = 2


class ConfigError(SummarizeError):
    """One or more problems in a ``models.toml`` file, all reported at once.

    Args:
        path: The file that holds the problems.
        problems: One line per bad key: the key, what is wrong and the allowed values.
    """

    exit_code = 2

    def __init__(self, path: str, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = tuple(problems)
        joined = "; ".join(self.problems)
        super().__init__(f"invalid model configuration in {path}: {joined}")


class ModelUnavailable(SummarizeError):
    """A model cannot be loaded. The message says which, why, and how to fix it.

    Args:
        route: The route whose model failed, e.g. ``translate.ar-en``.
        model: The model id or directory.
        reason: What went wrong, in a few words.
        fix: What the user can do about it.
    """

    exit_code = 1

    def __init__(self, route: str, model: str, reason: str, fix: str) -> None:
        self.route = route
        self.model = model
        self.reason = reason
        self.fix = fix
        super().__init__(f"{route}: model {model!r} is unavailable ({reason}); {fix}")


# The message ``ModelUnavailable`` writes, and what a caller may append after ``; ``.
_UNAVAILABLE = re.compile(
    r"(?P<route>[\w.-]+): model (?P<model>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") "
    r"is unavailable \((?P<reason>.*)\); (?P<fix>[^;]*)(?:; (?P<after>.*))?",
    re.S,
)


def parse_unavailable(message: str) -> tuple[ModelUnavailable, str] | None:
    """Read a ``ModelUnavailable`` back from its message (a warning in a ``Result``).

    Returns:
        The error and what the caller appended to its message (``using the extractive
        summary``, or empty); None when ``message`` is not such a message.
    """
    found = _UNAVAILABLE.fullmatch(message)
    if found is None:
        return None
    model = ast.literal_eval(found["model"])
    error = ModelUnavailable(found["route"], model, found["reason"], found["fix"])
    return error, found["after"] or ""
