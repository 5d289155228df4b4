"""Compare the extractive summarizer with a lead-2 baseline on hand-made news pairs.

Usage: python benchmarks/eval_summaries.py [benchmarks/data/news_summaries.jsonl]

Scores are ROUGE-1 and ROUGE-2 F1 over the summarizer's own normalised words (Arabic
prefixes and letter variants folded), averaged over articles, per language.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from summarize.extractive import summarize_extractive, words_of

DATA = Path(__file__).parent / "data" / "news_summaries.jsonl"


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """Return ROUGE-N F1 between two texts."""

    def grams(text: str) -> Counter[tuple[str, ...]]:
        words = words_of(text)
        return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))

    cand, ref = grams(candidate), grams(reference)
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def lead(article: dict[str, object], k: int) -> str:
    """The first k sentences."""
    sentences = article["sentences"]
    assert isinstance(sentences, list)
    return " ".join(sentences[:k])


def ranked(article: dict[str, object], k: int) -> str:
    """The position-aware TextRank summary of k sentences."""
    sentences = article["sentences"]
    assert isinstance(sentences, list)
    units = list(enumerate(sentences, start=1))
    summary = summarize_extractive(
        units, str(article["lang"]), count=k, title=str(article["title"])
    )
    return " ".join(s.text for s in summary.sentences)


def evaluate(
    articles: Sequence[dict[str, object]], system: Callable[..., str], k: int
) -> dict[str, float]:
    """Mean ROUGE-1/2 F1 of a system over articles."""
    r1 = [rouge_n(system(a, k), " ".join(a["summary"]), 1) for a in articles]  # type: ignore[arg-type]
    r2 = [rouge_n(system(a, k), " ".join(a["summary"]), 2) for a in articles]  # type: ignore[arg-type]
    return {"rouge1": sum(r1) / len(r1), "rouge2": sum(r2) / len(r2)}


def load(path: Path) -> list[dict[str, object]]:
    """Read the JSONL pairs."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def main() -> None:
    """Print a table of scores per language and system."""
    articles = load(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    for lang in ("en", "ar", "all"):
        subset = [a for a in articles if lang in ("all", a["lang"])]
        for name, system, k in (
            ("lead-2", lead, 2),
            ("lead-3", lead, 3),
            ("textrank-pos-2", ranked, 2),
            ("textrank-pos-3", ranked, 3),
        ):
            scores = evaluate(subset, system, k)
            r1, r2 = scores["rouge1"], scores["rouge2"]
            print(f"{lang:4} {name:15} R1 {r1:.3f}  R2 {r2:.3f}  (n={len(subset)})")


if __name__ == "__main__":
    main()
