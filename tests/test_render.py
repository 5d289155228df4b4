"""Renderers: golden console and JSON output, and hostile text printed literally."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import replace
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
from summarize.errors import ModelUnavailable
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


def _missing(route: str, model: str, after: str = "") -> Notice:
    error = ModelUnavailable(
        route, model, "not in the Hugging Face cache and running offline",
        "run `summarize models pull` while online",
    )  # fmt: skip
    return error.notice(after)


MISSING = (
    _missing("translate.ar-en", "Helsinki-NLP/opus-mt-ar-en"),
    _missing("translate.en-ar", "Helsinki-NLP/opus-mt-en-ar"),
    _missing("summarize.ar", "csebuetnlp/mT5_multilingual_XLSum", "using the extractive summary"),
)


def _untranslated() -> Result:
    return replace(_result(), translations=(), warnings=MISSING, models={})


@pytest.mark.parametrize("view", ["table", "stacked"])
def test_without_translations_the_source_is_full_width_with_a_note(view: str) -> None:
    """Item 4: no column of dashes; one line says what is missing and how to get it."""
    out = render(_untranslated(), "rich", width=100, options=ConsoleOptions(view=view))
    assert "—" not in out
    assert "→" not in out
    assert not any("source" in line and "translation" in line for line in out.splitlines())
    assert (
        "no translations: translate.ar-en and translate.en-ar are not available; run "
        "`summarize models pull` while online" in " ".join(out.split())
    )
    if view == "table":
        first = next(line for line in out.splitlines() if "شنت" in line)
        assert cell_len(first.rstrip()) >= 98  # the Arabic source reaches the right edge


def test_translate_without_a_model_says_so_and_shows_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from summarize.cli import main

    assert main(["translate", "مرحبا بكم في الأخبار", "--offline"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 ar مرحبا بكم في الأخبار" in out
    assert "no translations: translate.ar-en is not available" in out
    assert "—" not in out


def test_missing_models_are_one_warning() -> None:
    """Item 5: the same reason and fix for three models is said once, in the terminal."""
    out = render(_untranslated(), "rich", width=80)
    footer = out[out.index("\ntimings:") :]
    assert footer.count("warning:") == 1
    assert footer.count("summarize models pull") == 1
    flat = " ".join(footer.split())
    assert (
        "3 models are unavailable (not in the Hugging Face cache and running offline): "
        "translate.ar-en Helsinki-NLP/opus-mt-ar-en, translate.en-ar Helsinki-NLP/opus-mt-en-ar, "
        "summarize.ar csebuetnlp/mT5_multilingual_XLSum; run `summarize models pull` while online"
    ) in flat
    assert len(footer[footer.index("warning:") :].strip().splitlines()) <= 5  # was 11
    assert [w["message"] for w in json.loads(render(_untranslated(), "json"))["warnings"]] == [
        n.message for n in MISSING
    ]


def test_a_lone_missing_model_keeps_its_own_message() -> None:
    result = replace(_result(), warnings=MISSING[2:])
    out = " ".join(render(result, "rich", width=200).split())
    assert f"warning: {MISSING[2].message}" in out


def test_summary_names_its_strongest_sources_only() -> None:
    """Item 6: at most three references per sentence, by shared words; JSON keeps all."""
    base = _result()
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    segments = tuple(
        Segment(id=i, kind=SegmentKind.SENTENCE, text=f"{w} news item.", span=(i, i), lang="en")
        for i, w in enumerate(words, start=2)
    )
    sentence = SummarySentence(text="delta golf hotel report.", source_ids=tuple(range(2, 10)))
    summary = Summary(lang="en", method=SummaryMethod.ABSTRACTIVE, model="m", sentences=(sentence,))
    result = replace(base, segments=segments, translations=(), summaries=(summary,))
    out = render(result, "rich", width=100, options=ConsoleOptions(view="summary"))
    refs = next(line for line in out.splitlines() if "delta golf" in line)
    assert refs.rstrip(" │").endswith("#5 #8 #9 +5")
    unrelated = replace(sentence, text="nothing in common.")
    result = replace(result, summaries=(replace(summary, sentences=(unrelated,)),))
    out = render(result, "rich", width=100, options=ConsoleOptions(view="summary"))
    assert "#2–#9" in out  # a sentence that stands for the whole article
    assert json.loads(render(result, "json"))["summaries"][0]["sentences"][0]["source_ids"] == list(
        range(2, 10)
    )


@pytest.mark.parametrize("view", ["table", "stacked", "summary"])
def test_the_title_says_it_is_segment_one(view: str) -> None:
    """Item 7: the table starts at #2, so the title's box says it is #1."""
    out = render(_result(), "rich", width=100, options=ConsoleOptions(view=view))
    assert out.splitlines()[0].startswith("┏━ #1 title ━")


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
