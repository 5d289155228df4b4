"""The console script's entry: Ctrl-C is a quiet exit 130 from the first moment.

Importing the command line takes tens of milliseconds; a Ctrl-C in that window would
otherwise print a traceback. So the first thing is a SIGINT handler that exits at once;
once ``cli`` is imported, Python's own handler is back and ``cli.main`` turns Ctrl-C into
its one-line message and exit 130.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def _exit_130(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("summarize: error: interrupted\n")
    os._exit(130)  # nothing to clean up yet: no file has been opened for writing


def main_entry() -> None:
    """Run ``summarize`` as a program."""
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # nohup, a background job
    if not ignored:
        signal.signal(signal.SIGINT, _exit_130)
    from summarize.cli import main

    if not ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    raise SystemExit(main())
