"""ROUGE of the extractive summary against lead-1, lead-2 and lead-3, per language.

Usage:
    python benchmarks/eval_summaries.py                         # the 24 hand-written pairs
    python benchmarks/eval_summaries.py --data ../shared/data/real   # real news, if present
    python benchmarks/eval_summaries.py PAIRS.jsonl             # other hand-written pairs

Hand-written pairs (``benchmarks/data/news_summaries.jsonl``) come already split into
sentences. Real pairs (``ar_summaries.jsonl``: BBC and CNN Arabic articles with their
standfirsts; ``en_summaries.jsonl``: CNN/Daily Mail and XSum with their references) are
normalised and segmented as the product does it, and the Arabic headline is passed as the
title. The real data is never part of the repository: without it this prints a note and
exits 0.

Scores are ROUGE-1 and ROUGE-2 F1, averaged over articles, on surface tokens (runs of
letters and digits) with no stemming and no stop-word removal. Arabic tokens lose tashkeel
and tatweel and fold alef variants (أ إ آ ٱ → ا), alef maqsura (ى → ي) and ta marbuta
(ة → ه); English is lower-cased. ``words`` is the summary's mean length in tokens.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from summarize.data import SegmentKind
from summarize.entities import TASHKEEL
from summarize.extractive import summarize_extractive
from summarize.normalize import normalize_text
from summarize.segment import segment_document

HAND = Path(__file__).parent / "data" / "news_summaries.jsonl"
REAL_FILES = (("ar", "ar_summaries.jsonl", "publisher"), ("en", "en_summaries.jsonl", "source"))
_TOKEN = re.compile(r"[^\W_]+")
_FOLD = str.maketrans("أإآٱىة", "اااايه")


class Pair(NamedTuple):
    """One article, ready to summarise, and its reference summary."""

    lang: str
    source: str  # publisher or corpus: rows of the table
    title: str | None
    units: list[tuple[int, str]]  # (segment id, sentence) in document order
    reference: str


System = Callable[[Pair], str]


def tokens(text: str) -> list[str]:
    """ROUGE tokens: letters and digits, Arabic marks removed and letter variants folded."""
    text = TASHKEEL.sub("", text.replace("\u0640", "")).lower().translate(_FOLD)
    return _TOKEN.findall(text)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """Return ROUGE-N F1 between two texts."""
    cand, ref = tokens(candidate), tokens(reference)
    cand_grams = Counter(tuple(cand[i : i + n]) for i in range(len(cand) - n + 1))
    ref_grams = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    overlap = sum((cand_grams & ref_grams).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(cand_grams.values())
    recall = overlap / sum(ref_grams.values())
    return 2 * precision * recall / (precision + recall)


def lead(k: int) -> System:
    """The first ``k`` sentences."""
    return lambda pair: " ".join(text for _, text in pair.units[:k])


def extractive(count: int | None = None) -> System:
    """The product's extractive summary (automatic length unless ``count`` is given)."""

    def run(pair: Pair) -> str:
        summary = summarize_extractive(pair.units, pair.lang, count=count, title=pair.title)
        return " ".join(s.text for s in summary.sentences)

    return run


def evaluate(pairs: Sequence[Pair], system: System) -> dict[str, float]:
    """Mean ROUGE-1/2 F1 and summary length of a system over pairs."""
    outputs = [system(p) for p in pairs]
    n = max(len(pairs), 1)
    return {
        "rouge1": sum(rouge_n(o, p.reference, 1) for o, p in zip(outputs, pairs, strict=True)) / n,
        "rouge2": sum(rouge_n(o, p.reference, 2) for o, p in zip(outputs, pairs, strict=True)) / n,
        "words": sum(len(tokens(o)) for o in outputs) / n,
    }


def load_hand(path: Path) -> list[Pair]:
    """Hand-written pairs: ``lang``, ``title``, ``sentences`` and ``summary`` (lists)."""
    pairs = []
    for record in _records(path):
        pairs.append(
            Pair(
                lang=record["lang"],
                source="hand-written",
                title=record.get("title"),
                units=list(enumerate(record["sentences"], start=1)),
                reference=" ".join(record["summary"]),
            )
        )
    return pairs


def load_real(folder: Path) -> list[Pair]:
    """Real article/summary pairs, segmented as the product segments; [] when absent."""
    pairs = []
    for lang, name, source_key in REAL_FILES:
        path = folder / name
        if not path.is_file():
            continue
        for record in _records(path):
            units, title = _units(record["text"], record.get("title"))
            pairs.append(Pair(lang, record[source_key], title, units, record["summary"]))
    return pairs


def _records(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _units(text: str, title: object) -> tuple[list[tuple[int, str]], str | None]:
    """Sentences and headline as the pipeline sees them (normalised, segmented)."""
    headline = normalize_text(title).text.strip() if isinstance(title, str) else None
    document = normalize_text(f"{headline}\n{text}" if headline else text).text
    units, found = [], None
    for segment in segment_document(document, title=headline):
        if segment.kind is SegmentKind.TITLE:
            found = segment.text
        elif _TOKEN.search(segment.text):
            units.append((segment.id, segment.text))
    return units, found


SYSTEMS: dict[str, System] = {
    "lead-1": lead(1),
    "lead-2": lead(2),
    "lead-3": lead(3),
    "extractive": extractive(),
}


def table(pairs: Sequence[Pair], systems: dict[str, System]) -> list[str]:
    """Markdown rows: per language, then per source when there are several."""
    rows = ["| subset | n | system | ROUGE-1 | ROUGE-2 | words |", "|---|---|---|---|---|---|"]
    for lang in sorted({p.lang for p in pairs}):
        subset = [p for p in pairs if p.lang == lang]
        groups = [(lang, subset)]
        sources = sorted({p.source for p in subset})
        if len(sources) > 1:
            groups += [(f"{lang} {s}", [p for p in subset if p.source == s]) for s in sources]
        for name, group in groups:
            for system_name, system in systems.items():
                s = evaluate(group, system)
                rows.append(
                    f"| {name} | {len(group)} | {system_name} | {s['rouge1']:.3f} "
                    f"| {s['rouge2']:.3f} | {s['words']:.1f} |"
                )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table for the hand-written pairs, or for the real data with ``--data``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=HAND, help="hand-written JSONL")
    parser.add_argument("--data", type=Path, help="folder with ar_/en_summaries.jsonl")
    args = parser.parse_args(argv)
    if args.data is not None:
        pairs = load_real(args.data)
        if not pairs:
            print(f"no real data in {args.data}: skipped")
            return 0
    else:
        pairs = load_hand(args.pairs)
    print("\n".join(table(pairs, SYSTEMS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
