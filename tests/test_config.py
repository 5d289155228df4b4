"""models.toml: found where documented, validated all at once, models resolved as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import ROUTES, find_config_path, load_config, shipped_config_path
from summarize.errors import ConfigError

SHIPPED = Path(__file__).parent.parent / "summarize" / "models.toml"
MINIMAL = '[translate.ar-en]\nmodel = "org/ar-en"\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(tmp_path: Path, text: str) -> ConfigError:
    path = write(tmp_path / "models.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(str(path))
    return caught.value


# --- the shipped file -----------------------------------------------------------------------


def test_shipped_config_is_the_default() -> None:
    # Installed or editable, the default is the file inside the package, and it is the
    # repository's models.toml (package data made it into the install).
    found = Path(load_config().path)
    assert found.resolve() == shipped_config_path().resolve()
    assert found.read_bytes() == SHIPPED.read_bytes()
    assert (SHIPPED.parent.parent / "models.toml").read_bytes() == SHIPPED.read_bytes()


def test_shipped_config_has_every_route() -> None:
    assert set(load_config().routes) == set(ROUTES)


@pytest.mark.parametrize(
    ("route", "model"),
    [
        ("translate.ar-en", "Helsinki-NLP/opus-mt-ar-en"),
        ("translate.en-ar", "Helsinki-NLP/opus-mt-en-ar"),
        ("summarize.en", "facebook/bart-large-cnn"),
        ("summarize.ar", "csebuetnlp/mT5_multilingual_XLSum"),
    ],
)
def test_shipped_routes_name_hub_models(route: str, model: str) -> None:
    config = load_config().routes[route]
    assert (config.model, config.local) == (model, False)


@pytest.mark.parametrize(
    ("route", "prefix"), [("translate.en-ar", ">>ara<<"), ("translate.ar-en", "")]
)
def test_shipped_prefixes(route: str, prefix: str) -> None:
    assert load_config().routes[route].prefix == prefix


# --- validation -----------------------------------------------------------------------------

BAD = """
[defaults]
device = "gpu"
colour = "red"

[translate.ar-en]
model = "org/name"
batch_size = 0
num_beams = true
max_input_tokens = "512"
tempo = 3

[translate.fr-en]
model = "org/fr-en"

[summarize.en]
batch_size = 4

