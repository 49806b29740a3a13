from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from accounts.roles import Role
from core.models import AuditLog, Holiday
from org.models import Opd

pytestmark = pytest.mark.django_db


def test_the_demo_has_37_opds_one_user_per_role_and_is_idempotent():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert Opd.objects.count() == 37
    held = set(User.objects.values_list("role_assignments__role", flat=True))
    assert held == set(Role.values)
    assert Holiday.objects.filter(kind=Holiday.Kind.CUTI_BERSAMA).exists()
    assert "Pelita#Demo2026" in out.getvalue()  # the logins are printed

    counts = (AuditLog.objects.count(), User.objects.count(), Opd.objects.count(), Holiday.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (
        AuditLog.objects.count(),
        User.objects.count(),
        Opd.objects.count(),
        Holiday.objects.count(),
    ) == counts


def test_demo_users_can_log_in_with_the_documented_password(client):
    call_command("seed_demo", stdout=StringIO())
    response = client.post("/akun/masuk/", {"username": "operator.dinkes", "password": "Pelita#Demo2026"})
    assert response.status_code == 302
