"""The text patterns and language facts every stage shares, defined once.

Links, e-mail addresses, @handles, #hashtags and numbers are kept verbatim through
translation, never vote in language detection, never end a sentence and become links in
reports; "is this an Arabic letter" decides glued sentence boundaries, the script vote and
the legacy-encoding guess; right-to-left languages decide alignment in every renderer.
Each lives here, and every stage imports it instead of writing its own.

Every pattern runs in linear time on adversarial input: a run that cannot match is
entered only at its start (a look-behind rules out the positions inside it), and a URL is
matched greedily to the end of its token, then backs off over trailing punctuation only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

__all__ = [
    "ARABIC_LETTER",
    "ARABIC_SCRIPT_LANGS",
    "DIGIT",
    "EMAIL",
    "ENTITY",
    "HASHTAG",
    "MENTION",
    "NUMBER",
    "NUMERIC",
    "RTL_LANGS",
    "STATUS_LINK",
    "TASHKEEL",
    "URL",
    "direction_of",
    "fold_digits",
    "is_arabic_letter",
    "is_arabic_mark",
    "is_rtl",
    "main_language",
    "trailing_entities",
]

# Arabic, Arabic Supplement, Arabic Extended-A and the presentation forms (normalisation
# turns those into base letters, but the reader meets them before it).
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A letter of those blocks: ``[^\W\d_]`` keeps letters only (no digits, punctuation, marks).
ARABIC_LETTER = re.compile(f"(?:(?=[{_ARABIC_BLOCKS}])[^\\W\\d_])")
# Tashkeel (harakat, shadda, sukun, Quranic marks): marks on a letter, never letters.
TASHKEEL = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
# ASCII, Arabic-Indic and Extended Arabic-Indic (Persian/Urdu) digits.
DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"

# What ends a URL: whitespace, quotes, angle brackets and backslashes never belong to one;
# trailing sentence punctuation (``.``, ``،``, ``)``...) belongs to the sentence around it.
_URL_CHAR = "[^\\s\"“”'«»<>`\\[\\]\\\\]"
_URL_LAST = "[^\\s\"“”'«»<>`\\\\.,!?؟،؛;:)\\]}’]"
URL = re.compile(
    r"(?:https?://|(?<![\w.])www\.|(?<![\w.])pic\.twitter\.com/|(?<![\w.])t\.co/"
    rf"|(?<![\w.])x\.com/|(?<![\w.])twitter\.com/){_URL_CHAR}*{_URL_LAST}",
    re.IGNORECASE,
)
# A local part starts only at the start of its run, so a 20k-character token without an
# ``@`` is scanned once, not once per position. The domain is ASCII: an Arabic sentence
# glued to an address (``info@example.com.وقال``) is not read as its last label.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Instagram, TikTok and YouTube handles hold dots (@jeddah.events); X handles do not. A dot
# continues a handle only before lowercase ASCII, digits or "_": "@jane.See you" and
# "@user.وقال" are a handle and a glued sentence, and a trailing dot is punctuation.
MENTION = re.compile(r"(?<![\w.])@\w{1,30}(?-i:\.[a-z0-9_]+)*")
HASHTAG = re.compile(r"(?<![\w&])#\w+")
# Digits with decimal or thousands separators: 3.5 · 1,500 · ٣٫٥ · ١٬٥٠٠.
_NUM = rf"[{DIGIT}]+(?:[.,\u066b\u066c][{DIGIT}]+)*"
NUMBER = re.compile(rf"(?<![{DIGIT}]){_NUM}")
# A number as written: 1,500 · ٣٫٥ · 10:30 · 2015-11-19 · 19/11/2015 · 3.5% · $5 · €1.2.
NUMERIC = re.compile(rf"(?:[$€£¥]\s?)?(?<![{DIGIT}]){_NUM}(?:[:/\-–]{_NUM})*[%٪]?")
# A tweet's address: by its author, or by id alone (``/i/web/status/ID``, "view on the web").
STATUS_LINK = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:\w{1,30}|i/web)/status(?:es)?/\d+",
    re.IGNORECASE,
)
# Everything that is copied verbatim: order matters (a URL may contain an @ or a #).
ENTITY = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (URL, EMAIL, MENTION, HASHTAG)), re.IGNORECASE
)

# Languages written right to left, and those among them written in Arabic script.
RTL_LANGS = frozenset(("ar", "fa", "ur", "ps", "he", "yi", "ckb", "sd", "ug", "dv"))
ARABIC_SCRIPT_LANGS = frozenset(("ar", "fa", "ur", "ps", "ckb", "sd", "ug"))


def is_arabic_letter(char: str) -> bool:
    """True for one letter of the Arabic script (not a digit, mark or punctuation)."""
    return bool(char) and ARABIC_LETTER.match(char) is not None


def is_arabic_mark(char: str) -> bool:
    """True for one tashkeel mark (a vowel sign written on an Arabic letter)."""
    return bool(char) and TASHKEEL.match(char) is not None


def fold_digits(text: str) -> str:
    """Replace Arabic-Indic and other Unicode decimal digits by ASCII digits."""
    return "".join(str(int(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


def is_rtl(lang: str) -> bool:
    """True for right-to-left languages (Arabic, Persian, Urdu, ...).

    A script subtag wins over the language: ``ar-Latn`` (Arabizi) is written left to right.
    """
    base, _, script = lang.lower().partition("-")
    return base in RTL_LANGS and script not in ("latn", "cyrl")


def direction_of(lang: str) -> str:
    """Return ``rtl`` or ``ltr`` for a language code (see ``is_rtl``)."""
    return "rtl" if is_rtl(lang) else "ltr"


def trailing_entities(text: str) -> int:
    """Return where a trailing run of links, handles, hashtags and e-mails starts.

    ``len(text)`` when the text does not end with one. Walks whitespace-separated tokens
    from the end, so a long run of @mentions costs one pass.
    """
    start = len(text.rstrip())
    for token in reversed(text[:start].split()):
        if not ENTITY.fullmatch(token):
            break
        start = text.rindex(token, 0, start)
    return start


class _Languaged(Protocol):
    @property
    def lang(self) -> str: ...

    @property
    def text(self) -> str: ...


def main_language(segments: Iterable[_Languaged]) -> str:
    """The language with the most text among segments with a known language.

    ``und`` segments (only links, tags, numbers) do not count; ``und`` when none is left.
    """
    sizes: dict[str, int] = {}
    for segment in segments:
        if segment.lang != "und":
            sizes[segment.lang] = sizes.get(segment.lang, 0) + len(segment.text)
    return max(sizes, key=sizes.__getitem__) if sizes else "und"
