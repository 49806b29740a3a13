"""Who is due for a KP at a period and whether they meet its conditions.

The route follows the position (PP 99/2000 jo PP 12/2002): a pelaksana goes by KP reguler,
a JF holder by KP pilihan fungsional (angka kredit from the credit-point history), a
structural official by KP pilihan struktural (the eselon's pangkat range). An employee is
*due* at a period when the time in rank of that route is met on it and a higher rank exists:
that is who BKN's KPO list shows, eligible or not. The master data has no superior field;
kpo.reconciliation derives the direct superior from the unit tree for the Operator OPD to
confirm, and "not above the superior" (PP 99/2000 Pasal 6(2)) is not applied here on a
superior so derived.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from kpo.models import JenisKp
from layanan.requests.rules import rule_input
from regulations.credit_points import akk_kenaikan_pangkat
from regulations.credit_points import jenjang as parse_jenjang
from regulations.promotion import ESELON_GOLONGAN, kp_fungsional, kp_reguler, kp_struktural
from regulations.ranks import anniversary
from regulations.reasons import Reason, RuleInputError

# Reasons meaning "not due yet at this period" rather than "due but blocked".
NOT_DUE = frozenset({"masa_golongan_kurang", "pangkat_puncak"})
_KEDUDUKAN = frozenset({"cltn", "diberhentikan_sementara"})


@dataclass(frozen=True)
class Candidate:
    jenis: str
    golongan: str
    golongan_baru: str
    eligible: bool
    reasons: tuple[Reason, ...]

    @property
    def label(self) -> str:
        return str(JenisKp(self.jenis).label)


def _route(record) -> str:
    if record.jenis_jabatan == "fungsional":
        return JenisKp.FUNGSIONAL
    if record.jenis_jabatan == "struktural":
        return JenisKp.STRUKTURAL
    return JenisKp.REGULER


def evaluate(record, period: date) -> Candidate | None:
    """The KP of ``record`` at ``period``, or None when the employee is not due at it (or the
    record lacks the golongan to tell)."""
    if record.golongan is None or record.tmt_golongan is None:
        return None
    route = _route(record)
    # Not a year in rank yet: no route is due (the shortest, KP struktural below the eselon's
    # range, needs one). Skipping them here spares the rules most of a young workforce.
    if anniversary(record.tmt_golongan, 1) > period:
        return None
    try:
        p = rule_input(record)
        if route == JenisKp.FUNGSIONAL:
            level = parse_jenjang(record.jenjang) if record.jenjang else None
            required = akk_kenaikan_pangkat(level) if level else None
            if required is None:
                raise RuleInputError(
                    _("Jenjang jabatan fungsional belum tercatat atau angka kreditnya belum diketahui.")
                )
            rows = record.riwayat_angka_kredit
            current = float(rows[-1].kumulatif or 0) if rows else 0.0
            result = kp_fungsional(p, period, current, float(required), jenjang=level)
        elif route == JenisKp.STRUKTURAL:
            if record.eselon not in ESELON_GOLONGAN or record.tmt_jabatan is None:
                raise RuleInputError(
                    _("Eselon atau TMT jabatan struktural belum tercatat pada data kepegawaian.")
                )
            result = kp_struktural(p, period, record.eselon, record.tmt_jabatan)
        else:
            result = kp_reguler(p, period)
    except RuleInputError as exc:
        # Due or not cannot be told without the data: listed once two years in rank (the
        # shortest route, KP fungsional) are met, so the gap shows before any route is due.
        if anniversary(record.tmt_golongan, 2) > period:
            return None
        reason = Reason("data_belum_lengkap", exc.message)
        return Candidate(route, record.golongan.code, "", False, (reason,))
    codes = {r.code for r in result.verdict.reasons}
    if codes & NOT_DUE:
        return None
    reasons = result.verdict.reasons
    if record.status != "aktif":
        status = Reason(
            "tidak_aktif",
            _("Kedudukan pegawai %(status)s.") % {"status": record.get_status_display()},
        )
        reasons = (status, *(r for r in reasons if r.code not in _KEDUDUKAN))
    return Candidate(
        route,
        record.golongan.code,
        result.target.code if result.target else "",
        not reasons,
        tuple(reasons),
    )
