"""Acceptance: from an empty database, the three documented commands of docs/installation.md
(setup_instansi → import_opd → import_pegawai) give a working installation with no demo data."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from core.models import Holiday
from demo.org import DEMO_PASSWORD, USERS
from org.models import Instansi, Opd, UnitKerja
from org.tests.helpers import SETUP_INSTANSI_ARGS, write_unor_csv
from people.models import Pegawai
from people.tests.siasn_files import Named, asn_row, write_csv

pytestmark = pytest.mark.django_db
PASSWORD = "Tepian#Kapuas2026"
ROOT, BKD, DINKES = "A5EB03E23BFBF6A0E040640A040252AD", "8AE4-BKD", "8AE4-DINKES"


def unor_file(path):
    return write_unor_csv(
        path,
        [
            [ROOT, "Pemerintah Provinsi Kalimantan Barat", "", ""],
            [BKD, "Badan Kepegawaian Daerah", ROOT, "BKD"],
            [DINKES, "Dinas Kesehatan", ROOT, "Dinkes"],
            ["8AE4-DINKES-SEKRETARIAT", "Sekretariat", DINKES, ""],
        ],
    )


def test_setup_instansi_then_import_opd_then_import_pegawai_give_a_working_installation(
    client, tmp_path, monkeypatch
):
    assert not User.objects.exists() and not Instansi.objects.exists()
    monkeypatch.setenv("PELITA_ADMIN_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command("setup_instansi", *SETUP_INSTANSI_ARGS, stdout=out)
    call_command("import_opd", str(unor_file(tmp_path / "unor.csv")), stdout=out)
    rows = [
        asn_row(Named("Dinas Kesehatan"), 1, unor_nama="Sekretariat"),
        asn_row(Named("Badan Kepegawaian Daerah"), 2),
        asn_row(Named("Dinas Kesehatan"), 3),
    ]
    call_command(
        "import_pegawai",
        str(write_csv(tmp_path / "asn.csv", rows)),
        "--actor",
        "bkd.admin",
        stdout=out,
        stderr=out,
    )
    assert "imported 3, updated 0, unchanged 0, rejected 0" in out.getvalue()

    assert Instansi.objects.count() == 1 and Holiday.objects.exists()
    assert sorted(Opd.objects.values_list("short_name", flat=True)) == ["BKD", "Dinkes"]
    sekretariat = UnitKerja.objects.get(opd__short_name="Dinkes", name="Sekretariat")
    assert Pegawai.objects.get(pns_id="PNS-00001").unit == sekretariat

    # The admin logs in through the login form and sees the imported employees.
    response = client.post(reverse("accounts:login"), {"username": "bkd.admin", "password": PASSWORD})
    assert response.status_code == 302
    listing = client.get(reverse("people:pegawai_list"))
    assert listing.status_code == 200
    assert "Pegawai Uji 2" in listing.content.decode()

    demo_usernames = [username for username, *_ in USERS]
    assert not User.objects.filter(username__in=demo_usernames).exists()
    assert not any(user.check_password(DEMO_PASSWORD) for user in User.objects.all())
    assert list(User.objects.values_list("username", flat=True)) == ["bkd.admin"]
