"""Reading ids and numbers that a user typed or posted, without trusting their size.

Python's ints have no limit but database integers do: an id of 26 digits passed to a
query makes SQLite raise OverflowError (and PostgreSQL a DataError) inside the view, a
500. Django guards exact/lt/gt lookups on integer fields but not ``__in``, JSON values or
raw arithmetic, so every posted id goes through :func:`parse_id` first.
"""

from __future__ import annotations

# The largest value of a 64-bit signed integer column (BigAutoField, SQLite INTEGER).
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The positive database id ``value`` spells, or None when it is not one.

    Only plain ASCII digits are accepted (``int()`` would also take "٣", " 7", "+7" and
    "1_0"), and only ids a 64-bit column can hold.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value) if value is not None else ""
        if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
            return None
        number = int(text)
    return number if 1 <= number <= MAX_ID else None


def parse_int(value, *, low: int = -MAX_ID, high: int = MAX_ID) -> int | None:
    """The integer ``value`` spells within [low, high] (optional leading minus), else None."""
    text = str(value).strip() if value is not None else ""
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if low <= number <= high else None
