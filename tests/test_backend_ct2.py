"""The ct2 engine: every tiny model family converts, tokenises and generates like hf, and the
whole pipeline runs on it without importing torch or transformers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE
from make_tiny_models import toml_string

from summarize.backends import BACKENDS, LoadOptions, workers_for
from summarize.backends.ct2_convert import convert_route
from summarize.backends.ct2_store import find_converted, target_folder
from summarize.backends.hf import load_transformers
from summarize.cli import main
from summarize.config import RouteConfig, load_config
from summarize.errors import ModelUnavailable
from summarize.pipeline import Pipeline

pytest.importorskip("ctranslate2")
pytestmark = pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")

# Each tiny model: its route and prefix, and the family its conversion takes.
FAMILIES = {
    "ar-en": ("translate.ar-en", "", "marian"),
    "en-ar": ("translate.en-ar", ">>ara<<", "marian"),
    "summarize-en": ("summarize.en", "", "t5"),
    "bart": ("summarize.en", "", "bart"),
    "mt5": ("summarize.ar", "", "t5"),
}
TEXTS = [
    "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة",
    "The hacker group accused 7001 of protecting 7002 websites.",
    "ارتفعت أسعار النفط ٣٪ يوم ١٨ نوفمبر",
    "  Multiple   spaces and   tabs\tand Ünïcödé café ",
    "ب",
]


def _route(tiny: Path, name: str, **settings: object) -> RouteConfig:
    route, prefix, _ = FAMILIES[name]
    return RouteConfig(
        route=route, model=str(tiny / name), local=True, prefix=prefix, num_beams=1,
        max_input_tokens=128, **settings,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(scope="module")
def ct2_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ct2-cache")


@pytest.fixture(autouse=True)
def _cache_env(monkeypatch: pytest.MonkeyPatch, ct2_cache: Path) -> None:
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(ct2_cache))


@pytest.fixture(scope="module")
def converted(tiny_models_toml: Path, ct2_cache: Path) -> Path:
    """Every tiny family converted (int8) into the module's cache; returns the models folder."""
    tiny = tiny_models_toml.parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUMMARIZE_CT2_CACHE", str(ct2_cache))
        for name in FAMILIES:
            convert_route(_route(tiny, name))
    return tiny


def _toml(tiny: Path, path: Path, *, summarize_en: str = "bart", backend: str = "ct2") -> Path:
    path.write_text(
        f'[defaults]\nbackend = "{backend}"\n'
        f"[translate.ar-en]\nmodel = {toml_string(str(tiny / 'ar-en'))}\nnum_beams = 1\n"
        f"max_new_tokens = 24\n"
        f'[translate.en-ar]\nmodel = {toml_string(str(tiny / "en-ar"))}\nprefix = ">>ara<<"\n'
        f"num_beams = 1\nmax_new_tokens = 24\n"
        f"[summarize.en]\nmodel = {toml_string(str(tiny / summarize_en))}\nmax_input_tokens = 192\n"
        f"max_new_tokens = 24\nnum_beams = 2\n"
        f"[summarize.ar]\nmodel = {toml_string(str(tiny / 'mt5'))}\nmax_input_tokens = 192\n"
        f"max_new_tokens = 24\nnum_beams = 2\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", FAMILIES)
def test_every_family_converts_into_the_cache(converted: Path, name: str) -> None:
    found = find_converted(_route(converted, name))
    assert found is not None
    assert found.folder == target_folder(_route(converted, name))
    assert (found.family, found.quantization) == (FAMILIES[name][2], "int8")
    assert (found.folder / "model.bin").is_file()
    assert found.source == str(converted / name)


@pytest.mark.parametrize("name", FAMILIES)
def test_tokens_are_counted_as_transformers_counts_them(converted: Path, name: str) -> None:
    config = _route(converted, name)
    ct2 = BACKENDS["ct2"].load(config, LoadOptions())
    hf = load_transformers(config, LoadOptions())
    assert ct2.count_tokens(TEXTS) == hf.count_tokens(TEXTS)


