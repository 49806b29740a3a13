from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from accounts.roles import Role
from core.models import AuditLog, Holiday
from org.models import Opd
from people.models import Pegawai

pytestmark = pytest.mark.django_db
SMALL = ["--pegawai", "60", "--seed", "7"]  # the full 10,334 lives in bench/seed_bench.py


def test_the_demo_has_37_opds_one_user_per_role_and_is_idempotent():
    out = StringIO()
    call_command("seed_demo", *SMALL, stdout=out)
    assert Opd.objects.count() == 37
    held = set(User.objects.values_list("role_assignments__role", flat=True))
    assert held == set(Role.values)
    assert Holiday.objects.filter(kind=Holiday.Kind.CUTI_BERSAMA).exists()
    assert "Pelita#Demo2026" in out.getvalue()  # the logins are printed

    assert Pegawai.objects.count() == 60
    assert "Pegawai demo dimuat: 60 pegawai" in out.getvalue()

    counts = (
        AuditLog.objects.count(),
        User.objects.count(),
        Opd.objects.count(),
        Holiday.objects.count(),
        Pegawai.objects.count(),
    )
    again = StringIO()
    call_command("seed_demo", *SMALL, stdout=again)
    assert (
        AuditLog.objects.count(),
        User.objects.count(),
        Opd.objects.count(),
        Holiday.objects.count(),
        Pegawai.objects.count(),
    ) == counts
    assert "tidak ada yang ditambahkan" in again.getvalue()
    assert "Pelita#Demo2026" in again.getvalue()


def test_demo_users_can_log_in_with_the_documented_password(client):
    call_command("seed_demo", *SMALL, stdout=StringIO())
    response = client.post("/akun/masuk/", {"username": "operator.dinkes", "password": "Pelita#Demo2026"})
    assert response.status_code == 302


def test_the_demo_pegawai_logins_have_their_own_pegawai_row_in_dinas_kesehatan():
    call_command("seed_demo", *SMALL, stdout=StringIO())
    for username in ("pegawai.dinkes", "operator.dinkes"):
        pegawai = Pegawai.objects.select_related("opd").get(user__username=username)
        assert pegawai.opd.short_name == "Dinkes"
    assert Pegawai.objects.get(user__username="pegawai.dinkes").nama_lengkap == "dr. Andi Saputra"


def test_seed_demo_refuses_a_production_configuration_without_the_explicit_flag(settings):
    settings.PELITA_DEMO_ALLOWED = False  # what DJANGO_DEBUG=0 sets
    with pytest.raises(CommandError, match="--i-know-this-is-demo"):
        call_command("seed_demo", "--pegawai", "0", stdout=StringIO())
    assert not User.objects.filter(username="admin").exists()
