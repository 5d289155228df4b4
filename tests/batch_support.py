"""Shared by the batch tests and the hostile batch-fault tests: articles, outputs, manifests."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import SEED_ARTICLE

ARTICLE = SEED_ARTICLE.read_text(encoding="utf-8")
ENGLISH = "Oil prices rose on Monday. Traders said supply was tight.\nMarkets stayed calm."


def articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles: the sample and short English ones, alternating."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:03d}.txt"
        body = ARTICLE if i % 2 == 0 else ENGLISH
        path.write_text(f"{body}\nArticle number {i} closes here.\n", encoding="utf-8")
        paths.append(path)
    return paths


def manifest(out: Path) -> list[dict[str, object]]:
    text = (out / "manifest.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def outputs(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in ("manifest.jsonl",)
    }


def unreadable(path: Path) -> None:
    """A file this process cannot read, also as root (who ignores permission bits)."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")  # a regular file whose read fails with EIO
    else:
        path.write_text("secret", encoding="utf-8")
        path.chmod(0)
