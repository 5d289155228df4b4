"""Decide each segment's language: a script vote first, rules next, seeded langdetect last.

The script vote settles most text instantly and deterministically. Words vote by script; a
capitalised Latin word (a name such as ``CloudFlare``) votes with a quarter of a lowercase
word, so an Arabic sentence carrying brand names stays Arabic. Tweet furniture never votes:
a leading ``RT @user:`` (and ``MT``, ``via``, ``cc`` before a handle), @handles, URLs, links
cut off by ``…``, e-mails and #hashtags. When nothing else votes and every hashtag is
Arabic-script (two words or more), the hashtags vote: a tweet of Arabic hashtags alone is
Arabic; Latin or mixed hashtags stay ``und`` (``#OpParis``, ``#ليبيا #Libya``).

Arabic-script text is Arabic unless it carries clear Persian or Urdu evidence: words that
only Persian or Urdu use (است، را، که، از، شما، خیلی … / ہے، نہیں، کے، اور …), ی and ک
used as the main ya and kaf, and a zero-width non-joiner inside a word. The letters
گ چ پ ڤ alone are not evidence: Gulf, Iraqi, Levantine and Maghrebi Arabic write them.

Latin-script text is Arabizi (``ar-Latn``) when its Arabizi evidence outweighs its English
and other-Latin evidence (weighed in ``arabizi.py``: digit-words such as 3ayez and 7abibi,
Arabizi words, against function words and accented letters). Otherwise text made mostly of
English words, short plain-ASCII text, and a plain-ASCII line of names are English, and
langdetect (seeded: it is random otherwise) tells English from French, Spanish and the
rest for the remaining long or accented text. It is also asked for Arabic-script text
whose Persian and Urdu evidence tie. The word lists are in ``langid_words.py``.

``lang_confidence`` is the share of the winning script's votes, times the rule's margin or
langdetect's probability (see docs/language-detection.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.arabizi import LatinEvidence, latin_evidence
from summarize.data import Segment
from summarize.entities import (
    ARABIC_LETTER,
    ARABIC_SCRIPT_LANGS,
    EMAIL,
    HASHTAG,
    MENTION,
    TASHKEEL,
    URL,
    is_arabic_letter,
)
from summarize.langid_words import ENGLISH_FUNCTION_WORDS, FA_WORDS, UR_WORDS

__all__ = ["LanguageGuess", "detect_language", "detect_segments", "is_arabizi"]

# --- tweet furniture: never votes ---------------------------------------------------------
# A link the tweet's 140-character cut left unfinished ("https:…", "http…", "htt…", a bare
# "https://" at the end). Not an entity: no stage can follow, link or count it, so it lives
# here, where it only must not vote. Bounded, so a run of "h:h:h:" is scanned once.
_CUT_LINK = re.compile(
    r"\b[hH](?:[tT](?:[tT](?:[pP][sS]?)?)?)?(?::/{0,2}[^\s…]{0,40})?(?:…|\.\.\.)"
    r"|\b[hH][tT][tT][pP][sS]?:/{0,2}(?=\s|$)"
)
# "RT @user:", "MT @user", "via @user", "cc @user": the marker goes with the handle.
_HANDLE_MARKER = re.compile(r"\b(?:RT|MT|HT|via|cc|CC)\b\s*:?\s*(?=@\w)")
_HANDLE_MARKER_HINTS = ("RT", "MT", "HT", "via", "cc", "CC")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CAPITAL_WEIGHT = 0.25

# --- Arabic script: Arabic unless the Persian or Urdu evidence is clear ------------------
_L = ARABIC_LETTER.pattern
# Letters only Persian or Urdu text uses as such (ی ک ہ ے ۓ ٹ ڈ ڑ ں ژ): text with none of
# them, no listed word and no ZWNJ is Arabic at once.
_PU_MARKS = frozenset("\u06cc\u06a9\u06c1\u06d2\u06d3\u0679\u0688\u0691\u06ba\u0698")
# Persian present-tense verbs: می / نمی + stem, spelt with Persian ی (میایم، نمیدونم).
_FA_VERB = re.compile(f"\u0646?\u0645\u06cc(?:{_L}){{2,}}")
_UR_LETTERS = frozenset("\u0679\u0688\u0691\u06ba\u06d2\u06d3")  # ٹ ڈ ڑ ں ے ۓ
_UR_HEH = "\u06c1"  # ہ: Urdu's heh, also a decoration in Arabic tweets (اشبہ)
# A zero-width non-joiner inside a word: Persian spelling (می‌خواهم, خانه‌ها).
_ZWNJ_IN_WORD = re.compile(f"(?:{_L})\u200c(?:{_L})")
# Evidence (in word hits) needed to leave Arabic: at least this much, and this share of the
# Arabic-script words.
_PU_MIN_EVIDENCE = 2.0
_PU_MIN_SHARE = 0.2


# Below this many Latin words langdetect is unreliable ("Oil prices rose today" comes out
# Spanish with p=0.99999). In Arabic/English news, short plain-ASCII Latin text is English;
# short text with accented letters (é, ñ, ü, ß) still goes to the detector. So is a
# plain-ASCII line of names (a team line-up) with no word of another Latin language.
_MIN_WORDS_FOR_DETECTOR = 8
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code and how sure we are of it (0..1)."""

    lang: str
    confidence: float


