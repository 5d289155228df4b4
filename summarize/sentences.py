"""Sentence boundaries within one line of Arabic, English or mixed text.

Arabic news breaks the rules English splitters assume: sentences are often glued with no
space after the full stop (``الراهن.وتحمي``), Arabic has no capital letters to confirm a
sentence start, and ``؟`` is the question mark. Single-letter Arabic abbreviations such as
``د.`` (doctor) and ``أ.`` (professor) must not end a sentence; neither may decimals, URLs,
e-mails, dotted initialisms (``سي.بي.إس``, ``أ.ف.ب``), list markers or English
abbreviations. An English abbreviation that may close a sentence (``Co.``, ``U.S.``,
``p.m.``) ends one only before a word that typically opens a sentence (``The``, ``How``,
``She``). Spans are exact character offsets; every rule is a bounded look around one
terminator, so splitting is linear in the length of the line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from summarize.abbreviations import (
    ARABIC_PREPOSITIVE,
    BEFORE_NUMBER,
    ERA,
    OPENERS,
    POSTPOSITIVE,
    PREPOSITIVE,
)
from summarize.entities import ARABIC_LETTER, DIGIT, EMAIL, URL, is_arabic_letter, is_arabic_mark

__all__ = ["split_sentences", "strip_spaces"]

# ۔ is the Urdu full stop. ". . ." (spaced dots) is one ellipsis, matched before single dots.
_TERMINATORS = re.compile(r"(?:\.(?:[ \u00a0]\.){2,}|[.!?؟…۔]+)[”\"'»)\]]*")
_ENDS = ".!?؟…"
_CLOSERS = "”\"'»)]"
_L = ARABIC_LETTER.pattern
# سي.بي.إس, أ.ف.ب, سي.إن.إن: three or more parts of one to three letters joined by dots.
# Starts only where no letter or dot precedes, so a long dotted run is entered once.
_ARABIC_INITIALISM = re.compile(rf"(?<!{_L})(?<!\.)(?:{_L}{{1,3}}\.){{2,}}{_L}{{1,3}}(?!{_L})")
_QUOTE_OPENERS = "“«\"'(["
_LIST_MARKER = re.compile(rf"^\s*(?:[{DIGIT}]{{1,3}}|[A-Za-z]|{_L})[.)](?=\s)")
# “...” and «...» up to 600 characters; straight quotes are too ambiguous to pair.
_QUOTATION = re.compile(r"“[^“”\n]{1,600}”|«[^«»\n]{1,600}»")
_STRAIGHT_QUOTATION = re.compile(r'"[^"\n]{1,600}"')
# A list item's marker anywhere in a line: "1.", "2)", "3.)", "a.", "١.", "• 9.", "⁃10.".
_ITEM_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?P<bullet>[•⁃▪◦‣*][ \u00a0]?)?"
    rf"(?P<label>[{DIGIT}]{{1,2}}|[a-z])(?P<punct>\.\)|[.)])(?=[ \u00a0]+\S)"
)
_FIRST_LABELS = frozenset("1١۱a")
_PARENTHESIS = re.compile(r"\([^()\n]{1,600}\)|\[[^\[\]\n]{1,600}\]")
_NON_SPACE = re.compile(r"\S")
_NEXT_WORD = re.compile(r"[\s\"“«'(\[]*([A-Za-z]+)")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one line of text into sentence spans, stripped of surrounding spaces.

    Args:
        text: A line of normalised text.

    Returns:
        ``(start, end)`` spans into ``text`` in order; empty pieces are dropped.
    """
    protected, item_starts = _protected(text)
    cuts = [0]
    pending = item_starts[::-1]  # popped from the end, in order
    for match in _TERMINATORS.finditer(text):
        while pending and pending[-1] <= match.start():
            _cut(cuts, pending.pop())
        end = _sentence_end(text, match, protected, cuts[-1])
        if end is not None:
            _cut(cuts, end)
    for item in reversed(pending):
        _cut(cuts, item)
    cuts.append(len(text))
    return [strip_spaces(text, s, e) for s, e in pairwise(cuts) if text[s:e].strip()]


def _cut(cuts: list[int], at: int) -> None:
    if at > cuts[-1]:
        cuts.append(at)


