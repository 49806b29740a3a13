"""`manage.py setup_instansi`: the first installation of a real instansi, without demo data."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User
from accounts.roles import Role
from core.models import AuditLog, Holiday
from demo.org import DEMO_PASSWORD, USERS, seed_minimal_demo
from org.models import Instansi, OfficeHours, Opd, UnitKerja
from org.tests.helpers import SETUP_INSTANSI_ARGS as ARGS

pytestmark = pytest.mark.django_db
STRONG = "Tepian#Kapuas2026"


@pytest.fixture(autouse=True)
def _december_2026():
    with time_machine.travel("2026-12-03 09:00 +07:00", tick=False):
        yield


def setup(*args, password: str | None = STRONG, monkeypatch=None) -> str:
    out = io.StringIO()
    if password is None:
        monkeypatch.delenv("PELITA_ADMIN_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("PELITA_ADMIN_PASSWORD", password)
    call_command("setup_instansi", *(args or ARGS), stdout=out)
    return out.getvalue()


def table_counts() -> tuple:
    return (
        Instansi.objects.count(),
        OfficeHours.objects.count(),
        Holiday.objects.count(),
        User.objects.count(),
        AuditLog.objects.count(),
    )


def test_it_creates_the_instansi_its_week_the_holidays_of_two_years_and_one_admin(monkeypatch):
    out = setup(monkeypatch=monkeypatch)

    instansi = Instansi.objects.get()
    assert instansi.name == "Pemerintah Provinsi Kalimantan Barat"
    assert (instansi.kind, instansi.time_zone) == ("provinsi", "Asia/Jakarta")  # Pontianak is WIB
    assert sorted(OfficeHours.objects.values_list("weekday", flat=True)) == [0, 1, 2, 3, 4]
    years = set(Holiday.objects.values_list("date__year", flat=True))
    assert years == {2026, 2027}
    assert Holiday.objects.filter(kind=Holiday.Kind.CUTI_BERSAMA).exists()
    admin = User.objects.get()
    assert (admin.username, admin.email, admin.roles) == (
        "bkd.admin",
        "admin@bkd.kalbarprov.go.id",
        frozenset({Role.ADMIN}),
    )
    assert admin.check_password(STRONG)
    assert not Opd.objects.exists() and not UnitKerja.objects.exists()
    assert "Admin bkd.admin" in out and "import_opd" in out


def test_it_creates_no_demo_account_and_no_demo_password(monkeypatch):
    setup(monkeypatch=monkeypatch)
    demo_names = [username for username, *_ in USERS if username != "bkd.admin"]
    assert not User.objects.filter(username__in=demo_names).exists()
    assert not any(u.check_password(DEMO_PASSWORD) for u in User.objects.all())


def test_everything_it_wrote_is_in_the_audit_log(monkeypatch):
    setup(monkeypatch=monkeypatch)
    events = set(AuditLog.objects.values_list("event", flat=True))
    assert {"instansi.dibuat", "jam_kerja.diubah", "hari_libur.dimuat", "pengguna.dibuat"} <= events
    assert not AuditLog.objects.exclude(actor_label="sistem").exists()


def test_a_second_run_with_the_same_values_changes_nothing_and_says_so(monkeypatch):
    setup(monkeypatch=monkeypatch)
    before = table_counts()
    out = setup(password=None, monkeypatch=monkeypatch)  # no password needed: the Admin exists
    assert table_counts() == before
    assert "sudah ada, tidak ada yang diubah" in out


def test_a_run_next_year_only_adds_the_holidays_of_the_new_year(monkeypatch):
    setup(monkeypatch=monkeypatch)
    with time_machine.travel("2027-01-05 09:00 +07:00", tick=False):
        out = setup(password=None, monkeypatch=monkeypatch)
    assert set(Holiday.objects.values_list("date__year", flat=True)) == {2026, 2027, 2028}
    assert "hari libur nasional" in out
    assert Instansi.objects.count() == User.objects.count() == 1


def test_another_name_for_the_existing_instansi_is_refused_and_changes_nothing(monkeypatch):
    setup(monkeypatch=monkeypatch)
    before = table_counts()
    args = [*ARGS]
    args[1] = "Pemerintah Provinsi Kalimantan Tengah"
    with pytest.raises(CommandError, match="Instansi sudah ada dengan nilai lain: nama") as refused:
        setup(*args, monkeypatch=monkeypatch)
    assert "Kalimantan Tengah" in str(refused.value)
    assert table_counts() == before
    assert Instansi.objects.get().name == "Pemerintah Provinsi Kalimantan Barat"


def test_a_second_admin_is_not_created_by_setup(monkeypatch):
    setup(monkeypatch=monkeypatch)
    args = [*ARGS]
    args[7] = "admin.kedua"
    with pytest.raises(CommandError, match=r"Sudah ada Admin \(bkd.admin\)"):
        setup(*args, monkeypatch=monkeypatch)
    assert not User.objects.filter(username="admin.kedua").exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("pendek1!", "Kata sandi terlalu pendek. Harus mengandung setidaknya 10 karakter."),
        ("1234567890123", "Kata sandi ini seluruhnya terdiri dari angka."),
        ("bkd.admin2026", "terlalu mirip"),
        ("password123", "terlalu umum"),
    ],
)
def test_a_weak_password_is_refused_with_the_validators_message_and_nothing_is_created(
    password, message, monkeypatch
):
    with pytest.raises(CommandError, match="Kata sandi Admin ditolak") as refused:
        setup(password=password, monkeypatch=monkeypatch)
    assert message in str(refused.value)
    assert table_counts() == (0, 0, 0, 0, 0)


def test_the_password_comes_from_the_environment(monkeypatch):
    setup(password="Sungai#Landak77", monkeypatch=monkeypatch)
    assert User.objects.get().check_password("Sungai#Landak77")


def test_the_password_is_asked_twice_on_a_terminal(monkeypatch):
    # The terminal is the one thing a test cannot have: its two prompts are answered here.
    answers = iter([STRONG, STRONG])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    setup(password=None, monkeypatch=monkeypatch)
    assert User.objects.get().check_password(STRONG)


def test_two_different_answers_on_the_terminal_create_nothing(monkeypatch):
    answers = iter([STRONG, STRONG + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    with pytest.raises(CommandError, match="Kedua kata sandi tidak sama"):
        setup(password=None, monkeypatch=monkeypatch)
    assert table_counts() == (0, 0, 0, 0, 0)


def test_without_password_and_without_terminal_it_says_how_to_give_one(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="setel PELITA_ADMIN_PASSWORD"):
        setup(password=None, monkeypatch=monkeypatch)
    assert not Instansi.objects.exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--timezone", "Europe/Paris", "Zona waktu 'Europe/Paris' tidak dipakai di Indonesia"),
        ("--timezone", "Asia/Jakartaa", "Pilih WIB (Asia/Jakarta, Asia/Pontianak)"),
        (
            "--kind",
            "negara",
            "Jenis instansi 'negara' tidak dikenal; pilih salah satu: provinsi, kabupaten, kota",
        ),
        ("--admin-email", "bukan-email", "email"),
    ],
)
def test_a_bad_option_is_refused_clearly(option, value, message, monkeypatch):
    args = [*ARGS]
    args[args.index(option) + 1] = value
    with pytest.raises(CommandError) as refused:
        setup(*args, monkeypatch=monkeypatch)
    assert message in str(refused.value)
    assert not Instansi.objects.exists()


@pytest.mark.parametrize(("zone", "stored"), [("WITA", "Asia/Makassar"), ("asia/jayapura", "Asia/Jayapura")])
def test_the_three_indonesian_zones_are_understood(zone, stored, monkeypatch):
    args = [*ARGS]
    args[args.index("--timezone") + 1] = zone
    setup(*args, monkeypatch=monkeypatch)
    assert Instansi.objects.get().time_zone == stored


def test_a_database_with_demo_accounts_is_refused(monkeypatch):
    seed_minimal_demo(holiday_years=[])
    with pytest.raises(CommandError, match="akun demo dengan kata sandi yang dipublikasikan"):
        setup(monkeypatch=monkeypatch)
    assert not User.objects.filter(username="bkd.admin").exists()