@pytest.mark.parametrize("name", ["ar-en", "en-ar", "bart", "mt5"])
def test_float32_greedy_output_is_transformers_output(
    converted: Path, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path))
    config = _route(converted, name, no_repeat_ngram_size=0)
    convert_route(config, "float32")
    ct2 = BACKENDS["ct2"].load(config, LoadOptions())
    hf = load_transformers(config, LoadOptions())
    assert ct2.generate(TEXTS, max_new_tokens=12) == hf.generate(TEXTS, max_new_tokens=12)


CHILD = """
import json, sys
from summarize.config import load_config
from summarize.pipeline import Pipeline
result = Pipeline(load_config(sys.argv[1]), offline=True).run_file(sys.argv[2], to="both")
heavy = sorted(m for m in ("torch", "transformers") if m in sys.modules)
print(json.dumps({"result": result.to_dict(), "heavy": heavy}))
"""


@pytest.mark.parametrize("summarize_en", ["bart", "summarize-en"])
def test_pipeline_on_ct2_translates_and_summarises_without_torch(
    converted: Path, tmp_path: Path, ct2_cache: Path, summarize_en: str
) -> None:
    toml = _toml(converted, tmp_path / "models.toml", summarize_en=summarize_en)
    env = {**os.environ, "SUMMARIZE_CT2_CACHE": str(ct2_cache)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(toml), str(SEED_ARTICLE)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    out = json.loads(done.stdout)
    assert out["heavy"] == [], "the ct2 path imported torch or transformers"
    result = out["result"]
    translated = {t["segment_id"] for t in result["translations"]}
    wanted = {s["id"] for s in result["segments"] if s["lang"] in ("ar", "en")}
    assert translated == wanted
    assert all(t["text"].strip() for t in result["translations"])
    summaries = {s["lang"]: s for s in result["summaries"]}
    assert {lang: s["method"] for lang, s in summaries.items()} == {
        "en": "abstractive", "ar": "abstractive",
    }  # fmt: skip
    assert summaries["en"]["model"] == str(converted / summarize_en)
    assert summaries["ar"]["model"] == str(converted / "mt5")
    assert not [w for w in result["warnings"] if w["code"] == "model_unavailable"]


def test_ct2_and_hf_pipelines_give_the_same_segments_and_routes(
    converted: Path, tmp_path: Path
) -> None:
    on_ct2 = Pipeline(load_config(str(_toml(converted, tmp_path / "a.toml")))).run_file(
        str(SEED_ARTICLE)
    )
    on_hf = Pipeline(load_config(str(_toml(converted, tmp_path / "b.toml", backend="hf"))))
    expected = on_hf.run_file(str(SEED_ARTICLE))
    assert on_ct2.segments == expected.segments
    assert [(t.segment_id, t.direction) for t in on_ct2.translations] == [
        (t.segment_id, t.direction) for t in expected.translations
    ]
    # Entities come back verbatim on both engines.
    for ct2, hf in zip(on_ct2.translations, expected.translations, strict=True):
        assert [w for w in hf.text.split() if w.startswith(("http", "#", "@"))] == [
            w for w in ct2.text.split() if w.startswith(("http", "#", "@"))
        ]


def test_models_list_and_check_show_the_engine(
    converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = _toml(converted, tmp_path / "models.toml", backend="auto")
    text = toml.read_text(encoding="utf-8").replace(
        "[summarize.en]\n", '[summarize.en]\nbackend = "hf"\n'
    )
    toml.write_text(text, encoding="utf-8")
    assert main(["models", "list", "--models", str(toml)]) == 0
    rows = {line.split()[0]: line.split()[2] for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows == {
        "translate.ar-en": "ct2", "translate.en-ar": "ct2", "summarize.en": "hf",
        "summarize.ar": "ct2",
    }  # fmt: skip
    assert main(["models", "check", "--models", str(toml)]) == 0
    out = capsys.readouterr().out
    assert "translate.ar-en: ok (" in out
    assert "ct2 int8)" in out
    assert "summarize.en: ok (" in out


def test_auto_without_a_conversion_runs_on_hf(
    tiny_models_toml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path / "empty"))
    config = load_config(str(tiny_models_toml))
    assert config.routes["translate.ar-en"].backend == "auto"
    result = Pipeline(config).translate_text("قال الرئيس إن الحكومة ستعلن خطة.", to="en")
    assert [t.text for t in result.translations] != [""]
    assert result.warnings == ()


def test_ct2_without_a_conversion_says_how_to_convert(
    tiny_models_toml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path / "empty"))
    config = _route(tiny_models_toml.parent, "ar-en")
    with pytest.raises(ModelUnavailable, match=r"summarize models convert translate\.ar-en"):
        BACKENDS["ct2"].load(config, LoadOptions())


def test_missing_extra_is_one_clear_line(converted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # as if it were not installed
    with pytest.raises(ModelUnavailable, match=r"pip install 'summarize\[fast\]'"):
        BACKENDS["ct2"].load(_route(converted, "ar-en"), LoadOptions())
    with pytest.raises(ModelUnavailable, match=r"pip install 'summarize\[fast\]'"):
        convert_route(_route(converted, "ar-en"))
    # auto runs the model on hf instead
    assert BACKENDS["auto"].availability(_route(converted, "ar-en")).backend == "hf"


def test_convert_command_converts_named_routes_only(
    converted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path / "fresh"))
    toml = _toml(converted, tmp_path / "models.toml", backend="auto")
    argv = ["models", "convert", "translate.en-ar", "--quantization", "float32", "--models"]
    assert main([*argv, str(toml)]) == 0
    assert "translate.en-ar: converted to ct2 float32" in capsys.readouterr().out
    config = load_config(str(toml))
    found = find_converted(config.routes["translate.en-ar"])
    assert found is not None
    assert found.quantization == "float32"
    assert find_converted(config.routes["translate.ar-en"]) is None
    assert main(["models", "convert", "translate.xx", "--models", str(toml)]) == 2


def test_pull_converts_under_auto(
    converted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path / "fresh"))
    toml = _toml(converted, tmp_path / "models.toml", backend="auto")
    assert main(["models", "pull", "translate.ar-en", "--models", str(toml)]) == 0
    out = capsys.readouterr().out
    assert "nothing to download; converted to ct2 int8" in out
    assert main(["models", "pull", "translate.ar-en", "--models", str(toml)]) == 0
    assert "already converted to ct2 int8" in capsys.readouterr().out


