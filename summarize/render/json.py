"""The JSON renderer: ``Result.to_dict()`` (the versioned schema) as UTF-8 JSON."""

from __future__ import annotations

import json

from summarize.data import Result

__all__ = ["render_json"]


def render_json(result: Result) -> str:
    """Return the result as indented JSON; control characters come out as ``\\uXXXX``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
