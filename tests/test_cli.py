"""The command line, end to end through ``main([...])``: exit codes, JSON, warnings."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ARTICLE

from summarize.cli import main

SEED = str(SEED_ARTICLE)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_json_without_models(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SEED, "--format", "json")
    assert code == 0
    assert err == ""
    data = json.loads(out)
    segments = data["segments"]
    assert segments[0]["kind"] == "title"
    [tweet] = [s for s in segments if s["kind"] == "tweet"]
    assert tweet["lang"] == "en"
    assert tweet["tweet"]["handle"] == "@TheAnonMovement"
    assert tweet["tweet"]["date"] == "2015-11-19"
    assert tweet["tweet"]["urls"] == ["https://t.co/GqhRe4yr8U"]
    assert tweet["tweet"]["hashtags"] == ["#Anonymous", "#OpParis", "#OpDaesh"]
    assert tweet["tweet"]["repeats"] == 2
    texts = [s["text"] for s in segments]
    [glued_a] = [i for i, t in enumerate(texts) if "الراهن" in t]
    [glued_b] = [i for i, t in enumerate(texts) if t.startswith("وتحمي")]
    assert glued_a != glued_b
    assert all(s["lang"] == "ar" for s in segments if s["kind"] == "sentence")
    [summary] = data["summaries"]
    assert summary["method"] == "extractive"
    assert all(s["source_ids"] for s in summary["sentences"])
    unavailable = [w for w in data["warnings"] if w["code"] == "model_unavailable"]
    assert len(unavailable) == 3  # ar-en, en-ar, summarize.ar: one per route


@pytest.mark.parametrize(
    ("argv", "count"), [((), 1), (("--sentences", "2"), 2), (("--sentences", "4"), 4)]
)
def test_sentences_sets_the_extractive_summary_length(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], count: int
) -> None:
    code, out, _ = run(capsys, SEED, "--format", "json", *argv)
    assert code == 0
    [summary] = json.loads(out)["summaries"]
    assert len(summary["sentences"]) == count


def test_sample_with_tiny_models_translates_every_segment(
    capsys: pytest.CaptureFixture[str], tiny_models_toml: Path
) -> None:
    code, out, _ = run(capsys, "--models", str(tiny_models_toml), SEED, "--format", "json")
    assert code == 0
    data = json.loads(out)
    expected = {s["id"]: s["lang"] for s in data["segments"] if s["lang"] in ("ar", "en")}
    got = {t["segment_id"]: t["direction"] for t in data["translations"]}
    assert got == {i: f"{lang}-{'en' if lang == 'ar' else 'ar'}" for i, lang in expected.items()}


def test_rich_table_shows_a_translation_on_every_row(
    capsys: pytest.CaptureFixture[str], tiny_models_toml: Path
) -> None:
    code, out, _ = run(capsys, "--models", str(tiny_models_toml), SEED)
    assert code == 0
    assert "translation" in out
    assert "—  " not in out  # the placeholder for a missing translation
    assert "@TheAnonMovement" in out
    assert "×2" in out


def test_output_file_is_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, SEED, "--format", "json", "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left behind


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = __import__("io").BytesIO(b"Oil prices rose today. They fell later.")

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = run(capsys, "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["document"]["source"] == "-"


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["/no/such/file.txt"], 1, "no such file"),
        ([str(ROOT / "tests")], 1, "is a directory"),
        (["--bogus", SEED], 2, "unrecognized arguments"),
        ([SEED, "--to", "fr"], 2, "invalid choice"),
        ([SEED, "--models", "/no/such/models.toml"], 2, "no such file"),
        ([SEED, "--encoding", "klingon"], 2, "unknown encoding"),
        ([], 2, "required"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, needle: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code
    assert out == ""
    assert err.startswith("summarize: error: ")
    assert err.count("\n") == 1
    assert needle in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["", "  \n\n\t ", "\u200f\u200b"])
def test_empty_input_is_an_input_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert (code, out) == (1, "")
    assert err == f"summarize: error: {path}: empty, there is no text to summarize\n"


def test_binary_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, str(image))
    assert code == 1
    assert err.startswith("summarize: error: ")
    assert "binary" in err


def test_bad_models_toml_names_file_and_every_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "models.toml"
    bad.write_text('[translate.ar-en]\nmodel = 3\nbatchsize = 4\n[translate.xx-yy]\nmodel = "a"\n')
    code, _, err = run(capsys, SEED, "--models", str(bad))
    assert code == 2
    assert str(bad) in err
    for needle in ("translate.ar-en.model", "batchsize", "translate.xx-yy"):
        assert needle in err
    assert err.count("\n") == 1


def test_translate_command(capsys: pytest.CaptureFixture[str], tiny_models_toml: Path) -> None:
    tweet = (
        "#Anonymous would also like to encourage you to not use @CloudFlare services any "
        "longer. https://t.co/GqhRe4yr8U #OpParis #OpDaesh— Anonymous (@TheAnonMovement) "
        "November 19, 2015"
    )
    code, out, _ = run(
        capsys, "translate", tweet, "--models", str(tiny_models_toml), "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    [segment] = data["segments"]
    assert (segment["kind"], segment["lang"]) == ("tweet", "en")
    [translation] = data["translations"]
    assert translation["direction"] == "en-ar"
    assert translation["text"].endswith("https://t.co/GqhRe4yr8U #OpParis #OpDaesh")
    assert "@CloudFlare" in translation["text"]


def test_translate_rich_output(capsys: pytest.CaptureFixture[str], tiny_models_toml: Path) -> None:
    code, out, _ = run(capsys, "translate", "شنت مجموعة قراصنة الإنترنت هجومًا.", "--models",
                       str(tiny_models_toml))  # fmt: skip
    assert code == 0
    assert "شنت مجموعة" in out


@pytest.mark.parametrize("text", ["", "   ", "\u200f\n"])
def test_empty_translate_fails_like_an_empty_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(text, encoding="utf-8")
    article = run(capsys, str(empty))
    translate = run(capsys, "translate", text)
    assert (article[0], translate[0]) == (1, 1)
    assert article[2] == f"summarize: error: {empty}: empty, there is no text to summarize\n"
    assert translate[2] == "summarize: error: <text>: empty, there is no text to translate\n"


def test_models_list_shows_availability(
    capsys: pytest.CaptureFixture[str], tiny_models_toml: Path
) -> None:
    code, out, _ = run(capsys, "models", "list", "--models", str(tiny_models_toml))
    assert code == 0
    assert out.count("yes") == 4
    code, out, _ = run(capsys, "models", "list")
    assert code == 0
    assert "Helsinki-NLP/opus-mt-ar-en" in out
    assert "models pull" in out


class _Terminal(io.StringIO):
    """stderr as a terminal would be."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("terminal", "quiet", "shown"),
    [(True, False, True), (True, True, False), (False, False, False)],
    ids=["terminal", "terminal-quiet", "piped"],
)
def test_status_while_models_load_and_run(
    monkeypatch: pytest.MonkeyPatch,
    tiny_models_toml: Path,
    terminal: bool,
    quiet: bool,
    shown: bool,
) -> None:
    """Item 8: a spinner says what loads and how far the work is, on a terminal only."""
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setenv("TERM", "xterm-256color")
    models = ["--models", str(tiny_models_toml)] + (["--quiet"] if quiet else [])
    assert main(["translate", "Hello there.\nHow are you?", "--to", "ar", *models]) == 0
    if not shown:
        assert stderr.getvalue() == ""
        return
    assert main([SEED, "--format", "json", "-o", os.devnull, *models]) == 0
    err = stderr.getvalue()
    for said in (
        "loading translate.en-ar: ",
        "translating en-ar: 0/2 segments",
        "translating en-ar: 2/2 segments",
        "loading translate.ar-en: ",
        "translating ar-en: 16/16 segments",
        "loading summarize.ar: ",
        "summarizing ar: ",
    ):
        assert said in err
    assert err.endswith("\x1b[1A\x1b[2K")  # the status line is erased before the output


