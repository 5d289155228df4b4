"""URL input against a local HTTP server on 127.0.0.1 only: pages, text, and every failure."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_pipeline import SAMPLE_PAGE

from summarize.cli import main
from summarize.errors import InputError
from summarize.fetch import fetch_url

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article.html": (200, "text/html; charset=utf-8", SAMPLE_PAGE.encode()),
    "/legacy.html": (
        200,
        "text/html; charset=windows-1256",
        SAMPLE_PAGE.replace('<meta charset="utf-8">', "")
        .translate(str.maketrans({"“": '"', "”": '"'}))
        .encode("cp1256", errors="replace"),
    ),
    "/plain.txt": (200, "text/plain; charset=utf-8", b"Oil prices rose today."),
    "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/big.html": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow.html":
            time.sleep(2)
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (the time-out test)
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local server on 127.0.0.1 and an ephemeral port; stopped after the module."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_page_is_extracted_with_its_tweet(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([f"{server}/article.html", "--format", "json", "--offline"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["document"]["source"] == f"{server}/article.html"
    assert data["segments"][0]["kind"] == "title"
    [tweet] = [s for s in data["segments"] if s["kind"] == "tweet"]
    assert tweet["tweet"]["handle"] == "@TheAnonMovement"
    assert tweet["tweet"]["date"] == "2015-11-19"


def test_declared_charset_is_used(server: str) -> None:
    from summarize.reader import read_input

    raw = read_input(f"{server}/legacy.html")
    assert raw.encoding == "windows-1256"
    assert "أنونيموس" in raw.text


def test_plain_text_url(server: str) -> None:
    page = fetch_url(f"{server}/plain.txt")
    assert (page.data, page.is_html) == (b"Oil prices rose today.", False)


@pytest.mark.parametrize(
    ("path", "needle"),
    [("/missing", "HTTP 404"), ("/image.png", "not an HTML page or text")],
)
def test_http_errors_and_wrong_content_are_input_errors(
    server: str, path: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([f"{server}{path}"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("summarize: error: ")
    assert needle in err


def test_size_limit(server: str) -> None:
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        fetch_url(f"{server}/big.html", max_bytes=1000)


def test_timeout_is_bounded(server: str) -> None:
    with pytest.raises(InputError, match=r"no complete answer within 0\.3 s"):
        fetch_url(f"{server}/slow.html", timeout=0.3)


def test_unreachable_host_is_an_input_error() -> None:
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    with pytest.raises(InputError, match="cannot be fetched"):
        fetch_url("http://127.0.0.1:9/article.html", timeout=2)
