"""The command line. ``main(argv) -> int`` is the only place errors become exit codes:
0 success, 1 an input failed, 2 a usage or configuration error."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from summarize import __version__
from summarize.errors import SummarizeError, UsageError
from summarize.render.bidi import BIDI_MODES
from summarize.render.console import VIEWS
from summarize.render.sanitize import clean_line

__all__ = ["main", "main_entry"]

_COMMANDS = ("translate", "models")
_FORMATS = ("rich", "json", "md", "html")
_EPILOG = """\
other commands:
  summarize translate TEXT|-     translate a tweet or a line (language detected)
  summarize models list          each route's model and whether it is on this machine
  summarize models pull          download the configured models into the HF cache
  summarize models check         load every configured model and report problems

exit codes: 0 success, 1 an input failed, 2 usage or configuration error.
"""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


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
        choices=("en", "ar", "both"),
        default="both",
        help="target language(s) (default: both: each segment into the other)",
    )
    parser.add_argument(
        "--format", choices=_FORMATS, default="rich", help="output format (default: rich)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--bidi",
        choices=BIDI_MODES,
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


def _article_parser() -> _Parser:
    parser = _Parser(
        prog="summarize",
        description="Segment, detect, translate and summarise an Arabic/English news article,\n"
        "and show source, translation and summary aligned.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "article", metavar="ARTICLE", help="a text or HTML file, an http(s):// URL, or - for stdin"
    )
    _output(parser)
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode the input with this codec (default: detected)",
    )
    parser.add_argument(
        "--sentences",
        type=int,
        default=3,
        metavar="N",
        help="extractive summary length (default: 3)",
    )
    _common(parser)
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    return parser


def _translate_parser() -> _Parser:
    parser = _Parser(
        prog="summarize translate", description="Translate a tweet or a line; language detected."
    )
    parser.add_argument("text", metavar="TEXT", help="the text, or - to read lines from stdin")
    _output(parser)
    parser.add_argument(
        "--encoding", metavar="NAME", help="decode stdin with this codec (default: detected)"
    )
    _common(parser)
    return parser


def _models_parser() -> _Parser:
    parser = _Parser(
        prog="summarize models", description="Inspect, download or check the configured models."
    )
    parser.add_argument("action", choices=("list", "pull", "check"))
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
        print(f"summarize: error: {clean_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("summarize: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        if "--debug" in args_list:
            raise
        first = clean_line(str(exc).strip().splitlines()[0]) if str(exc).strip() else ""
        print(f"summarize: error: unexpected {type(exc).__name__}: {first} (rerun with --debug "
              "for the traceback)", file=sys.stderr)  # fmt: skip
        return 1


def main_entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


def _dispatch(argv: list[str]) -> int:
    from summarize import commands

    command = argv[0] if argv and argv[0] in _COMMANDS else None
    parser = {None: _article_parser, "translate": _translate_parser, "models": _models_parser}[
        command
    ]()
    args = parser.parse_args(argv[1:] if command else argv)
    if args.offline:
        os.environ["HF_HUB_OFFLINE"] = "1"  # read by huggingface_hub when it is imported
    if command == "models":
        return commands.run_models(args.action, args.models, offline=args.offline)
    if command == "translate":
        result = commands.run_translate(args)
    else:
        if args.sentences < 1:
            raise UsageError("--sentences must be at least 1")
        result = commands.run_article(args)
    write_output(commands.render_for(result, args), args.output)
    return 0


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a regular file (a temporary file, then a rename).

    A symlink is followed (its target is replaced); a FIFO or device is written directly.
    The new file gets the mode the umask gives, or the mode of the file it replaces.
    """
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output).resolve()
    if target.is_dir():
        raise UsageError(f"-o {output}: is a directory; give a file name")
    try:
        if target.exists() and not target.is_file():
            with target.open("w", encoding="utf-8") as handle:  # a FIFO, /dev/stdout
                handle.write(text)
            return
        _replace_atomically(target, text)
    except OSError as exc:
        raise UsageError(f"-o {output}: cannot write ({exc.strerror or exc})") from exc


def _replace_atomically(target: Path, text: str) -> None:
    mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
