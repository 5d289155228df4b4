"""``summarize batch`` on the command line: options in, progress and a closing table out."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from summarize.batch import DEFAULT_GLOBS, BatchOptions, BatchReport, run_batch
from summarize.progress import make_progress
from summarize.reader import MAX_INPUT_BYTES
from summarize.render.sanitize import clean_line

__all__ = ["run_batch_command"]

# The closing table lists this many failures; the manifest has them all.
_SHOWN_FAILURES = 20


def run_batch_command(args: argparse.Namespace) -> int:
    """Run the batch the arguments describe; 1 when any file failed, else 0."""
    options = BatchOptions(
        inputs=tuple(args.inputs), out=args.output, globs=tuple(args.glob or DEFAULT_GLOBS),
        recursive=args.recursive, fmt=args.format, to=args.to, resume=args.resume,
        jobs=args.jobs, engine=args.engine, max_bytes=args.max_bytes or MAX_INPUT_BYTES,
        quiet=args.quiet, encoding=args.encoding, sentences=args.sentences,
        models=args.models, offline=args.offline,
    )  # fmt: skip
    report = BatchReport()
    try:
        report = run_batch(options, make_progress(quiet=args.quiet))
    except KeyboardInterrupt:
        if not args.quiet:
            print(
                f"summarize: interrupted; outputs so far are in {args.output} and its "
                "manifest — rerun with --resume to go on",
                file=sys.stderr,
            )
        raise
    if not args.quiet:
        _print_report(report, args.output)
    return 1 if report.failed else 0


def _print_report(report: BatchReport, out: str) -> None:
    console = Console(file=sys.stderr, markup=False, emoji=False, highlight=False)
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column(justify="left")
    table.add_column(justify="right")
    for name, count, style in (
        ("ok", report.ok, "green"), ("failed", report.failed, "red"),
        ("skipped", report.skipped, "dim"),
    ):  # fmt: skip
        table.add_row(Text(name, style=style if count else ""), str(count))
    console.print(Text(f"summarize batch: {clean_line(out)}", style="bold"), soft_wrap=True)
    console.print(table)
    for source, reason in report.failures[:_SHOWN_FAILURES]:
        line = Text("failed ", style="red")
        line.append(clean_line(reason) if reason.startswith(source) else f"{source}: {reason}")
        console.print(line, soft_wrap=True)  # a path never wraps mid-name
    if report.failed > _SHOWN_FAILURES:
        hidden = report.failed - _SHOWN_FAILURES
        console.print(f"... and {hidden} more failures: see {out}/manifest.jsonl", soft_wrap=True)
