"""Extractive summary: lead-first sentence choice under a word budget, Arabic and English.

News puts the key facts first. On real BBC Arabic, CNN Arabic, CNN/Daily Mail and BBC
(XSum) articles with their publishers' summaries, taking the first sentence beats a
TextRank ranking, and the publishers' Arabic standfirsts are one sentence of about 23 words
(docs/extractive-summary.md has the figures). So:

* a sentence scores a steep position prior ``1 / (1 + i) ** POSITION_DECAY`` plus small
  bonuses for sharing words with the headline and with the rest of the article
  (centrality, from the article's word counts in linear time, not a quadratic graph);
* lines that are not prose are never chosen: datelines, bylines, photo captions, "Read
  more"/"اقرأ أيضا" lines, related-story headlines, list items and fragments; sentences that
  read like captions, quotes, questions or run-ons rank lower (``summarize.boilerplate``);
* by default the summary is filled best first up to about one standfirst of words
  (``BUDGET_WORDS``, never more than ``BUDGET_SHARE`` of the article), at most
  ``MAX_SENTENCES`` sentences and one per ``SENTENCES_PER_PICK`` sentences of the article
  (a 3-sentence article gets 1), skipping a sentence whose words are mostly chosen already.
  A caller asking for ``count`` sentences gets that many.

A sentence's dateline (``LONDON (Reuters) -``) is cut from the summary's text: the reader
wants the news, and ``source_ids`` still name the sentence it came from.

Words are compared after light normalisation: Arabic diacritics and letter variants
(أ إ آ → ا, ى → ي, ة → ه) are folded and the article and conjunction prefixes
(ال، و، ب، ل، ف، ك) stripped, so ``والمواقع`` and ``مواقع`` match; English is lower-cased and
plural ``s`` dropped. Stop words do not count.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.boilerplate import is_boilerplate, lead_in, soft_flags
from summarize.data import Summary, SummaryMethod, SummarySentence
from summarize.entities import TASHKEEL

__all__ = ["BUDGET_WORDS", "MAX_SENTENCES", "rank_units", "summarize_extractive", "words_of"]

# Chosen on real news with held-out checks (docs/extractive-summary.md). Words are the
# whitespace tokens of a sentence without its dateline.
POSITION_DECAY = 1.5  # prior of the sentence at index i: 1 / (1 + i) ** POSITION_DECAY
TITLE_WEIGHT = 0.15  # bonus per unit of headline overlap (share of the headline's words)
CENTRALITY_WEIGHT = 0.1  # bonus per unit of centrality (1.0 = the most central sentence)
PENALTY = 0.5  # score factor per soft flag (question, quote, caption-like, run-on)
REDUNDANCY = 0.6  # skip a sentence when more than this share of its words is chosen already
OVERSHOOT = 0.25  # add a sentence only if a quarter of it still fits in the budget
BUDGET_WORDS = {"ar": 15, "en": 60}  # about one standfirst; other languages use "en"
BUDGET_SHARE = 0.35  # and never more than this share of the article's words
MAX_SENTENCES = 3  # the most sentences of a summary of automatic length
SENTENCES_PER_PICK = 3  # and at most one per this many sentences of the article
# Only the first sentences can be chosen: with this prior a sentence past the first few
# dozen never wins, and the cap bounds the work on a very long input.
MAX_RANKED = 600

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A conjunction (و, ف) may stand before an article or preposition: وللمواقع, وبالمواقع.
_AR_CONJUNCTIONS = ("و", "ف")
_AR_PREFIXES = ("بال", "كال", "لل", "ال", "ب", "ل")
_AR_FOLD = str.maketrans("أإآىة", "ااايه")
_STOP_WORDS = frozenset(
    (
        "a an the and or but of to in on at for from by with as is are was were be been being "
        "has have had it its this that these those he she they we you i his her their our not "
        "no will would can could said says also than then there which who whom what when where "
        "while after before about into over under more most other some such only just up out "
        "new one two "
        "في من على إلى الى عن أن ان إن مع هذا هذه ذلك تلك التي الذي الذين كان كانت قد لا ما لم "
        "لن هو هي هم كما أو او ثم بعد قبل حتى عند بين كل غير أي اي وقال قال وقالت قالت أيضا "
        "ايضا وفي وهو وهي منذ خلال حيث إنه انه إنها انها أنه أنها يكون تكون"
    ).split()
)


def words_of(text: str) -> list[str]:
    """Return the normalised content words of ``text`` (stop words removed)."""
    words = []
    for raw in _WORD.findall(TASHKEEL.sub("", text.lower()).replace("\u0640", "")):
        if raw in _STOP_WORDS:
            continue
        word = _normalize_word(raw)
        if word and word not in _STOP_WORDS and len(word) > 1:
            words.append(word)
    return words


def _normalize_word(word: str) -> str:
    if word.isascii():
        return (
            word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        )
    word = _strip_prefix(word.translate(_AR_FOLD), _AR_CONJUNCTIONS)
    return _strip_prefix(word, _AR_PREFIXES)


def _strip_prefix(word: str, prefixes: tuple[str, ...]) -> str:
    """Strip the first matching prefix, keeping a stem of at least three letters."""
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


@dataclass(frozen=True, slots=True)
class _Unit:
    """What ranking needs to know about one sentence."""

    prose: str  # the sentence without its dateline
    words: int
    bag: frozenset[str]
    junk: bool  # never chosen (unless nothing in the article is prose)
    flags: int  # soft flags: each multiplies the score by PENALTY


def _analyse(text: str, lang: str) -> _Unit:
    prose = text[lead_in(text) :].strip() or text.strip()
    bag = frozenset(words_of(prose))
    return _Unit(
        prose=prose,
        words=max(len(prose.split()), 1),
        bag=bag,
        junk=len(bag) < 2 or is_boilerplate(prose, lang),
        flags=soft_flags(prose),
    )


def _analyse_all(texts: Sequence[str], lang: str) -> list[_Unit]:
    """Analyse the first ``MAX_RANKED`` texts; later ones are never chosen."""
    return [
        _analyse(t, lang) if i < MAX_RANKED else _Unit(t, 1, frozenset(), junk=True, flags=0)
        for i, t in enumerate(texts)
    ]


def _centrality(units: Sequence[_Unit]) -> list[float]:
    """How much of each sentence's vocabulary the other sentences use, scaled to 0..1.

    A word's document frequency stands in for TextRank's pairwise similarity graph, so
    this is linear in the article's length.
    """
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.bag)
    # log 1 = 0: a word no other sentence uses adds nothing
    raw = [sum(math.log(df[w]) for w in u.bag) / math.sqrt(len(u.bag) or 1) for u in units]
    top = max(raw, default=0.0)
    return [r / top if top > 0 else 0.0 for r in raw]


def _scores(units: Sequence[_Unit], title: str | None) -> list[float]:
    title_bag = set(words_of(title)) if title else set()
    central = _centrality(units)
    scores = []
    for i, unit in enumerate(units):
        overlap = len(unit.bag & title_bag) / len(title_bag) if title_bag else 0.0
        prior = 1.0 / (1 + i) ** POSITION_DECAY
        score = prior + TITLE_WEIGHT * overlap + CENTRALITY_WEIGHT * central[i]
        scores.append(score * PENALTY**unit.flags)
    return scores


def rank_units(texts: Sequence[str], title: str | None = None, lang: str = "en") -> list[float]:
    """Score each text; higher is earlier, closer to the headline and more central.

    Args:
        texts: Sentences in document order.
        title: The headline, whose words raise the score of sentences sharing them.
        lang: The texts' language.

    Returns:
        One score per text, summing to 1; lines that are not prose (datelines, captions,
        "Read more", fragments) score 0 unless every line is such.
    """
    if not texts:
        return []
    units = _analyse_all(texts, lang)
    scores = _scores(units, title)
    if not all(u.junk for u in units):
        scores = [0.0 if u.junk else s for u, s in zip(units, scores, strict=True)]
    total = sum(scores)
    return [s / total for s in scores] if total > 0 else [1.0 / len(texts)] * len(texts)


def _select(units: Sequence[_Unit], title: str | None, lang: str, count: int | None) -> list[int]:
    """Indices of the chosen sentences, in document order.

    Best first, skipping a sentence whose words are mostly chosen already. With ``count``
    it takes that many (or every prose sentence there is); without, it stops at the word
    budget or the sentence limits of an automatic length.
    """
    candidates = [i for i, u in enumerate(units) if not u.junk] or list(range(len(units)))
    scores = _scores(units, title)
    order = sorted(candidates, key=lambda i: (-scores[i], i))
    if count is not None:
        return sorted(_fill(units, order, count, math.inf) if count > 0 else [])
    limit = max(1, min(MAX_SENTENCES, len(candidates) // SENTENCES_PER_PICK))
    budget = min(
        BUDGET_WORDS.get(lang, BUDGET_WORDS["en"]),
        BUDGET_SHARE * sum(units[i].words for i in candidates),
    )
    return sorted(_fill(units, order, limit, budget))


def _fill(units: Sequence[_Unit], order: Sequence[int], limit: int, budget: float) -> list[int]:
    """Take sentences in ``order`` up to ``limit`` sentences and about ``budget`` words.

    A sentence mostly made of words already chosen is skipped; with no budget (an exact
    count) the skipped ones fill up what is missing.
    """
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    for i in order:
        unit = units[i]
        if chosen and (len(chosen) >= limit or total >= budget):
            break
        if chosen and unit.bag and len(unit.bag & seen) > REDUNDANCY * len(unit.bag):
            continue
        if chosen and total + OVERSHOOT * unit.words > budget:
            break
        chosen.append(i)
        seen |= unit.bag
        total += unit.words
    if math.isinf(budget) and len(chosen) < limit:
        taken = set(chosen)
        chosen += [i for i in order if i not in taken][: limit - len(chosen)]
    return chosen


def summarize_extractive(
    units: Sequence[tuple[int, str]],
    lang: str,
    *,
    count: int | None = None,
    title: str | None = None,
) -> Summary:
    """Pick the best sentences and return them in document order.

    Args:
        units: ``(segment_id, text)`` in document order, all in ``lang``.
        lang: The summary's language.
        count: How many sentences to keep; ``None`` (the default) sizes the summary like
            a standfirst: about ``BUDGET_WORDS[lang]`` words, at most ``MAX_SENTENCES``
            sentences and fewer for a short article.
        title: The headline, if any.

    Returns:
        An extractive summary; each sentence is its source's text without a leading
        dateline, with that source's segment id.
    """
    analysed = _analyse_all([text for _, text in units], lang)
    picked = _select(analysed, title, lang, count) if units else []
    sentences = tuple(
        SummarySentence(text=analysed[i].prose, source_ids=(units[i][0],)) for i in picked
    )
    return Summary(lang=lang, method=SummaryMethod.EXTRACTIVE, model=None, sentences=sentences)
