"""Posts embedded in articles, whatever their platform: one recogniser per platform.

Each platform is one module holding one ``Recogniser`` (see ``base``): how its posts close
in pasted text, how far back they start, and what its embed markup becomes when a page is
read. ``RECOGNISERS`` lists them; adding a platform is adding its module to that tuple.
X posts stay ``tweet`` segments (``TweetMeta``); the others are ``post`` segments
(``PostMeta``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from summarize.data import PostMeta, TweetMeta
from summarize.entities import URL
from summarize.posts import facebook, instagram, telegram, tiktok, x, youtube
from summarize.posts.base import PostMatch, Recogniser, Scope, extract_entities

__all__ = [
    "RECOGNISERS",
    "PostMatch",
    "Recogniser",
    "Scope",
    "extract_entities",
    "find_posts",
    "merge_duplicates",
]

RECOGNISERS: tuple[Recogniser, ...] = (
    x.PLATFORM,
    instagram.PLATFORM,
    facebook.PLATFORM,
    youtube.PLATFORM,
    tiktok.PLATFORM,
    telegram.PLATFORM,
)

Meta = TweetMeta | PostMeta
_Union = Callable[[int, int], None]


def find_posts(scope: Scope) -> list[PostMatch]:
    """Find the posts of every platform in a document, in order, without overlaps.

    Every platform's closings are found in one pass and handled in document order, so the
    end of one post is the floor for the next, whatever their platforms: a caption never
    reaches back into an earlier post.

    Args:
        scope: The document and what posts may not reach into.

    Returns:
        The posts in document order, with disjoint spans; copies are not merged yet.
    """
    closings = sorted(
        ((closing.span[0], index, closing)
         for index, recogniser in enumerate(RECOGNISERS)
         for closing in recogniser.find(scope.text, scope.floor)),
        key=lambda item: (item[0], item[1]),
    )  # fmt: skip
    found: list[PostMatch] = []
    floor = scope.floor
    for start, index, closing in closings:
        if start < floor:
            continue  # inside a post already found
        post = RECOGNISERS[index].build(scope, closing, floor)
        if post is not None:
            found.append(PostMatch(span=post.span, meta=replace(post.meta, spans=(post.span,))))
            floor = post.span[1]
    return found


def merge_duplicates(posts: Sequence[Meta]) -> list[Meta]:
    """Merge copies of the same post, keeping the first position and the fullest text.

    Two posts are copies when platform and handle (the page name on Facebook) match and
    the texts are equal ignoring case, whitespace and links, or they share a permalink, or
    one ends with an ellipsis and the other starts with it (a truncated copy). Copies are
    found through dictionaries and one sorted list per author, so thousands of posts merge
    in n log n time.

    Args:
        posts: Posts in document order.

    Returns:
        One entry per distinct post, in order of first appearance, with ``repeats`` and
        ``spans`` covering every copy.
    """
    parent = list(range(len(posts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)  # the first copy stays the representative

    seen: dict[tuple[object, ...], int] = {}
    for i, post in enumerate(posts):
        for key in _identities(post):
            if key in seen:
                union(seen[key], i)
            else:
                seen[key] = i
    _merge_truncated(posts, union)
    groups: dict[int, list[int]] = {}
    for i in range(len(posts)):
        groups.setdefault(root(i), []).append(i)
    return [_combined([posts[i] for i in members]) for members in groups.values()]


def _identities(post: Meta) -> list[tuple[object, ...]]:
    """Keys two copies of one post share: its text, and its permalink when it has one."""
    who = _who(post)
    key = _key(post.text)
    # A post with no text but links is told apart by its links.
    keys: list[tuple[object, ...]] = [
        (post.platform, who, key, frozenset(post.urls) if not key else None,
         post.link if not key and not post.urls else None)
    ]  # fmt: skip
    if post.link:
        keys.append((post.platform, "link", post.link))
    return keys


def _merge_truncated(posts: Sequence[Meta], union: _Union) -> None:
    """Join each copy cut with an ellipsis ("Stop using Cloud…") to a fuller one it starts."""
    by_author: dict[tuple[object, ...], list[tuple[str, int]]] = {}
    for i, post in enumerate(posts):
        by_author.setdefault((post.platform, _who(post)), []).append((_key(post.text), i))
    for entries in by_author.values():
        entries.sort()
        keys = [k for k, _ in entries]
        for key, i in entries:
            if not key or not _truncated(posts[i].text):
                continue
            # Past every equal key (copies of the same cut text), the next key is the
            # smallest that extends this one, if any does.
            at = bisect_right(keys, key)
            if at < len(keys) and keys[at].startswith(key):
                union(entries[at][1], i)


def _combined(copies: list[Meta]) -> Meta:
    first = copies[0]
    fuller = max(copies, key=lambda c: len(_key(c.text)))  # the first of the longest
    return replace(
        fuller,
        repeats=sum(c.repeats for c in copies),
        spans=tuple(span for c in copies for span in c.spans),
        urls=next((c.urls for c in copies if c.urls), first.urls),
        link=next((c.link for c in copies if c.link), None),
    )


def _who(post: Meta) -> str:
    return (post.handle or post.author or "").casefold()


def _truncated(text: str) -> bool:
    return URL.sub(" ", text).rstrip().endswith(("…", "..."))


def _key(text: str) -> str:
    text = URL.sub(" ", text).rstrip().rstrip("…").removesuffix("...")
    return " ".join(text.casefold().split())
