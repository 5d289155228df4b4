"""The README and docs/ are true: their commands run, their paths and links resolve, the
README's command reference is the real --help output (regenerate with UPDATE_README=1),
and its JSON schema names every field the JSON output has."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEED_ARTICLE

from summarize.cli import main
from summarize.pipeline import Pipeline
from summarize.registry import ModelRegistry
from summarize.render import render_result

README = ROOT / "README.md"
DOCS = ROOT / "docs"
COMMANDS = DOCS / "commands.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
MAX_README_LINES = 220
QUICK_START_BY_LINE = 30
SECTIONS = [
    "Quick start",
    "What it shows",
    "Commands",
    "Models",
    "Library",
    "JSON schema (version 1)",
    "Exit codes",
    "Safety",
    "Development",
    "More",
]
BLOCK = re.compile(r"<!-- help:(?P<cmd>[a-z ]+) -->\n```\n(?P<body>.*?)```\n<!-- /help -->", re.S)
FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[\w-]*)\n(?P<body>.*?)^(?P=indent)```$", re.M | re.S
)
# A path inside the repository, as prose or a command names it: `seeds/…`, `docs/x.md`.
REPO_PATH = re.compile(
    r"(?<![\w./~$%-])(?:\.ci|benchmarks|docs|examples|seeds|summarize|tests)/[\w.*/-]*[\w*]"
)
LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(?P<title>.+?) *#*$", re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _code_blocks(text: str, lang: str) -> list[tuple[int, str]]:
    """``(line number of the opening fence, body)`` of every fenced block in ``lang``."""
    return [
        (text.count("\n", 0, m.start()) + 1, textwrap.dedent(m["body"]))
        for m in FENCE.finditer(text)
        if m["lang"] == lang
    ]


def _command_lines(body: str) -> list[list[list[str]]]:
    """Each line of a shell block as its ``&&``-chained commands, each split into words."""
    lines = body.replace("\\\n", " ").splitlines()
    return [
        [shlex.split(part, comments=True) for part in line.split("&&")]
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _summarize_commands() -> list[tuple[str, list[str]]]:
    """Every ``summarize …`` command in the shell blocks of the README and docs/."""
    found = []
    for page in PAGES:
        for _, body in _code_blocks(_text(page), "bash"):
            for line in _command_lines(body):
                found += [(_name(page), argv) for argv in line if argv[:1] == ["summarize"]]
    return found


def _quick_start() -> tuple[int, list[list[list[str]]]]:
    blocks = _code_blocks(_text(README), "bash")
    assert blocks, "README has no ```bash block"
    line, body = blocks[0]
    return line, _command_lines(body)


def _hermetic_env(tmp_path: Path) -> dict[str, str]:
    """No hub, an empty HF cache, no user models.toml."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf-home")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env.pop("SUMMARIZE_MODELS", None)
    return env


def _title() -> str:
    return " ".join(SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[0].split())


def _help(command: str) -> str:
    argv = [sys.executable, "-m", "summarize", *command.split()[1:], "--help"]
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout


def test_command_help_is_current() -> None:
    text = _text(COMMANDS)
    blocks = list(BLOCK.finditer(text))
    assert [b["cmd"] for b in blocks] == [
        "summarize", "summarize translate", "summarize batch", "summarize models",
    ]  # fmt: skip
    fresh = BLOCK.sub(
        lambda m: f"<!-- help:{m['cmd']} -->\n```\n{_help(m['cmd'])}```\n<!-- /help -->", text
    )
    if os.environ.get("UPDATE_README"):
        COMMANDS.write_text(fresh, encoding="utf-8")
    assert fresh == text, "docs/commands.md --help blocks are stale: rerun with UPDATE_README=1"


def test_readme_is_short_with_the_quick_start_first() -> None:
    text = _text(README)
    assert len(text.splitlines()) <= MAX_README_LINES, "move internals into docs/"
    line, commands = _quick_start()
    assert line <= QUICK_START_BY_LINE, f"the quick start begins on line {line}"
    assert ["pip", "install", "torch==2.13.0"] in commands[0]
    prose = FENCE.sub("", text)
    assert [m["title"] for m in re.finditer(r"^## +(?P<title>.+)$", prose, re.M)] == SECTIONS


