"""The CPNS applicant's self-check: the screening of ``regulations.cpns`` (age on the closing
date, IPK by origin) plus the checks the announcement adds that need no document: a degree
from an accredited programme (S000 persyaratan 12–13). The choices (education levels,
accreditation grades, formation kinds and their age limits) are data in content/cpns.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from helpdesk.catalogue.files import load
from regulations.cpns import CpnsApplicant, CpnsConfig, screen_cpns
from regulations.reasons import Reason, Verdict

# The self-check asks nothing about photos: they are checked on upload at SSCASN. The rule
# needs a size, so it is given one inside the limits and those reasons cannot arise.
_NO_PHOTO_CHECK = 160 * 1024


def choices(kind: str) -> list[dict]:
    return load("cpns")[kind]


@dataclass(frozen=True)
class SelfCheck:
    verdict: Verdict
    age_years: int
    max_age: int
    ipk_minimum: float | None


def self_check(
    *,
    birth_date: date,
    closing_date: date,
    education: str,
    ipk: float | None,
    accreditation: str,
    in_province: bool,
    formation: str,
) -> SelfCheck:
    levels = {e["code"]: e for e in choices("education")}
    grades = {a["code"]: a for a in choices("accreditation")}
    kinds = {f["code"]: f for f in choices("formations")}
    degree = levels[education]["degree"]
    config = CpnsConfig(
        formation_max_age={f["code"]: f["max_age"] for f in kinds.values() if f["max_age"]},
    )
    screening = screen_cpns(
        CpnsApplicant(
            birth_date=birth_date,
            registered_on=closing_date,
            photo_bytes=_NO_PHOTO_CHECK,
            ipk=ipk if degree else None,
            in_province=in_province,
            formation=formation,
        ),
        config,
    )
    reasons = list(screening.verdict.reasons)
    if degree and not grades[accreditation]["accredited"]:
        reasons.append(
            Reason(
                "prodi_tidak_terakreditasi",
                "IPK harus dari perguruan tinggi dan program studi yang terakreditasi pada saat kelulusan "
                "(pengumuman seleksi BKD, persyaratan 12 dan 13).",
            )
        )
    return SelfCheck(
        Verdict.from_failures(reasons), screening.age_years, screening.max_age, screening.ipk_minimum
    )
