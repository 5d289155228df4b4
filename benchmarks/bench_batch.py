"""``summarize batch`` against one ``summarize FILE`` process per file.

Usage: python benchmarks/bench_batch.py [--files 200] [--model-files 40] [--single 24]
       [--max-new-tokens 40] [--skip-models] [--skip-rss]

Articles are generated from the sentences of the sample article and of
``benchmarks/data/news_summaries.jsonl`` (our own hand-written news): each takes 10-20
sentences in one language (two thirds Arabic, one third English), a headline, and now and
then a pasted tweet, about 1.5 KB like a short news story. Every run is its own process, so
its peak RSS is its own (``os.wait4``).

(a) No models (the shipped models.toml, offline): ``batch`` over ``--files`` articles, and
    ``summarize FILE --format json`` once per file over ``--single`` of them.
(b) Real-size models: opus-mt's architecture with random weights (benchmarks/bench_model.py,
    serving both directions), greedy, EOS suppressed so that every segment generates its
    whole budget (``--max-new-tokens`` at most); extractive summaries. Once on ``hf``, once
    on ``ct2`` int8 (converted by ``summarize models convert``): ``batch --jobs N``
    (default: one worker per core, each with its share of the cores) over
    ``--model-files`` articles, and one process per file (the engine's default layout)
    over ``--single`` of them.
(c) Peak RSS of ``batch`` over 100 and over 1,000 articles, no models.

Files/s of the per-file runs are measured on a sample (``--single``): each costs the same,
so the rate does not depend on how many are run. Timings depend on the machine and on
whatever else runs on it: the last lines say how busy it was.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
NEWS = ROOT / "benchmarks" / "data" / "news_summaries.jsonl"
TWEET = "Stop using CloudFlare. — Anonymous (@YourAnonNews) November 19, 2015"
MIB = 1024.0  # ru_maxrss is in KiB on Linux


def _sentences() -> tuple[list[str], list[str]]:
    """Arabic and English sentences to build articles from, segmented by summarize."""
    from summarize.langid import detect_segments
    from summarize.normalize import normalize_text
    from summarize.segment import segment_document

    texts = [SEED_ARTICLE.read_text(encoding="utf-8")]
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            texts.append(" ".join(item["sentences"]))
    pools: dict[str, list[str]] = {"ar": [], "en": []}
    for text in texts:
        for segment in detect_segments(segment_document(normalize_text(text).text)):
            if segment.lang in pools and segment.kind == "sentence" and len(segment.text) > 30:
                pools[segment.lang].append(segment.text)
    return pools["ar"], pools["en"]


def write_articles(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` articles of 10-20 sentences in one language, some with a pasted tweet."""
    arabic, english = _sentences()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        pool = arabic if i % 3 else english
        body = rng.sample(pool, min(len(pool), rng.randint(10, 20)))
        if i % 5 == 0:
            body.insert(len(body) // 2, TWEET)
        headline = " ".join(body[0].split()[:8]).rstrip(".،")
        text = f"{headline}\n\n" + " ".join(body) + f"\nArticle {i}.\n"
        (folder / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; return its wall time in seconds and its peak RSS in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / MIB


def per_file(files: list[Path], extra: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Files/s and the largest peak RSS of one ``summarize FILE`` process per file."""
    total, peak = 0.0, 0.0
    for path in files:
        seconds, rss = timed(
            [sys.executable, "-m", "summarize", str(path), "--format", "json", *extra], env
        )
        total += seconds
        peak = max(peak, rss)
    return len(files) / total, peak


def batch(folder: Path, out: Path, extra: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Files/s and peak RSS of one ``summarize batch`` over the folder."""
    count = sum(1 for _ in folder.glob("*.txt"))
    seconds, rss = timed(
        [sys.executable, "-m", "summarize", "batch", str(folder), "-o", str(out), "--quiet",
         *extra], env,
    )  # fmt: skip
    return count / seconds, rss


def build_models(folder: Path, max_new_tokens: int, env: dict[str, str]) -> dict[str, Path]:
    """The real-size random Marian model (benchmarks/bench_model.py), greedy, as both
    translation routes; one models.toml per engine. The ct2 one is converted by
    ``summarize models convert`` into ``SUMMARIZE_CT2_CACHE``."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import bench_model;"
        f"from pathlib import Path; bench_model.build_model(Path({str(folder / 'hf')!r}))"
    )
    (folder / "hf").mkdir(parents=True)
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    tomls = {}
    for engine in ("hf", "ct2"):
        routes = "".join(
            f'[translate.{d}]\nmodel = "{folder / "hf"}"\nbatch_size = 64\nnum_beams = 1\n'
            f'max_new_tokens = {max_new_tokens}\nbackend = "{engine}"\n'
            "\n"
            for d in ("ar-en", "en-ar")
        )
        tomls[engine] = folder / f"{engine}.toml"
        tomls[engine].write_text(routes, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "summarize", "models", "convert", "translate.ar-en",
         "--models", str(tomls["ct2"])], check=True, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return tomls


def _row(name: str, single: tuple[float, float], many: tuple[float, float]) -> str:
    ratio = many[0] / single[0]
    return (f"| {name} | {single[0]:.2f} | {single[1]:.0f} | {many[0]:.2f} | {many[1]:.0f} "
            f"| {ratio:.1f}x |")  # fmt: skip


def _verdict(ok: bool, text: str) -> str:
    return f"{'ok' if ok else 'short'}: {text}"


def main() -> None:
    """Run the three measurements and print the table and one line per target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--model-files", type=int, default=40)
    parser.add_argument("--single", type=int, default=24)
    parser.add_argument("--max-new-tokens", type=int, default=40)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1,
        help="batch workers with the models (default: one per core, each with one thread)",
    )  # fmt: skip
    parser.add_argument("--skip-models", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(work / "hf"),
               "XDG_CONFIG_HOME": str(work / "config")}  # fmt: skip
        write_articles(work / "articles", args.files)
        files = sorted((work / "articles").glob("*.txt"))
        lines = ["| run | per file: files/s | peak MiB | batch: files/s | peak MiB | speed-up |",
                 "|---|---|---|---|---|---|"]  # fmt: skip
        verdicts = []
        plain = per_file(files[: args.single], ["--offline"], env)
        many = batch(work / "articles", work / "out-a", ["--offline"], env)
        lines.append(_row(f"(a) no models, {args.files} articles", plain, many))
        verdicts.append(_verdict(many[0] >= 10 * plain[0], f"no models: batch ≥ 10x "
                                 f"({many[0] / plain[0]:.1f}x)"))  # fmt: skip
        if not args.skip_models:
            env["SUMMARIZE_CT2_CACHE"] = str(work / "ct2")
            tomls = build_models(work / "models", args.max_new_tokens, env)
            subset = work / "model-articles"
            write_articles(subset, args.model_files)
            some = sorted(subset.glob("*.txt"))[: args.single]
            for engine, toml in tomls.items():
                extra = ["--models", str(toml)]
                single = per_file(some, extra, env)
                many = batch(subset, work / f"out-{engine}", [*extra, "--jobs", str(args.jobs)],
                             env)  # fmt: skip
                lines.append(_row(f"(b) real-size models on {engine}, {args.model_files} "
                                  "articles", single, many))  # fmt: skip
                ratio = many[0] / single[0]
                verdicts.append(_verdict(ratio >= 4, f"real-size models on {engine}: batch ≥ 4x "
                                         f"({ratio:.1f}x)"))  # fmt: skip
        if not args.skip_rss:
            write_articles(work / "thousand", 1000, seed=11)
            hundred = work / "hundred"
            hundred.mkdir()
            for path in sorted((work / "thousand").glob("*.txt"))[:100]:
                (hundred / path.name).write_bytes(path.read_bytes())
            small = batch(hundred, work / "out-100", ["--offline"], env)
            large = batch(work / "thousand", work / "out-1000", ["--offline"], env)
            growth = large[1] / small[1]
            lines.append(f"| (c) batch peak RSS, no models | 100 files: {small[1]:.0f} MiB | "
                         f"| 1,000 files: {large[1]:.0f} MiB | | {growth:.2f}x |")  # fmt: skip
            verdicts.append(_verdict(large[1] <= 1.1 * small[1], "RSS within 10% from 100 to "
                                     f"1,000 files ({large[1] / small[1]:.2f}x)"))  # fmt: skip
    print("\n".join(lines))
    print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")  # fmt: skip
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
