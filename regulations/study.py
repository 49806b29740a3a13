"""Izin belajar and tugas belajar: may a PNS study for a higher ijazah with the employer's leave?

Legal basis: the service standards of seed 000 (BKD Kalbar) [S000], which are what a BKD checks:

* izin belajar asks for "SKP 2 tahun terakhir" and tugas belajar for "PPK PNS 2 tahun terakhir
  bernilai Baik": the appraisal of each of the two calendar years before the request is at least
  Baik (:func:`regulations.ujian_dinas.appraisal_failures`);
* both ask for "BAN-PT dan BAN-PRODI": the institution and the programme are accredited, and an
  ijazah from an unaccredited programme cannot later be used for a KP penyesuaian ijazah
  (UPKP needs an ijazah "dari perguruan tinggi yang telah terakreditasi" [S004]);
* both ask for a "surat keterangan tidak pernah dijatuhi hukuman disiplin": a punishment being
  served blocks, as it blocks the UPKP the ijazah leads to [S004]. A *ringan* punishment has no
  duration (PP 94/2021 Pasal 8 ayat (2)) and never blocks by itself; the verifier reads the
  letter for older records;
* the programme leads to an ijazah higher than the one held: studying for a level already held
  is not a izin belajar the BKD grants (it cannot lead to a UPKP).

Only PNS may be given izin/tugas belajar (CPNS and PPPK are not) [S000].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from regulations.inputs import parse_iso_date, parse_json_argument, reject_unknown_fields, required
from regulations.ranks import Pendidikan, pendidikan
from regulations.reasons import Reason, RuleInputError, Verdict
from regulations.ujian_dinas import (
    PEGAWAI_FIELDS,
    Pegawai,
    appraisal_failures,
    pegawai_from_json,
    status_failures,
)

# The order of ijazah levels, lowest first. D-IV ranks with S-1 and dokter/apoteker/profesi
# with S-2, as in the starting-rank table (domain.md §2.2).
LEVEL: dict[Pendidikan, int] = {
    Pendidikan.SD: 0,
    Pendidikan.SLTP: 1,
    Pendidikan.SLTP_KEJURUAN: 1,
    Pendidikan.SLTA: 2,
    Pendidikan.D1: 3,
    Pendidikan.D2: 4,
    Pendidikan.SGPLB: 4,
    Pendidikan.D3: 5,
    Pendidikan.D4: 6,
    Pendidikan.S1: 6,
    Pendidikan.S2: 7,
    Pendidikan.S3: 8,
}

# Accreditation grades (BAN-PT / LAM) that count as accredited; "belum" is the only one that does not.
ACCREDITED = frozenset({"unggul", "a", "baik_sekali", "b", "baik", "c"})


@dataclass(frozen=True)
class StudyConfig:
    """``appraisal_years``: how many calendar years before the request must be at least Baik
    (seed 000 asks for two)."""

    appraisal_years: int = 2


DEFAULT_STUDY_CONFIG = StudyConfig()


@dataclass(frozen=True)
class StudyPlan:
    """What the employee asks to study: the ijazah level sought and the programme's grade
    (``None`` when not given yet: the rule then says nothing about it)."""

    jenjang: Pendidikan | None = None
    akreditasi: str | None = None


def study_permit(
    p: Pegawai,
    today: date,
    *,
    pns: bool = True,
    plan: StudyPlan = StudyPlan(),
    config: StudyConfig = DEFAULT_STUDY_CONFIG,
) -> Verdict:
    """The verdict for an izin or tugas belajar asked on ``today``."""
    failures = []
    if not pns:
        failures.append(Reason("bukan_pns", "Izin/tugas belajar hanya untuk PNS."))
    failures += status_failures(p, today)
    failures += appraisal_failures(p.appraisals, range(today.year - config.appraisal_years, today.year))
    if plan.jenjang is not None and LEVEL[plan.jenjang] <= LEVEL[p.pendidikan]:
        failures.append(
            Reason(
                "jenjang_sudah_dimiliki",
                f"Jenjang {plan.jenjang.value} tidak lebih tinggi dari pendidikan terakhir "
                f"({p.pendidikan.value}); izin belajar untuk ijazah yang lebih tinggi.",
            )
        )
    if plan.akreditasi is not None and plan.akreditasi not in ACCREDITED:
        failures.append(
            Reason(
                "belum_terakreditasi",
                "Program studi belum terakreditasi (BAN-PT/LAM); ijazahnya tidak dapat dipakai "
                "untuk penyesuaian ijazah.",
            )
        )
    return Verdict.from_failures(failures)


def command_izin_belajar(argv: list[str]) -> dict:
    """``izin-belajar JSON``: the employee fields of kp-reguler plus ``today``, ``pns``
    (default true), ``jenjang`` (the ijazah sought) and ``akreditasi``."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "today", "pns", "jenjang", "akreditasi"))
    today = parse_iso_date(required(data, "today"), "today")
    pns = data.get("pns", True)
    if not isinstance(pns, bool):
        raise RuleInputError("pns harus true atau false.")
    akreditasi = data.get("akreditasi")
    if akreditasi is not None and (
        not isinstance(akreditasi, str) or akreditasi not in {*ACCREDITED, "belum"}
    ):
        raise RuleInputError(
            f"akreditasi tidak dikenal: {akreditasi!r}. Pilihan: {', '.join(sorted(ACCREDITED))}, belum."
        )
    plan = StudyPlan(
        jenjang=None if data.get("jenjang") is None else pendidikan(str(data["jenjang"])),
        akreditasi=akreditasi,
    )
    verdict = study_permit(pegawai_from_json(data), today, pns=pns, plan=plan)
    return {"today": today.isoformat(), **verdict.as_dict()}
