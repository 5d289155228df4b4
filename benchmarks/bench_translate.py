"""Translation speed through the whole product, on a real-size model, against the engines.

Usage: python benchmarks/bench_translate.py [--segments 128] [--naive-segments 16]
       [--rounds 2] [--busy N] [--skip-process] [--save FILE] [--report FILE]

Not a test: it prints a table and one ``ok``/``short`` line per target of issue 10. The model
(benchmarks/bench_model.py) has opus-mt-ar-en's shape, random weights and a fixed output
length: every segment generates exactly 64 tokens on every engine. It is built and
converted to CTranslate2 int8 (by the product's ``convert_route``) in a temporary folder.

Each configuration runs in its own process, on the same segments, at beam 1 and beam 4:
  a  the naive loop: one ``generate`` per segment (hf, one thread), on the first
     ``--naive-segments`` of the segments (it handles one at a time, so its rate does not
     depend on how many there are);
  b  the pipeline's translation stage (``translate_texts``: entity protection, splitting,
     length-sorted batches under the token budget) on ``hf``, as shipped (one thread);
  c  the same on ``ct2`` int8, as shipped (one worker per core, one thread each);
  d  raw ``ctranslate2.Translator.translate_batch`` on the same tokens: a grid of workers x
     threads, batch size (examples or tokens), ct2's own sorting or chunks in input order.
Every configuration runs ``--rounds`` times, interleaved, and its best run counts (the
machine is shared: a burst of load elsewhere hits one run, not all). Printed: generated
tok/s, segments/s, peak RSS of the process, ratios to (a) and to the best (d), and the CPU
share other processes took during the counted run (the machine's load).

Then, process start to exit: ``summarize translate "<a tweet>"`` on ct2 (and whether torch
was imported), the sample article end to end on ct2 and on hf (translation routes on the
real-size model, extractive summary), ``summarize --help`` against ``python -c "import
rich"``, and the language-routing stage (``detect_segments`` over the benchmark text) in
segments per second of CPU time.

``--busy N`` keeps N extra busy-looping processes running during every timed run: the
benchmark on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_model

MAX_NEW = 64
ROUTE = "translate.ar-en"
TWEET = "عاجل: انقطاع الإنترنت في عدة مدن بعد هجوم إلكتروني https://t.co/AbC123 #عاجل @Reuters"
RAW_GRID = (
    [
        {"layout": layout, "batch": batch, "batch_type": "examples", "api": "sorted-by-ct2"}
        for layout in ("1x1", "1x2", "2x1")
        for batch in (16, 32, 64)
    ]
    + [
        {"layout": "2x1", "batch": tokens, "batch_type": "tokens", "api": "sorted-by-ct2"}
        for tokens in (2048, 4096)
    ]
    + [{"layout": "2x1", "batch": 32, "batch_type": "examples", "api": "input-order"}]
)
BEAM4_GRID = 4  # the best raw layouts of beam 1 that are tried at beam 4 too
# Beam 4 holds four hypotheses per input: smaller batches too, to find raw ct2's best in 0.5 GB.
BEAM4_SMALL = [
    {"layout": "2x1", "batch": 8, "batch_type": "examples", "api": "sorted-by-ct2"},
    {"layout": "2x1", "batch": 1024, "batch_type": "tokens", "api": "sorted-by-ct2"},
]
MEMORY_GOAL_MIB = 512
MIB = 1024.0


# ---------------------------------------------------------------- child processes


def _cpu() -> tuple[float, float]:
    """Machine-wide busy CPU seconds (all processes) and this process's own."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return busy, usage.ru_utime + usage.ru_stime


def _timed(run: Callable[[], object]) -> dict[str, float]:
    busy0, own0 = _cpu()
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    busy1, own1 = _cpu()
    others = max(0.0, (busy1 - busy0) - (own1 - own0)) / (wall * (os.cpu_count() or 1))
    return {"wall": wall, "others": others, "own_cpu": own1 - own0}


def _texts(folder: Path, count: int) -> list[str]:
    texts: list[str] = json.loads((folder / "segments.json").read_text(encoding="utf-8"))
    return texts[:count]


