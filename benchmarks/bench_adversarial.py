"""How processing time grows on adversarial input: each case at three doubling sizes.

Usage: python benchmarks/bench_adversarial.py [--size 100000] [--repeats 3]

Each case of tests/hostile/adversarial.py (a pattern a careless regular expression or loop
would make quadratic) goes through the whole pipeline without models (read from a file,
normalise, segment, posts, detect, summarise) at ``size``, 2x and 4x characters. Printed:
the best time of ``--repeats`` runs at each size and the growth factor per doubling — about
2 for linear work, 4 for quadratic. The target is every factor <= 2.5; one ``ok``/``short``
line says whether it holds. Small timings are noisy on a busy machine, so sizes start at
100,000 characters.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.5


def _cases() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    spec = importlib.util.spec_from_file_location(
        "adversarial", ROOT / "tests" / "hostile" / "adversarial.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _time(pipeline: object, path: Path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        pipeline.run_file(str(path))  # type: ignore[attr-defined]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Time every case at three sizes and print the table and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    from summarize import Pipeline, load_config

    pipeline = Pipeline(load_config(), offline=True)
    module = _cases()
    cases = {**module.CASES, **module.HTML_CASES}
    sizes = [args.size, 2 * args.size, 4 * args.size]
    print(f"| case | attacks | {' | '.join(f'{s:,} chars' for s in sizes)} | growth per doubling |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (build, attacks) in cases.items():
            suffix = ".html" if name in module.HTML_CASES else ".txt"
            times = []
            for size in sizes:
                path = Path(tmp) / f"{name}-{size}{suffix}"
                path.write_text(build(size), encoding="utf-8")
                times.append(_time(pipeline, path, args.repeats))
            factors = [b / max(a, 1e-6) for a, b in itertools.pairwise(times)]
            worst = max(worst, *factors)
            cells = " | ".join(f"{t:.3f} s" for t in times)
            growth = ", ".join(f"{f:.2f}x" for f in factors)
            print(f"| {name} | {attacks} | {cells} | {growth} |")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    verdict = "ok" if worst <= TARGET else "short"
    print(f"{verdict}: every growth factor <= {TARGET} (worst {worst:.2f}x)")


if __name__ == "__main__":
    main()