def detect_segments(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Return the segments with ``lang`` and ``lang_confidence`` set."""
    out = []
    for segment in segments:
        guess = detect_language(segment.text)
        out.append(replace(segment, lang=guess.lang, lang_confidence=guess.confidence))
    return tuple(out)


def detect_language(text: str) -> LanguageGuess:
    """Detect the language of one segment.

    Args:
        text: The segment's text.

    Returns:
        ``ar``, ``en``, ``ar-Latn`` (Arabizi), ``fa``, ``ur``, another ISO 639-1 code, or
        ``und`` when no word can vote (only links, handles, Latin or mixed hashtags,
        numbers or emoji).
    """
    bare = _without_furniture(text)
    words = _WORD.findall(TASHKEEL.sub("", bare))  # هجومًا is one word
    if not words:
        return _hashtags_only(text)
    arabic: list[str] = []
    latin: list[str] = []
    for word in words:
        (arabic if is_arabic_letter(word[0]) else latin).append(word)
    arabic_votes = float(len(arabic))
    latin_votes = sum(_CAPITAL_WEIGHT if w[0].isupper() else 1.0 for w in latin)
    total = arabic_votes + latin_votes
    if arabic_votes >= latin_votes:
        guess = _arabic_script(arabic, _zwnj_count(bare))
        return LanguageGuess(guess.lang, guess.confidence * arabic_votes / total)
    share = latin_votes / total
    evidence = latin_evidence(bare)
    if evidence.is_arabizi():
        margin = evidence.arabizi - evidence.english - evidence.other
        return LanguageGuess("ar-Latn", share * min(1.0, 0.5 + margin / 4))
    if evidence.is_english():
        return LanguageGuess("en", share)  # mostly English function words: no detector
    return _latin_script(" ".join(latin), share, latin, evidence)


def _hashtags_only(text: str) -> LanguageGuess:
    """A segment without words: Arabic when it is Arabic hashtags only, else ``und``.

    A tweet of Arabic hashtags (``#الشعب_السعودي #الرياض``) reads as Arabic; a mixed set
    (``#ليبيا #Libya``), Latin tags or a single one-word tag say nothing.
    """
    tags = HASHTAG.findall(text) if "#" in text else []
    if tags and all(ARABIC_LETTER.search(tag) for tag in tags):
        words = _WORD.findall(TASHKEEL.sub("", " ".join(tags).replace("_", " ")))
        if len(words) >= 2:
            guess = _arabic_script(words, 0)
            return LanguageGuess(guess.lang, guess.confidence * 0.5)
    return LanguageGuess("und", 1.0)


def _without_furniture(text: str) -> str:
    """The text without RT markers, URLs, cut-off links, e-mails, @handles and #hashtags."""
    if "/" in text or "www." in text.lower():
        text = URL.sub(" ", text)
    if "…" in text or "..." in text or "http" in text.lower():
        text = _CUT_LINK.sub(" ", text)
    if "@" in text:
        text = EMAIL.sub(" ", text)
        if any(marker in text for marker in _HANDLE_MARKER_HINTS):
            text = _HANDLE_MARKER.sub(" ", text)
        text = MENTION.sub(" ", text)
    if "#" in text:
        text = HASHTAG.sub(" ", text)
    return text


def _zwnj_count(text: str) -> int:
    return len(_ZWNJ_IN_WORD.findall(text)) if "\u200c" in text else 0


def is_arabizi(text: str) -> bool:
    """Arabic written in Latin letters (3ayez, 7abibi, ma3a; ana mesh 3aref; yalla bina).

    Digit-words count only outside units, ordinals and technical tokens, so ``mp3``,
    ``B2B``, ``G7``, ``2nd``, ``6ft`` or ``COVID-19`` do not make English Arabizi, and
    English function words count against.
    """
    return latin_evidence(_without_furniture(text)).is_arabizi()


def _arabic_script(words: list[str], zwnj: int) -> LanguageGuess:
    """ar, fa or ur for Arabic-script words, with a confidence from the evidence."""
    fa = float(sum(1 for w in words if w in FA_WORDS or _FA_VERB.match(w)))
    ur = float(sum(1 for w in words if w in UR_WORDS))
    joined = " ".join(words)
    marked = zwnj > 0 or not _PU_MARKS.isdisjoint(joined)
    if not (fa or ur or marked):
        return LanguageGuess("ar", 1.0)  # the common case: no word, no letter to weigh
    shared = min(2.0, float(zwnj))
    if marked:
        ur_letters, fa_letters, main_letters = _letter_evidence(words, joined)
        ur, fa, shared = ur + ur_letters, fa + fa_letters, shared + main_letters
    evidence = fa + ur + shared
    n = len(words)
    if evidence < _PU_MIN_EVIDENCE or evidence < _PU_MIN_SHARE * n:
        return LanguageGuess("ar", 1.0 - min(0.5, evidence / (2 * n)))
    confidence = min(1.0, 0.5 + evidence / (2 * n))
    if ur != fa:
        return LanguageGuess("ur" if ur > fa else "fa", confidence)
    lang, prob = _langdetect(joined, allowed=frozenset(("fa", "ur")))
    return LanguageGuess(lang or "fa", prob * 0.5 if lang else 0.5)


def _letter_evidence(words: list[str], joined: str) -> tuple[float, float, float]:
    """(Urdu, Persian, either) evidence from letters: Urdu-only letters, ژ, and ی / ک
    used as the text's main ya and kaf."""
    ur = fa = 0.0
    for word in words:
        if not _UR_LETTERS.isdisjoint(word):
            ur += 1.0
        elif _UR_HEH in word:
            ur += 0.5
        if "\u0698" in word:  # ژ
            fa += 0.5
    shared = 0.0
    if joined.count("\u06cc") > joined.count("\u064a") + joined.count("\u0649"):
        shared += 1.0
    if joined.count("\u06a9") > joined.count("\u0643"):
        shared += 1.0
    return ur, fa, shared


def _latin_script(
    text: str, share: float, words: list[str], evidence: LatinEvidence
) -> LanguageGuess:
    if text.isascii():
        if len(words) < _MIN_WORDS_FOR_DETECTOR:
            return LanguageGuess("en", share)
        if ENGLISH_FUNCTION_WORDS.intersection(text.lower().split()):
            return LanguageGuess("en", share)  # "Oil prices jump after …" is not Romanian
        lowercase = sum(1 for w in words if not w[0].isupper())
        if lowercase < _MIN_WORDS_FOR_DETECTOR and not evidence.other:
            return LanguageGuess("en", share)  # mostly names
    lang, prob = _langdetect(text, excluded=ARABIC_SCRIPT_LANGS)
    if lang is None:
        return LanguageGuess("en", share * 0.5)
    return LanguageGuess(lang, share * prob)


def _langdetect(
    text: str, *, allowed: frozenset[str] | None = None, excluded: frozenset[str] = frozenset()
) -> tuple[str | None, float]:
    """Return langdetect's most probable language (within ``allowed``), deterministically."""
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:  # DetectorFactory.seed is global state
        DetectorFactory.seed = 0
        try:
            detector_factory.init_factory()
            detector = detector_factory._factory.create()
            detector.append(text)
            probabilities = detector.get_probabilities()
        except LangDetectException:
            return None, 0.0
    for item in probabilities:
        if (allowed is None or item.lang in allowed) and item.lang not in excluded:
            return str(item.lang), float(item.prob)
    return None, 0.0
