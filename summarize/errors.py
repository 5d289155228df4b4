"""The exception hierarchy. Library code raises these; only ``cli.main`` maps them to exits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.data import Notice

__all__ = [
    "ConfigError",
    "InputError",
    "ModelUnavailable",
    "SummarizeError",
    "UsageError",
    "describe",
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

    def notice(self, then: str = "") -> Notice:
        """This error as a warning in a result (``then``: what the run did instead)."""
        from summarize.data import Notice

        message = f"{self}; {then}" if then else str(self)
        return Notice(
            code="model_unavailable", message=message, route=self.route, model=self.model,
            reason=self.reason, fix=self.fix,
        )  # fmt: skip