def test_quick_start_installs_once_and_the_tests_reuse_it() -> None:
    _, lines = _quick_start()
    assert len(lines) == 2, "two lines: run the tool, then run the tests"
    run, test = lines
    # --upgrade-deps: Python 3.11's own pip (23.2) warns on every install that "lxml does not
    # provide the extra 'html_clean'" (justext asks for it; pip < 23.3 does not match it to
    # lxml's normalised ``html-clean``). See test_fresh_install_log_has_no_extra_warning.
    assert run[0] == ["python3", "-m", "venv", "--upgrade-deps", ".venv"]
    assert ".venv/bin/activate" in run[1]
    installs = [argv[2:] for argv in run if argv[:2] == ["pip", "install"]]
    assert installs == [["torch==2.13.0"], ["-e", ".[fast]"]], "CPU torch, then the package"
    assert run[-1][0] == "summarize"
    # The second line reuses the first line's environment: no new venv, no second torch.
    assert test[0] == [".", ".venv/bin/activate"]
    assert not any("venv" in argv for argv in test)
    assert not any(word.startswith("torch") for argv in test for word in argv)
    assert test[-1] == ["pytest"]
    extras = tomllib.loads(_text(ROOT / "pyproject.toml"))["project"]["optional-dependencies"]
    for argv in test:
        for word in argv:
            named = re.fullmatch(r"\.\[(?P<extras>[\w,-]+)\]", word)
            if named:
                assert set(named["extras"].split(",")) <= set(extras), word


