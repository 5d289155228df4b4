"""Text to tokens and back for CTranslate2 models, without torch or transformers.

Each tokenizer gives the tokens the route's transformers tokenizer gives (checked against it
on every tiny model family in the tests), as strings, since that is what ct2 takes:

- **Marian** (opus-mt): SentencePiece ``source.spm``; a leading ``>>xx<<`` language code is
  one token of its own, as ``MarianTokenizer`` makes it; ``</s>`` ends the input. Outputs
  are decoded with ``target.spm``. One difference is deliberate: text that contains the
  literal string ``</s>`` or ``<unk>`` stays text here, where transformers reads it as the
  special token.
- **BART, T5, mT5**: the model's own ``tokenizer.json`` (written at conversion) through the
  ``tokenizers`` library, which is what transformers runs too, special tokens included.

Tokenising is cached per text: the stages count a text's tokens before they batch it, and
the count and the generation then share one tokenisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

__all__ = ["TokenCache", "Tokenizer", "load_tokenizer"]

_SPIECE_SPACE = "\u2581"
_MARIAN_SPECIAL = frozenset({"</s>", "<unk>", "<pad>"})
# Enough for a batch run's window of segments (and their parts) several times over.
_CACHE_LIMIT = 8192


class Tokenizer(Protocol):
    """Turns texts into model tokens and generated tokens into text."""

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        """Tokens of each text, end mark (and start mark, where the model has one) included."""
        ...

    def decode(self, tokens: Sequence[str]) -> str:
        """Text of generated tokens, special tokens left out."""
        ...


class _Marian:
    def __init__(self, folder: Path) -> None:
        import sentencepiece as spm

        self._source = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self._target = spm.SentencePieceProcessor(model_file=str(folder / "target.spm"))

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        return [self._encode(text) for text in texts]

    def _encode(self, text: str) -> list[str]:
        code: list[str] = []
        end = text.find("<<") if text.startswith(">>") else -1
        if end != -1:  # MarianTokenizer's language code: one token, then the text
            code, text = [text[: end + 2]], text[end + 2 :]
        pieces: list[str] = self._source.encode(text, out_type=str)
        return [*code, *pieces, "</s>"]

    def decode(self, tokens: Sequence[str]) -> str:
        pieces = [t for t in tokens if t not in _MARIAN_SPECIAL]
        text: str = self._target.decode_pieces(pieces)
        return text.replace(_SPIECE_SPACE, " ").strip()


class _TokenizerJson:
    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer as Rust

        self._tokenizer: Any = Rust.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_truncation()  # the stages split long inputs; generate truncates
        self._tokenizer.no_padding()

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        return [list(e.tokens) for e in self._tokenizer.encode_batch(list(texts))]

    def decode(self, tokens: Sequence[str]) -> str:
        ids = [self._tokenizer.token_to_id(t) for t in tokens]
        text: str = self._tokenizer.decode([i for i in ids if i is not None], True)
        return text


def load_tokenizer(folder: Path, family: str) -> Tokenizer:
    """The tokenizer of a converted model folder (see the module docstring).

    Raises:
        OSError: A tokenizer file is missing or unreadable.
    """
    if family == "marian":
        return _Marian(folder)
    return _TokenizerJson(folder)


class TokenCache:
    """Remembers the tokens of recent texts, so a text counted is not tokenised again."""

    def __init__(self, tokenizer: Tokenizer, prefix: str = "") -> None:
        self.tokenizer = tokenizer
        self.prefix = prefix
        self._seen: dict[str, list[str]] = {}

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """Tokens of each text with the route's prefix put before it."""
        new = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if new:
            if len(self._seen) + len(new) > _CACHE_LIMIT:
                self._seen.clear()
            inputs = [f"{self.prefix} {t}" if self.prefix else t for t in new]
            self._seen.update(zip(new, self.tokenizer.encode(inputs), strict=True))
        return [self._seen[t] if t in self._seen else self._one(t) for t in texts]

    def _one(self, text: str) -> list[str]:
        # Only when the cache was cleared between storing and reading (a huge batch).
        return self.tokenizer.encode([f"{self.prefix} {text}" if self.prefix else text])[0]
