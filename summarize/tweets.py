"""Tweets pasted into articles: the X recogniser, under the name it had before other
platforms were recognised (see ``summarize.posts``)."""

from __future__ import annotations

from summarize.posts import extract_entities, merge_duplicates
from summarize.posts.dates import parse_date, parse_numeric_date
from summarize.posts.x import SIGNATURE, TweetMatch, find_tweets

__all__ = [
    "SIGNATURE",
    "TweetMatch",
    "extract_entities",
    "find_tweets",
    "merge_duplicates",
    "parse_date",
    "parse_numeric_date",
]
