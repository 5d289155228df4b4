"""Recognise tweets pasted into articles, extract their metadata, and merge duplicates.

News sites paste embedded tweets as plain text: the tweet's text, then a signature
``— Name (@handle) November 19, 2015``, often glued to the sentences around it and often
pasted twice (the blockquote and its fallback). The signature is unambiguous, so we find it
first and then walk back to where the tweet's text starts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from summarize.data import TweetMeta
from summarize.entities import (
    DIGIT,
    HASHTAG,
    MENTION,
    STATUS_LINK,
    URL,
    fold_digits,
    is_arabic_letter,
)

__all__ = ["TweetMatch", "extract_entities", "find_tweets", "merge_duplicates", "parse_date"]

_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_EN_MONTH_ABBR = [m[:3] for m in _EN_MONTHS] + ["sept"]
# Levantine/Iraqi names and the Egyptian/Gulf transliterations are both in use.
_AR_MONTHS: dict[str, int] = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6,
    "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "آب": 8, "سبتمبر": 9,
    "أيلول": 9, "أكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الأول": 12,
}  # fmt: skip
# Two-word Levantine names ("تشرين الثاني") match with any run of spaces between.
_MONTH_WORDS = "|".join(
    name.replace(" ", r"\s+")
    for name in sorted([*_EN_MONTHS, *_EN_MONTH_ABBR, *_AR_MONTHS], key=len, reverse=True)
)
_D = f"[{DIGIT}]"
_DATE = (
    rf"(?:(?P<m1>{_MONTH_WORDS})\.?\s+(?P<d1>{_D}{{1,2}})\s*[,،]?\s*(?P<y1>{_D}{{4}})"
    rf"|(?P<d2>{_D}{{1,2}})\s+(?P<m2>{_MONTH_WORDS})\s*[,،]?\s*(?P<y2>{_D}{{4}})"
    rf"|(?P<numeric>{_D}{{1,4}}[/.\-]{_D}{{1,2}}[/.\-]{_D}{{1,4}})"
    # A misspelt month ("Febuary 8, 2016"): still a signature; the date is kept as written.
    rf"|(?P<raw>[^\W\d_]{{3,12}}\.?\s+{_D}{{1,2}}\s*[,،]?\s*{_D}{{4}}))"
    rf"(?!{_D})"
)
SIGNATURE = re.compile(
    # The author may hold a hyphen (L'Orient-Le Jour) but not " - " or ".-": those are a
    # dash inside the tweet's text, and the signature starts at a later dash.
    r"(?:^|(?<=\S)|\s)[—–-]{1,2}\s*(?P<author>(?:(?!\s-\s|[.!?؟…]-)[^\n()—–]){0,80}?)\s*"
    r"\(\s*@(?P<handle>\w{1,30})\s*\)\s*" + _DATE + rf"(?:\s*(?P<link>{STATUS_LINK.pattern})\S*)?",
    re.IGNORECASE,
)
_RETWEET = re.compile(r"^RT\s+(@\w{1,30})\s*:", re.IGNORECASE)
# A tweet is at most 280 characters (a link counts as 23); leave room for pasting noise.
_MAX_TWEET_CHARS = 320


@dataclass(frozen=True, slots=True, kw_only=True)
class TweetMatch:
    """A tweet found in a text: where it is and what it says."""

    span: tuple[int, int]
    meta: TweetMeta


def parse_date(month: str, day: str, year: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a month name (English or Arabic) and digits, else None."""
    number = _month_number(month)
    if number is None:
        return None
    try:
        return date(int(fold_digits(year)), number, int(fold_digits(day))).isoformat()
    except ValueError:  # February 31
        return None


def parse_numeric_date(raw: str) -> str | None:
    """``2015-11-19``, ``19/11/2015`` or ``19.11.2015`` to ISO when unambiguous, else None.

    Day and month are told apart only when one of them is over 12 or the year comes first.
    """
    parts = [int(fold_digits(p)) for p in re.split(r"[/.\-]", raw)]
    if len(parts) != 3:
        return None
    if parts[0] > 31:
        year, month, day = parts
    elif parts[2] > 31:
        first, second, year = parts
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None  # 03/04/2015: March 4 or 3 April
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(month: str) -> int | None:
    name = " ".join(month.lower().rstrip(".").split())
    if name in _AR_MONTHS:
        return _AR_MONTHS[name]
    for index, english in enumerate(_EN_MONTHS, start=1):
        if english.startswith(name) and len(name) >= 3:
            return index
    return None


