"""Time the model-free stages on long inputs: the sample article repeated N times.

Usage: python benchmarks/bench_pipeline.py [REPEATS ...]   (default: 1 20 200)

Prints, per size, the input size, the number of segments and each stage's seconds. The
extractive summary ranks at most the first 600 sentences (summarize.extractive.MAX_RANKED).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SEED = Path(__file__).parent.parent / "seeds" / "000_1e5af753fa3486b1.txt"


def main() -> None:
    """Run the pipeline without models on growing inputs and print a table."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    from summarize import Pipeline
    from summarize.config import ModelsConfig

    pipeline = Pipeline(ModelsConfig(path="<bench>"), offline=True)
    text = SEED.read_text(encoding="utf-8")
    pipeline.run_text(text)  # warm-up: langdetect loads its profiles once
    print("| repeats | KB | segments | total s | " + " | ".join(
        ("normalize", "segment", "detect", "summarize")) + " |")  # fmt: skip
    for repeats in [int(a) for a in sys.argv[1:]] or [1, 20, 200]:
        start = time.perf_counter()
        result = pipeline.run_text(text * repeats)
        total = time.perf_counter() - start
        stages = " | ".join(
            f"{result.timings[s]:.2f}" for s in ("normalize", "segment", "detect", "summarize")
        )
        size = len((text * repeats).encode()) // 1024
        print(f"| {repeats} | {size} | {len(result.segments)} | {total:.2f} | {stages} |")


if __name__ == "__main__":
    main()