def test_unsupported_family_is_refused_before_loading(tmp_path: Path) -> None:
    folder = tmp_path / "gpt"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "gpt2"}', encoding="utf-8")
    config = RouteConfig(route="summarize.en", model=str(folder), local=True)
    with pytest.raises(ModelUnavailable, match=r"Marian, BART, T5 and mT5.*backend = \"hf\""):
        convert_route(config)


@pytest.mark.parametrize(
    ("run_threads", "toml_threads", "expected"),
    [(0, 0, min(len(os.sched_getaffinity(0)), 8)), (0, 3, 3), (1, 3, 1), (2, 0, 2)],
)
def test_workers_come_from_the_run_then_the_toml_then_the_cores(
    run_threads: int, toml_threads: int, expected: int
) -> None:
    config = RouteConfig(route="translate.ar-en", model="m", threads=toml_threads)
    assert workers_for(config, LoadOptions(threads=run_threads)) == expected


def test_hf_workers_give_the_outputs_of_one(converted: Path) -> None:
    from summarize.registry import RouteModel
    from summarize.translate import translate_texts

    config = _route(converted, "ar-en", batch_size=2)
    texts = [*TEXTS, *[f"{t} {i}" for i, t in enumerate(TEXTS)]]
    outputs = []
    for workers in (1, 2):
        backend = load_transformers(config, LoadOptions(threads=workers))
        assert backend.workers == workers
        outputs.append(translate_texts(texts, RouteModel(config=config, backend=backend))[0])
    assert outputs[0] == outputs[1]
