"""Latin-script evidence: is a text Arabizi (Arabic in Latin letters), English, or another
Latin-script language?

Every Latin word votes: digits standing for Arabic letters inside words (3ayez, ma3a,
7abibi, roo7) and frequent Arabizi words and spellings (ana, enta, mesh, keda, ya3ni,
inshallah …) for Arabizi; English function words and word endings for English; French,
Spanish, German… function words and accented letters for another Latin language.
Capitalised words inside a sentence are names and do not vote (``Ana Ivanovic``, ``Salam
Fayyad``); units and technical tokens are not digit-words (``6ft``, ``3rd``, ``mp3``,
``CO2``). ``langid.py`` turns the votes into a language; the word lists are in
``langid_words.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summarize.langid_words import (
    ARABIZI_STRONG,
    ARABIZI_WEAK,
    ENGLISH_WORDS,
    OTHER_LATIN_WORDS,
    TECH_TOKENS,
)

__all__ = ["LatinEvidence", "latin_evidence"]

_LATIN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_ACCENTED_WORD = re.compile(r"\w*[\u00c0-\u024f]\w*")
# Longer tokens are not words (a pasted hash, a run of letters): they are not weighed.
_MAX_TOKEN = 40
# A digit standing for an Arabic letter: 2 ء/ق, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ/ق, 9 ق/ص. It
# starts a word (3ayez, 7elw), sits inside one (ma3a, y3ni), or ends it after a vowel
# (roo7, la2, ma3).
_DIGIT_WORD = re.compile(
    r"[a-z]*[2356789][a-z][a-z2356789]*|[a-z]+[2356789]+[a-z][a-z2356789]*|[a-z]*[aeiou][2357]"
)
# Digit + unit / ordinal / text-speak: English, not Arabizi.
_NOT_DIGIT_WORD = re.compile(
    r"\d+(?:st|nd|rd|th|s|am|pm|ft|ins?|m|mm|cm|km|kg|g|mg|ml|l|lb|lbs|oz|mph|kph|kmh|"
    r"gb|mb|tb|kb|ghz|mhz|k|x|d|p|bn|mn|hr|hrs|h|min|mins|sec|secs|yo|yr|yrs|v|w|kw|mw|"
    r"million|billion|day|nite|night|morrow|gether|go|me|u|b|c|fa)"
    r"|[a-z]+2(?:u|b|c|me|go|day|night)|(?:gr|l|m|h)8(?:r|s|er)?",
)
# Arabizi stems: a word that starts with one (izzayukum, habibtiii, yanharda) counts.
_ARABIZI_STEMS = re.compile(
    r"(?:izzay|ezzay|ezay|izay|habib|habeb|7abib|inshal|insha2|mashal|masha2|wallah|"
    r"walah|yarab|hamdil|hamdul|7amdul|ya3n|3ashan|3shan|ma3lesh|ya?nhar|"
    r"y[ei]?sta)[a-z0-9]+"
    # Spelling variants of the commonest formulas: walalhy, wallahii, inshaalah, mashaallah.
    r"|wa?l+a*l*a*h+[iey]*|in?sh?a+l+a+h*|ma?sh?a+l+a+h*|ya?ra+b+[iey]*"
)
# "Allah y…": a blessing or curse (allah yberek, Allah y7fazak, allah yer7amo).
_ALLAH_VERB = re.compile(r"\b[Aa]llah\s+y(?!es|et|ou|ea)[a-z0-9]{3,}")
# Consonant pairs that no English word starts with (ktir, kbire, nkoun, wnto, dlwa2ty):
# Arabizi drops short vowels. Checked on words with a vowel, not in the English list.
_NON_ENGLISH_ONSET = re.compile(
    r"(?:b[bcdfghjkmnpqstvwxz]|d[bcdfgjklmnpqstvxz]|f[bcdfghjkmnpqstvwxz]|"
    r"g[bcdfgjkmpqstvwxz]|h[bcdfghjklmnpqrstvwxz]|j[bcdfghjklmnpqrstvwxz]|"
    r"k[bcdfgjkmpqstvxz]|l[bcdfghjklmnpqrstvwxz]|m[bcdfghjklmpqrstvwxz]|"
    r"n[bcdfghjklmnpqrstvwxz]|r[bcdfgjklmnpqrstvwxz]|t[bcdfgjklmnpqtvx]|"
    r"w[bcdfgjklmnpqstvwxz]|z[bcdfgjklmnpqrstvxz])[a-z0-9]*[aeiou][a-z0-9]*"
)
# Egyptian/Levantine negation ma-…-sh (mafeesh, mabya3rafsh, mashoftahash).
_ARABIZI_NEGATION = re.compile(r"ma(?:[a-z0-9]{2,}[b-df-hj-np-tv-z2357]|fe?e?|fi)sh")
# English word endings, for words in neither list.
_ENGLISH_SUFFIX = re.compile(
    r"[a-z]{2,}(?:ing|tion|tions|ment|ments|ness|ly|ed|ies|ful|less|able|ible|ous|ive|"
    r"ship|ists?|ism)"
)
# "el-Sisi", "al-Assad", "bin Salman", "Abu Dhabi": names, not Arabizi.
_NAME_WITH_PARTICLE = re.compile(
    r"\b(?:[Ee]l|[Aa]l|[Ee]d|[Ee]s|[Ee]t|[Aa]d|[Aa]s|[Bb]in|[Ii]bn|[Aa]bu|[Aa]bd|[Aa]bdel)"
    r"[-‑‐][A-Za-z]\w*|\b(?:[Bb]in|[Ii]bn|[Aa]bu|[Aa]bdel|[Aa]bdul) [A-Z]\w*"
)
# Only spaces, quotes or brackets between the text's start / a sentence end and a word.
_SENTENCE_START = re.compile(r"[\s\"'“‘(\[«]*\Z")
_SENTENCE_START_AT = re.compile(r"[.!?…][\s\"'“‘(\[«]*\Z")
# Votes (weights tuned on the development split, checked on the held-out one).
_DIGIT_WEIGHT = 1.5
_STRONG_WEIGHT = 1.0
_WEAK_WEIGHT = 0.5
_WORD_WEIGHT = 1.0
_SUFFIX_WEIGHT = 0.5
_ONSET_WEIGHT = 0.5
_ARABIZI_MIN = 1.0
_NO_SIDE, _ARABIZI, _ENGLISH, _OTHER_LATIN = range(4)


@dataclass(frozen=True, slots=True, kw_only=True)
class LatinEvidence:
    """The votes of a Latin-script text's words, by side.

    Attributes:
        arabizi: Votes for Arabizi.
        english: Votes for English.
        other: Votes for another Latin-script language (function words, accented words).
        weighed: How many words voted or could have (names and numbers left out).
    """

    arabizi: float = 0.0
    english: float = 0.0
    other: float = 0.0
    weighed: int = 0

    def is_arabizi(self) -> bool:
        """Enough Arabizi votes, and more than all the others together."""
        return self.arabizi >= _ARABIZI_MIN and self.arabizi > self.english + self.other

    def is_english(self) -> bool:
        """Mostly English words, and more of them than of any other Latin language."""
        return (
            self.english >= 1.0 and self.english >= 0.3 * self.weighed and self.other < self.english
        )


def latin_evidence(bare: str) -> LatinEvidence:
    """Weigh every Latin word of a text.

    Args:
        bare: The text without links, handles and hashtags (they must not vote).

    Returns:
        The votes for Arabizi, English and other Latin-script languages.
    """
    bare = _NAME_WITH_PARTICLE.sub(" ", bare)
    tokens = [(m.group(), m.start()) for m in _LATIN_TOKEN.finditer(bare)]
    votes = [0.0] * 4  # by side
    # Accented letters (é ñ ü ß) belong to French, Spanish, German…: Arabizi is ASCII.
    if not bare.isascii():
        votes[_OTHER_LATIN] = float(len(_ACCENTED_WORD.findall(bare)))
    shouting = all(t.isupper() for t, _ in tokens if not t.isdigit())  # "MESH KEDA"
    weighed = 0
    for i, (token, _) in enumerate(tokens):
        low = token.lower().replace("’", "'")
        if len(low) > _MAX_TOKEN or low.isdigit():
            continue
        if token != low and not shouting:
            if token[1:] != low[1:]:
                continue  # CamelCase, acronyms: brands and names
            if _is_name(bare, tokens, i):
                if _is_digit_word(low):
                    votes[_ARABIZI] += _DIGIT_WEIGHT  # only a digit-word counts in a name
                continue
        weighed += 1
        side, weight = _word_vote(low)
        votes[side] += weight
    if "llah" in bare and _ALLAH_VERB.search(bare):
        votes[_ARABIZI] += _STRONG_WEIGHT
    return LatinEvidence(
        arabizi=votes[_ARABIZI],
        english=votes[_ENGLISH],
        other=votes[_OTHER_LATIN],
        weighed=weighed,
    )


def _is_name(bare: str, tokens: list[tuple[str, int]], i: int) -> bool:
    """A capitalised word inside a sentence, or before another one, is a name."""
    start = tokens[i][1]
    starts_sentence = (
        _SENTENCE_START.match(bare, 0, start) is not None
        or _SENTENCE_START_AT.search(bare, max(0, start - 6), start) is not None
    )
    next_is_name = i + 1 < len(tokens) and tokens[i + 1][0][:1].isupper()
    return not starts_sentence or next_is_name


# Words repeat (news and chat follow Zipf's law): a word's vote is looked up once.
@functools.lru_cache(maxsize=1 << 16)
def _word_vote(low: str) -> tuple[int, float]:
    """Which side a lower-case word votes for, and how much; the first rule that knows it
    decides."""
    if low in ARABIZI_STRONG:
        return _ARABIZI, _STRONG_WEIGHT
    if _is_digit_word(low):
        return _ARABIZI, _DIGIT_WEIGHT
    if low in ENGLISH_WORDS:
        return _ENGLISH, _WORD_WEIGHT
    if low in OTHER_LATIN_WORDS:
        return _OTHER_LATIN, _WORD_WEIGHT
    if low in ARABIZI_WEAK:
        return _ARABIZI, _WEAK_WEIGHT
    if _ARABIZI_STEMS.fullmatch(low) or _ARABIZI_NEGATION.fullmatch(low):
        return _ARABIZI, _STRONG_WEIGHT
    if _ENGLISH_SUFFIX.fullmatch(low):
        return _ENGLISH, _SUFFIX_WEIGHT
    if len(low) > 2 and _NON_ENGLISH_ONSET.match(low):
        return _ARABIZI, _ONSET_WEIGHT
    return _NO_SIDE, 0.0


def _is_digit_word(token: str) -> bool:
    if token.isalpha() or token in TECH_TOKENS or _NOT_DIGIT_WORD.fullmatch(token):
        return False
    return bool(_DIGIT_WORD.fullmatch(token))
