"""What in a news article is not prose: datelines, bylines, captions, "Read more" lines.

Pages copied from news sites carry lines that are no part of the story: the dateline that
opens the first sentence (``دبي، الإمارات العربية المتحدة (CNN)--``, ``LONDON (Reuters) -``),
share-widget text (``Share this with Email Facebook ... Copy this link``), bylines
(``By John Smith``, ``بقلم: ...``), photo captions and credits (``Image caption``,
``صورة أرشيفية``), links to other stories (``Read more:``, ``اقرأ أيضا``), list items and
headlines of related stories. The extractive summary must never choose them
(``is_boilerplate``), cuts the dateline off the sentence it opens (``lead_in``), and ranks
sentences that read like captions, quotes, questions or run-ons lower (``soft_flags``).

Only ``summarize/extractive.py`` uses these rules. Every pattern is anchored at the start
of the text or bounded in length, so each runs in linear time on adversarial input.
"""

from __future__ import annotations

import re

__all__ = ["MIN_WORDS", "RUN_ON_WORDS", "is_boilerplate", "lead_in", "soft_flags"]

MIN_WORDS = {"ar": 4, "en": 5}  # shorter units are fragments (other languages use "en")
RUN_ON_WORDS = 55  # a longer unit is usually a caption glued to a sentence

# News agencies and channels as datelines name them, Latin and Arabic.
_AGENCIES = (
    r"CNN|Reuters|AP|AFP|UPI|PA|BBC|dpa|رويترز|[أا]\s?ف\s?ب|د\s?ب\s?[أا]|"
    r"سي\s?[إا]ن\s?[إا]ن|الأناضول|واس|وام|قنا|كونا|سبأ|بترا|فرانس\s?برس|الفرنسية|أسوشيتد\s?برس"
)
# A place of up to five words: "دبي، الإمارات العربية المتحدة", "LONDON, England".
_PLACE = r"[^\s(),،!?؟]{1,25}(?:[\s،,]+[^\s(),،!?؟]{1,25}){0,4}"
_DATELINES = (
    # "دبي، الإمارات العربية المتحدة (CNN)-- ", "(CNN) -- ", "LONDON (Reuters) - "
    re.compile(rf"\s*(?:{_PLACE}(?:\s*[-–—،,])?\s*)?\(\s*(?:{_AGENCIES})\s*\)\s*[-–—:]*\s*", re.I),
    # "القاهرة - رويترز - ", "واشنطن (أ ف ب) -" is above
    re.compile(rf"\s*{_PLACE}\s*[-–—]+\s*(?:{_AGENCIES})\s*[-–—:]+\s*", re.I),
    # "WASHINGTON — ", "LONDON, England -- ": a capitalised place, a dash, then a capital
    re.compile(
        r"[A-Z][A-Z.'’-]{2,24}(?:[ ,]+[A-Z][A-Za-z.'’]{0,24}){0,3}\s*[-–—]{1,2}\s+(?=[A-Z])"
    ),
)
# Share-widget and player text that BBC and Daily Mail pages glue before the first sentence.
_DEBRIS = re.compile(
    r"(?:share this with.{0,120}?copy this link"
    r"|media playback is (?:not supported|unsupported) on (?:this|your) device"
    r"|scroll down for (?:video|more)"
    r"|(?:follow\s+)?(?:see\s+)?(?:more|updates|the latest)\s+on\s+this\s+story\b"
    r"[^.!?]{0,80}?(?-i:(?<=[a-z])(?=[A-Z]))"  # up to the glued "...LondonA 16-year-old"
    r"|see more stories\b[^.!?]{0,80}?here(?-i:(?=[A-Z])))\s*",
    re.IGNORECASE,
)
# Lines that are navigation, credits or captions (matched at the start of the unit).
_JUNK_START = re.compile(
    r"\W*(?:read\s+(?:more|also)|see\s+also|more\s+on\s+this\s+story|click\s+here|tap\s+here"
    r"|related(?:\s*(?:articles?|stories|links?|content|topics))?\s*[:|]|sign\s+up\s+(?:for|to)\b"
    r"|subscribe\s+(?:to|for|now)\b|advertisement\s*(?:$|[:|])|follow\s+(?:us|@)"
    r"|(?:image|photo|picture|video)(?:\s*(?:copyright|caption|credit|source))?\s*[:|]"
    r"|(?:image|photo|picture)\s+(?:copyright|caption|credit)|copyright\s*(?:©|\(c\)|\d{4})|©"
    r"|all\s+rights\s+reserved|(?:last\s+)?(?:updated|published)(?:\s*(?:at|on))?\s*[:|]"
    r"|media\s+playback"
    r"|[إا]قر[أا]\b|شاهد\s+(?:[أا]يضا|المزيد|الفيديو)|قد\s+يهمك|للمزيد|المزيد\s*[:|]"
    r"|مواضيع\s+(?:ذات\s+صلة|قد\s+تهمك)|موضوعات\s+ذات\s+صلة|تابعونا|لمتابعة\s+آخر"
    r"|حقوق\s+(?:الصورة|النشر)|مصدر\s+الصورة|تعليق\s+(?:على\s+)?الصورة"
    r"|(?:ال)?صورة(?:\s*[أا]رشيفية)?\s*[:|(]|صورة\s+[أا]رشيفية)",
    re.IGNORECASE,
)
# "By John Smith and Jane Doe", "By . Daily Mail Reporter ." (names checked word by word)
_BYLINE_EN = re.compile(
    r"(?i:by|written\s+by|(?:additional\s+)?reporting\s+by|compiled\s+by|interview\s+by)[\s.:]+"
)
_BYLINE_LINKS = frozenset(["and", "for", "of", "the", "in", "at", "&"])
_BYLINE_NAME = re.compile(r"[^\s,.|:;]+")
# "بقلم فلان", "كتب: فلان الفلاني", "إعداد - فلان": the verbs only before a colon or dash
_BYLINE_AR = re.compile(
    r"بقلم(?:\s*[:：|-])?\s*\S|(?:كتب(?:ت|ه|ها)?|[إا]عداد|تحرير|ترجمة|تقرير|مراسل(?:ة)?)\s*[:：|-]\s*\S"
)
# "- item", "• item", "1. item", "١) item", "(a) item"
_LIST_ITEM = re.compile(
    r"\s*(?:[-–—•●▪◦·*►✓✔■□]|\(?[0-9\u0660-\u0669]{1,2}[.)\-]\s|\([A-Za-z\u0621-\u064a]\)\s)"
)
_CLOSERS = "\"”»'’)]"
_CAPTION = re.compile(
    r"\(pictured\)|,\s*pictured,|\bpictured\s+(?:left|right|above|below|centre|center|here|with)\b"
    r"|\((?:الصورة|صورة)[^)]{0,100}\)"
)
# Daily Mail captions: "Flying high: Half of the kite ...", "Pictured: ..."
_CAPTION_START = re.compile(
    r"(?:pictured|above|below|left|right|top|bottom|inset)\s*[:,]"
    r"|[A-Z][\w'’-]{0,24}(?:\s+[A-Za-z][\w'’-]{0,24}){0,3}:\s+(?![\"“'‘])",
)
_QUOTE_OPENERS = "\"“«'‘„"