def test_quick_start_runs_on_the_sample(tmp_path: Path) -> None:
    _, lines = _quick_start()
    argv = lines[0][-1]
    assert (ROOT / argv[1]).is_file()
    env = {**_hermetic_env(tmp_path), "COLUMNS": "120"}
    done = subprocess.run(
        [sys.executable, "-m", "summarize", *argv[1:]],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _title() in done.stdout
    assert "extractive" in done.stdout, "without models the summary is extractive"


class _Parsed(BaseException):
    """Raised instead of running a command once its arguments parsed."""


@pytest.mark.parametrize(
    ("page", "argv"),
    _summarize_commands(),
    ids=[" ".join(argv) for _, argv in _summarize_commands()],
)
def test_documented_commands_parse(
    page: str, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parse = argparse.ArgumentParser.parse_args

    def parse_then_stop(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        raise _Parsed(parse(self, *args, **kwargs))

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", parse_then_stop)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # belt and braces: no hub
    try:
        code = main(argv[1:])
    except _Parsed:
        return
    pytest.fail(f"{page}: `{shlex.join(argv)}` exited {code}: {capsys.readouterr().err}")


def test_torch_lines_say_what_the_pin_does_and_give_the_cpu_index() -> None:
    """Issue 13, item 12: the pin is not what keeps CUDA away on an ordinary machine."""
    prose = " ".join(FENCE.sub("", _text(README)).partition("## Quick start")[2].split())
    prose = prose.partition("## ")[0]
    assert "`pip install torch --index-url https://download.pytorch.org/whl/cpu`" in prose
    assert "`torch==2.13.0` alone is enough where pip finds it as a CPU build" in prose
    assert "on other Linux machines PyPI's torch is the multi-GB CUDA build" in prose
    assert "a plain torch can pull a CUDA build" not in _text(README)


@pytest.mark.parametrize("where", ["root", "elsewhere"])
def test_library_example_runs_from_any_directory(tmp_path: Path, where: str) -> None:
    """Issue 13, item 14: the example is a script that needs no file of the repository."""
    blocks = _code_blocks(_text(README), "python")
    assert len(blocks) == 1
    script = tmp_path / "example.py"
    script.write_text(blocks[0][1], encoding="utf-8")
    cwd = ROOT if where == "root" else tmp_path
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd, env=_hermetic_env(tmp_path), capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "1 ar أنونيموس تتهم شركة CloudFlare None" in done.stdout
    assert done.stdout.rstrip().endswith(" 1")  # the schema version


@pytest.mark.slow
def test_fresh_install_log_has_no_extra_warning(tmp_path: Path) -> None:
    """Issue 13, item 15: the quick start's venv resolves the package without pip warning
    that lxml does not provide the extra html_clean (about a minute: a real resolve)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--upgrade-deps", str(venv)], check=True)
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--dry-run", "torch==2.13.0",
         str(ROOT)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "Would install" in log
    assert "does not provide the extra" not in log


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_mentioned_paths_exist(page: Path) -> None:
    text = _text(page)
    mentioned = sorted(set(REPO_PATH.findall(text)))
    missing = [p for p in mentioned if not any(ROOT.glob(p.rstrip("/")))]
    assert not missing, f"{_name(page)} mentions paths that do not exist: {missing}"


def _slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    plain = re.sub(r"[^\w\- ]", "", title.replace("`", "").lower())
    return plain.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", _text(page))
    return {_slug(m["title"]) for m in HEADING.finditer(text)}


def _resolves(page: Path, target: str) -> bool:
    """A relative link: the file exists, and so does the heading it points at, if any."""
    path, _, anchor = target.partition("#")
    resolved = (page.parent / path).resolve() if path else page
    if not resolved.exists():
        return False
    return not anchor or (resolved.suffix == ".md" and anchor in _anchors(resolved))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_relative_links_resolve(page: Path) -> None:
    prose = CODE_SPAN.sub("", FENCE.sub("", _text(page)))
    targets = [m["target"] for m in LINK.finditer(prose)]
    broken = [t for t in targets if not re.match(r"[a-z]+:", t) and not _resolves(page, t)]
    assert not broken, f"{_name(page)} has broken links: {broken}"


def _keys(value: object) -> set[str]:
    """Every field name in a JSON value; ``models`` and ``timings`` map data, not fields."""
    if isinstance(value, dict):
        inner = [_keys(v) for k, v in value.items() if k not in ("models", "timings")]
        return set(value).union(*inner)
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value))
    return set()


def test_json_schema_names_every_field_and_warning_code(recording_registry: ModelRegistry) -> None:
    """A real result with a title, sentences, a tweet, a post, translations, a summary and
    warnings."""
    article = (
        "أنونيموس تتهم شركة CloudFlare\n\n"
        "قالت المجموعة إن \u200fالهجوم مستمر. وأضافت أنها لن تتوقف.\n"
        "We will not stop. #OpIsis https://t.co/abc — Anonymous (@YourAnonNews) November 19, 2015\n"
        "Snow on the summit again ❄️ #UAE\n"
        "A post shared by Khalid (@khalid.shoots) on Dec 20, 2017 at 7:13pm PST\n"
    )
    result = Pipeline(recording_registry.config, registry=recording_registry).run_text(article)
    output = json.loads(render_result(result, "json"))
    assert output["translations"]
    assert output["warnings"]
    assert output["summaries"]
    assert any(s["tweet"] for s in output["segments"])
    assert any(s["post"] for s in output["segments"])
    section = _text(README).partition("\n## JSON schema")[2].partition("\n## ")[0]
    schema = _code_blocks(section, "text")[0][1]
    missing = sorted(key for key in _keys(output) if f'"{key}"' not in schema)
    assert not missing, f"README's JSON schema does not name {missing}"
    assert f'"schema_version": {output["schema_version"]}' in schema
    sources = "".join(_text(p) for p in (ROOT / "summarize").rglob("*.py"))
    codes = sorted(set(re.findall(r'\bcode="(\w+)"', sources)))
    assert codes
    unnamed = [code for code in codes if code not in schema]
    assert not unnamed, f"README's JSON schema does not list the warning codes {unnamed}"
