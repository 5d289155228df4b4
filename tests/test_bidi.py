"""Terminal bidi: Arabic wrapped in logical order, then shaped and reordered per line."""

from __future__ import annotations

import json
import re
import unicodedata
from io import StringIO

import pytest
from conftest import SEED_ARTICLE

from summarize import Pipeline
from summarize.cli import main
from summarize.config import ModelsConfig
from summarize.data import (
    Direction,
    Document,
    Notice,
    Result,
    Segment,
    SegmentKind,
    Summary,
    SummaryMethod,
    SummarySentence,
    Translation,
    TweetMeta,
)
from summarize.render import render_result
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
    for run in re.findall(r"[A-Za-z0-9][\w:/.]*", line):
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


# The Unicode bidi algorithm on lines a terminal shows: (logical, base direction, display
# order). The display order is Chromium's (tests/test_browser.py checks it against the
# browser), with brackets and guillemets mirrored as a browser draws them.
UBA_CASES = [
    # A full stop after a number goes to the far left of an RTL line, not next to the year.
    ("قال إنه سيعود في عام 2024.", "rtl", ".2024 ماع يف دوعيس هنإ لاق"),
    # After Arabic letters European digits are Arabic numbers (rule W2): the per-cent sign
    # is not part of the number and lands on its left, as Arabic writes it.
    ("ارتفعت الأسعار 3.5% في يناير.", "rtl", ".رياني يف %3.5 راعسألا تعفترا"),
    ("بلغ العدد 1,250 شخصا، أي 40%.", "rtl", ".%40 يأ ،اصخش 1,250 ددعلا غلب"),
    ("ارتفعت بنسبة ٣٫٥٪ في يناير.", "rtl", ".رياني يف ٪٣٫٥ ةبسنب تعفترا"),
    ("وقع الهجوم في 13/11/2015 الساعة 21:20.", "rtl", ".21:20 ةعاسلا 13/11/2015 يف موجهلا عقو"),
    ("في ١٣ نوفمبر ٢٠١٥.", "rtl", ".٢٠١٥ ربمفون ١٣ يف"),
    ("قتل 129 شخصا (وفق الحصيلة).", "rtl", ".(ةليصحلا قفو) اصخش 129 لتق"),
    ('قال: "سنعود"', "rtl", '"دوعنس" :لاق'),
    ("قالت «لن نتوقف»", "rtl", "«فقوتن نل» تلاق"),
    ("هاجمت شركة CloudFlare 3 مرات.", "rtl", ".تارم CloudFlare 3 ةكرش تمجاه"),
    # English lines quoting Arabic: base direction LTR, the Arabic run reversed in place.
    ('He said he was "متفائل جدا" about it.', "ltr", 'He said he was "ادج لئافتم" about it.'),
    (
        "A tweet by محمد علي (@user) on 2015-11-19.",
        "ltr",
        "A tweet by يلع دمحم (@user) on 2015-11-19.",
    ),
    ('The word was "سلام"', "ltr", 'The word was "مالس"'),
    ("Prices rose 3.5% in بغداد.", "ltr", "Prices rose 3.5% in دادغب."),
]


def unshape(visual: str) -> str:
    """Presentation forms back to letters, staying in display order: a lam-alef ligature
    stands for ``ال`` read right to left, so its letters come out swapped."""
    return "".join(
        unicodedata.normalize("NFKC", char)[:: -1 if "\ufef5" <= char <= "\ufefc" else 1]
        for char in visual
    )


@pytest.mark.parametrize(("logical", "direction", "expected"), UBA_CASES)
def test_display_order_is_the_reference_algorithm(
    logical: str, direction: str, expected: str
) -> None:
    visual = to_visual(logical, rtl=direction == "rtl")
    assert FORMS.search(visual)  # shaped
    assert unshape(visual) == expected


ARABIC_BASE_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
ARABIC_WORD = re.compile("[\u0621-\u064a]{2,}")