def lead_in(text: str) -> int:
    """Length of the dateline or share-widget text that opens ``text`` (0 if none)."""
    start = 0
    for pattern in (_DEBRIS, *_DATELINES, _DEBRIS):
        match = pattern.match(text, start)
        if match:
            start = match.end()
    return start


def is_boilerplate(prose: str, lang: str) -> bool:
    """Whether a unit (its dateline already cut) is not prose: never a summary sentence.

    Args:
        prose: The unit without its ``lead_in``.
        lang: Its language (sets the shortest sentence that is not a fragment).
    """
    text = prose.strip()
    n_words = len(text.split())
    return (
        n_words < MIN_WORDS.get(lang, MIN_WORDS["en"])
        or _JUNK_START.match(text) is not None
        or _is_byline(text, n_words)
        or _LIST_ITEM.match(text) is not None
        or text.endswith((":", "：", "|"))  # introduces a list or a quote
        or (not _ends_sentence(text) and n_words <= 15)  # a related story's headline
        or ("@" in text and re.search(r"\bfollow\b|تابع", text, re.IGNORECASE) is not None)
    )


def soft_flags(prose: str) -> int:
    """How many of: a question, opens with a quote, reads like a caption, a run-on."""
    text = prose.strip()
    caption = _CAPTION.search(text) is not None or _CAPTION_START.match(text) is not None
    run_on = len(text.split()) > RUN_ON_WORDS or not _ends_sentence(text)
    return (
        text.rstrip(_CLOSERS).endswith(("?", "؟"))
        + text.startswith(tuple(_QUOTE_OPENERS))
        + caption
        + run_on
    )


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?", "؟", "…", *_CLOSERS))


def _is_byline(text: str, n_words: int) -> bool:
    if n_words <= 6 and _BYLINE_AR.match(text):
        return True
    match = _BYLINE_EN.match(text)
    if match is None:
        return False
    names = _BYLINE_NAME.findall(text, match.end())
    return 0 < len(names) <= 12 and all(
        name[0].isupper() or name.lower() in _BYLINE_LINKS for name in names
    )
