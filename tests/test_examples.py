"""examples/ is current: regenerating the reproducible examples changes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT


def _make_module() -> object:
    spec = importlib.util.spec_from_file_location("examples_make", ROOT / "examples" / "make.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
