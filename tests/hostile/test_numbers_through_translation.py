"""Numbers, links, handles and tags come out of translation exactly as written.

They reach the model as placeholder numbers; whatever the model does to those, the
originals are put back (in place when it copied the placeholder, appended when it did not).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import make_segment

from summarize.backends import Backend, BackendKind, LoadOptions
from summarize.config import ModelsConfig, RouteConfig, load_config
from summarize.registry import ModelRegistry
from summarize.translate import translate_segments

FORMS = [
    "1,500", "٣٫٥", "10:30", "2015-11-19", "19/11/2015", "3.5%", "$5", "€1.2", "١٢٩",
    "@CloudFlare", "#OpParis", "https://t.co/GqhRe4yr8U", "press@example.com",
]  # fmt: skip


class _Model:
    """A translation model that does something to its input: copy, shuffle, localise, drop."""

    max_input_tokens = 512

    def __init__(self, name: str, change: Callable[[str], str]) -> None:
        self.name = name
        self._change = change

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(text.split()) + 1 for text in texts]

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        return [self._change(text) for text in texts]


def _arabic_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


MODELS: dict[str, Callable[[str], str]] = {
    "copies": lambda text: text,
    "reverses the words": lambda text: " ".join(reversed(text.split())),
    "writes Arabic-Indic digits": _arabic_digits,
    "drops every number": lambda text: " ".join(w for w in text.split() if not w[:1].isdigit()),
    "adds thousands separators": lambda text: text.replace("7001", "7,001"),
}


class _Kind(BackendKind):
    name = "changing"

    def __init__(self, change: Callable[[str], str]) -> None:
        self._change = change

    def load(self, config: RouteConfig, options: LoadOptions) -> Backend:
        return _Model(config.model, self._change)


def _registry(change: Callable[[str], str]) -> ModelRegistry:
    route = RouteConfig(route="translate.en-ar", model="m", backend="changing")
    config = ModelsConfig(path="m.toml", routes={"translate.en-ar": route})
    return ModelRegistry(config, backends={"changing": _Kind(change)})


@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize("form", FORMS)
def test_every_form_survives_every_model(model: str, form: str) -> None:
    text = f"On Monday {form} people came, officials said."
    [translation], _ = translate_segments(
        [make_segment(1, text, "en")], ("ar",), _registry(MODELS[model])
    )
    assert form in translation.text.split() or form in translation.text
    for leak in ("7001", "7,001", "٧٠٠١"):  # no placeholder is left, in any form
        assert leak not in translation.text


def test_with_the_tiny_real_models_every_entity_is_in_the_output(tiny_models_toml: Path) -> None:
    text = "Officials said 1,500 people met at 10:30 on 2015-11-19 (3.5%) with @CloudFlare #OpParis"
    registry = ModelRegistry(load_config(str(tiny_models_toml)), offline=True)
    [translation], _ = translate_segments([make_segment(1, text, "en")], ("ar",), registry)
    for form in ("1,500", "10:30", "2015-11-19", "3.5%", "@CloudFlare", "#OpParis"):
        assert form in translation.text
