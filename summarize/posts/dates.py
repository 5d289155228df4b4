"""Dates as platforms print them under a post, turned into ISO 8601.

Tweets print ``November 19, 2015`` (also with Arabic month names and digits); Instagram
``Dec 20, 2017 at 7:13pm PST`` (or in French ``22 Juin 2019 à 14h05 PDT``); Facebook
``Thursday, 19 November 2015``. A printed time is local to the printed zone, so it is kept
with that zone's UTC offset rather than converted: the page's own ``<time datetime>`` is
UTC and often falls on the next day, and the pasted text and the page must agree.
"""

from __future__ import annotations

import re
from datetime import date

from summarize.entities import fold_digits

__all__ = [
    "EN_MONTHS",
    "FR_MONTH",
    "MONTH_WORDS",
    "WEEKDAY",
    "ZONE",
    "iso_datetime",
    "month_number",
    "parse_date",
    "parse_numeric_date",
    "twelve_hour",
]

EN_MONTHS = [
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
_EN_MONTH_ABBR = [m[:3] for m in EN_MONTHS] + ["sept"]
# Levantine/Iraqi names and the Egyptian/Gulf transliterations are both in use.
_AR_MONTHS: dict[str, int] = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6,
    "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "آب": 8, "سبتمبر": 9,
    "أيلول": 9, "أكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الأول": 12,
}  # fmt: skip
_FR_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
# Two-word Levantine names ("تشرين الثاني") match with any run of spaces between.
MONTH_WORDS = "|".join(
    name.replace(" ", r"\s+")
    for name in sorted([*EN_MONTHS, *_EN_MONTH_ABBR, *_AR_MONTHS], key=len, reverse=True)
)
# Instagram capitalises French months ("22 Juin 2019"); month_number folds the case.
FR_MONTH = "(?i:" + "|".join(sorted(_FR_MONTHS, key=len, reverse=True)) + ")"
WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A closed list, longest first: "[A-Z]{3,5}" would eat a glued word ("PSTHappy"). Instagram
# prints Pacific time whatever the reader's zone; the others are what a server might use.
_OFFSETS = {
    "AKST": "-09:00", "AKDT": "-08:00", "PST": "-08:00", "PDT": "-07:00", "MST": "-07:00",
    "MDT": "-06:00", "CST": "-06:00", "CDT": "-05:00", "EST": "-05:00", "EDT": "-04:00",
    "UTC": "+00:00", "GMT": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00",
}  # fmt: skip
ZONE = "|".join(sorted(_OFFSETS, key=len, reverse=True))


def month_number(month: str) -> int | None:
    """1-12 for an English (full or abbreviated), Arabic or French month name, else None."""
    name = " ".join(month.lower().rstrip(".").split())
    if name in _AR_MONTHS:
        return _AR_MONTHS[name]
    if name in _FR_MONTHS:
        return _FR_MONTHS[name]
    for index, english in enumerate(EN_MONTHS, start=1):
        if english.startswith(name) and len(name) >= 3:
            return index
    return None


def parse_date(month: str, day: str, year: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a month name (English or Arabic) and digits, else None."""
    number = month_number(month)
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


def iso_datetime(day_iso: str, hour: int, minute: int, zone: str | None) -> str | None:
    """``2017-12-20T19:13-08:00`` (the zone's offset appended when it has a fixed one)."""
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{day_iso}T{hour:02d}:{minute:02d}{_OFFSETS.get(zone or '', '')}"


def twelve_hour(hour: int, half: str) -> int:
    """24-hour clock from ``7`` and ``pm``: 12am is midnight, 12pm is noon."""
    return hour % 12 + (12 if half.lower() == "pm" else 0)
