"""The KGB of an employee from the master data (regulations.salary: PP 7/1977 Pasal 18, the
gaji pokok table of PP 5/2024).

The masa kerja golongan comes from the decree of the current golongan (its MKG and TMT in
the golongan history) and grows month by month; a KGB decree does not change that count, so
no KGB history is needed. A hukuman disiplin recorded as penundaan KGB (PP 53/2010 Pasal 7
ayat (3) huruf a) postpones it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from regulations import ranks
from regulations.ranks import add_months
from regulations.reasons import Reason, RuleInputError
from regulations.salary import (
    PENUNDAAN_KGB,
    Hold,
    KgbInput,
    KgbResult,
    default_table,
    kgb_in_month,
    next_kgb,
)
from regulations.ujian_dinas import Appraisal


@dataclass(frozen=True)
class KgbRow:
    record: object
    result: KgbResult | None
    problem: Reason | None = None


def _is_penundaan_kgb(jenis: str) -> bool:
    text = jenis.lower().replace("_", " ")
    return "penundaan" in text and ("gaji" in text or "kgb" in text)


def kgb_input(record) -> KgbInput:
    if record.golongan is None:
        raise RuleInputError(_("Golongan belum tercatat pada data kepegawaian."))
    rows = [g for g in record.riwayat_golongan if g.golongan_code == record.golongan.code]
    if not rows:
        raise RuleInputError(
            _("Riwayat golongan %(g)s (masa kerja golongan) belum tercatat.") % {"g": record.golongan.code}
        )
    last = rows[-1]
    return KgbInput(
        golongan=ranks.golongan(record.golongan.code),
        mkg_since=last.tmt,
        mkg_tahun=last.mk_tahun,
        mkg_bulan=min(last.mk_bulan, 11),
        appraisals=tuple(
            Appraisal(
                s.tahun,
                predikat=s.predikat or None,
                score=None if s.predikat or s.nilai is None else float(s.nilai),
            )
            for s in record.riwayat_skp
        ),
        holds=tuple(
            Hold(h.tmt, h.tmt_selesai, PENUNDAAN_KGB)
            for h in record.riwayat_hukdis
            if _is_penundaan_kgb(h.jenis)
        ),
    )


def kgb_of(record, after: date) -> KgbRow:
    try:
        return KgbRow(record, next_kgb(kgb_input(record), after))
    except RuleInputError as exc:
        return KgbRow(record, None, Reason("data_belum_lengkap", exc.message))


def due_in_month(records, year: int, month: int) -> list[KgbRow]:
    rows = []
    for r in records:
        try:
            result = kgb_in_month(kgb_input(r), year, month)
        except RuleInputError:
            continue  # not listed: the Karier Saya page and the reconciliation say what to complete
        if result is not None:
            rows.append(KgbRow(r, result))
    rows.sort(key=lambda row: (row.record.opd_name, row.record.nama, row.record.pk))
    return rows


class KgbError(Exception):
    """An SK KGB cannot be issued; the message says why, in Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def previous_step(g, mkg_baru: int) -> int:
    """The MKG of the table step below ``mkg_baru``: the masa kerja of the old gaji pokok."""
    below = [s for s in default_table().steps(g) if s < mkg_baru]
    return below[-1] if below else 0


def next_after(record, tmt: date) -> date | None:
    """The TMT of the KGB after the one on ``tmt`` (printed on the letter, "bila memenuhi syarat")."""
    try:
        return next_kgb(kgb_input(record), add_months(tmt, 1)).tmt
    except RuleInputError:
        return None
