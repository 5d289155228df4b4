"""Score sentence splitting: the Golden Rules tables, and boundaries on real news.

Usage:
    python benchmarks/eval_segmentation.py [--data DIR] [--baseline REF|PATH] [--show N]
                                           [--pysbd]

1. The case tables of ``tests/test_golden_rules.py`` (48 English Golden Rules, 40 Arabic and
   bilingual news cases): how many ``split_sentences`` gets exactly right, and the same for
   the baseline and for pySBD (``--pysbd``, when it is installed; its spans are compared as
   stripped text, as it does not keep exact offsets).
2. Real news (``ar_news``, ``ar_summaries``, ``en_summaries`` in ``--data``, by default
   ``../shared/data/real`` next to the repository; skipped when absent): sentence boundaries
   inside lines (a line break always ends a segment, so those are not counted), sentence
   segments of ``segment_document``, and split speed. With ``--baseline`` the boundaries
   are compared with an older splitter: a git ref (its ``summarize/sentences.py``, or
   ``summarize/segment.py`` before that module existed) or a file that defines
   ``split_sentences``; ``--show N`` prints N changed boundaries per kind of change.

Nothing is written; the real text is read in place.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "test_golden_rules.py"
REAL_FILES = ("ar_news.jsonl", "ar_summaries.jsonl", "en_summaries.jsonl")

Splitter = Callable[[str], list[tuple[int, int]]]


def load_module(path: Path, name: str) -> ModuleType:
    """Import a Python file under a name of its own."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def baseline_splitter(ref: str) -> Splitter:
    """``split_sentences`` from a file, or from a git ref of this repository."""
    if Path(ref).is_file():
        return load_module(Path(ref), "baseline_split").split_sentences  # type: ignore[no-any-return]
    for inner in ("summarize/sentences.py", "summarize/segment.py"):
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{ref}:{inner}"], capture_output=True, text=True
        )
        if shown.returncode == 0 and "def split_sentences" in shown.stdout:
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
                tmp.write(shown.stdout)
            return load_module(Path(tmp.name), "baseline_split").split_sentences  # type: ignore[no-any-return]
    raise SystemExit(f"eval_segmentation: no split_sentences at {ref!r} (a file or a git ref)")


def pysbd_splitter() -> Callable[[str], list[str]] | None:
    """pySBD's English segmenter as a text -> sentences function, or None if absent."""
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def score_tables(systems: dict[str, Callable[[str], list[str]]]) -> None:
    """Print how many cases of each table every system gets exactly right."""
    tables = load_module(TABLES, "golden_rule_tables")
    print("| table | cases | " + " | ".join(systems) + " |")
    print("|---|---|" + "---|" * len(systems))
    failures: dict[str, list[str]] = {name: [] for name in systems}
    for label, cases in (("English Golden Rules", tables.GOLDEN_EN), ("Arabic", tables.ARABIC)):
        row = []
        for name, system in systems.items():
            right = 0
            for cid, _rule, text, expected in cases:
                if system(text) == expected:
                    right += 1
                else:
                    failures[name].append(cid)
            row.append(f"{right}/{len(cases)}")
        print(f"| {label} | {len(cases)} | " + " | ".join(row) + " |")
    for name, ids in failures.items():
        if ids:
            print(f"{name} fails: {' '.join(ids)}")


def as_texts(split: Splitter) -> Callable[[str], list[str]]:
    return lambda text: [text[s:e] for s, e in split(text)]


def inline_boundaries(split: Splitter, text: str) -> set[int]:
    """Offsets of sentence ends inside lines (line breaks always end a segment)."""
    cuts: set[int] = set()
    for line in re.finditer(r"[^\n]+", text):
        spans = split(line.group())
        cuts.update(line.start() + end for _, end in spans[:-1])
    return cuts


