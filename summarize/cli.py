"""The command line: arguments in, a library call, rendered output out.

``main(argv) -> int`` is the only place errors become exit codes: 0 success, 1 an input
failed, 2 a usage or configuration error. Argument checks live here; the work is done by
``Pipeline`` (articles, translations) and ``summarize.model_commands`` (``models ...``);
output is drawn by ``summarize.render.render_result`` and written by ``summarize.files``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from summarize import __version__
from summarize.errors import SummarizeError, UsageError, describe

if TYPE_CHECKING:
    from summarize.data import Result

__all__ = ["main"]

_COMMANDS = ("translate", "models", "batch")
_MODEL_ACTIONS = ("list", "pull", "check", "convert")
# What `models convert --quantization` offers (summarize.backends.ct2_store.QUANTIZATIONS,
# not imported here: --help stays light).
_QUANTIZATIONS = ("int8", "int8_float32", "float32")
# The values of Target, OutputFormat, View and BIDI_MODES, spelt out so that `--help` imports
# neither the data types nor the renderers (rich.console alone doubles the start-up time);
# tests/test_cli.py checks they are the same.
TARGETS = ("en", "ar", "both")
FORMATS = ("rich", "json", "md", "html")
VIEWS = ("auto", "table", "stacked", "summary")
BIDI = ("auto", "on", "off")
_SENTENCES_HELP = (
    "an extractive summary of N sentences (default: as long as a news standfirst, "
    "about 15 Arabic or 60 English words, at most 3 sentences)"
)
_EPILOG = """\
other commands:
  summarize translate TEXT|-     translate a tweet, a post or a line (language detected)
  summarize batch IN... -o OUT   every article in folders or files, into OUT (resumable)
  summarize models list          each route's model and whether it is on this machine
  summarize models pull          download the configured models (and convert them for ct2)
  summarize models check         load every configured model and report problems
  summarize models convert       convert downloaded models for the fast ct2 engine

