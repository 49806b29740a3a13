"""Whether an employee may submit a request for a service: ``check(service, pegawai, today)``.

Glue only. The rules live in ``regulations`` (pure, cited there); this module reads the
employee's master data (the Pegawai row and its histories) into the rules' inputs and
maps ``Service.eligibility`` to the rule that applies:

* ``kp_reguler``   → regulations.promotion.kp_reguler at the next KP period;
* ``kp_pilihan``   → regulations.promotion.kp_fungsional for a JF holder (AK from the
  credit-point history and regulations.credit_points); other posts are left to the verifier;
* ``ujian_dinas``  → regulations.ujian_dinas.ujian_dinas;
* ``upkp``         → regulations.ujian_dinas.upkp for the latest ijazah in the history;
* ``izin_belajar`` / ``tugas_belajar`` → regulations.study.study_permit: PNS only, no
  hukdis sedang/berat being served (a ringan one has no duration), the SKP of the last two
  years at least Baik [S000], and the answers of the request: a level higher than the one
  held, an accredited programme;
* ``pensiun``      → regulations.pension.pension: the BUP and TMT as information; the request
  opens 24 months before the TMT (regulations.pension.request_window);
* ``kenaikan_jf``  → no automatic rule yet (a note says so; the verifier checks).

A *hard failure* blocks submission; a *note* is information for the applicant.
Missing master data (no golongan, an SKP row the rules cannot read) is a hard failure
whose message says what to complete: a wrong "eligible" would be worse than a correction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from layanan.models import Eligibility
from people.records.rules.profile import jabatan_kind
from regulations import ranks
from regulations.credit_points import akk_kenaikan_pangkat
from regulations.credit_points import jenjang as parse_jenjang
from regulations.discipline import Level
from regulations.pension import pension, request_window
from regulations.promotion import kp_fungsional, kp_reguler, next_kp_period
from regulations.reasons import Reason, RuleInputError
from regulations.study import StudyPlan, study_permit
from regulations.ujian_dinas import (
    Appraisal,
    Diklat,
    DisciplinePeriod,
    Pegawai,
    Tingkat,
    UpkpRequest,
    ujian_dinas,
    upkp,
)


@dataclass(frozen=True)
class Result:
    rule: str
    hard_failures: tuple[Reason, ...] = ()
    notes: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def eligible(self) -> bool:
        return not self.hard_failures

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Everything the applicant should read: what blocks first, then the notes."""
        return self.hard_failures + self.notes

    def as_dict(self) -> dict:
        """Stored on the request (``Request.eligibility``) when it is submitted."""
        return {
            "rule": self.rule,
            "eligible": self.eligible,
            "hard_failures": [r.as_dict() for r in self.hard_failures],
            "notes": [r.as_dict() for r in self.notes],
        }


# --- master data → rule inputs -------------------------------------------------------------

# Leadership courses by the words of their recorded name (old and current names, demo data
# and imports): longest words first so "Tingkat III" is not read as "Tingkat II".
_DIKLAT_WORDS = (
    ("pengawas", Diklat.PKP),
    ("administrator", Diklat.PKA),
    ("tingkat iv", Diklat.DIKLATPIM_IV),
    ("tingkat iii", Diklat.DIKLATPIM_III),
    ("adumla", Diklat.ADUMLA),
    ("adum", Diklat.ADUM),
    ("sepala", Diklat.SEPALA),
    ("sepadya", Diklat.SEPADYA),
    ("spama", Diklat.SPAMA),
)
_UJIAN = {"ujian_dinas_i": Tingkat.I, "ujian_dinas_ii": Tingkat.II}


def jabatan_of(pegawai) -> ranks.Jabatan:
    """The kind of position the rules tell apart (people.records.rules.profile.jabatan_kind, the one reading
    of the jabatan fields); a record that does not say enough is data to complete, not a guess."""
    kind = jabatan_kind(pegawai)
    if kind is None:
        raise RuleInputError(
            _(
                "Eselon jabatan struktural atau jenjang jabatan fungsional belum tercatat pada data kepegawaian."
            )
        )
    return kind