def _arabic_everywhere() -> Result:
    """A result with Arabic in every field the terminal view prints."""
    quote = 'The minister said he was "متفائل جدا" about the talks on Monday.'
    tweet = "We stand with #غزة today https://t.co/abc"
    title, arabic = "Talks resume in الدوحة", "قال الوزير إن المحادثات مستمرة."
    segments = (
        Segment(id=1, kind=SegmentKind.TITLE, text=title, span=(0, 5), lang="en"),
        Segment(id=2, kind=SegmentKind.SENTENCE, text=arabic, span=(6, 9), lang="ar"),
        Segment(id=3, kind=SegmentKind.SENTENCE, text=quote, span=(10, 20), lang="en"),
        Segment(
            id=4, kind=SegmentKind.TWEET, text=tweet, span=(21, 30), lang="en",
            tweet=TweetMeta(
                text=tweet, author="محمد علي", handle="@محمد_علي", date="19 نوفمبر",
                link="https://x.com/محمد/status/1",
            ),
        ),
    )  # fmt: skip
    translated = (
        (Direction.EN_AR, "استئناف المحادثات"),
        (Direction.AR_EN, "The minister said talks go on in الدوحة."),
        (Direction.EN_AR, "قال الوزير إنه متفائل جدا"),
    )
    translations = tuple(
        Translation(segment_id=i, direction=direction, text=text, model="m")
        for i, (direction, text) in enumerate(translated, start=1)
    )
    ar_summary = SummarySentence(text="المحادثات مستمرة في الدوحة.", source_ids=(2,))
    en_summary = SummarySentence(text="Talks go on in الدوحة.", source_ids=(1, 2, 3, 4))
    summaries = (
        Summary(lang="ar", method=SummaryMethod.EXTRACTIVE, model=None, sentences=(ar_summary,)),
        Summary(
            lang="en", method=SummaryMethod.ABSTRACTIVE, model="نموذج/عربي", sentences=(en_summary,)
        ),
    )
    return Result(
        document=Document(text="x" * 30, source="أخبار.txt", title="Talks resume in الدوحة"),
        segments=segments,
        translations=translations,
        summaries=summaries,
        warnings=(Notice(code="encoding_detected", message="أخبار.txt was decoded as cp1256"),),
        models={"translate.en-ar": "/models/نموذج"},
        timings={},
    )


@pytest.mark.parametrize("view", ["table", "stacked", "summary"])
@pytest.mark.parametrize("width", [80, 120])
def test_bidi_on_leaves_no_arabic_in_logical_order(view: str, width: int) -> None:
    """Items 1 and 2 of issue 13: every text the view prints, whatever its direction."""
    result = _arabic_everywhere()
    options = ConsoleOptions(view=view, bidi=True)
    out = render_result(result, "rich", width=width, options=options)
    left = sorted(set(ARABIC_BASE_LETTER.findall(out)))
    assert not left, f"unshaped Arabic letters {left} in:\n{out}"
    shown = unshape(out)
    words = {w for s in result.segments for w in ARABIC_WORD.findall(s.text)}
    if view != "summary":
        for word in words:
            assert word[::-1] in shown, f"{word} is not shown reversed"
    plain = render_result(result, "rich", width=width, options=ConsoleOptions(view=view))
    assert ARABIC_BASE_LETTER.search(plain), "with bidi off the letters stay as stored"


def test_english_cell_quoting_arabic_reads_right() -> None:
    """Item 1: the quote inside an English sentence is joined and reversed in place."""
    result = _arabic_everywhere()
    out = render_result(
        result, "rich", width=120, options=ConsoleOptions(view="stacked", bidi=True)
    )
    assert 'The minister said he was "ادج لئافتم" about the talks' in unshape(out)
    header = next(line for line in unshape(out).splitlines() if "🐦" in line)
    assert "يلع دمحم" in header  # item 2: the author's name in the tweet panel header
