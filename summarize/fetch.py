"""Fetch a web page for ``summarize https://…``: bounded in time and size, clear on failure.

The time limit bounds the whole fetch — connecting, headers and body — not each read: a
server that sends one byte a second is cut off when the limit is reached. The fetch runs in
a worker thread; at the deadline the connection's socket is shut down, which ends any read
the worker is blocked in, so nothing is left running.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

from summarize import __version__
from summarize.errors import InputError, describe

__all__ = ["TIMEOUT_S", "Page", "fetch_url"]

TIMEOUT_S = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A fetched document: its bytes, the charset the server declared (None when it named
    none or one Python does not know), and whether it is HTML."""

    data: bytes
    charset: str | None
    is_html: bool


class _Connections:
    """The connections a fetch opened, so that the deadline can shut them down."""

    def __init__(self) -> None:
        self.open: list[http.client.HTTPConnection] = []
        self.lock = threading.Lock()

    def factory(self, cls: type[http.client.HTTPConnection]) -> Any:
        def make(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
            connection = cls(*args, **kwargs)
            with self.lock:
                self.open.append(connection)
            return connection

        return make

    def shut(self) -> None:
        with self.lock:
            for connection in self.open:
                sock = connection.sock
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self._connections = connections

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connections.factory(http.client.HTTPConnection), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self._connections = connections

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connections.factory(http.client.HTTPSConnection), req)


def fetch_url(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int | None = None) -> Page:
    """GET an HTML page or a plain-text document within ``timeout`` seconds in all.

    Args:
        url: An ``http://`` or ``https://`` URL.
        timeout: Seconds for the whole fetch: connecting, headers and body.
        max_bytes: The largest body accepted (default: the reader's input limit).

    Raises:
        InputError: A malformed URL, a network error, an HTTP error status, the time limit,
            a body over the limit or shorter than announced, or content that is neither
            HTML nor text.
    """
    from summarize.reader import MAX_INPUT_BYTES

    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    connections = _Connections()
    outcome: dict[str, Page | BaseException] = {}
    deadline = time.monotonic() + timeout
    worker = threading.Thread(
        target=_fetch_into, args=(url, deadline, limit, connections, outcome), daemon=True
    )
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        connections.shut()  # ends whatever read the worker is blocked in
        worker.join(2.0)
        raise _too_slow(url, timeout)
    found = outcome.get("page") or outcome.get("error")
    if isinstance(found, Page):
        return found
    if isinstance(found, InputError):
        raise found
    if isinstance(found, TimeoutError):  # a read timed out: the deadline came first
        raise _too_slow(url, timeout)
    raise InputError(f"{url}: cannot be fetched ({describe(found or TimeoutError())})")


def _too_slow(url: str, timeout: float) -> InputError:
    return InputError(f"{url}: no complete answer within {timeout:g} s; try again later")


def _fetch_into(
    url: str,
    deadline: float,
    limit: int,
    connections: _Connections,
    outcome: dict[str, Page | BaseException],
) -> None:
    try:
        outcome["page"] = _fetch(url, deadline, limit, connections)
    except BaseException as exc:  # handed to the caller's thread
        outcome["error"] = exc


def _fetch(url: str, deadline: float, limit: int, connections: _Connections) -> Page:
    opener = urllib.request.build_opener(_HTTP(connections), _HTTPS(connections))
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"summarize/{__version__}"})
        with opener.open(request, timeout=max(deadline - time.monotonic(), 0.1)) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in _HTML_TYPES and kind != "text/plain":
                raise InputError(f"{url}: not an HTML page or text (Content-Type {kind})")
            data = _read_body(response, url, limit, deadline)
            _check_length(headers, data, url)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TimeoutError from None
        raise InputError(f"{url}: cannot be fetched ({exc.reason}); check the address") from None
    except TimeoutError:
        raise
    except (ValueError, http.client.HTTPException, OSError) as exc:
        raise InputError(f"{url}: cannot be fetched ({describe(exc)}); check the address") from None
    return Page(data=data, charset=_known_charset(headers), is_html=kind in _HTML_TYPES)


def _read_body(response: http.client.HTTPResponse, url: str, limit: int, deadline: float) -> bytes:
    """Read what has arrived, chunk by chunk, until the end, the size limit or the deadline."""
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{url}: larger than {limit} bytes; save the page and pass the file")


def _check_length(headers: Message, data: bytes, url: str) -> None:
    declared = headers.get("Content-Length", "")
    if declared.isdigit() and len(data) < int(declared) and not headers.get("Content-Encoding"):
        raise InputError(
            f"{url}: the download stopped after {len(data)} of {declared} bytes; try again"
        )


def _known_charset(headers: Message) -> str | None:
    """The declared charset when Python knows it as a text encoding; else None (detect)."""
    charset = headers.get_content_charset()
    if not charset:
        return None
    try:
        return charset if codecs.lookup(charset)._is_text_encoding else None
    except LookupError:
        return None
