"""`manage.py import_pegawai`: the summary line, exit codes, --dry-run, --report, --actor."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import AuditLog
from people.models import Pegawai
from people.tests.siasn_files import asn_row, write_csv

pytestmark = pytest.mark.django_db


def command(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pegawai", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_prints_the_counts_and_lists_rejected_rows(cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1), asn_row(cast.opd_a, 2, nip_baru="12")])
    out, err = command(path, "--actor", "admin", "--report", tmp_path / "laporan.csv")
    assert out.strip() == "imported 1, updated 0, unchanged 0, rejected 1"
    assert "baris 3, kolom nip_baru: NIP harus 18 digit, bukan 2 digit." in err
    assert "NIP harus 18 digit" in (tmp_path / "laporan.csv").read_text(encoding="utf-8-sig")
    assert AuditLog.objects.get(event="pegawai.diimpor").actor == cast.admin


def test_dry_run_changes_nothing(cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1)])
    out, _err = command(path, "--dry-run")
    assert out.startswith("imported 1, updated 0, unchanged 0, rejected 0")
    assert Pegawai.objects.count() == 0


def test_an_unreadable_file_exits_2(cast, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Berkas kosong") as raised:
        command(path)
    assert raised.value.returncode == 2


def test_an_unknown_actor_exits_2_before_reading(cast, tmp_path):
    with pytest.raises(CommandError, match="Pengguna 'siapa' tidak ada") as raised:
        command(tmp_path / "tidak-ada.csv", "--actor", "siapa")
    assert raised.value.returncode == 2
