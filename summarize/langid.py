"""Decide each segment's language: a script vote first, seeded langdetect for the rest.

The script vote settles most news text instantly and deterministically. Words vote by
script; a capitalised Latin word (a name such as ``CloudFlare``) votes with a quarter of
a lowercase word, so an Arabic sentence carrying brand names stays Arabic. URLs,
@handles, #hashtags and e-mails never vote: an English tweet with an Arabic hashtag is
English. langdetect (seeded: it is random otherwise) is asked only when it adds
something: Arabic-script text that uses Persian or Urdu letters, and Latin-script text
that is long enough (8+ words) or has accented letters, to tell English from French,
Spanish and the rest.

``lang_confidence`` is the share of the winning script's votes, times langdetect's
probability for the chosen language when langdetect was asked (see README).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.data import Segment
from summarize.tweets import HASHTAG, MENTION, URL

__all__ = ["LanguageGuess", "detect_language", "detect_segments"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Letters used in Persian or Urdu but not in Arabic: پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ۃ
_PERSO_URDU = frozenset(
    "\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d2\u0679\u0688\u0691\u06ba\u06be\u06c3"
)
_CAPITAL_WEIGHT = 0.25
# Below this many Latin words langdetect is unreliable ("Oil prices rose today" comes out
# Spanish with p=0.99999). In Arabic/English news, short plain-ASCII Latin text is English;
# short text with accented letters (é, ñ, ü, ß) still goes to the detector.
_MIN_WORDS_FOR_DETECTOR = 8
# Languages written in Arabic script: never the answer for text the vote called Latin.
_ARABIC_SCRIPT_LANGS = frozenset(("ar", "fa", "ur", "ps"))
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
        ``ar``, ``en``, another ISO 639-1 code, or ``und`` when no word can vote
        (only links, hashtags, numbers or emoji).
    """
    words = _voting_words(text)
    arabic = [w for w in words if _is_arabic_word(w)]
    latin = [w for w in words if not _is_arabic_word(w)]
    arabic_votes = float(len(arabic))
    latin_votes = sum(_CAPITAL_WEIGHT if w[0].isupper() else 1.0 for w in latin)
    total = arabic_votes + latin_votes
    if total == 0:
        return LanguageGuess("und", 1.0 if not words else 0.0)
    if arabic_votes >= latin_votes:
        return _arabic_script(" ".join(arabic), arabic_votes / total)
    return _latin_script(" ".join(latin), latin_votes / total, len(latin))


def _voting_words(text: str) -> list[str]:
    for pattern in (URL, _EMAIL, MENTION, HASHTAG):
        text = pattern.sub(" ", text)
    return _WORD.findall(text)


def _is_arabic_word(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff" for ch in word)


def _arabic_script(text: str, share: float) -> LanguageGuess:
    if not _PERSO_URDU.intersection(text):
        return LanguageGuess("ar", share)
    lang, prob = _langdetect(text, allowed=frozenset(("ar", "fa", "ur")))
    return LanguageGuess(lang or "fa", share * prob)


def _latin_script(text: str, share: float, word_count: int) -> LanguageGuess:
    if word_count < _MIN_WORDS_FOR_DETECTOR and text.isascii():
        return LanguageGuess("en", share)
    lang, prob = _langdetect(text, excluded=_ARABIC_SCRIPT_LANGS)
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
