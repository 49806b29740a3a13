"""KPO demo cases: the next KP periods show eligible employees and every kind of block.

The synthetic province's SKP stop at the last full year, so for the next period everyone due
would be blocked by the same missing SKP. This gives a few dozen of those employees their SKP
(most Baik, some Butuh Perbaikan), puts two under a hukuman disiplin berat and one on CLTN,
through people's actions, then computes the next two KP lists. The other blocks (ijazah,
ujian dinas, angka kredit, top of the jenjang, eselon range) are already in the province.
A few SK KGB of this month's KGB list are issued. Idempotent: once a KP list exists, nothing
is added. Takes a few seconds.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kpo.inputs.queries import active_pns, load_records
from kpo.models import KpCandidate
from kpo.periods.actions import do_compute_kp_list
from kpo.periods.rules import evaluate
from people.models import Pegawai, RiwayatHukdis, RiwayatSkp
from people.records.actions import do_add_riwayat, do_update_pegawai
from regulations.promotion import next_kp_period
from regulations.ranks import add_months

ELIGIBLE = 40  # given an SKP Baik for the missing year
BELOW_BAIK = 6  # given an SKP Butuh Perbaikan instead
PENALISED = 2  # a hukuman disiplin berat served across the period
ON_CLTN = 1


def seed_demo_kpo(today: dt.date | None = None) -> str:
    if KpCandidate.objects.exists():
        return "Daftar KP demo sudah ada: tidak ada yang ditambahkan."
    today = today or timezone.localdate()
    period = next_kp_period(today)
    year = period.year - 1
    records = load_records(active_pns(Pegawai.objects.filter(status="aktif")), skp_from=period.year - 2)
    only_skp = []
    for r in records:
        c = evaluate(r, period)
        if (
            c is not None
            and [x.code for x in c.reasons] == ["skp_tidak_ada"]
            and str(year) in c.reasons[0].message
        ):
            only_skp.append(r.pk)
    chosen = only_skp[: ELIGIBLE + BELOW_BAIK + PENALISED + ON_CLTN]
    pegawai = Pegawai.objects.in_bulk(chosen)
    for i, pk in enumerate(chosen):
        p = pegawai[pk]
        predikat = "butuh_perbaikan" if ELIGIBLE <= i < ELIGIBLE + BELOW_BAIK else "baik"
        do_add_riwayat(p, RiwayatSkp, actor=None, tahun=year, predikat=predikat)
        if ELIGIBLE + BELOW_BAIK <= i < ELIGIBLE + BELOW_BAIK + PENALISED:
            do_add_riwayat(
                p,
                RiwayatHukdis,
                actor=None,
                tingkat="berat",
                jenis="Penurunan jabatan setingkat lebih rendah selama 12 bulan",
                tmt=add_months(period, -3),
                tmt_selesai=add_months(period, 9),
            )
        elif i >= ELIGIBLE + BELOW_BAIK + PENALISED:
            do_update_pegawai(p, changes={"status": Pegawai.Status.CLTN}, actor=None)
    second = next_kp_period(period)
    due = [do_compute_kp_list(p, actor=None) for p in (period, second)]
    letters = _sk_kgb(today)
    return (
        f"Daftar KP demo dihitung: {due[0]} pegawai jatuh tempo pada {period.isoformat()}, "
        f"{due[1]} pada {second.isoformat()}; {len(chosen)} pegawai diberi kasus KPO; "
        f"{letters} SK KGB bulan ini diterbitkan."
    )


SK_KGB_LETTERS = 3  # a few issued letters on this month's KGB list (WeasyPrint: ~0.5 s each)


def _sk_kgb(today: dt.date) -> int:
    """The SK KGB of the first eligible employees of this month's KGB list."""
    from kpo.kgb.actions import do_issue_sk_kgb
    from kpo.kgb.queries import kgb_all

    rows = [r for r in kgb_all(today.year, today.month) if r.result.eligible][:SK_KGB_LETTERS]
    pegawai = Pegawai.objects.in_bulk([r.record.pk for r in rows])
    for r in rows:
        do_issue_sk_kgb(pegawai[r.record.pk], today.year, today.month, actor=None)
    return len(rows)
