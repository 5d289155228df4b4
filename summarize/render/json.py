"""The JSON renderer: ``Result.to_dict()`` (the versioned schema) as UTF-8 JSON.

Non-ASCII text is written as itself (Arabic stays readable), except the characters that
could act on a terminal or an editor when the JSON is printed or viewed: C0 and C1 controls
(ESC, CSI), DEL, the line and paragraph separators U+2028/2029, bidi marks and overrides,
and lone surrogates (an undecodable file name). Those are written as ``\\uXXXX`` escapes,
so the data is unchanged for any JSON reader while the bytes are inert.
"""

from __future__ import annotations

import json
import re

from summarize.data import Result

__all__ = ["render_json"]

# json.dumps already escapes U+0000..U+001F; everything else risky is escaped here. These
# characters can only occur inside JSON strings, so escaping them keeps the JSON valid.
_INERT = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def render_json(result: Result) -> str:
    """Return the result as indented JSON (see the module docstring for escaping)."""
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return _INERT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
