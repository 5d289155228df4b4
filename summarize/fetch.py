"""Fetch a web page for ``summarize https://…``: bounded in time and size, clear on failure."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from summarize import __version__
from summarize.errors import InputError

__all__ = ["TIMEOUT_S", "Page", "fetch_url"]

TIMEOUT_S = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A fetched document: its bytes, the charset the server declared, and whether it is HTML."""

    data: bytes
    charset: str | None
    is_html: bool


def fetch_url(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int | None = None) -> Page:
    """GET an HTML page or a plain-text document.

    Args:
        url: An ``http://`` or ``https://`` URL.
        timeout: Seconds for connecting and for each read.
        max_bytes: The largest body accepted (default: the reader's input limit).

    Raises:
        InputError: On a network error, an HTTP error status, a time-out, a body over the
            limit, or content that is neither HTML nor text.
    """
    from summarize.reader import MAX_INPUT_BYTES

    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    request = urllib.request.Request(url, headers={"User-Agent": f"summarize/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in _HTML_TYPES and kind != "text/plain":
                raise InputError(f"{url}: not an HTML page or text (Content-Type {kind})")
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout:g} s; try again later") from exc
        raise InputError(f"{url}: cannot be fetched ({exc.reason}); check the address") from exc
    except TimeoutError as exc:
        raise InputError(f"{url}: no answer within {timeout:g} s; try again later") from exc
    if len(data) > limit:
        raise InputError(f"{url}: larger than {limit} bytes; save the page and pass the file")
    return Page(data=data, charset=headers.get_content_charset(), is_html=kind in _HTML_TYPES)
