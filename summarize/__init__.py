"""summarize: bilingual Arabic-English news summarisation and translation.

The public API. Importing it is cheap: torch and transformers load only when a model does.

Example:
    >>> from summarize import Pipeline
    >>> result = Pipeline(offline=True).run_text("Hello there. How are you?")
"""

from __future__ import annotations

__version__ = "0.1.0"

# Not `from typing import ...`: importing typing costs milliseconds every start, and the
# console script's Ctrl-C handling (summarize._entry) waits on this module. mypy reads a
# variable named TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from summarize.config import ModelsConfig, RouteConfig, load_config
    from summarize.data import (
        SCHEMA_VERSION,
        Direction,
        Document,
        Notice,
        Platform,
        PostMeta,
        Result,
        Route,
        Segment,
        SegmentKind,
        Summary,
        SummaryMethod,
        SummarySentence,
        Target,
        Translation,
        TweetMeta,
    )
    from summarize.errors import (
        ConfigError,
        InputError,
        ModelUnavailable,
        SummarizeError,
        UsageError,
    )
    from summarize.pipeline import Pipeline

# Everything is loaded on first use: `summarize --help` and the console script's Ctrl-C
# handler (summarize._entry) must not wait for modules they do not need.
_DATA = (
    "SCHEMA_VERSION Direction Document Notice Platform PostMeta Result Route Segment "
    "SegmentKind Summary SummaryMethod SummarySentence Target Translation TweetMeta"
).split()
_ERRORS = "ConfigError InputError ModelUnavailable SummarizeError UsageError".split()
_LAZY = {
    "Pipeline": "summarize.pipeline",
    "ModelsConfig": "summarize.config",
    "RouteConfig": "summarize.config",
    "load_config": "summarize.config",
    **dict.fromkeys(_DATA, "summarize.data"),
    **dict.fromkeys(_ERRORS, "summarize.errors"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "ConfigError",
    "Direction",
    "Document",
    "InputError",
    "ModelUnavailable",
    "ModelsConfig",
    "Notice",
    "Pipeline",
    "Platform",
    "PostMeta",
    "Result",
    "Route",
    "RouteConfig",
    "Segment",
    "SegmentKind",
    "SummarizeError",
    "Summary",
    "SummaryMethod",
    "SummarySentence",
    "Target",
    "Translation",
    "TweetMeta",
    "UsageError",
    "load_config",
]
