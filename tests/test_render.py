"""Renderers: golden console and JSON output, and hostile text printed literally."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from summarize.data import (
    Direction,
    Document,
    Notice,
    Platform,
    PostMeta,
    Result,
    Segment,
    SegmentKind,
    Summary,
    SummaryMethod,
    SummarySentence,
    Translation,
    TweetMeta,
)
from summarize.render import render_result as render
from summarize.render.console import ConsoleOptions
from summarize.render.sanitize import clean

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = "[bold]x[/bold] \x1b[31mred\x1b[0m :smile: <script>alert(1)</script> \x9b31m \u202eevil"


def _result(hostile: str = "") -> Result:
    title = "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة"
    ar = "شنت مجموعة قراصنة الإنترنت المعروفة هجومًا على شركة خدمات الويب." + hostile
    tweet = "#Anonymous would also like you to not use @CloudFlare. https://t.co/GqhRe4yr8U"
    segments = (
        Segment(id=1, kind=SegmentKind.TITLE, text=title, span=(0, 10), lang="ar"),
        Segment(id=2, kind=SegmentKind.SENTENCE, text=ar, span=(11, 40), lang="ar"),
        Segment(
            id=3,
            kind=SegmentKind.TWEET,
            text=tweet,
            span=(41, 90),
            lang="en",
            tweet=TweetMeta(
                text=tweet,
                author="Anonymous" + hostile,
                handle="@TheAnonMovement",
                date="2015-11-19",
                urls=("https://t.co/GqhRe4yr8U",),
                hashtags=("#Anonymous",),
                mentions=("@CloudFlare",),
                repeats=2,
            ),
        ),
    )
    translations = (
        Translation(
            segment_id=1, direction=Direction.AR_EN, text="Anonymous accuses CloudFlare", model="m"
        ),
        Translation(
            segment_id=2, direction=Direction.AR_EN, text="Hackers attacked." + hostile, model="m"
        ),
        Translation(
            segment_id=3, direction=Direction.EN_AR, text="أنونيموس تدعو" + hostile, model="m"
        ),
    )
    summary = Summary(
        lang="en",
        method=SummaryMethod.EXTRACTIVE,
        model=None,
        sentences=(SummarySentence(text="Hackers attacked." + hostile, source_ids=(2,)),),
    )
    return Result(
        document=Document(text="x" * 90, source="<test>", title=title),
        segments=segments,
        translations=translations,
        summaries=(summary,),
        warnings=(Notice(code="model_unavailable", message="summarize.ar: missing" + hostile),),
        models={"translate.ar-en": "m"},
        timings={"read": 0.001, "translate": 1.5},
    )


def post_result(hostile: str = "") -> Result:
    """An Arabic article with an Instagram post (pasted twice) and a Telegram link post."""
    caption = "افتتحنا اليوم فرعنا الجديد في جدة 🎉 @jeddah.events #جدة" + hostile
    instagram = PostMeta(
        platform=Platform.INSTAGRAM,
        text=caption,
        author="مطعم الياسمين | Yasmine Kitchen" + hostile,
        handle="@yasmine.kitchen",
        date="2019-10-02T12:03-07:00",
        zone="PDT",
        link="https://www.instagram.com/p/B3Jk9sLnQ2w/",
        hashtags=("#جدة",),
        mentions=("@jeddah.events",),
        repeats=2,
    )
    telegram = PostMeta(
        platform=Platform.TELEGRAM,
        text="",
        handle="@gaza_now_live",
        link="https://t.me/gaza_now_live/30551",
        forwarded_from="قناة" + hostile,
    )
    segments = (
        Segment(id=1, kind=SegmentKind.SENTENCE, text="افتتحت سلسلة مطاعم فرعها.", span=(0, 9)),
        Segment(
            id=2, kind=SegmentKind.POST, text=caption, span=(10, 40), lang="ar", post=instagram
        ),
        Segment(
            id=3, kind=SegmentKind.POST, text=telegram.link or "", span=(41, 60), post=telegram
        ),
    )
    translation = Translation(
        segment_id=2, direction=Direction.AR_EN, text="We opened in Jeddah" + hostile, model="m"
    )
    return Result(
        document=Document(text="x" * 60, source="<test>"),
        segments=tuple(
            dataclasses.replace(s, lang=s.lang if s.id == 2 else "ar") for s in segments
        ),
        translations=(translation,),
    )


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 to accept"


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("hostile", [False, True], ids=["plain", "hostile"])
def test_console_golden(width: int, hostile: bool) -> None:
    name = f"console_{width}{'_hostile' if hostile else ''}.txt"
    _golden(name, render(_result(HOSTILE if hostile else ""), "rich", width=width))


@pytest.mark.parametrize("view", ["table", "stacked", "summary"])
def test_console_views_golden(view: str) -> None:
    options = ConsoleOptions(view=view, bidi=view == "stacked")
    _golden(f"console_80_{view}.txt", render(_result(), "rich", width=80, options=options))


def test_json_golden() -> None:
    _golden("result.json", render(_result(), "json"))


def test_console_prints_hostile_text_literally_and_harmlessly() -> None:
    out = render(_result(HOSTILE), "rich", width=200)
    assert "[bold]x[/bold]" in out
    assert ":smile:" in out
    assert "<script>alert(1)</script>" in out
    for bad in ("\x1b", "\x9b", "\u202e"):
        assert bad not in out
    assert "😄" not in out


def test_colour_output_has_escapes_only_from_rich() -> None:
    out = render(_result(HOSTILE), "rich", color=True, width=200)
    assert "\x1b[31mred" not in out  # the input's escape is gone; rich's own colours remain
    assert "[31mred" in out  # what is left of it is shown as text
    assert "\x9b" not in out


def test_json_escapes_control_characters() -> None:
    out = render(_result(HOSTILE), "json")
    assert "\x1b" not in out
    assert "\\u001b[31m" in out
    assert json.loads(out)["segments"][1]["text"].endswith("\u202eevil")  # data kept intact


def test_arabic_cells_are_right_aligned_and_english_left() -> None:
    lines = render(_result(), "rich", width=120).splitlines()
    header = next(line for line in lines if "translation" in line)
    source, translation = header.index("source"), header.index("translation")
    first = next(line for line in lines if "شنت" in line)
    second = next(line for line in lines if "خدمات الويب." in line)
    # Both lines of the wrapped Arabic cell end at the same column, the short one indented.
    # Measured in display cells, not len(): tashkeel marks take no column.
    first_cell = first[: first.index("Hackers")].rstrip()
    assert cell_len(first_cell) == cell_len(second[:translation].rstrip())
    assert second[source:translation].startswith("  ")
    assert cell_len(first[: first.index("Hackers attacked.")]) == translation  # English: left
    arabic_translation = next(line for line in lines if "أنونيموس تدعو" in line)
    assert len(arabic_translation.rstrip()) >= 118  # at the table's right edge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a\x1b[31mb", "a[31mb"),
        ("keep\nnewline\ttab", "keep\nnewline\ttab"),
        ("c1\x9bz\x85", "c1z"),
        ("bidi\u202e\u2066x\u2069", "bidix"),
        ("عربي‌فارسی", "عربي‌فارسی"),  # ZWNJ is spelling, not a trick
    ],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_console_post_card_names_the_platform() -> None:
    out = render(post_result(), "rich", width=120)
    assert "│ Instagram مطعم الياسمين | Yasmine Kitchen" in out
    assert "│ @yasmine.kitchen · 2019-10-02 12:03 PDT ×2" in out
    assert "https://www.instagram.com/p/B3Jk9sLnQ2w/" in out
    assert "│ Telegram @gaza_now_live " in out
    assert "│ forwarded from قناة " in out
    assert out.count("https://t.me/gaza_now_live/30551") == 1  # the text is the link: once


def test_console_post_card_prints_hostile_text_literally() -> None:
    out = render(post_result(HOSTILE), "rich", width=200)
    assert "[bold]x[/bold]" in out
    for bad in ("\x1b", "\x9b", "\u202e"):
        assert bad not in out


def test_json_post_object() -> None:
    segments = json.loads(render(post_result(), "json"))["segments"]
    assert [(s["kind"], s["tweet"], bool(s["post"])) for s in segments] == [
        ("sentence", None, False),
        ("post", None, True),
        ("post", None, True),
    ]
    post = segments[1]["post"]
    assert (post["platform"], post["date"], post["zone"], post["repeats"]) == (
        "instagram",
        "2019-10-02T12:03-07:00",
        "PDT",
        2,
    )
    assert segments[2]["post"]["forwarded_from"] == "قناة"
