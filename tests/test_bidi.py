"""Terminal bidi: Arabic wrapped in logical order, then shaped and reordered per line."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from conftest import SEED_ARTICLE

from summarize import Pipeline
from summarize.cli import main
from summarize.config import ModelsConfig
from summarize.render.bidi import BidiText, resolve_bidi, to_logical, to_visual
from summarize.render.console import ConsoleOptions, render_console

HARAKAT = re.compile("[\u064b-\u0652]")
FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def _plain(text: str) -> str:
    return " ".join(HARAKAT.sub("", text).split())


@pytest.mark.parametrize(
    ("mode", "terminal", "env", "expected"),
    [
        ("on", False, {}, True),
        ("off", True, {}, False),
        ("auto", False, {}, False),  # a pipe or a file: never unless asked
        ("auto", True, {"TERM": "xterm-256color"}, True),
        ("auto", True, {"TERM": "screen", "TMUX": "/tmp/tmux"}, True),
        ("auto", True, {"VTE_VERSION": "7200"}, False),  # GNOME Terminal does bidi
        ("auto", True, {"KONSOLE_VERSION": "230805"}, False),
        ("auto", True, {"MLTERM": "3.9.3"}, False),
        ("auto", True, {"TERM_PROGRAM": "Apple_Terminal"}, False),
        ("auto", True, {"TERM_PROGRAM": "iTerm.app"}, True),
        ("auto", True, {"TERM_PROGRAM": "vscode"}, True),
    ],
)
def test_resolve_bidi(mode: str, terminal: bool, env: dict[str, str], expected: bool) -> None:
    assert resolve_bidi(mode, is_terminal=terminal, environ=env) is expected


@pytest.mark.parametrize(
    "line",
    [
        "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة",
        "التي أوقعت 129 قتيلا، فإن هذه التقنية",
        "ارتفعت الأسعار 3.5% في (يناير) الماضي",
        "زوروا https://t.co/GqhRe4yr8U الآن",
    ],
)
def test_visual_line_round_trips_and_keeps_latin_runs(line: str) -> None:
    visual = to_visual(line)
    assert FORMS.search(visual)  # shaped: joined letter forms
    assert to_logical(visual) == line
    for run in re.findall(r"[A-Za-z0-9][\w:/.%]*", line):
        assert run in visual  # Latin words, numbers and URLs read left to right


def test_wrapped_cell_lines_read_top_to_bottom() -> None:
    from rich.console import Console

    text = (
        "شنت مجموعة قراصنة الإنترنت المعروفة “أنونيموس” Anonymous هجومًا على شركة خدمات الويب "
        "“كلاود فلير” CloudFlare متهمةً إياها بحماية المواقع الإلكترونية التابعة لتنظيم الدولة."
    )
    console = Console(file=StringIO(), width=30, color_system=None)
    console.print(BidiText(text))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(lines) > 3
    assert all(len(line) == 30 and line[-1] != " " for line in lines)  # right-aligned
    assert " ".join(to_logical(line.strip()) for line in lines) == _plain(text)


def test_sample_at_width_80_with_bidi_on(capsys: pytest.CaptureFixture[str]) -> None:
    """The must-show: every Arabic cell, reversed line by line, gives back its text in order."""
    import os

    os.environ["COLUMNS"] = "80"
    try:
        code = main([str(SEED_ARTICLE), "--bidi", "on", "--offline", "--view", "stacked"])
    finally:
        del os.environ["COLUMNS"]
    out = capsys.readouterr().out
    assert code == 0
    result = Pipeline(ModelsConfig(path="<test>"), offline=True).run_file(str(SEED_ARTICLE))
    blocks = re.split(r"^#(\d+) \w+ ─+$", out.split("\nmodels:")[0], flags=re.M)
    cells = dict(zip(blocks[1::2], blocks[2::2], strict=True))
    arabic = [s for s in result.segments if s.lang == "ar" and s.kind != "title"]
    assert arabic
    for segment in arabic:
        lines = [line for line in cells[str(segment.id)].splitlines() if line.strip()]
        assert all(len(line.rstrip()) == 80 for line in lines), segment.id  # right-aligned
        assert all(FORMS.search(line) for line in lines)  # shaped
        assert " ".join(to_logical(line.strip()) for line in lines) == _plain(segment.text)


@pytest.mark.parametrize("fmt", ["json"])
def test_bidi_never_touches_data_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main([str(SEED_ARTICLE), "--bidi", "on", "--format", fmt, "--offline"]) == 0
    out = capsys.readouterr().out
    assert not FORMS.search(out)
    assert json.loads(out)["segments"][0]["text"].startswith("أنونيموس")


def test_auto_is_off_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_ARTICLE), "--offline"]) == 0
    assert not FORMS.search(capsys.readouterr().out)


def test_env_variable_selects_the_mode(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_BIDI", "on")
    assert main([str(SEED_ARTICLE), "--offline"]) == 0
    assert FORMS.search(capsys.readouterr().out)
    monkeypatch.setenv("SUMMARIZE_BIDI", "sideways")
    assert main([str(SEED_ARTICLE), "--offline"]) == 2
    assert "SUMMARIZE_BIDI must be one of" in capsys.readouterr().err


def test_console_options_views() -> None:
    from rich.console import Console

    result = Pipeline(ModelsConfig(path="<test>"), offline=True).run_file(str(SEED_ARTICLE))
    outputs = {}
    for view in ("table", "stacked", "summary"):
        console = Console(file=StringIO(), width=120, color_system=None)
        render_console(result, console, ConsoleOptions(view=view))
        outputs[view] = console.file.getvalue()  # type: ignore[attr-defined]
    assert "translation" in outputs["table"]
    assert "#10 en" in outputs["stacked"]
    assert "#10 en" not in outputs["summary"]
    assert "Summary (ar" in outputs["summary"]
