"""The console script's entry: Ctrl-C is a quiet exit 130 from the first moment.

Importing the command line takes tens of milliseconds; a Ctrl-C in that window would
otherwise print a traceback. So SIGINT is blocked (held by the kernel, not lost) while it
imports, and unblocked inside the one place that turns Ctrl-C into a one-line message and
exit 130.
"""

from __future__ import annotations

import signal
import sys


def main_entry() -> None:
    """Run ``summarize`` as a program."""
    # nohup or a background job ignore SIGINT on purpose: leave that alone.
    hold = signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    if hold:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        from summarize.cli import main

        if hold:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        code = main()
    except KeyboardInterrupt:  # delivered the moment it was unblocked
        sys.stderr.write("summarize: error: interrupted\n")
        code = 130
    raise SystemExit(code)