def run_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one configuration (in a fresh process) and measure it."""
    folder = Path(spec["dir"])
    texts = _texts(folder, spec["segments"])
    os.environ["SUMMARIZE_CT2_CACHE"] = str(folder / "ct2-cache")
    kind = spec["kind"]
    if kind == "raw":
        out = _raw(folder, texts, spec)
    else:
        from summarize.config import load_config
        from summarize.registry import ModelRegistry
        from summarize.translate import protect_entities, translate_texts

        config = load_config(str(folder / _toml_name(spec["engine"], spec["beams"], spec)))
        started = time.perf_counter()
        model = ModelRegistry(config, offline=True).get(ROUTE)
        load_s = time.perf_counter() - started
        if spec.get("intra"):  # hf as it was: one worker, torch's threads on every core
            import torch

            torch.set_num_threads(spec["intra"])
            model.backend.workers = 1  # type: ignore[attr-defined]
        translate_texts(texts[:2], model)  # warm-up
        if kind == "naive":
            cores = [protect_entities(t).text for t in texts]
            one = model.backend.generate
            out = _timed(lambda: [one([c], max_new_tokens=MAX_NEW) for c in cores])
        else:
            out = _timed(lambda: translate_texts(texts, model))
        out["load_s"] = load_s
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MIB
    return {**spec, **out, "tokens": len(texts) * MAX_NEW}


def _raw(folder: Path, texts: list[str], spec: dict[str, Any]) -> dict[str, Any]:
    import ctranslate2
    import sentencepiece as spm

    from summarize.translate import protect_entities

    sp = spm.SentencePieceProcessor(model_file=str(folder / "hf" / "source.spm"))
    source = [[*sp.encode(protect_entities(t).text, out_type=str), "</s>"] for t in texts]
    workers, threads = (int(x) for x in spec["layout"].split("x"))
    (converted,) = (folder / "ct2-cache").iterdir()
    translator = ctranslate2.Translator(
        str(converted), device="cpu", inter_threads=workers, intra_threads=threads
    )
    options = {"beam_size": spec["beams"], "no_repeat_ngram_size": 3, "max_input_length": 0,
               "max_decoding_length": MAX_NEW}  # fmt: skip
    translator.translate_batch(source[:2], **options)  # warm-up
    results: list[Any] = []

    def run() -> None:
        if spec["api"] == "sorted-by-ct2":  # one call: ct2 sorts by length and cuts batches
            results[:] = translator.translate_batch(
                source, max_batch_size=spec["batch"], batch_type=spec["batch_type"], **options
            )
        else:  # our own batches in input order, all submitted at once
            size = spec["batch"]
            pending = [
                translator.translate_batch(source[i : i + size], asynchronous=True, **options)
                for i in range(0, len(source), size)
            ]
            results[:] = [r.result() for batch in pending for r in batch]

    out = _timed(run)
    lengths = {len(r.hypotheses[0]) for r in results}
    assert lengths == {MAX_NEW}, f"output lengths {lengths}, not all {MAX_NEW}"
    return out


def build(folder: Path, segments: int) -> dict[str, Any]:
    """Build the model, convert it, pick the segments (in a child: its memory is its own)."""
    from summarize.backends import LoadOptions
    from summarize.backends.ct2_convert import convert_route
    from summarize.backends.hf import load_transformers
    from summarize.config import RouteConfig
    from summarize.translate import protect_entities

    params = bench_model.build_model(folder / "hf")
    config = RouteConfig(route=ROUTE, model=str(folder / "hf"), local=True)
    os.environ["SUMMARIZE_CT2_CACHE"] = str(folder / "ct2-cache")
    convert_route(config, "int8")
    origin, sentences = bench_model.arabic_sentences()
    backend = load_transformers(config, LoadOptions(offline=True))
    counts = backend.count_tokens([protect_entities(s).text for s in sentences])
    chosen = bench_model.pick_segments(segments, dict(zip(sentences, counts, strict=True)))
    (folder / "segments.json").write_text(json.dumps(chosen, ensure_ascii=False), "utf-8")
    lengths = backend.count_tokens([protect_entities(s).text for s in chosen])
    return {"params": params, "origin": origin, "lengths": lengths,
            "words": sum(len(s.split()) for s in chosen)}  # fmt: skip


# ---------------------------------------------------------------- driver


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"child {args[:2]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _run(spec: dict[str, Any]) -> dict[str, Any]:
    row = _child(["--run", json.dumps(spec)])
    label = spec.get("layout") or spec["engine"]
    print(f"  {spec['kind']} {label} beam {spec['beams']}: {row['wall']:.1f}s", file=sys.stderr)
    return row


def _toml_name(engine: str, beams: int, spec: dict[str, Any]) -> str:
    threads = spec.get("threads")
    return f"{engine}-b{beams}" + (f"-t{threads}" if threads is not None else "") + ".toml"


def _toml(folder: Path, engine: str, beams: int, threads: int | None = None) -> None:
    """Both translation routes on the benchmark model, with the shipped batch settings."""
    from summarize.config import load_config, shipped_config_path

    shipped = load_config(str(shipped_config_path())).routes[ROUTE]
    model = json.dumps(str(folder / "hf"))
    routes = "".join(
        f"[translate.{pair}]\nmodel = {model}\nmax_input_tokens = 512\n"
        f"max_new_tokens = {MAX_NEW}\nbatch_size = {shipped.batch_size}\n"
        f"batch_tokens = {shipped.batch_tokens}\n"
        f"threads = {shipped.threads if threads is None else threads}\n"
        f'num_beams = {beams}\nbackend = "{engine}"\n'
        for pair in ("ar-en", "en-ar")
    )
    name = _toml_name(engine, beams, {} if threads is None else {"threads": threads})
    (folder / name).write_text(routes, encoding="utf-8")


@contextmanager
def busy_machine(count: int) -> Iterator[None]:
    """``count`` processes that keep a core busy each, for the duration."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def translation_rows(
    folder: Path, segments: int, naive: int, rounds: int, every_core: bool
) -> list[dict[str, Any]]:
    """Every configuration at beam 1 and 4, ``rounds`` times interleaved; the best of each.

    Interleaving spreads a burst of load from elsewhere over all configurations; the best
    run of each is its least disturbed one.
    """
    base = {"dir": str(folder), "segments": segments}
    rows: list[dict[str, Any]] = []
    for beams in (1, 4):
        specs = [{**base, "kind": "naive", "engine": "hf", "beams": beams, "segments": naive}]
        specs += [{**base, "kind": "pipeline", "engine": e, "beams": beams} for e in ("hf", "ct2")]
        if every_core:  # hf as it was before: one batch at a time, torch on every core
            specs.append({**base, "kind": "pipeline", "engine": "hf", "beams": beams,
                          "intra": os.cpu_count() or 1})  # fmt: skip
        grid = RAW_GRID
        if beams == 4:
            best = sorted((r for r in rows if r["kind"] == "raw"), key=lambda r: r["wall"])
            grid = [{k: r[k] for k in ("layout", "batch", "batch_type", "api")}
                    for r in best[:BEAM4_GRID]]  # fmt: skip
            grid += [g for g in BEAM4_SMALL if g not in grid]
        specs += [{**base, "kind": "raw", "beams": beams, **g} for g in grid]
        runs = [[_run(spec) for spec in specs] for _ in range(rounds)]
        for tries in zip(*runs, strict=True):
            best_run = min(tries, key=lambda r: r["wall"])
            rows.append({**best_run, "walls": [r["wall"] for r in tries]})
    return rows