def kind_of_change(text: str, cut: int) -> str:
    """A rough name for what surrounds a changed boundary, to sort the samples."""
    left, right = text[max(0, cut - 14) : cut].rstrip(), text[cut : cut + 14].lstrip()
    if re.search(r"(?:^|[^\w])\w{1,3}\.\w{1,3}\.\w{0,3}$", left) or re.match(r"\w{1,3}\.\w", right):
        return "dotted initialism"
    if re.search(r"(?:^|\s)[\d٠-٩]{1,2}[.)]$", left) or re.match(r"[\d٠-٩]{1,2}[.)]\s", right):
        return "list marker"
    if re.search(r"\.\s?\.\s?\.", text[max(0, cut - 8) : cut + 8]):
        return "ellipsis"
    if re.search(r"[\d]\.$|[\"”')\]]$", left) and right[:1].isascii() and right[:1].isupper():
        return "glued after digit/quote/bracket"
    if re.search(r"[A-Za-z]\.$", left):
        return "latin abbreviation"
    return "other"


def real_data(data: Path, current: Splitter, baseline: Splitter | None, show: int) -> None:
    """Print boundary counts per file, and what changed against the baseline."""
    from summarize.data import SegmentKind
    from summarize.normalize import normalize_text
    from summarize.segment import segment_document

    changes: Counter[tuple[str, str]] = Counter()
    samples: dict[tuple[str, str], list[str]] = {}
    print("\n| file | docs | in-line boundaries | baseline | removed | added | sentences |")
    print("|---|---|---|---|---|---|---|")
    texts: list[str] = []
    for name in REAL_FILES:
        path = data / name
        if not path.is_file():
            print(f"| {name} | absent | | | | | |")
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        totals: Counter[str] = Counter()
        for record in records:
            text = normalize_text(record["text"]).text
            texts.append(text)
            now = inline_boundaries(current, text)
            totals["now"] += len(now)
            totals["sentences"] += sum(
                s.kind is SegmentKind.SENTENCE for s in segment_document(text)
            )
            if baseline is None:
                continue
            before = inline_boundaries(baseline, text)
            totals["before"] += len(before)
            for change, cuts in (("removed", before - now), ("added", now - before)):
                totals[change] += len(cuts)
                for cut in sorted(cuts):
                    key = (change, kind_of_change(text, cut))
                    changes[key] += 1
                    context = text[max(0, cut - 40) : cut] + " ‖ " + text[cut : cut + 40]
                    samples.setdefault(key, []).append(context.replace("\n", " ⏎ "))
        base = [str(totals[k]) if baseline else "-" for k in ("before", "removed", "added")]
        print(
            f"| {name} | {len(records)} | {totals['now']} | {' | '.join(base)} "
            f"| {totals['sentences']} |"
        )
    for (change, kind), count in changes.most_common():
        print(f"{change:8} {kind:32} {count}")
        for context in samples[(change, kind)][:show]:
            print(f"    {context}")
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    size = sum(len(line) for line in lines)
    print()
    for name, split in (("summarize", current), ("baseline", baseline)):
        if split is not None:
            print(
                f"{name} split_sentences: {size / _best_time(split, lines) / 1000:,.0f} k "
                f"characters/s on {size:,} characters (best of 3)"
            )


def _best_time(split: Splitter, lines: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for line in lines:
            split(line)
        best = min(best, time.perf_counter() - start)
    return best


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "real")
    parser.add_argument("--baseline", help="a git ref (main) or a file with split_sentences")
    parser.add_argument("--show", type=int, default=0, help="changed boundaries shown per kind")
    parser.add_argument("--pysbd", action="store_true", help="score pySBD on the tables too")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the tables, then the real data when it is there."""
    args = parse(sys.argv[1:] if argv is None else argv)
    from summarize.segment import split_sentences

    baseline = baseline_splitter(args.baseline) if args.baseline else None
    systems = {"summarize": as_texts(split_sentences)}
    if baseline is not None:
        systems[f"baseline ({args.baseline})"] = as_texts(baseline)
    if args.pysbd:
        sbd = pysbd_splitter()
        if sbd is None:
            print("pySBD is not installed: left out")
        else:
            systems["pySBD"] = sbd
    score_tables(systems)
    if not args.data.is_dir():
        print(f"\nreal data skipped: {args.data} is absent")
        return 0
    real_data(args.data, split_sentences, baseline, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