exit codes: 0 success, 1 an input failed, 2 usage or configuration error.
"""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--models", metavar="FILE", help="models.toml to use (default: lookup order in README)"
    )
    parser.add_argument("--offline", action="store_true", help="never contact the Hugging Face hub")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of unexpected errors"
    )


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        choices=TARGETS,
        default="both",
        help="target language(s) (default: both: each segment into the other)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="rich",
        help="output format (default: rich)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--bidi",
        choices=BIDI,
        default=None,
        help="reorder and shape Arabic for terminals without bidi support "
        "(default: $SUMMARIZE_BIDI or auto)",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default="auto",
        help="rich layout: aligned table, stacked, or summary only (default: auto by width)",
    )
    parser.add_argument("--no-color", action="store_true", help="no colours (NO_COLOR works too)")
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode the input with this codec (default: detected)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no status on stderr while models load and run"
    )


def _article_parser() -> _Parser:
    parser = _Parser(
        prog="summarize",
        description="Segment, detect, translate and summarise an Arabic/English news article,\n"
        "and show source, translation and summary aligned.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        nargs="+",
        help="a text or HTML file, an http(s):// URL, or - for stdin",
    )
    _output(parser)
    parser.add_argument(
        "--sentences",
        type=_positive,
        metavar="N",
        help=_SENTENCES_HELP,
    )
    _common(parser)
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    return parser


def _translate_parser() -> _Parser:
    parser = _Parser(
        prog="summarize translate",
        description="Translate a tweet, a post or a line; language detected.",
    )
    parser.add_argument("text", metavar="TEXT", help="the text, or - to read lines from stdin")
    _output(parser)
    _common(parser)
    return parser


def _batch_parser() -> _Parser:
    parser = _Parser(
        prog="summarize batch",
        description="Summarise and translate every article in folders or files into OUT:\n"
        "one output per input (the input tree mirrored), a manifest, an index.\n"
        "Restartable with --resume; a bad file is recorded as failed, never the end.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", metavar="INPUT", nargs="+", help="folders and/or files")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the output folder (created)"
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        action="append",
        help="file names to take from folders; repeatable (default: *.txt *.html *.htm)",
    )
    parser.add_argument("--recursive", action="store_true", help="descend into subfolders")
    parser.add_argument(
        "--format", choices=("json", "md", "html"), default="json", help="(default: json)"
    )
    parser.add_argument(
        "--to", choices=TARGETS, default="both",
        help="target language(s) (default: both)",
    )  # fmt: skip
    parser.add_argument(
        "--resume", action="store_true",
        help="skip files already done with the same content, options and models",
    )  # fmt: skip
    parser.add_argument(
        "--jobs", type=_positive, default=1, metavar="N",
        help="worker processes, each with its own models (default: 1)",
    )  # fmt: skip
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local",
        help="local processes, or Ray Data (pip install 'summarize[ray]'; RAY_ADDRESS)",
    )  # fmt: skip
    parser.add_argument(
        "--max-bytes", type=_positive, default=None, metavar="N",
        help="fail files larger than N bytes (default: 20 MiB)",
    )  # fmt: skip
    parser.add_argument("--quiet", action="store_true", help="no progress and no summary table")
    parser.add_argument(
        "--encoding", metavar="NAME", help="decode every input with this codec (default: detected)"
    )
    parser.add_argument(
        "--sentences", type=_positive, metavar="N", help=_SENTENCES_HELP,
    )  # fmt: skip
    _common(parser)
    return parser


def _models_parser() -> _Parser:
    parser = _Parser(
        prog="summarize models",
        description="Inspect, download, check or convert the configured models.\n"
        "convert: to CTranslate2 (pip install 'summarize[fast]'), which `backend = \"auto\"`\n"
        "then uses: several times faster on a CPU, in a fraction of the memory.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=_MODEL_ACTIONS)
    parser.add_argument(
        "routes", metavar="ROUTE", nargs="*",
        help="only these routes, e.g. translate.ar-en (default: every configured route)",
    )  # fmt: skip
    parser.add_argument(
        "--quantization", choices=_QUANTIZATIONS, default="int8",
        help="how convert stores the weights (default: int8, the fastest on a CPU)",
    )  # fmt: skip
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` by default.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args_list)
    except SummarizeError as exc:
        print(f"summarize: error: {_clean(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("summarize: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        if "--debug" in args_list:
            raise
        print(f"summarize: error: unexpected {type(exc).__name__}: {_clean(describe(exc))} "
              "(rerun with --debug for the traceback)", file=sys.stderr)  # fmt: skip
        return 1


def _clean(text: str) -> str:
    from summarize.render.sanitize import clean_line

    return clean_line(text)


def _dispatch(argv: list[str]) -> int:
    command = argv[0] if argv and argv[0] in _COMMANDS else None
    parser = {
        None: _article_parser,
        "translate": _translate_parser,
        "models": _models_parser,
        "batch": _batch_parser,
    }[command]()
    args = parser.parse_args(argv[1:] if command else argv)
    if command == "models":
        from summarize.model_commands import run_models

        return run_models(
            args.action, args.models, offline=args.offline, routes=args.routes,
            quantization=args.quantization,
        )  # fmt: skip
    if command == "batch":
        from summarize.batch_command import run_batch_command

        return run_batch_command(args)
    if command is None and len(args.article) > 1:
        raise UsageError(
            f"summarize takes one ARTICLE, not {len(args.article)}; for several, run "
            "`summarize batch FILE... -o OUTDIR`"
        )
    bidi_mode = _bidi_mode(args.bidi)
    from summarize.files import check_output

    check_output(args.output, [] if command == "translate" else args.article)
    result = _run(command, args)
    _write(result, args, bidi_mode)
    return 0


def _run(command: str | None, args: argparse.Namespace) -> Result:
    """One article or one translation, with a status line on a terminal meanwhile."""
    from summarize.config import load_config
    from summarize.pipeline import Pipeline
    from summarize.progress import make_status
    from summarize.registry import ModelRegistry

    config = load_config(args.models)
    status = make_status(quiet=args.quiet)
    registry = ModelRegistry(
        config, offline=args.offline, on_load=status.loading, on_progress=status.working
    )
    status.start(1)
    try:
        if command == "translate":
            pipeline = Pipeline(config, registry=registry)
            if args.text == "-":  # stdin goes through the reader: BOMs, legacy encodings, binary
                return pipeline.translate_file("-", to=args.to, encoding=args.encoding)
            return pipeline.translate_text(args.text, to=args.to)
        pipeline = Pipeline(config, registry=registry, summary_sentences=args.sentences)
        return pipeline.run_file(args.article[0], to=args.to, encoding=args.encoding)
    finally:
        status.close()


def _bidi_mode(flag: str | None) -> str:
    mode = flag or os.environ.get("SUMMARIZE_BIDI", "auto")
    if mode not in BIDI:
        raise UsageError(f"SUMMARIZE_BIDI must be one of {', '.join(BIDI)}, not {mode!r}")
    return mode


def _write(result: Result, args: argparse.Namespace, bidi_mode: str) -> None:
    from summarize.files import write_output
    from summarize.render import render_result, terminal_width
    from summarize.render.bidi import resolve_bidi
    from summarize.render.console import ConsoleOptions

    to_terminal = args.output in (None, "-") and sys.stdout.isatty()
    bidi = resolve_bidi(bidi_mode, is_terminal=to_terminal, environ=os.environ)
    text = render_result(
        result,
        args.format,
        color=to_terminal and not args.no_color,
        width=terminal_width() if to_terminal else None,
        options=ConsoleOptions(view=args.view, bidi=bidi),
    )
    write_output(text, args.output)
