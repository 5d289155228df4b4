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
from summarize.entities import (
    ARABIC_SCRIPT_LANGS,
    EMAIL,
    HASHTAG,
    MENTION,
    TASHKEEL,
    URL,
    is_arabic_letter,
)

__all__ = ["LanguageGuess", "detect_language", "detect_segments", "is_arabizi"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Letters used in Persian or Urdu but not in Arabic: پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ۃ
_PERSO_URDU = frozenset(
    "\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d2\u0679\u0688\u0691\u06ba\u06be\u06c3"
)
_CAPITAL_WEIGHT = 0.25
# A digit standing for an Arabic letter: 2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ, 9 ق/ص. It sits at
# the start or inside a word (3ayez, ma3a, dilwa2ti), or ends it after a vowel (roo7).
_ARABIZI_DIGIT_WORD = re.compile(r"[a-z]*[235679][a-z]+[a-z235679]*|[a-z]*[aeiou][37]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_TECH_TOKENS = frozenset("mp3 mp4 h264 h265 x86 g7 g20 b2b b2c 3d 2d 4g 5g 3g".split())
_ARABIZI_STRONG = frozenset(
    """habibi habibti inshallah insha2allah yalla yallah wallah wallahi shukran keda kda
    ezay izay mesh msh mish mafish mafeesh ya3ni 3ayez 3ayza delwa2ti dilwa2ti tayeb kaman
    kman e7na ahlan lazem lazim momken mumkin kteer ktir keteer shwaya awi 2awi""".split()
)
_ARABIZI_WEAK = frozenset(
    "ana enta enti inta inti howa heya el elli illi ya bas fi kan w law".split()
)
# Below this many Latin words langdetect is unreliable ("Oil prices rose today" comes out
# Spanish with p=0.99999). In Arabic/English news, short plain-ASCII Latin text is English;
# short text with accented letters (é, ñ, ü, ß) still goes to the detector.
_MIN_WORDS_FOR_DETECTOR = 8
# Words only English uses among the Latin-script languages langdetect knows (no "is",
# "was", "will": Dutch and German have them too).
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to are with for that this from by has have had its which who what when
    where while their there these those after before over under about into than between
    against during said says would could should been being""".split()
)
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
        ``ar``, ``en``, ``ar-Latn`` (Arabizi), another ISO 639-1 code, or ``und`` when
        no word can vote (only links, hashtags, numbers or emoji).
    """
    bare = _without_entities(text)
    words = _WORD.findall(TASHKEEL.sub("", bare))  # هجومًا is one word
    arabic = [w for w in words if _is_arabic_word(w)]
    latin = [w for w in words if not _is_arabic_word(w)]
    arabic_votes = float(len(arabic))
    latin_votes = sum(_CAPITAL_WEIGHT if w[0].isupper() else 1.0 for w in latin)
    total = arabic_votes + latin_votes
    if total == 0:
        return LanguageGuess("und", 1.0 if not words else 0.0)
    if arabic_votes >= latin_votes:
        return _arabic_script(" ".join(arabic), arabic_votes / total)
    if is_arabizi(bare):
        return LanguageGuess("ar-Latn", latin_votes / total)
    return _latin_script(" ".join(latin), latin_votes / total, len(latin))


def _without_entities(text: str) -> str:
    """The text without URLs, e-mails, @handles and #hashtags: they never vote."""
    for pattern in (URL, EMAIL, MENTION, HASHTAG):
        text = pattern.sub(" ", text)
    return text


def is_arabizi(text: str) -> bool:
    """Arabic written in Latin letters, with digits for Arabic sounds (3ayez, 7abibi, ma3a).

    Digit-words count only in lowercase and outside a short list of technical tokens, so
    ``mp3``, ``B2B``, ``G7``, ``2nd`` or ``COVID-19`` do not make English Arabizi.
    """
    tokens = re.findall(r"[A-Za-z0-9']+", text)
    digit_words = [t for t in tokens if _is_digit_word(t)]
    strong = sum(t.lower() in _ARABIZI_STRONG for t in tokens)
    weak = sum(t.lower() in _ARABIZI_WEAK for t in tokens)
    if digit_words:
        return len(digit_words) >= 2 or strong + weak >= 1
    return strong >= 2 or (strong >= 1 and weak >= 2)


def _is_digit_word(token: str) -> bool:
    if token != token.lower() or token in _TECH_TOKENS or _ORDINAL.fullmatch(token):
        return False
    return bool(_ARABIZI_DIGIT_WORD.fullmatch(token))


def _is_arabic_word(word: str) -> bool:
    return any(is_arabic_letter(ch) for ch in word)


def _arabic_script(text: str, share: float) -> LanguageGuess:
    if not _PERSO_URDU.intersection(text):
        return LanguageGuess("ar", share)
    lang, prob = _langdetect(text, allowed=frozenset(("ar", "fa", "ur")))
    return LanguageGuess(lang or "fa", share * prob)


def _latin_script(text: str, share: float, word_count: int) -> LanguageGuess:
    if text.isascii():
        if word_count < _MIN_WORDS_FOR_DETECTOR:
            return LanguageGuess("en", share)
        if _ENGLISH_FUNCTION_WORDS.intersection(text.lower().split()):
            return LanguageGuess("en", share)  # "Oil prices jump after …" is not Romanian
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