LONG_ID = "an-organisation-with-a-long-name/a-model-id-long-enough-to-wrap_v2"


@pytest.mark.parametrize(
    ("terminal", "columns", "model"),
    [
        (False, 60, LONG_ID),  # piped: one row per line, however long
        (True, 60, LONG_ID),  # a terminal narrower than the id: the row is not cut
        (True, 70, "csebuetnlp/mT5_multilingual_XLSum"),  # the availability wraps instead
    ],
)
def test_models_list_never_wraps_a_model_id(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    terminal: bool,
    columns: int,
    model: str,
) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text(f'[translate.ar-en]\nmodel = "{model}"\n', encoding="utf-8")
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TTY_COMPATIBLE", "1" if terminal else "0")  # rich: a terminal or not
    code, out, _ = run(capsys, "models", "list", "--models", str(toml), "--offline")
    assert code == 0
    lines = out.splitlines()
    [row] = [line for line in lines if model in line]
    assert row.startswith("translate.ar-en")
    assert all(line == line.rstrip() for line in lines)
    if not terminal:
        assert "not downloaded" in row
        assert len(lines) == 3  # the file, the row, the hint


def test_models_check_loads_and_runs_every_model(
    capsys: pytest.CaptureFixture[str], tiny_models_toml: Path
) -> None:
    code, out, _ = run(capsys, "models", "check", "--models", str(tiny_models_toml))
    assert code == 0
    assert out.count(": ok") == 4