def strip_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to its first and last non-space characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _protected(text: str) -> tuple[bytearray, list[int]]:
    """Mark the characters at which no sentence can end; find where list items start.

    Protected: URLs and e-mail addresses; Arabic dotted initialisms (``أ.ف.ب``); a list marker
    at the start of a line (``1.``, ``١.``, ``a)``), which belongs to its item, and every
    marker of a numbered list (``1. … 2. …``); and a quotation or parenthesis that closes on
    the same line — a quoted statement of several sentences is one segment, as a reader would
    cite it. A quotation's own last full stop may still end the sentence (``«Go now. Leave.»
    And``), and so may a parenthesis's when it opens a sentence (``(He left.) She stayed.``).
    A quote that never closes protects nothing.

    Returns:
        A mask (1 = protected) as long as ``text``, and the sorted offsets at which an item of
        a list that opens the line (or a sentence) starts a new segment.
    """
    patterns = (URL, EMAIL, _LIST_MARKER, _ARABIC_INITIALISM)
    spans = [m.span() for pattern in patterns for m in pattern.finditer(text)]
    quotes = list(_QUOTATION.finditer(text))
    if text.count('"') % 2 == 0:  # straight quotes pair up only when they are balanced
        quotes += _STRAIGHT_QUOTATION.finditer(text)
    spans += [(q.start() + 1, q.end() - 1 - _trailing_ends(q.group()[1:-1])) for q in quotes]
    for paren in _PARENTHESIS.finditer(text):
        opens_sentence = _previous_char(text, paren.start()) in _ENDS + _CLOSERS
        trailing = _trailing_ends(paren.group()[1:-1]) if opens_sentence else 0
        spans.append((paren.start() + 1, paren.end() - 1 - trailing))
    item_spans, item_starts = _list_items(text)
    mask = bytearray(len(text))
    for s, e in spans + item_spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask, item_starts


def _trailing_ends(inner: str) -> int:
    """How many terminators end a quotation's or parenthesis's inside."""
    return len(inner) - len(inner.rstrip(_ENDS))


