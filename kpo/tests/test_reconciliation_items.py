"""The reconciliation items added to seed 002's list: the direct superior read from the unit
tree, open differences with SIASN, and the pension worklist with its progress and reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from kpo.tests.builders import PERIOD, computed, due_pegawai

pytestmark = pytest.mark.django_db


def _units(opd):
    from org.units.actions import do_create_unit

    bidang = do_create_unit(actor=None, opd=opd, name="Bidang Pelayanan")
    seksi = do_create_unit(actor=None, opd=opd, name="Seksi Rujukan", parent=bidang)
    return bidang, seksi


def _official(opd, unit, nama, eselon, golongan):
    from people.models import RiwayatJabatan
    from people.records.actions import do_add_riwayat
    from people.tests.factories import make_pegawai

    p = make_pegawai(opd, nama=nama, unit=unit, golongan=golongan, cpns=dt.date(2005, 3, 1))
    # The structural post as a decree, so the current fields follow it as in production.
    do_add_riwayat(
        p,
        RiwayatJabatan,
        actor=None,
        jenis="struktural",
        nama=f"Kepala {unit.name}",
        eselon=eselon,
        opd=opd,
        unit=unit,
        tmt=dt.date(2020, 1, 1),
    )
    p.refresh_from_db()
    assert (p.eselon, p.unit_id) == (eselon, unit.pk)
    return p


def _items(worklist, pegawai):
    row = next(w for w in worklist if w.record.pk == pegawai.pk)
    return {i.code: i for i in row.items}


def test_the_direct_superior_is_the_nearest_structural_official_up_the_unit_tree(cast):
    from kpo.reconciliation.queries import worklist

    bidang, seksi = _units(cast.opd_a)
    _official(cast.opd_a, bidang, "Kabid Pelayanan", "III.b", "IV/a")
    kasi = _official(cast.opd_a, seksi, "Kasi Rujukan", "IV.a", "III/d")
    staf = due_pegawai(cast.opd_a, nama="Staf Rujukan", unit=seksi)
    staf_bidang = due_pegawai(cast.opd_a, nama="Staf Bidang", unit=bidang)
    # OPD B records no structural official: nobody to name, a task for its operator.
    sendiri = due_pegawai(cast.opd_b, nama="Staf Dishub")
    ids = [p.pk for p in (staf, staf_bidang, sendiri, kasi)]
    rows = worklist(ids, PERIOD)
    assert _items(rows, staf)["atasan"].state == "ok"
    assert "Kasi Rujukan" in _items(rows, staf)["atasan"].message
    # The Kasi's own superior is the Kabid one unit up; the Kabid's unit staff answer to him.
    assert "Kabid Pelayanan" in _items(rows, kasi)["atasan"].message
    assert "Kabid Pelayanan" in _items(rows, staf_bidang)["atasan"].message
    missing = _items(rows, sendiri)["atasan"]
    assert missing.state == "kurang" and "tidak dapat ditentukan" in missing.message


def test_open_siasn_differences_are_an_item_linking_to_the_siasn_screen(cast, client_for):
    from siasn.models import SiasnDifference, SiasnPull

    beda = due_pegawai(cast.opd_a, nama="Beda SIASN")
    sama = due_pegawai(cast.opd_a, nama="Sudah Diputus")
    pull = SiasnPull.objects.create(created_by=cast.admin, opd=cast.opd_a, total=2, done=2)
    SiasnDifference.objects.create(pull=pull, pegawai=beda, field="pendidikan", siasn_value="S2")
    SiasnDifference.objects.create(
        pull=pull, pegawai=sama, field="pendidikan", siasn_value="S2", status=SiasnDifference.Status.DITERIMA
    )
    computed()
    html = (
        client_for(cast.operator_a)
        .get(f"/kpo/rekonsiliasi/?period={PERIOD.isoformat()}&semua=1")
        .content.decode()
    )
    row = html.split(f'data-nip="{beda.nip}"')[1].split("</tr>")[0]
    assert "Selisih dengan SIASN" in row and "Pendidikan terakhir" in row
    assert f"/siasn/?q={beda.nip}" in row
    other = html.split(f'data-nip="{sama.nip}"')[1].split("</tr>")[0]
    assert "Selisih dengan SIASN" not in other


def test_the_pension_worklist_per_opd_and_reminders_only_where_items_are_open(cast, client_for):
    from core.models import Notification
    from kpo.reconciliation.actions import do_send_pension_reconciliation_reminders
    from people.tests.factories import make_pegawai

    # Pelaksana born in 1968: BUP 58 in 2026 (PP 11/2017 Pasal 239).
    kawin = make_pegawai(
        cast.opd_a,
        nama="Kawin Tanpa Pasangan",
        birth=dt.date(1968, 6, 1),
        status_kawin="kawin",
        alamat="Jl. A",
    )
    lengkap = make_pegawai(
        cast.opd_b,
        nama="Lengkap Dishub",
        birth=dt.date(1968, 7, 1),
        status_kawin="belum_kawin",
        alamat="Jl. B",
    )
    window = "dari=2026-01-01&sampai=2026-12-31"
    html = client_for(cast.operator_a).get(f"/kpo/rekonsiliasi/pensiun/?{window}").content.decode()
    assert "Kawin Tanpa Pasangan" in html and "Lengkap Dishub" not in html
    assert "data suami/istri belum diisi" in html
    everyone = client_for(cast.admin).get(f"/kpo/rekonsiliasi/pensiun/?{window}&semua=1").content.decode()
    progress = everyone.split('data-testid="progress"')[1].split("</table>")[0]
    assert "Dinas Kesehatan" in progress and "Dinas Perhubungan" in progress
    assert f'data-nip="{lengkap.nip}"' in everyone and f'data-nip="{kawin.nip}"' in everyone

    reminded = do_send_pension_reconciliation_reminders(
        dt.date(2026, 1, 1), dt.date(2026, 12, 31), actor=cast.admin
    )
    assert reminded == 1
    assert Notification.objects.filter(recipient=cast.operator_a).exists()
    assert not Notification.objects.filter(recipient=cast.operator_b).exists()