def test_models_check_fails_offline_without_cache(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "models", "check", "--offline")
    assert code == 1
    assert "summarize models pull" in out


def test_models_pull_refuses_offline(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "models", "pull", "--offline")
    assert code == 2
    assert "--offline" in err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("summarize ")


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = __import__("io").BytesIO(data)


def test_translate_stdin_is_decoded_like_an_article(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tiny_models_toml: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin("شنت مجموعة قراصنة الإنترنت هجومًا.".encode("cp1256")))
    code, out, _ = run(capsys, "translate", "-", "--models", str(tiny_models_toml), "--format",
                       "json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["segments"][0]["text"] == "شنت مجموعة قراصنة الإنترنت هجومًا."
    assert data["document"]["encoding"] == "cp1256"


def test_translate_stdin_refuses_binary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"abc\x00def"))
    code, _, err = run(capsys, "translate", "-")
    assert code == 1
    assert "binary" in err


def test_output_file_mode_symlink_and_fifo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.json"
        assert run(capsys, SEED, "--format", "json", "-o", str(fresh))[0] == 0
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        target, link = tmp_path / "target.json", tmp_path / "link.json"
        target.write_text("old")
        link.symlink_to(target)
        assert run(capsys, SEED, "--format", "json", "-o", str(link))[0] == 0
        assert link.is_symlink()
        assert json.loads(target.read_text())["schema_version"] == 1
    finally:
        os.umask(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.json", "link.json", "target.json"]


@pytest.mark.parametrize(
    ("model", "needle"),
    [("my org/some model", "neither a hub id"), ("a/b/c", "neither a hub id"),
     ("~nouser-xyz/model", "cannot expand")],
)  # fmt: skip
def test_bad_model_values_are_config_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, model: str, needle: str
) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text(f'[translate.ar-en]\nmodel = "{model}"\n', encoding="utf-8")
    for argv in ([SEED, "--models", str(toml)], ["models", "list", "--models", str(toml)]):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert "translate.ar-en.model" in err
        assert needle in err


def test_error_messages_never_carry_escape_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    toml = tmp_path / "models.toml"
    toml.write_text('[translate.ar-en]\nmodel = "\\u001b]0;pwned\\u0007\\u001b[31mred/x"\n')
    code, _, err = run(capsys, SEED, "--models", str(toml))
    assert code == 2
    assert "\x1b" not in err
    assert "\x07" not in err


def test_spelt_out_choices_are_the_real_ones() -> None:
    from summarize import cli
    from summarize.backends.ct2_store import QUANTIZATIONS
    from summarize.data import Target
    from summarize.render import OutputFormat
    from summarize.render.bidi import BIDI_MODES
    from summarize.render.console import View

    assert tuple(str(t) for t in Target) == cli.TARGETS
    assert tuple(str(f) for f in OutputFormat) == cli.FORMATS
    assert tuple(str(v) for v in View) == cli.VIEWS
    assert tuple(BIDI_MODES) == cli.BIDI
    assert cli._QUANTIZATIONS == QUANTIZATIONS