def _diklat(rows) -> frozenset[Diklat]:
    held = set()
    for row in rows:
        if row.jenis != "kepemimpinan":
            continue
        name = row.nama.lower()
        found = next((d for words, d in _DIKLAT_WORDS if words in name), None)
        if found is not None:
            held.add(found)
    return frozenset(held)


def rule_input(pegawai) -> Pegawai:
    """The employee as regulations.ujian_dinas.Pegawai (shared by the KP, UD and UPKP rules)."""
    if pegawai.golongan_id is None or pegawai.tmt_golongan is None:
        raise RuleInputError(_("Golongan dan TMT golongan belum tercatat pada data kepegawaian."))
    if not pegawai.pendidikan:
        raise RuleInputError(_("Pendidikan terakhir belum tercatat pada data kepegawaian."))
    return Pegawai(
        golongan=ranks.golongan(pegawai.golongan.code),
        tmt_golongan=pegawai.tmt_golongan,
        pendidikan=ranks.pendidikan(pegawai.pendidikan),
        jabatan=jabatan_of(pegawai),
        diklat=_diklat(pegawai.riwayat_diklat.all()),
        lulus_ujian_dinas=frozenset(
            _UJIAN[s.jenis] for s in pegawai.sertifikat_ujian.all() if s.jenis in _UJIAN
        ),
        hukuman=tuple(
            DisciplinePeriod(Level(h.tingkat), h.tmt, h.tmt_selesai) for h in pegawai.riwayat_hukdis.all()
        ),
        cltn=pegawai.status == "cltn",
        diberhentikan_sementara=pegawai.status == "diberhentikan_sementara",
        appraisals=tuple(
            Appraisal(
                s.tahun,
                predikat=s.predikat or None,
                score=None if s.predikat or s.nilai is None else float(s.nilai),
            )
            for s in pegawai.riwayat_skp.all()
        ),
    )


# --- the rules per service kind -----------------------------------------------------------


def _status(pegawai) -> list[Reason]:
    if pegawai.status != "aktif":
        return [
            Reason(
                "tidak_aktif",
                _("Kedudukan pegawai %(status)s; layanan ini hanya untuk pegawai aktif.")
                % {"status": pegawai.get_status_display()},
            )
        ]
    return []


def _period(today: date) -> date:
    # A request made on a period date itself still counts for that period.
    return next_kp_period(today - timedelta(days=1))


# The study level answered in the request (layanan.requests.forms.JENJANG) as an ijazah kind;
# profesi (dokter, apoteker, ners) ranks with S-2 in the starting-rank table.
_STUDY_LEVEL = {
    "d3": ranks.Pendidikan.D3,
    "d4": ranks.Pendidikan.D4,
    "s1": ranks.Pendidikan.S1,
    "s2": ranks.Pendidikan.S2,
    "s3": ranks.Pendidikan.S3,
    "profesi": ranks.Pendidikan.S2,
}


def _study(pegawai, today: date, answers: dict):
    plan = StudyPlan(
        jenjang=_STUDY_LEVEL.get(answers.get("jenjang", "")), akreditasi=answers.get("akreditasi")
    )
    verdict = study_permit(rule_input(pegawai), today, pns=pegawai.jenis_pegawai == "pns", plan=plan)
    return list(verdict.reasons), []


def _kp_reguler(pegawai, today: date, answers: dict):
    result = kp_reguler(rule_input(pegawai), _period(today))
    note = Reason(
        "periode_kp",
        _("Diperiksa untuk periode KP %(tmt)s, usulan golongan %(target)s.")
        % {"tmt": date_format(result.tmt, "j F Y"), "target": result.target or "–"},
    )
    return list(result.verdict.reasons), [note]


