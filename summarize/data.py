"""Plain, frozen values that flow between the stages, and their JSON form.

Every type converts itself to a plain dict with ``to_dict()``; ``Result.to_dict()`` is the
documented JSON schema (see README, "JSON schema"). Fields may be added; renaming or
dropping one requires bumping ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

__all__ = [
    "SCHEMA_VERSION",
    "Direction",
    "Document",
    "Notice",
    "Platform",
    "PostMeta",
    "Result",
    "Route",
    "Segment",
    "SegmentKind",
    "Summary",
    "SummaryMethod",
    "SummarySentence",
    "Target",
    "Translation",
    "TweetMeta",
]

SCHEMA_VERSION = 1


class SegmentKind(StrEnum):
    """What a segment is in the article."""

    TITLE = "title"
    SENTENCE = "sentence"
    TWEET = "tweet"
    POST = "post"


class Platform(StrEnum):
    """Where an embedded post comes from. X posts are ``tweet`` segments, the others ``post``."""

    X = "x"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    TELEGRAM = "telegram"

    @property
    def label(self) -> str:
        """The name users know the platform by."""
        return _PLATFORM_LABELS[self.value]


_PLATFORM_LABELS = {
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "telegram": "Telegram",
}


class Direction(StrEnum):
    """A translation route: source language, then target language."""

    AR_EN = "ar-en"
    EN_AR = "en-ar"

    @property
    def source(self) -> str:
        """The source language code."""
        return self.value.split("-")[0]

    @property
    def target(self) -> str:
        """The target language code."""
        return self.value.split("-")[1]

    @property
    def route(self) -> Route:
        """The models.toml route that serves this direction."""
        return Route(f"translate.{self.value}")


class Route(StrEnum):
    """A job a model does, as named in models.toml: ``[translate.ar-en]``, ``[summarize.en]``."""

    TRANSLATE_AR_EN = "translate.ar-en"
    TRANSLATE_EN_AR = "translate.en-ar"
    SUMMARIZE_EN = "summarize.en"
    SUMMARIZE_AR = "summarize.ar"

    @classmethod
    def summary(cls, lang: str) -> Route | None:
        """The route that summarises ``lang``, or None when no route does."""
        try:
            return cls(f"summarize.{lang}")
        except ValueError:
            return None


class Target(StrEnum):
    """What ``--to`` asks for: translations into English, into Arabic, or both ways."""

    EN = "en"
    AR = "ar"
    BOTH = "both"

    @property
    def languages(self) -> tuple[str, ...]:
        """The target languages, in a fixed order."""
        return ("ar", "en") if self is Target.BOTH else (self.value,)


class SummaryMethod(StrEnum):
    """How a summary was made."""

    EXTRACTIVE = "extractive"
    ABSTRACTIVE = "abstractive"


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input, normalised.

    Attributes:
        text: The normalised text every segment span points into.
        source: Where it came from: a path, ``-`` for stdin, or ``<text>``.
        title: The headline, if the first line looked like one.
        encoding: The codec the input was decoded with (a Python codec name).
        replaced_bytes: How many invalid byte sequences were shown as U+FFFD (damaged UTF-8).
    """

    text: str
    source: str
    title: str | None = None
    encoding: str = "utf-8"
    replaced_bytes: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "encoding": self.encoding,
            "replaced_bytes": self.replaced_bytes,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class TweetMeta:
    """What an embedded tweet carries besides its text.

    Attributes:
        text: The tweet's own text, without the signature line.
        author: The display name, or None when the signature had none.
        handle: ``@handle``.
        date: ISO ``YYYY-MM-DD`` when it parsed, else the raw date as written.
        urls: Links in the text, in order.
        hashtags: ``#tags`` in the text, in order.
        mentions: ``@handles`` in the text, in order.
        repeats: How many times the tweet appeared in the input.
        spans: Character spans of every copy in the document, first copy first.
        link: The tweet's status URL, when the input had it (HTML embeds do).
        retweet_of: ``@handle`` when the text is a retweet (``RT @handle: ...``).
    """

    text: str
    author: str | None
    handle: str
    date: str | None
    urls: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    repeats: int = 1
    spans: tuple[tuple[int, int], ...] = ()
    link: str | None = None
    retweet_of: str | None = None
    # Not a field: the JSON ``tweet`` object stays as it was; merging and cards read it.
    platform: ClassVar[Platform] = Platform.X

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "text": self.text,
            "author": self.author,
            "handle": self.handle,
            "date": self.date,
            "urls": list(self.urls),
            "hashtags": list(self.hashtags),
            "mentions": list(self.mentions),
            "repeats": self.repeats,
            "spans": [list(span) for span in self.spans],
            "link": self.link,
            "retweet_of": self.retweet_of,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PostMeta:
    """What an embedded post of Instagram, Facebook, YouTube, TikTok or Telegram carries.

    The fields a tweet has keep their meaning; the rest are what one platform prints.

    Attributes:
        platform: Where the post comes from.
        text: The caption (a YouTube video's title), without the platform's lines around
            it; empty when the embed carried none.
        author: The display name or page name as printed, or None.
        handle: ``@handle`` (a Telegram channel's username), or None (Facebook prints none).
        date: ISO 8601 as printed: ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` with the UTC
            offset of the printed zone when a time was printed (``2017-12-20T19:13-08:00``).
        zone: The zone abbreviation printed with the time (``PST``), else None.
        title: A separate title line (a Facebook video's), or None.
        link: The post's permalink in canonical form, when the input had it.
        urls: Links in the caption, in order.
        hashtags: ``#tags`` in the caption, in order.
        mentions: ``@handles`` in the caption, in order.
        repeats: How many times the post appeared in the input.
        spans: Character spans of every copy in the document, first copy first.
        truncated: The platform cut the caption short (``...``).
        forwarded_from: The channel a Telegram post was forwarded from.
        music: A TikTok video's sound line (``♬ original sound - Name``).
    """

    platform: Platform
    text: str
    author: str | None = None
    handle: str | None = None
    date: str | None = None
    zone: str | None = None
    title: str | None = None
    link: str | None = None
    urls: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    repeats: int = 1
    spans: tuple[tuple[int, int], ...] = ()
    truncated: bool = False
    forwarded_from: str | None = None
    music: str | None = None

    @property
    def when(self) -> str | None:
        """The date as a reader would write it: ``2017-12-20 19:13 PST``, or ``2015-11-19``."""
        if self.date is None or "T" not in self.date:
            return self.date
        day, time = self.date[:10], self.date[11:16]
        return " ".join(part for part in (day, time, self.zone) if part)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "platform": str(self.platform),
            "text": self.text,
            "author": self.author,
            "handle": self.handle,
            "date": self.date,
            "zone": self.zone,
            "title": self.title,
            "link": self.link,
            "urls": list(self.urls),
            "hashtags": list(self.hashtags),
            "mentions": list(self.mentions),
            "repeats": self.repeats,
            "spans": [list(span) for span in self.spans],
            "truncated": self.truncated,
            "forwarded_from": self.forwarded_from,
            "music": self.music,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """One unit of the article: the title, a sentence, a tweet or another platform's post.

    Attributes:
        id: 1-based, stable, in reading order.
        kind: Title, sentence, tweet or post.
        text: The segment's text (for a tweet or post, its text without the signature; for
            a post that has no caption, its link or handle).
        span: ``(start, end)`` offsets into ``Document.text``.
        raw_span: ``(start, end)`` offsets into the decoded input, to highlight the original;
            None when the input was an HTML page (its text was extracted, not read as is).
        lang: ``ar``, ``en``, ``und`` or another ISO code.
        lang_confidence: How sure detection is, 0..1 (see README, "Language detection").
        tweet: Metadata when ``kind`` is ``tweet``.
        post: Metadata when ``kind`` is ``post``.
    """

    id: int
    kind: SegmentKind
    text: str
    span: tuple[int, int]
    lang: str = "und"
    lang_confidence: float = 0.0
    tweet: TweetMeta | None = None
    raw_span: tuple[int, int] | None = None
    post: PostMeta | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "id": self.id,
            "kind": str(self.kind),
            "text": self.text,
            "span": list(self.span),
            "lang": self.lang,
            "lang_confidence": round(self.lang_confidence, 3),
            "tweet": self.tweet.to_dict() if self.tweet else None,
            "raw_span": list(self.raw_span) if self.raw_span else None,
            "post": self.post.to_dict() if self.post else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Translation:
    """A segment's text in the other language."""

    segment_id: int
    direction: Direction
    text: str
    model: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "segment_id": self.segment_id,
            "direction": str(self.direction),
            "text": self.text,
            "model": self.model,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SummarySentence:
    """One summary sentence and the segments it came from."""

    text: str
    source_ids: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"text": self.text, "source_ids": list(self.source_ids)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """A summary in one language."""

    lang: str
    method: SummaryMethod
    model: str | None
    sentences: tuple[SummarySentence, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "lang": self.lang,
            "method": str(self.method),
            "model": self.model,
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """A soft problem the user should know about, with its remedy in the message.

    A ``model_unavailable`` notice also carries its parts, so that a renderer can group
    the models missing for the same reason without reading them back out of the message.

    Attributes:
        code: What kind of problem (see README, "JSON schema").
        message: One sentence: what, where, and how to fix it.
        route: The route whose model is unavailable, else None.
        model: That route's model id or directory.
        reason: Why it is unavailable, in a few words.
        fix: What the user can do about it.
    """

    code: str
    message: str
    route: str | None = None
    model: str | None = None
    reason: str | None = None
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "code": self.code,
            "message": self.message,
            "route": self.route,
            "model": self.model,
            "reason": self.reason,
            "fix": self.fix,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """Everything one pipeline run produced."""

    document: Document
    segments: tuple[Segment, ...]
    translations: tuple[Translation, ...] = ()
    summaries: tuple[Summary, ...] = ()
    warnings: tuple[Notice, ...] = ()
    models: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def translation_of(self, segment_id: int) -> Translation | None:
        """Return the first translation of a segment, or None."""
        return next((t for t in self.translations if t.segment_id == segment_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the versioned schema documented in the README."""
        return {
            "schema_version": SCHEMA_VERSION,
            "document": self.document.to_dict(),
            "segments": [s.to_dict() for s in self.segments],
            "translations": [t.to_dict() for t in self.translations],
            "summaries": [s.to_dict() for s in self.summaries],
            "warnings": [w.to_dict() for w in self.warnings],
            "models": dict(self.models),
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
