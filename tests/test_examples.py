"""examples/ is current: regenerating the reproducible examples changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, load_module


def _make_module() -> object:
    return load_module(ROOT / "examples" / "make.py")


def test_checked_in_examples_are_current(tmp_path: Path) -> None:
    make = _make_module()
    make.make_checked(tmp_path)  # type: ignore[attr-defined]
    stale = [
        name
        for name in make.CHECKED  # type: ignore[attr-defined]
        if (tmp_path / name).read_bytes() != (ROOT / "examples" / name).read_bytes()
    ]
    assert not stale, f"stale examples {stale}: run `python examples/make.py`"


@pytest.mark.parametrize("name", ["seed.tiny.svg", "report.png"])
def test_pictures_exist(name: str) -> None:
    assert (ROOT / "examples" / name).stat().st_size > 1000