def _wall(argv: Sequence[str], env: dict[str, str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


PROBE = """
import sys
from summarize.cli import main
code = main(sys.argv[1:])
print("TORCH" if "torch" in sys.modules or "transformers" in sys.modules else "NO-TORCH")
"""


def process_rows(folder: Path) -> dict[str, Any]:
    script = Path(sys.executable).with_name("summarize")
    cli = [str(script)] if script.is_file() else [sys.executable, "-m", "summarize"]
    env = {**os.environ, "SUMMARIZE_CT2_CACHE": str(folder / "ct2-cache")}
    ct2, hf = str(folder / "ct2-b4.toml"), str(folder / "hf-b4.toml")
    tweet = [*cli, "translate", TWEET, "--to", "en", "--format", "json", "--models", ct2]
    probe = subprocess.run([sys.executable, "-c", PROBE, *tweet[len(cli):]], env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    article = [*cli, str(bench_model.ARTICLE), "--format", "json", "-o", os.devnull, "--models"]
    return {
        "tweet_ct2_s": _wall(tweet, env),
        "tweet_torch": "NO-TORCH" not in probe.stdout,
        "article_ct2_s": _wall([*article, ct2], env, runs=3),
        "article_hf_s": _wall([*article, hf], env, runs=3),
        "help_s": _wall([*cli, "--help"], env, runs=9),
        "rich_s": _wall([sys.executable, "-c", "import rich"], env, runs=9),
        "routing": routing_rate(),
    }


def routing_rate() -> float:
    """``detect_segments`` over the benchmark text, segments per CPU second (best of 5)."""
    from summarize.langid import detect_segments
    from summarize.normalize import normalize_text
    from summarize.segment import segment_document

    _, texts = bench_model._texts()
    segments = tuple(s for t in texts for s in segment_document(normalize_text(t).text))
    detect_segments(segments[:50])  # langdetect loads its profiles once
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        detect_segments(segments)
        best = min(best, time.process_time() - start)
    return len(segments) / best


# ---------------------------------------------------------------- report


def _best_raw(rows: list[dict[str, Any]], beams: int, mib: float = 0) -> dict[str, Any] | None:
    """Raw ct2's fastest configuration (``mib``: among those within that peak RSS)."""
    raw = [r for r in rows if r["kind"] == "raw" and r["beams"] == beams
           and (not mib or r["peak_rss_mib"] <= mib)]  # fmt: skip
    return min(raw, key=lambda r: r["wall"] / r["tokens"]) if raw else None


def _rate(row: dict[str, Any]) -> float:
    return float(row["tokens"] / row["wall"])


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| config | beams | layout / batch | segments | tok/s | segments/s | peak RSS MiB "
        "| x (a) | x best (d) | others' CPU |",
        "|" + "---|" * 10,
    ]
    for row in rows:
        beams = row["beams"]
        naive = next(r for r in rows if r["kind"] == "naive" and r["beams"] == beams)
        best = _best_raw(rows, beams)
        assert best is not None
        engine = row.get("engine", "ct2")
        pipeline = f"{'b' if engine == 'hf' else 'c'} pipeline {engine}"
        name = {"naive": "a naive loop (hf)", "raw": "d raw ct2", "pipeline": pipeline}[row["kind"]]
        how = (f"{row['layout']} {row['batch']} {row['batch_type']}, {row['api']}"
               if row["kind"] == "raw" else "as shipped")  # fmt: skip
        if "intra" in row:
            how = f"1 worker x {row['intra']} threads (torch's default: as before)"
        mark = " **best**" if row is best else ""
        lines.append(
            f"| {name}{mark} | {beams} | {how} | {row['segments']} | {_rate(row):.0f} "
            f"| {row['segments'] / row['wall']:.1f} | {row['peak_rss_mib']:.0f} "
            f"| {_rate(row) / _rate(naive):.1f} | {_rate(row) / _rate(best):.2f} "
            f"| {row['others']:.0%} |"
        )
    return "\n".join(lines)


def targets(rows: list[dict[str, Any]], proc: dict[str, Any] | None) -> list[str]:
    out = []

    def line(ok: bool, text: str) -> None:
        out.append(f"{'ok   ' if ok else 'short'} {text}")

    for beams, hf_goal in ((1, 5.0), (4, 3.4)):
        ct2 = next(r for r in rows if r["kind"] == "pipeline" and r["engine"] == "ct2"
                   and r["beams"] == beams)  # fmt: skip
        hf = next(r for r in rows if r["kind"] == "pipeline" and r["engine"] == "hf"
                  and r["beams"] == beams and "intra" not in r)  # fmt: skip
        naive = next(r for r in rows if r["kind"] == "naive" and r["beams"] == beams)
        best = _best_raw(rows, beams)
        assert best is not None
        ratio = _rate(ct2) / _rate(best)
        why = ""
        if best["peak_rss_mib"] > MEMORY_GOAL_MIB:  # the two goals pull apart: say by how much
            small = _best_raw(rows, beams, MEMORY_GOAL_MIB)
            why = (f"; raw's best takes {best['peak_rss_mib']:.0f} MiB, its best within "
                   f"{MEMORY_GOAL_MIB} MiB " + (f"({small['layout']} {small['batch']} "
                   f"{small['batch_type']}) {_rate(small):.0f} tok/s: pipeline "
                   f"{_rate(ct2) / _rate(small):.2f}x that" if small else "none"))  # fmt: skip
        line(ratio >= 0.9 and ct2["peak_rss_mib"] <= MEMORY_GOAL_MIB,
             f"beam {beams}: pipeline ct2 int8 {ratio:.2f}x raw ct2's best (>= 0.9), peak RSS "
             f"{ct2['peak_rss_mib']:.0f} MiB (<= {MEMORY_GOAL_MIB}){why}")  # fmt: skip
        ratio = _rate(hf) / _rate(naive)
        line(ratio >= hf_goal, f"beam {beams}: pipeline hf {ratio:.1f}x the naive loop "
             f"(>= {hf_goal})")  # fmt: skip
    if proc:
        line(
            proc["tweet_ct2_s"] <= 1.0 and not proc["tweet_torch"],
            f'summarize translate "<a tweet>" on ct2: {proc["tweet_ct2_s"]:.2f} s start to '
            f"exit (<= 1), torch {'imported' if proc['tweet_torch'] else 'never imported'}",
        )
        ratio = proc["help_s"] / proc["rich_s"]
        line(
            ratio <= 2.0,
            f"summarize --help {proc['help_s'] * 1000:.0f} ms = {ratio:.1f}x "
            f"python -c 'import rich' ({proc['rich_s'] * 1000:.0f} ms) (<= 2)",
        )
        line(proc["routing"] >= 20_000, f"routing {proc['routing']:,.0f} segments/s (>= 20,000)")
    return out


def facts(info: dict[str, Any], rows: list[dict[str, Any]], busy: int) -> list[str]:
    import ctranslate2
    import torch

    cpu = next((ln.split(":", 1)[1].strip() for ln in
                Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")),
               "unknown")  # fmt: skip
    lengths = info["lengths"]
    others = statistics.mean(r["others"] for r in rows)
    return [
        f"- machine: {cpu}, {os.cpu_count()} CPUs, {platform.platform()}; python "
        f"{platform.python_version()}, torch {torch.__version__}, ctranslate2 "
        f"{ctranslate2.__version__}",
        f"- load: other processes took {others:.0%} of the machine's CPU on average during the "
        f"timed runs" + (f" ({busy} busy-looping processes started by --busy)" if busy else ""),
        f"- model: random MarianMTModel of opus-mt-ar-en's shape, {info['params'] / 1e6:.1f}M "
        f"parameters; ct2 int8 converted by `convert_route`; {MAX_NEW} new tokens per segment",
        f"- segments: {len(lengths)} Arabic sentences of {info['origin']}, {info['words']} words, "
        f"input tokens min {min(lengths)} / median {statistics.median(lengths):.0f} / max "
        f"{max(lengths)}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=128)
    parser.add_argument("--naive-segments", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each config (best counts)")
    parser.add_argument("--busy", type=int, default=0, metavar="N")
    parser.add_argument(
        "--every-core", action="store_true", help="also hf on one worker of every core (as before)"
    )
    parser.add_argument("--skip-process", action="store_true", help="no process timings")
    parser.add_argument("--save", metavar="FILE", help="also write the measurements as JSON")
    parser.add_argument("--report", metavar="FILE", help="print the report of a --save file")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_child(json.loads(args.run))))
        return 0
    if args.build:
        print(json.dumps(build(Path(args.build[0]), int(args.build[1]))))
        return 0
    if args.report:
        saved = json.loads(Path(args.report).read_text(encoding="utf-8"))
        report(saved["info"], saved["rows"], saved["proc"], saved["busy"], saved["total"])
        return 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as tmp:
        folder = Path(tmp)
        info = _child(["--build", tmp, str(args.segments)])
        for engine in ("hf", "ct2"):
            for beams in (1, 4):
                _toml(folder, engine, beams)
        with busy_machine(args.busy):
            rows = translation_rows(
                folder, args.segments, args.naive_segments, args.rounds, args.every_core
            )
            proc = None if args.skip_process else process_rows(folder)
    total = time.perf_counter() - began
    if args.save:
        saved = {"info": info, "rows": rows, "proc": proc, "busy": args.busy, "total": total}
        Path(args.save).write_text(json.dumps(saved, indent=1), encoding="utf-8")
    report(info, rows, proc, args.busy, total)
    return 0


def report(
    info: dict[str, Any], rows: list[dict[str, Any]], proc: dict[str, Any] | None, busy: int,
    total: float,
) -> None:  # fmt: skip
    """Print the tables, the facts and one ok/short line per target."""
    print(table(rows))
    print()
    if proc:
        print(
            f"| process, start to exit | seconds |\n|---|---|\n"
            f'| `summarize translate "<a tweet>"`, ct2 | {proc["tweet_ct2_s"]:.2f} |\n'
            f"| the sample article end to end, ct2 | {proc['article_ct2_s']:.2f} |\n"
            f"| the sample article end to end, hf | {proc['article_hf_s']:.2f} |\n"
            f"| `summarize --help` | {proc['help_s']:.3f} |\n"
            f'| `python -c "import rich"` | {proc["rich_s"]:.3f} |\n\n'
            f"routing (`detect_segments`): {proc['routing']:,.0f} segments per CPU second\n"
        )
    print(*facts(info, rows, busy), sep="\n")
    print(f"- total {total:.0f} s\n")
    print(*targets(rows, proc), sep="\n")


if __name__ == "__main__":
    sys.exit(main())
