"""Whatever the input holds, the output bytes are inert: no escapes, no controls, no tricks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import ARABIC, run_cli

# Terminal and display tricks: ESC/CSI/OSC, C1 CSI, bell, DEL, line separators, bidi overrides.
TRICKS = ["\x1b[31m", "\x1b]8;;http://x\x07", "\x9b2J", "\x07", "\x7f", "\u2028", "\u2029",
          "\u202e", "\u2066", "\u200f"]  # fmt: skip
TWEET = "Stop now — \x1b[31mAnon\u202eymous\x9b (@YourAnonNews) November 19, 2015"


def _article(tmp_path: Path, name: str = "article.txt") -> Path:
    path = tmp_path / name
    text = f"{ARABIC} {''.join(TRICKS)} end.\n{TWEET}\n"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "md", "html", "rich"])
def test_no_raw_control_or_bidi_override_reaches_any_format(tmp_path: Path, fmt: str) -> None:
    completed = run_cli(str(_article(tmp_path)), "--format", fmt, "--offline")
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout.decode("utf-8")
    for trick in TRICKS:
        assert trick not in out, repr(trick)


def test_json_keeps_the_data_but_escapes_it(tmp_path: Path) -> None:
    completed = run_cli(str(_article(tmp_path)), "--format", "json", "--offline")
    raw = completed.stdout.decode("utf-8")
    assert "\\u009b" in raw or "\\u001b" in raw
    result = json.loads(raw)
    tweet = next(s["tweet"] for s in result["segments"] if s["kind"] == "tweet")
    assert tweet["handle"] == "@YourAnonNews"


def test_a_file_name_with_tricks_is_shown_harmlessly(tmp_path: Path) -> None:
    path = _article(tmp_path, "evil\u202e\x1b[2Jtxt.txt")
    for fmt in ("json", "rich", "md", "html"):
        completed = run_cli(str(path), "--format", fmt, "--offline")
        assert completed.returncode == 0, completed.stderr
        assert b"\x1b" not in completed.stdout
        assert "\u202e".encode() not in completed.stdout


def test_a_non_utf8_file_name_works_on_stdout_and_with_o(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"news-\xff\xfe.txt")
    with open(name, "wb") as handle:
        handle.write(ARABIC.encode())
    out = os.path.join(folder, b"out-\xff.json")
    completed = run_cli(os.fsdecode(name), "--format", "json", "--offline")
    assert completed.returncode == 0, completed.stderr
    source = json.loads(completed.stdout)["document"]["source"]
    assert os.fsencode(source) == name
    completed = run_cli(os.fsdecode(name), "--format", "json", "-o", os.fsdecode(out), "--offline")
    assert completed.returncode == 0, completed.stderr
    with open(out, "rb") as handle:
        assert json.loads(handle.read())["segments"]


def test_models_list_prints_hostile_paths_and_revisions_harmlessly(tmp_path: Path) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text(
        '[translate.ar-en]\nmodel = "org/name"\nrevision = "main\\u001b[31m\\u202e"\n'
        f'[translate.en-ar]\nmodel = "{tmp_path}/dir\\u009b2J"\n',
        encoding="utf-8",
    )
    completed = run_cli("models", "list", "--models", str(toml))
    assert completed.returncode == 0, completed.stderr
    for trick in ("\x1b", "\x9b", "\u202e"):
        assert trick.encode() not in completed.stdout


@pytest.mark.parametrize("columns", ["50000000", "0", "-5", "abc", "99999999999999999999"])
def test_any_columns_value_renders_promptly(tmp_path: Path, columns: str) -> None:
    completed = run_cli(str(_article(tmp_path)), "--offline", env={"COLUMNS": columns}, timeout=60)
    assert completed.returncode == 0, completed.stderr
    widest = max(len(line) for line in completed.stdout.decode().splitlines())
    assert widest <= 1000