[extra]
x = 1
"""


@pytest.mark.parametrize(
    "named",
    [
        "models.toml",
        "[extra]",
        "defaults.device",
        "defaults.colour",
        "translate.ar-en.batch_size",
        "translate.ar-en.num_beams",
        "translate.ar-en.max_input_tokens",
        "translate.ar-en.tempo",
        "translate.fr-en",
        "summarize.en.model",
    ],
)
def test_one_error_names_the_file_and_every_bad_key(tmp_path: Path, named: str) -> None:
    assert named in str(config_error(tmp_path, BAD))


def test_every_problem_is_listed_once(tmp_path: Path) -> None:
    assert len(config_error(tmp_path, BAD).problems) == 9


def test_error_carries_the_path(tmp_path: Path) -> None:
    assert config_error(tmp_path, BAD).path == str(tmp_path / "models.toml")


@pytest.mark.parametrize(
    ("toml", "named", "allowed"),
    [
        ("[colours]\nred = 1\n", "[colours]", "defaults, translate, summarize"),
        ('[defaults]\ncolour = "red"\n', "defaults.colour", "backend, device, threads"),
        ('[translate.ar-en]\nmodel = "x"\ncolour = 1\n', "translate.ar-en.colour", "batch_size"),
        ('[translate.de-en]\nmodel = "x"\n', "translate.de-en", "translate.ar-en, translate.en-ar"),
        ('[summarize.fr]\nmodel = "x"\n', "summarize.fr", "summarize.en, summarize.ar"),
        ('[defaults]\ndevice = "gpu"\n', "defaults.device", "cpu, cuda, auto"),
        ('[summarize.ar]\nmodel = "x"\ndevice = "tpu"\n', "summarize.ar.device", "cpu, cuda, auto"),
    ],
)
def test_unknown_names_list_what_is_allowed(
    tmp_path: Path, toml: str, named: str, allowed: str
) -> None:
    message = str(config_error(tmp_path, toml))
    assert named in message
    assert allowed in message


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('[translate.ar-en]\nmodel = "x"\nbatch_size = "16"\n', "translate.ar-en.batch_size"),
        ('[translate.ar-en]\nmodel = "x"\nbatch_size = 1.5\n', "translate.ar-en.batch_size"),
        ('[translate.ar-en]\nmodel = "x"\nbatch_size = true\n', "translate.ar-en.batch_size"),
        ('[translate.ar-en]\nmodel = "x"\nnum_beams = false\n', "translate.ar-en.num_beams"),
        ('[translate.ar-en]\nmodel = "x"\nprefix = 3\n', "translate.ar-en.prefix"),
        ('[translate.ar-en]\nmodel = "x"\nrevision = 3\n', "translate.ar-en.revision"),
        ("[translate.ar-en]\nmodel = 5\n", "translate.ar-en.model"),
        ("[defaults]\nthreads = true\n", "defaults.threads"),
        ('[defaults]\nthreads = "4"\n', "defaults.threads"),
    ],
)
def test_wrong_type_is_reported(tmp_path: Path, toml: str, named: str) -> None:
    assert named in str(config_error(tmp_path, toml))


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('[translate.ar-en]\nmodel = "x"\nbatch_size = 0\n', "translate.ar-en.batch_size"),
        ('[translate.ar-en]\nmodel = "x"\nbatch_size = -4\n', "translate.ar-en.batch_size"),
        (
            '[translate.en-ar]\nmodel = "x"\nmax_input_tokens = 0\n',
            "translate.en-ar.max_input_tokens",
        ),
        ('[summarize.en]\nmodel = "x"\nmax_new_tokens = 0\n', "summarize.en.max_new_tokens"),
        ('[summarize.ar]\nmodel = "x"\nnum_beams = 0\n', "summarize.ar.num_beams"),
        (
            '[summarize.ar]\nmodel = "x"\nno_repeat_ngram_size = -1\n',
            "summarize.ar.no_repeat_ngram_size",
        ),
        ("[defaults]\nthreads = -1\n", "defaults.threads"),
    ],
)
def test_out_of_range_numbers_are_reported(tmp_path: Path, toml: str, named: str) -> None:
    assert named in str(config_error(tmp_path, toml))


@pytest.mark.parametrize("route", ROUTES)
def test_missing_model_is_reported(tmp_path: Path, route: str) -> None:
    group, name = route.split(".")
    message = str(config_error(tmp_path, f"[{group}.{name}]\nbatch_size = 4\n"))
    assert f"{route}.model is required" in message


def test_empty_model_is_reported(tmp_path: Path) -> None:
    assert "translate.ar-en.model" in str(config_error(tmp_path, '[translate.ar-en]\nmodel = ""\n'))


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ("translate = 5\n", "translate"),
        ("[translate]\nar-en = 5\n", "translate.ar-en"),
    ],
)
def test_table_of_the_wrong_shape_is_reported(tmp_path: Path, toml: str, named: str) -> None:
    assert f"{named} must be a table" in str(config_error(tmp_path, toml))


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    error = config_error(tmp_path, '[translate.ar-en\nmodel = "x"\n')
    assert "not valid TOML" in str(error)
    assert "models.toml" in str(error)


def test_valid_values_are_kept(tmp_path: Path) -> None:
    toml = (
        '[defaults]\ndevice = "cuda"\nthreads = 2\n\n'
        '[translate.en-ar]\nmodel = "org/en-ar"\nprefix = ">>ara<<"\nbatch_size = 3\n'
        'revision = "v1"\nno_repeat_ngram_size = 0\n'
    )
    route = load_config(str(write(tmp_path / "models.toml", toml))).routes["translate.en-ar"]
    assert (route.prefix, route.batch_size, route.revision, route.no_repeat_ngram_size) == (
        ">>ara<<",
        3,
        "v1",
        0,
    )


@pytest.mark.parametrize(
    ("defaults", "route_extra", "expected"),
    [
        ('device = "cuda"\nthreads = 2\n', "", ("cuda", 2)),
        ('device = "cuda"\nthreads = 2\n', 'device = "cpu"\nthreads = 1\n', ("cpu", 1)),
        ("", "", ("cpu", 0)),
    ],
)
def test_routes_inherit_defaults_unless_set(
    tmp_path: Path, defaults: str, route_extra: str, expected: tuple[str, int]
) -> None:
    toml = f'[defaults]\n{defaults}\n[summarize.en]\nmodel = "org/x"\n{route_extra}'
    route = load_config(str(write(tmp_path / "models.toml", toml))).routes["summarize.en"]
    assert (route.device, route.threads) == expected


# --- model locations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "relative"),
    [("./models/marian", "models/marian"), ("./tiny", "tiny"), ("../shared/m", "../shared/m")],
)
def test_relative_directory_resolves_against_the_toml(
    tmp_path: Path, model: str, relative: str
) -> None:
    folder = tmp_path / "conf"
    path = write(folder / "models.toml", f'[translate.ar-en]\nmodel = "{model}"\n')
    route = load_config(str(path)).routes["translate.ar-en"]
    assert route.local
    assert Path(route.model) == (folder / relative).resolve()


def test_relative_directory_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "conf" / "models.toml", '[translate.ar-en]\nmodel = "./m"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    route = load_config(str(path)).routes["translate.ar-en"]
    assert Path(route.model) == (tmp_path / "conf" / "m").resolve()


def test_absolute_directory_is_local(tmp_path: Path) -> None:
    target = tmp_path / "models" / "marian"
    path = write(tmp_path / "models.toml", f'[translate.ar-en]\nmodel = "{target}"\n')
    route = load_config(str(path)).routes["translate.ar-en"]
    assert (route.model, route.local) == (str(target), True)


def test_bare_name_of_an_existing_directory_is_local(tmp_path: Path) -> None:
    (tmp_path / "marian").mkdir()
    path = write(tmp_path / "models.toml", '[translate.ar-en]\nmodel = "marian"\n')
    route = load_config(str(path)).routes["translate.ar-en"]
    assert (route.model, route.local) == (str((tmp_path / "marian").resolve()), True)


@pytest.mark.parametrize("model", ["Helsinki-NLP/opus-mt-ar-en", "org/name", "t5-small"])
def test_hub_id_stays_a_hub_id(tmp_path: Path, model: str) -> None:
    path = write(tmp_path / "models.toml", f'[translate.ar-en]\nmodel = "{model}"\n')
    route = load_config(str(path)).routes["translate.ar-en"]
    assert (route.model, route.local) == (model, False)


# --- lookup order ---------------------------------------------------------------------------


@pytest.fixture
def three_configs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """An explicit file, one in $SUMMARIZE_MODELS and one in the user's config directory."""
    paths = {
        "explicit": write(tmp_path / "explicit.toml", MINIMAL),
        "env": write(tmp_path / "env.toml", MINIMAL),
        "user": write(tmp_path / "xdg" / "summarize" / "models.toml", MINIMAL),
    }
    monkeypatch.setenv("SUMMARIZE_MODELS", str(paths["env"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return paths


def test_explicit_path_wins(three_configs: dict[str, Path]) -> None:
    assert find_config_path(str(three_configs["explicit"])) == three_configs["explicit"]


def test_environment_beats_user_config(three_configs: dict[str, Path]) -> None:
    assert find_config_path() == three_configs["env"]


def test_user_config_beats_shipped(
    three_configs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SUMMARIZE_MODELS")
    assert find_config_path() == three_configs["user"]


def test_shipped_when_nothing_else(
    three_configs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SUMMARIZE_MODELS")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    assert find_config_path().resolve() == shipped_config_path().resolve()


def test_load_config_reads_the_file_it_found(three_configs: dict[str, Path]) -> None:
    config = load_config()
    assert config.path == str(three_configs["env"])
    assert set(config.routes) == {"translate.ar-en"}


@pytest.mark.parametrize("explicit", [True, False], ids=["argument", "environment"])
def test_named_missing_file_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, explicit: bool
) -> None:
    missing = tmp_path / "missing.toml"
    if not explicit:
        monkeypatch.setenv("SUMMARIZE_MODELS", str(missing))
    with pytest.raises(ConfigError, match=r"missing\.toml"):
        load_config(str(missing) if explicit else None)


def test_named_directory_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(str(tmp_path))