def _list_items(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Find numbered lists: markers that count up by one (``1. … 2. …``, ``a. b. c.``).

    Every marker of such a list is protected. A list that opens the line (or follows a full
    stop) is a list of segments: each later item starts one. A list that starts inside a
    sentence ("… أن ١. أسعار الغذاء ٢. الأجور …") stays in it. Inside a sentence a list must
    count from 1 (or a), so that years (2019. … 2020.) or totals are not read as markers, and
    its first item must not open like an English sentence ("The score was 1. Then it was 2.").
    """
    spans: list[tuple[int, int]] = []
    starts: list[int] = []
    for chain in _marker_chains(text):
        first = chain[0]
        opens = _previous_char(text, first.start()) in _ENDS + _CLOSERS
        if not opens and (
            first.group("label") not in _FIRST_LABELS or _opens_sentence(text, first.end())
        ):
            continue  # "The score was 1. Then it was 2.": numbers ending sentences
        spans.extend(m.span() for m in chain)
        if opens:
            starts.extend(m.start() for m in chain[1:])
    return spans, sorted(starts)


def _marker_chains(text: str) -> list[list[re.Match[str]]]:
    """Runs of two or more item markers of one style whose labels count up by one."""
    chains: list[list[re.Match[str]]] = []
    open_chains: dict[tuple[str, bool], list[re.Match[str]]] = {}
    for marker in _ITEM_MARKER.finditer(text):
        key = (marker.group("punct"), marker.group("label").isdigit())
        chain = open_chains.get(key)
        if chain and _label_value(chain[-1]) + 1 == _label_value(marker):
            chain.append(marker)
        else:
            open_chains[key] = chain = [marker]
            chains.append(chain)
    return [chain for chain in chains if len(chain) > 1]


def _label_value(marker: re.Match[str]) -> int:
    label = marker.group("label")
    return int(label) if label.isdigit() else ord(label)


def _previous_char(text: str, index: int) -> str:
    """The last non-space character before ``index``; "" at the start of the text."""
    i = index - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _sentence_end(text: str, match: re.Match[str], protected: bytearray, start: int) -> int | None:
    """Where the sentence ends at this run of terminators, or None when it goes on."""
    pos, end = match.start(), match.end()
    if protected[pos]:
        return None
    group = match.group()
    if group.startswith((". ", ".\u00a0")):
        return _spaced_ellipsis_end(text, match)
    after = text[end] if end < len(text) else ""
    before = text[pos - 1] if pos > 0 else ""
    if group == ".":
        verdict = _dot_verdict(text, pos, before, after)
        if verdict == "never":
            return None
        if verdict == "maybe":
            return end if _opens_sentence(text, end) and _words_before(text, start, pos) else None
    if not after:
        return end
    if after.isspace():
        # "e.g. this": a lowercase Latin word cannot start an English sentence.
        return None if _lowercase_latin_follows(text, end) else end
    closed = group.rstrip(_CLOSERS) != group
    return end if _glued_start(before, after, text[end : end + 2], closed) else None


def _lowercase_latin_follows(text: str, end: int) -> bool:
    following = _NON_SPACE.search(text, end)
    first = following.group() if following else ""
    return first.isascii() and first.islower()


def _spaced_ellipsis_end(text: str, match: re.Match[str]) -> int | None:
    """Spaced dots: ". . ." leaves words out inside a sentence; ". . . ." ends one.

    Four spaced dots after a space are an ellipsis and a full stop: the sentence ends after
    them. Glued to a word ("compounds. . . . The"), the first dot ends the sentence and the
    three after it open the next one — unless nothing follows them.
    """
    pos, end = match.start(), match.end()
    if _NON_SPACE.search(text, end) is None:
        return end
    if match.group().count(".") < 4:
        return None
    if pos > 0 and not text[pos - 1].isspace():
        return pos + 1
    return None if _lowercase_latin_follows(text, end) else end


def _dot_verdict(text: str, pos: int, before: str, after: str) -> str:
    """Can a single full stop end a sentence here: "yes", "never" or "maybe".

    "maybe" (an abbreviation that may also close a sentence) ends one only before a word that
    typically opens a sentence.
    """
    if before.isdigit() and after.isdigit():
        return "never"  # 3.5
    word = re.search(r"[\w.°º]*$", text[max(0, pos - 40) : pos])  # a bounded look back
    token = word.group() if word else ""
    lower = token.lower()
    if lower in PREPOSITIVE or token in ARABIC_PREPOSITIVE:
        return "never"
    next_char = _NON_SPACE.search(text, pos + 1)
    before_number = next_char is not None and next_char.group().isdigit()
    single_lower = len(lower) == 1 and lower.isascii() and lower.islower()
    if before_number and (lower in BEFORE_NUMBER or single_lower):
        return "never"  # p. 12, No. 5
    if lower in POSTPOSITIVE or lower in BEFORE_NUMBER or _DOTTED_LETTERS.fullmatch(lower):
        return "maybe"  # Inc., U.S., E.U., a.m., P.M.
    if len(token) == 1 and token.isalpha():
        return _single_letter_verdict(text, pos, token, before)
    return "yes"


def _single_letter_verdict(text: str, pos: int, letter: str, before: str) -> str:
    if _is_arabic(before):
        # "د. محمد" is a title; "762 م." is a year.
        return "yes" if letter in ERA and _after_number(text, pos - 1) else "never"
    if before.isupper():
        # An initial (J. K. Rowling, Peter I. Novak) unless a lowercase word precedes it:
        # "you and I. Did", "plan B. It" may end a sentence.
        return "maybe" if _previous_word_is_lowercase(text, pos - 1) else "never"
    return "yes"


def _after_number(text: str, token_start: int) -> bool:
    """Is the token at ``token_start`` written after a number ("762 م", "1440 ه")?"""
    i = token_start - 1
    if i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i].isdigit()


def _previous_word_is_lowercase(text: str, token_start: int) -> bool:
    window = text[max(0, token_start - 40) : token_start].split()
    return bool(window) and window[-1][:1].isascii() and window[-1][:1].islower()


def _opens_sentence(text: str, end: int) -> bool:
    """Does a typical sentence opener follow ("Co. The deal")? Not a name ("U.S. Senate")."""
    if end < len(text) and not text[end].isspace():
        return False
    word = _NEXT_WORD.match(text, end)
    if not word:
        return False
    gap = text[end : word.start(1)]
    return word.group(1) in OPENERS or (gap.strip() != "" and word.group(1)[:1].isupper())


def _words_before(text: str, start: int, pos: int) -> bool:
    """Does the sentence hold three words before the abbreviation? ("By 7 a.m." does not.)"""
    return len(text[max(start, pos - 200) : pos].split()) >= 4


def _glued_start(before: str, after: str, ahead: str, closed: bool) -> bool:
    """A terminator followed directly by text: does a new sentence start there?"""
    if _is_arabic(after) or after in "#@":
        return True  # الراهن.وتحمي ; الآن.#Anonymous
    if after in _QUOTE_OPENERS:
        return len(ahead) > 1 and (_is_arabic(ahead[1]) or ahead[1].isupper())
    if after.isascii() and after.isupper():
        # "الأخيرة.CloudFlare", "words.The", "in 1958.His", 'win."I', "(again).The": not
        # "U.S" or "Node.JS".
        if closed or _is_arabic(before):
            return True
        glued_after = before.islower() or before.isdigit() or before in _CLOSERS
        return glued_after and ahead[1:2].islower()
    return False


def _is_arabic(char: str) -> bool:
    """An Arabic letter or a mark on one (tashkeel): ``كتبَ.وقال`` is glued like ``كتب.وقال``."""
    return is_arabic_letter(char) or is_arabic_mark(char)
