"""Extractive summary: a position-aware TextRank that needs no model, in Arabic and English.

Plain TextRank ranks sentences by how much they share with the rest of the article. On
news that loses to simply taking the first sentences, because reporters put the key facts
first. So the random walk restarts (PageRank personalisation) preferentially at early
sentences and at sentences that share words with the title; the graph then decides among
them. The README reports ROUGE against a lead-2 baseline (benchmarks/eval_summaries.py).

Words are compared after light normalisation: Arabic diacritics and letter variants
(أ إ آ → ا, ى → ي, ة → ه) are folded and the article and conjunction prefixes
(ال، و، ب، ل، ف، ك) stripped, so ``والمواقع`` and ``مواقع`` match; English is lower-cased and
plural ``s`` dropped. Stop words do not count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from summarize.data import Summary, SummaryMethod, SummarySentence
from summarize.entities import TASHKEEL

__all__ = ["rank_units", "summarize_extractive", "words_of"]

_DAMPING = 0.85
_ITERATIONS = 60
_TOLERANCE = 1e-9
# The similarity graph is quadratic in sentences; news articles have well under this.
MAX_GRAPH = 600
_POSITION_DECAY = 1.0  # restart weight of sentence i is 1 / (i + 1) ** decay
_TITLE_WEIGHT = 1.0
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A conjunction (و, ف) may stand before an article or preposition: وللمواقع, وبالمواقع.
_AR_CONJUNCTIONS = ("و", "ف")
_AR_PREFIXES = ("بال", "كال", "لل", "ال", "ب", "ل")
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "said",
        "says",
        "also",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "about",
        "into",
        "over",
        "under",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "just",
        "up",
        "out",
        "new",
        "one",
        "two",
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "ان",
        "إن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "كان",
        "كانت",
        "قد",
        "لا",
        "ما",
        "لم",
        "لن",
        "هو",
        "هي",
        "هم",
        "كما",
        "أو",
        "او",
        "ثم",
        "بعد",
        "قبل",
        "حتى",
        "عند",
        "بين",
        "كل",
        "غير",
        "أي",
        "اي",
        "وقال",
        "قال",
        "وقالت",
        "قالت",
        "أيضا",
        "ايضا",
        "وفي",
        "وهو",
        "وهي",
        "منذ",
        "خلال",
        "حيث",
        "إنه",
        "انه",
        "إنها",
        "انها",
        "أنه",
        "أنها",
        "يكون",
        "تكون",
    ]
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
    word = word.translate(str.maketrans("أإآىة", "ااايه"))
    word = _strip_prefix(word, _AR_CONJUNCTIONS)
    return _strip_prefix(word, _AR_PREFIXES)


def _strip_prefix(word: str, prefixes: tuple[str, ...]) -> str:
    """Strip the first matching prefix, keeping a stem of at least three letters."""
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _similarity(a: set[str], b: set[str]) -> float:
    """TextRank's overlap, normalised by log length so long sentences do not win by size."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    return len(a & b) / (math.log(len(a)) + math.log(len(b)))


def rank_units(texts: Sequence[str], title: str | None = None) -> list[float]:
    """Score each text; higher is more central and more lead-like.

    Only the first ``MAX_GRAPH`` sentences enter the graph (the similarity graph is
    quadratic; a news article has far fewer); later ones score 0.

    Args:
        texts: Sentences in document order.
        title: The headline, whose words raise the restart weight of sentences sharing them.

    Returns:
        One score per text; the scores of the ranked ones sum to 1.
    """
    n = min(len(texts), MAX_GRAPH)
    if n == 0:
        return [0.0] * len(texts)
    bags = [set(words_of(t)) for t in texts[:n]]
    title_bag = set(words_of(title)) if title else set()
    restart = [
        1.0 / (i + 1) ** _POSITION_DECAY + _TITLE_WEIGHT * _overlap(bags[i], title_bag)
        for i in range(n)
    ]
    total = sum(restart)
    restart = [r / total for r in restart]
    scores = _pagerank(_incoming(bags), restart)
    return scores + [0.0] * (len(texts) - n)


def _incoming(bags: Sequence[set[str]]) -> list[list[tuple[int, float]]]:
    """For each sentence, ``(j, share)`` of every sentence j linking to it, normalised by j."""
    n = len(bags)
    weights = [
        [_similarity(bags[i], bags[j]) if i != j else 0.0 for j in range(n)] for i in range(n)
    ]
    out_sum = [sum(row) for row in weights]
    return [
        [(j, weights[j][i] / out_sum[j]) for j in range(n) if weights[j][i] > 0.0] for i in range(n)
    ]


def _pagerank(incoming: list[list[tuple[int, float]]], restart: list[float]) -> list[float]:
    """Personalised PageRank by power iteration; sentences with no links restart."""
    linking = {j for links in incoming for j, _ in links}
    dangling = [i for i in range(len(restart)) if i not in linking]
    scores = list(restart)
    for _ in range(_ITERATIONS):
        lost = sum(scores[j] for j in dangling)
        new = [
            (1 - _DAMPING) * r + _DAMPING * (sum(scores[j] * w for j, w in links) + r * lost)
            for r, links in zip(restart, incoming, strict=True)
        ]
        done = max(abs(a - b) for a, b in zip(new, scores, strict=True)) < _TOLERANCE
        scores = new
        if done:
            break
    return scores


def _overlap(bag: set[str], title: set[str]) -> float:
    if not bag or not title:
        return 0.0
    return len(bag & title) / len(title)


def summarize_extractive(
    units: Sequence[tuple[int, str]], lang: str, *, count: int, title: str | None = None
) -> Summary:
    """Pick the ``count`` best sentences and return them in document order.

    Args:
        units: ``(segment_id, text)`` in document order, all in ``lang``.
        lang: The summary's language.
        count: How many sentences to keep.
        title: The headline, if any.

    Returns:
        An extractive summary whose sentences are source texts with their segment ids.
    """
    scores = rank_units([text for _, text in units], title)
    best = sorted(range(len(units)), key=lambda i: (-scores[i], i))[: max(count, 0)]
    sentences = tuple(
        SummarySentence(text=units[i][1], source_ids=(units[i][0],)) for i in sorted(best)
    )
    return Summary(lang=lang, method=SummaryMethod.EXTRACTIVE, model=None, sentences=sentences)