def _kp_pilihan(pegawai, today: date, answers: dict):
    p = rule_input(pegawai)
    if not p.jabatan.fungsional:
        return [], [
            Reason(
                "diperiksa_verifikator",
                _("KP pilihan jabatan struktural diperiksa oleh verifikator BKD."),
            )
        ]
    level = parse_jenjang(pegawai.jenjang) if pegawai.jenjang else None
    required = akk_kenaikan_pangkat(level) if level else None
    if required is None:
        raise RuleInputError(
            _("Jenjang jabatan fungsional belum tercatat atau angka kreditnya belum diketahui.")
        )
    rows = sorted(pegawai.riwayat_angka_kredit.all(), key=lambda r: (r.tahun, r.pk))
    current = float(rows[-1].kumulatif or 0) if rows else 0.0
    result = kp_fungsional(p, _period(today), current, float(required), jenjang=level)
    return list(result.verdict.reasons), []


def _ujian_dinas(pegawai, today: date, answers: dict):
    result = ujian_dinas(rule_input(pegawai), today)
    return list(result.eligible.reasons), []


def _upkp(pegawai, today: date, answers: dict):
    rows = sorted(pegawai.riwayat_pendidikan.all(), key=lambda r: (r.tahun_lulus, r.pk))
    if not rows:
        raise RuleInputError(_("Riwayat pendidikan belum tercatat pada data kepegawaian."))
    ijazah = rows[-1]
    request = UpkpRequest(
        ijazah=ranks.pendidikan(ijazah.tingkat),
        izin_belajar=ijazah.izin_belajar,
        terakreditasi=ijazah.terakreditasi,
        sesuai_tugas=True,  # the verifier judges the field against the duties
    )
    # The current rank came with an older ijazah: the rule compares it with the new one.
    return list(upkp(rule_input(pegawai), request, today).reasons), []


def _pensiun(pegawai, today: date, answers: dict):
    result = pension(pegawai.tanggal_lahir, jabatan_of(pegawai))
    note = Reason(
        "tmt_pensiun",
        _("Batas usia pensiun %(bup)s tahun; TMT pensiun %(tmt)s.")
        % {"bup": result.bup, "tmt": date_format(result.tmt, "j F Y")},
    )
    opens, _last = request_window(result)
    if today < opens:
        # regulations.pension.request_window: 24 months before the TMT (Perban BKN 3/2020).
        early = Reason(
            "belum_masa_usul_pensiun",
            _("Usul pensiun dibuka mulai %(opens)s, 24 bulan sebelum TMT pensiun.")
            % {"opens": date_format(opens, "j F Y")},
        )
        return [early], [note]
    return [], [note]


def _unchecked(pegawai, today: date, answers: dict):
    return [], [Reason("diperiksa_verifikator", _("Syarat layanan ini diperiksa oleh verifikator BKD."))]


RULES = {
    Eligibility.IZIN_BELAJAR: _study,
    Eligibility.TUGAS_BELAJAR: _study,
    Eligibility.KP_REGULER: _kp_reguler,
    Eligibility.KP_PILIHAN: _kp_pilihan,
    Eligibility.UJIAN_DINAS: _ujian_dinas,
    Eligibility.UPKP: _upkp,
    Eligibility.PENSIUN: _pensiun,
    Eligibility.KENAIKAN_JF: _unchecked,
}


_KEDUDUKAN_CODES = frozenset({"cltn", "diberhentikan_sementara"})


def check(service, pegawai, today: date, answers: dict | None = None) -> Result:
    """The verdict for ``pegawai`` asking for ``service`` on ``today``, with the request's
    ``answers`` (the study level and accreditation count in an izin belajar's verdict).

    Reads the Pegawai's histories through their related managers: prefetch them
    (``layanan.requests.queries.with_eligibility_data``) to keep the query count fixed.
    """
    rule = RULES.get(service.eligibility)
    if rule is None:
        return Result(rule=service.eligibility or "")
    status = _status(pegawai)
    try:
        failures, notes = rule(pegawai, today, answers or {})
    except RuleInputError as exc:
        failures, notes = [Reason("data_belum_lengkap", exc.message)], []
    if status:
        # "Kedudukan pegawai CLTN; …" already says it: the rule's own CLTN/suspension reason
        # would tell the applicant the same thing twice.
        failures = [f for f in failures if f.code not in _KEDUDUKAN_CODES]
    return Result(rule=service.eligibility, hard_failures=tuple(status + failures), notes=tuple(notes))
