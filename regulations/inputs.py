"""Reading command input (JSON and command-line arguments) with Indonesian errors.

Legal basis: none; this module holds no rule. It is the one place where the ``python -m
regulations`` commands turn user input into values: every error it raises is a
:class:`~regulations.reasons.RuleInputError` whose message names the offending field, so the
CLI prints it as ``{"error": "<pesan>"}``. It also writes numbers the Indonesian way
(:func:`angka`), which those messages and the rules' reasons share.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import NoReturn

from regulations.reasons import RuleInputError


def angka(value: float, decimals: int | None = None) -> str:
    """A number as Indonesians write it, with a decimal comma: ``22,5`` and ``15`` (no trailing
    zeros), or with exactly ``decimals`` decimals: ``angka(2.5, 2) == "2,50"``."""
    text = f"{value:g}" if decimals is None else f"{value:.{decimals}f}"
    return text.replace(".", ",")


def parse_json_argument(argv: list[str]) -> dict:
    """The single JSON-object argument most commands take."""
    if len(argv) != 1:
        raise RuleInputError("Berikan tepat satu argumen JSON.")
    try:
        data = json.loads(argv[0])
    except json.JSONDecodeError as exc:
        raise RuleInputError(f"JSON tidak valid: {exc.msg} (kolom {exc.colno}).") from exc
    if not isinstance(data, dict):
        raise RuleInputError("JSON harus berupa objek {...}.")
    return data


class RuleArgumentParser(argparse.ArgumentParser):
    """argparse for commands, raising RuleInputError (JSON error, exit 1) instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise RuleInputError(f"Argumen tidak valid: {message}")


def reject_unknown_fields(data: dict, known: Iterable[str], where: str = "") -> None:
    """Catch misspelt optional fields, which would otherwise be silently ignored.

    ``where`` prefixes the word "tidak dikenal" for nested objects, e.g. ``"config "``.
    """
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise RuleInputError(f"Kolom {where}tidak dikenal: {', '.join(unknown)}.")


def required(data: dict, name: str) -> object:
    """``data[name]``, or an error saying the field must be filled in."""
    if name not in data:
        raise RuleInputError(f"Kolom {name} wajib diisi.")
    return data[name]


def parse_iso_date(value: object, field: str) -> date:
    """A date given as an ISO string (YYYY-MM-DD; surrounding spaces ignored)."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RuleInputError(f"{field} harus tanggal ISO YYYY-MM-DD, bukan {value!r}.")


def json_number(
    value: object,
    name: str,
    *,
    integer: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float:
    """A JSON number (never a JSON true/false), optionally whole and within bounds."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (integer and not isinstance(value, int))
    ):
        kind = "bilangan bulat" if integer else "angka"
        raise RuleInputError(f"{name} harus {kind}, bukan {value!r}.")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else angka(minimum)
        high = "" if maximum is None else angka(maximum)
        bounds = (
            f"antara {low} dan {high}" if low and high else (f"minimal {low}" if low else f"maksimal {high}")
        )
        raise RuleInputError(f"{name} harus {bounds}, bukan {angka(value)}.")
    return value


def json_object(value: object, name: str) -> dict:
    if not isinstance(value, dict):
        raise RuleInputError(f"{name} harus objek {{...}}, bukan {value!r}.")
    return value


def json_list(value: object, name: str) -> list:
    if not isinstance(value, list):
        raise RuleInputError(f"{name} harus daftar [...], bukan {value!r}.")
    return value


def parse_choice[E: Enum](
    kind: type[E], value: object, label: str, normalise: Callable[[str], str] = str
) -> E:
    """A member of the enum ``kind`` from its code (a string passes ``normalise`` first), or
    an error listing the codes: ``"{label} 'x' tidak dikenal. Pilihan: a, b."``."""
    try:
        return kind(normalise(value) if isinstance(value, str) else value)
    except ValueError:
        choices = ", ".join(str(k.value) for k in kind)
        raise RuleInputError(f"{label} {value!r} tidak dikenal. Pilihan: {choices}.") from None
