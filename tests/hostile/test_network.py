"""URLs: one deadline for the whole fetch, truncated or mislabelled bodies, malformed URLs.

A raw socket server on 127.0.0.1 plays each misbehaving web server.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from helpers import one_error_line, run_cli

from summarize.errors import InputError
from summarize.fetch import fetch_url

ARTICLE_CP1256 = "قال المتحدث إن المحادثات ستستمر غدا في العاصمة.".encode("cp1256")
Behaviour = Callable[[socket.socket], None]


def _drip_headers(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"a" * 200:
        conn.sendall(bytes([byte]))
        time.sleep(0.05)


def _drip_body(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n")
    for _ in range(500):
        conn.sendall(b"x")
        time.sleep(0.05)


def _truncated(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
    conn.sendall(b"Oil prices rose today.")


def _headers(charset: str, body: bytes) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset={charset}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _bogus_charset(conn: socket.socket) -> None:
    conn.sendall(_headers("x-no-such-charset", ARTICLE_CP1256))


def _wrong_charset(conn: socket.socket) -> None:
    conn.sendall(_headers("utf-8", ARTICLE_CP1256))


def _redirect_loop(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n")


def _zip_archive(conn: socket.socket) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 4\r\n\r\n"
    conn.sendall(head + b"PK\x03\x04")


@contextlib.contextmanager
def _server(behaviour: Behaviour) -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=_answer, args=(conn, behaviour), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/article"
    finally:
        stop.set()
        thread.join()
        listener.close()


def _answer(conn: socket.socket, behaviour: Behaviour) -> None:
    with conn, contextlib.suppress(OSError):
        conn.recv(4096)
        behaviour(conn)


@pytest.mark.parametrize("behaviour", [_drip_headers, _drip_body])
def test_a_slow_drip_is_cut_off_at_the_deadline(behaviour: Behaviour) -> None:
    with _server(behaviour) as url:
        started = time.monotonic()
        with pytest.raises(InputError, match="no complete answer within 1 s"):
            fetch_url(url, timeout=1.0)
        assert time.monotonic() - started < 4


def test_a_body_shorter_than_announced_is_a_truncated_download() -> None:
    with _server(_truncated) as url:
        completed = run_cli(url)
    assert completed.returncode == 1
    assert "stopped after 22 of 1000 bytes" in one_error_line(completed)


@pytest.mark.parametrize("behaviour", [_bogus_charset, _wrong_charset])
def test_a_bogus_or_wrong_charset_is_ignored_and_the_text_detected(behaviour: Behaviour) -> None:
    with _server(behaviour) as url:
        completed = run_cli(url, "--format", "json", "--offline")
    assert completed.returncode == 0, completed.stderr
    assert "قال المتحدث".encode() in completed.stdout
    assert b"--encoding" not in completed.stderr


def test_a_redirect_loop_is_an_input_error() -> None:
    with _server(_redirect_loop) as url:
        completed = run_cli(url, timeout=60)
    assert completed.returncode == 1
    assert "redirect" in one_error_line(completed).lower()


def test_content_that_is_not_a_page_is_refused() -> None:
    with _server(_zip_archive) as url:
        completed = run_cli(url)
    assert completed.returncode == 1
    assert "application/zip" in one_error_line(completed)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:99999/x",
        "http://[::1/x",
        "http://exa mple.com/x",
        "http://exa\x01mple.com/x",
        "http://",
        "https://:80/",
    ],
)
def test_malformed_urls_are_ordinary_input_errors(url: str) -> None:
    completed = run_cli(url, timeout=60)
    assert completed.returncode == 1
    line = one_error_line(completed)
    assert "\x01" not in line
