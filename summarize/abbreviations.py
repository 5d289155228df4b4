"""The word lists sentence splitting needs: abbreviations and the words that open sentences.

Kept apart from ``segment.py`` because they are data, not rules. All Latin entries are lower
case (the splitter lower-cases the word before a full stop) except ``OPENERS``, which is
matched as written: a capitalised word after an ambiguous abbreviation.
"""

from __future__ import annotations

__all__ = [
    "ARABIC_PREPOSITIVE",
    "BEFORE_NUMBER",
    "ERA",
    "OPENERS",
    "POSTPOSITIVE",
    "PREPOSITIVE",
]

# Titles and Latin shorthands written before what they qualify: never the end of a sentence.
PREPOSITIVE = frozenset(
    "mr mrs ms dr prof st mt gen col lt sgt rep sen gov capt cmdr adm maj brig rev hon pres "
    "supt messrs mme mlle e.g i.e vs cf viz approx".split()
)
# Never the end of a sentence before a number ("p. 12", "No. 5", "N°. 4417"); else ambiguous.
BEFORE_NUMBER = frozenset("no nos p pp vol vols fig figs art ch sec para op tel ext n° nº".split())
# Written after a word and may close a sentence: they end one only before a sentence opener.
POSTPOSITIVE = frozenset(
    "inc ltd co corp jr sr etc bros dept est assn univ "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Capitalised words that usually open an English sentence. After an ambiguous abbreviation
# ("Co.", "U.S.", "P.M.", "and I.") one of these starts a new sentence; any other capitalised
# word (a name: "U.S. Senate", "Mt. Kenya") continues the old one.
OPENERS = frozenset(
    "The A An This That These Those There Here It Its He She They We I You His Her Their Our "
    "My Your What Where When Why How Who Whom Whose Which Is Are Was Were Do Does Did Have Has "
    "Had Can Could Will Would Should Shall May Might Must But And Or So Yet Then However "
    "Meanwhile Also After Before If As In On At For From By With Some Many Most All Both Each "
    "No Not Mr Mrs Ms Dr Prof Sir".split()
)
# Arabic abbreviations written before a name or a number: أ.د. (professor-doctor), ص.ب.
# (P.O. Box).
ARABIC_PREPOSITIVE = frozenset(["أ.د", "ا.د", "ص.ب"])
# Era markers after a year: "762 م." (AD) and "1440 ه." (Hijri) may end a sentence.
ERA = frozenset(["م", "ه", "هـ"])
