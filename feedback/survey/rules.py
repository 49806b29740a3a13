"""The questionnaire as data: the nine unsur with their answer levels, the respondent
profile and the unit pelayanan of each service, read from feedback/content/."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from regulations.skm import UNSUR

CONTENT = Path(__file__).resolve().parent.parent / "content"
PROFILE_FIELDS = ("age_band", "gender", "education", "occupation")
UNSUR_FIELDS = tuple(f"u{i}" for i in range(1, len(UNSUR) + 1))


@dataclass(frozen=True)
class Unsur:
    code: str
    name: str
    question: str
    levels: tuple[str, str, str, str]  # answer 1 … 4


@dataclass(frozen=True)
class ProfileField:
    code: str
    label: str
    choices: tuple[tuple[str, str], ...]


def _load(name: str):
    with (CONTENT / name).open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@functools.cache
def unsur() -> tuple[Unsur, ...]:
    rows = tuple(
        Unsur(row["code"], row["name"], row["question"], tuple(row["levels"])) for row in _load("unsur.yaml")
    )
    # The file must follow the rule's order: the IKM is computed by position.
    if tuple(u.name for u in rows) != UNSUR or tuple(u.code for u in rows) != UNSUR_FIELDS:
        raise ValueError("feedback/content/unsur.yaml must list the unsur of regulations.skm.UNSUR in order")
    return rows


@functools.cache
def profile() -> dict[str, ProfileField]:
    data = _load("profile.yaml")
    return {
        code: ProfileField(code, data[code]["label"], tuple((c, label) for c, label in data[code]["choices"]))
        for code in PROFILE_FIELDS
    }


def profile_choices(code: str) -> list[tuple[str, str]]:
    return list(profile()[code].choices)


@functools.cache
def _units() -> dict:
    return _load("units.yaml")


def unit_for_service(slug: str | None) -> str:
    """The unit pelayanan answerable for a service (the default unit for an unknown one)."""
    units = _units()
    return units["services"].get(slug or "", units["default"])


def helpdesk_unit() -> str:
    return _units()["helpdesk"]
