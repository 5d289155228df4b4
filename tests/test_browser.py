"""The HTML report in a real browser (Debian's chromium through Playwright).

Checks what only a browser can: the page logs no error, requests nothing but itself, runs
no script smuggled in through the input, lays Arabic cells out right to left, and fits a
phone screen without sideways scrolling. Screenshots go to ``tmp_path`` and, when
``SUMMARIZE_SCREENSHOT_DIR`` is set, into that directory too.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_ARTICLE
from test_render_html import hostile_result

from summarize.config import ModelsConfig
from summarize.data import Result
from summarize.pipeline import Pipeline
from summarize.render.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_WIDTH = 390
HOSTILE_ARTICLE = (
    "هجوم جديد على موقع CloudFlare\n\n"
    "قالت المجموعة إن <script>window.__pwned=1</script> لن ينجح أبدا.\n"
    'The page had <img src=x onerror="window.__pwned=1"> in its body.\n'
    "Click [link](javascript:alert(1)) now, \x1b[31mred\x1b[0m and \u202eevil text.\n"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, launched once for the module.

    Skipped where it is missing on a developer's machine; in CI (``CI`` set), .ci/run
    installs it, so a missing browser fails instead of hiding the test.
    """
    if os.environ.get("CI"):
        import playwright.sync_api as sync_api

        assert CHROMIUM.exists(), f"{CHROMIUM} is missing: .ci/run should install chromium"
    else:
        sync_api = pytest.importorskip(
            "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
        )
        if not CHROMIUM.exists():
            pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _seed() -> Result:
    return Pipeline(ModelsConfig(path="<test>"), offline=True).run_file(str(SEED_ARTICLE))


def _hostile_article() -> Result:
    return Pipeline(ModelsConfig(path="<test>"), offline=True).run_text(HOSTILE_ARTICLE)


def _screenshot(page: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    keep = os.environ.get("SUMMARIZE_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(keep) / path.name)


@pytest.mark.parametrize(
    ("name", "make"),
    [("seed", _seed), ("hostile-article", _hostile_article), ("hostile-result", hostile_result)],
)
def test_report_in_browser(browser: Any, tmp_path: Path, name: str, make: Any) -> None:
    report = tmp_path / f"report-{name}.html"
    report.write_text(render_html(make()), encoding="utf-8")
    url = report.as_uri()
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(url, wait_until="load")
        assert errors == []
        assert requests == [url]
        assert page.evaluate("typeof window.__pwned") == "undefined"
        directions = page.eval_on_selector_all(
            'td.src[lang="ar"], td.tr[lang="ar"], ul[lang="ar"], h1[lang="ar"]',
            "cells => cells.map(cell => getComputedStyle(cell).direction)",
        )
        assert directions
        assert set(directions) == {"rtl"}
        _screenshot(page, tmp_path, f"report-{name}")
        page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= PHONE_WIDTH + 1
        _screenshot(page, tmp_path, f"report-{name}-phone")
    finally:
        page.close()


# Each character's place on the line, left to right: the display order Chromium gives.
_DISPLAY_ORDER_JS = """([text, dir]) => {
  const div = document.createElement('div');
  div.dir = dir;
  div.style.cssText = 'white-space: pre; font: 20px monospace';
  div.textContent = text;
  document.body.replaceChildren(div);
  const node = div.firstChild, placed = [];
  for (let i = 0; i < text.length; i++) {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    placed.push([box.left + box.width / 2, text[i]]);
  }
  return placed.sort((a, b) => a[0] - b[0]).map(p => p[1]).join('');
}"""
# Chromium mirrors these glyphs in right-to-left runs; a character's position does not.
_MIRRORED = str.maketrans("()«»[]", "<<<<<<")


def test_terminal_bidi_cases_are_what_chromium_shows(browser: Any) -> None:
    """The table that tests/test_bidi.py checks the terminal's reordering against."""
    from test_bidi import UBA_CASES

    page = browser.new_page()
    try:
        page.set_content("<!DOCTYPE html><html><body></body></html>")
        for logical, direction, expected in UBA_CASES:
            shown = page.evaluate(_DISPLAY_ORDER_JS, [logical, direction])
            assert shown.translate(_MIRRORED) == expected.translate(_MIRRORED), logical
    finally:
        page.close()
