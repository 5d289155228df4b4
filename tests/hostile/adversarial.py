"""Adversarial texts, each built at any size: shared by the hostile tests (which check that
the pipeline finishes on them) and benchmarks/bench_adversarial.py (which times them at
doubling sizes). Each is made of the pattern a careless regular expression or loop would
turn quadratic, repeated to about ``size`` characters."""

from __future__ import annotations

from collections.abc import Callable

TWEET = "Stop now https://t.co/abc — Anonymous (@YourAnonNews) November 19, 2015 "
INSTAGRAM = "caption #tag\nA post shared by Name (@name.shop) on Dec 20, 2017 at 7:13pm PST\n"
EMBED = (
    '<blockquote class="twitter-tweet"><p>Stop now</p>&mdash; Anonymous (@YourAnonNews) '
    '<a href="https://twitter.com/YourAnonNews/status/1">November 19, 2015</a></blockquote>'
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# name -> (builder, what it attacks)
CASES: dict[str, tuple[Callable[[int], str], str]] = {
    "token-without-at": (lambda n: "x" * n + " end.", "the e-mail pattern on a long token"),
    "url-then-dots": (lambda n: "see http://" + "." * n + " now.", "the URL pattern"),
    "many-emails": (lambda n: _repeat("mail a@b.com. ", n), "boundaries against many e-mails"),
    "many-tweets": (lambda n: _repeat(TWEET, n), "duplicate-tweet merging"),
    "many-posts": (lambda n: _repeat(INSTAGRAM, n), "post recognition and merging"),
    "mention-run": (lambda n: "word " + _repeat("@user ", n) + "x", "the trailing-entity run"),
    "mark-flood": (lambda n: "قال a" + "\u0301\u0316" * (n // 2) + " end.", "NFC on marks"),
    "dots": (lambda n: "." * n, "terminator runs"),
    "quotes": (lambda n: _repeat("“a.” ", n), "quotation protection"),
    "glued-initials": (lambda n: _repeat("ق.م", n), "dotted initialisms"),
    "abbreviations": (lambda n: _repeat("Mr. ", n), "abbreviation look-back"),
    "list-markers": (lambda n: _repeat("1. ", n), "list detection"),
    "spaces": (lambda n: "a" + " " * n + "b.", "datelines and bylines"),
    "capitals": (lambda n: _repeat("BY ABC ", n), "byline patterns"),
    "parentheses": (lambda n: "(" * (n // 2) + "x." + ")" * (n // 2), "bracket pairing"),
    "arabic-no-space": (lambda n: _repeat("قالالمتحدث", n) + ".", "one enormous Arabic word"),
}

HTML_CASES: dict[str, tuple[Callable[[int], str], str]] = {
    "tweet-embeds": (
        lambda n: (
            "<html><body><article><p>Intro.</p>" + _repeat(EMBED, n) + "</article></body></html>"
        ),
        "embed rewriting and extraction",
    ),
}