def extract_entities(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Return the URLs, hashtags and mentions in ``text``, each in order of appearance."""
    urls = tuple(m.group() for m in URL.finditer(text))
    stripped = URL.sub(" ", text)
    hashtags = tuple(m.group() for m in HASHTAG.finditer(stripped))
    mentions = tuple(m.group() for m in MENTION.finditer(stripped))
    return urls, hashtags, mentions


def find_tweets(
    text: str, body_start: Sequence[int] | None = None, offset: int = 0
) -> list[TweetMatch]:
    """Find pasted tweets in one block of text.

    Args:
        text: A block (paragraph) of the document.
        body_start: Candidate positions where a tweet's text may begin (sentence starts in
            ``text``); the walk back from a signature stops at one of these.
        offset: Added to every span, so spans point into the whole document.

    Returns:
        The tweets in order, with spans covering text and signature.
    """
    starts = sorted(set(body_start or ())) or [0]
    matches: list[TweetMatch] = []
    floor = 0
    for sig in SIGNATURE.finditer(text):
        sig_start = sig.start() + (1 if text[sig.start()].isspace() else 0)
        start = _body_start(text, floor, sig_start, starts)
        body = text[start:sig_start].strip()
        if not body:
            continue
        matches.append(_match(sig, body, (start + offset, sig.end() + offset)))
        floor = sig.end()
    return matches


def _body_start(text: str, floor: int, sig_start: int, starts: Sequence[int]) -> int:
    """Walk back from a signature over sentence starts while the text is one tweet.

    A tweet's text is in one script (the article around it is usually in another) and
    short; text with no letters (links, hashtags) belongs to whichever tweet it ends. When
    the walk runs into the length limit inside same-script prose, where the tweet starts is
    a guess, so only the sentence next to the signature is taken: an article sentence
    mistaken for a tweet would be worse than a tweet sentence shown as a sentence.
    """
    best = sig_start
    script: str | None = None
    nearest_lettered: int | None = None
    # The end of the previous tweet is a start too: "…2015Starting in May, …" is glued.
    for start in sorted({floor, *(s for s in starts if floor <= s < sig_start)}, reverse=True):
        piece_script = _script(text[start:best])
        if script is not None and piece_script not in (None, script):
            break
        if len(_strip_urls(text[start:sig_start])) > _MAX_TWEET_CHARS:
            return nearest_lettered if nearest_lettered is not None else best
        if piece_script is not None and nearest_lettered is None:
            nearest_lettered = start
        script = script or piece_script
        best = start
    if best == sig_start or _script(text[floor:best]) is None:
        best = floor
    return best


def _strip_urls(text: str) -> str:
    return URL.sub("x" * 23, text).strip()


def _script(text: str) -> str | None:
    """Return ``arab``, ``latn`` or None by majority of letters outside entities."""
    bare = MENTION.sub(" ", HASHTAG.sub(" ", URL.sub(" ", _RETWEET.sub(" ", text.lstrip()))))
    arabic = sum(1 for ch in bare if is_arabic_letter(ch))
    latin = sum(1 for ch in bare if ch.isascii() and ch.isalpha())
    if arabic == latin == 0:
        return None
    return "arab" if arabic >= latin else "latn"


def _match(sig: re.Match[str], body: str, span: tuple[int, int]) -> TweetMatch:
    urls, hashtags, mentions = extract_entities(body)
    retweet = _RETWEET.match(body)
    meta = TweetMeta(
        text=" ".join(body.split()),
        author=sig.group("author").strip() or None,
        handle="@" + sig.group("handle"),
        date=_date(sig),
        urls=urls,
        hashtags=hashtags,
        mentions=mentions,
        spans=(span,),
        link=sig.group("link"),
        retweet_of=retweet.group(1) if retweet else None,
    )
    return TweetMatch(span=span, meta=meta)


def _date(sig: re.Match[str]) -> str:
    """The signature's date in ISO form, or as written when it does not parse."""
    if sig.group("numeric"):
        return parse_numeric_date(sig.group("numeric")) or sig.group("numeric")
    if sig.group("raw"):
        return sig.group("raw")
    n = "1" if sig.group("m1") else "2"
    month, day, year = sig.group(f"m{n}"), sig.group(f"d{n}"), sig.group(f"y{n}")
    raw = sig.string[min(sig.start(f"m{n}"), sig.start(f"d{n}")) : sig.end(f"y{n}")]
    return parse_date(month, day, year) or raw


def merge_duplicates(tweets: Sequence[TweetMeta]) -> list[TweetMeta]:
    """Merge copies of the same tweet, keeping the first position and the fullest text.

    Two tweets are copies when the handle matches and the texts are equal ignoring case,
    whitespace and links, or one ends with an ellipsis and the other starts with it (a
    truncated copy).

    Args:
        tweets: Tweets in document order.

    Returns:
        One entry per distinct tweet, in order of first appearance, with ``repeats`` and
        ``spans`` covering every copy.
    """
    merged: list[TweetMeta] = []
    for tweet in tweets:
        index = next((i for i, m in enumerate(merged) if _same_tweet(m, tweet)), None)
        if index is None:
            merged.append(tweet)
            continue
        first = merged[index]
        fuller = tweet if len(_key(tweet.text)) > len(_key(first.text)) else first
        merged[index] = replace(
            fuller,
            repeats=first.repeats + tweet.repeats,
            spans=first.spans + tweet.spans,
            urls=first.urls or tweet.urls,
        )
    return merged


def _same_tweet(a: TweetMeta, b: TweetMeta) -> bool:
    if a.handle.lower() != b.handle.lower():
        return False
    ka, kb = _key(a.text), _key(b.text)
    if ka == kb:
        return bool(ka) or set(a.urls) == set(b.urls)  # link-only tweets: same links
    # A truncated copy ("Stop using Cloud…") is a prefix of the full one.
    return (_truncated(a.text) and kb.startswith(ka)) or (_truncated(b.text) and ka.startswith(kb))


def _truncated(text: str) -> bool:
    return URL.sub(" ", text).rstrip().endswith(("…", "..."))


def _key(text: str) -> str:
    text = URL.sub(" ", text).rstrip().rstrip("…").removesuffix("...")
    return " ".join(text.casefold().split())
