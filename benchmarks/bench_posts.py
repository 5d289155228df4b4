"""Post recognition on adversarial input, and duplicate merging over many copies.

Every pattern must run in linear time: doubling an adversarial input should about double the
time, never quadruple it. Prints seconds per size and the ratio between the largest two.

    python benchmarks/bench_posts.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from summarize.data import Platform, PostMeta
from summarize.posts import merge_duplicates
from summarize.segment import segment_document

# Each builds a document of about n characters that keeps a pattern busy without matching.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "instagram verb runs": lambda n: "A post shared by " * (n // 17),
    "instagram no handle": lambda n: "A post shared by " + "x" * n,
    "instagram open handles": lambda n: "A post shared by " + "(@" * (n // 2),
    "facebook verb runs": lambda n: "Posted by x on " * (n // 15),
    "facebook weekdays": lambda n: "Posted by x on Monday, " + "Monday, " * (n // 8),
    "youtube query": lambda n: "youtube.com/watch?" + "a&" * (n // 2),
    "tiktok no sound": lambda n: "@cairo.food " + " " * n,
    "tiktok handles": lambda n: "@ab " * (n // 4),
    "telegram links": lambda n: "t.me/channel/" * (n // 13),
    "introducing verbs": lambda n: "وكتب " * (n // 5) + "نص — اسم (@h) 19 نوفمبر 2015",
    "dotted handles": lambda n: "@a" + ".b" * (n // 2),
    "at signs": lambda n: "@" * n,
    "marker runs": lambda n: "View this post on Instagram" * (n // 27),
    "blank lines": lambda n: "\n" * n + "https://t.me/channel_x/1",
    "glued tweets": lambda n: "Stop now — A (@a) May 1, 2015" * (n // 29),
    "glued tweets, sentences": lambda n: "Hi there. Stop now — A (@a) May 1, 2015 " * (n // 40),
    "glued instagram": lambda n: (
        "Hi ❄️ A post shared by K (@k.s) on Dec 2, 2017 at 7:13pm PST" * (n // 59)
    ),
    "glued facebook": lambda n: "Hi. Posted by Page on Monday, 2 March 2020" * (n // 41),
    "signatures in prose": lambda n: (
        "A post shared by the embassy (@embassy) on Monday " * (n // 50)
    ),
    "link lines": lambda n: "https://t.me/abcd/1\nhttps://youtu.be/Kd8pW2mZr0s\n" * (n // 49),
    "forwarded lines": lambda n: "Forwarded from x\n" * (n // 17) + "https://t.me/abcd/1",
    "channel lines": lambda n: "Name (" * (n // 6) + "\nhttps://youtu.be/Kd8pW2mZr0s",
    "posted by pages": lambda n: "Posted by " + "a " * (n // 2) + "on Monday, 2 March 2020",
    "spaces then link": lambda n: " " * n + "https://t.me/abcd/1",
}
SIZES = (20_000, 40_000, 80_000)


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_patterns() -> None:
    for name, build in ADVERSARIAL.items():
        times = []
        for size in SIZES:
            text = build(size)
            times.append(_seconds(lambda text=text: segment_document(text)))
        ratio = times[-1] / max(times[-2], 1e-9)
        cells = "  ".join(f"{t:7.3f}s" for t in times)
        print(f"{name:24} {cells}   x{ratio:4.1f} for twice the text")


def bench_merge() -> None:
    for count in (2_000, 4_000, 8_000):
        posts = [
            PostMeta(
                platform=Platform.INSTAGRAM,
                text=f"caption {i % (count // 2)}",
                handle="@same",
                spans=((i * 10, i * 10 + 5),),
            )
            for i in range(count)
        ]
        seconds = _seconds(lambda posts=posts: merge_duplicates(posts))
        print(f"merge {count:6} posts ({count // 2} distinct): {seconds:.3f}s")


if __name__ == "__main__":
    bench_patterns()
    bench_merge()
