"""Admin manages users and their roles; every change lands in the audit log."""

import pytest

from accounts.models import User
from accounts.roles import Role
from core.models import AuditLog

pytestmark = pytest.mark.django_db


def test_admin_creates_a_user_with_several_roles(cast, client_for):
    response = client_for(cast.admin).post(
        "/akun/pengguna/tambah/",
        {
            "username": "operator.baru",
            "name": "Operator Baru",
            "email": "op@example.go.id",
            "opd": cast.opd_a.pk,
            "is_active": "on",
            "password": "Sandi#Panjang2026",
            "roles": [Role.OPERATOR_OPD, Role.PEGAWAI],
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="operator.baru")
    assert user.roles == {Role.OPERATOR_OPD, Role.PEGAWAI}
    assert user.check_password("Sandi#Panjang2026")
    row = AuditLog.objects.get(event="pengguna.dibuat", object_id=str(user.pk))
    assert row.actor == cast.admin
    assert row.after["roles"] == ["operator_opd", "pegawai"]
    assert "password" not in row.after


def test_an_opd_bound_role_without_an_opd_is_refused_next_to_the_field(cast, client_for):
    response = client_for(cast.admin).post(
        "/akun/pengguna/tambah/",
        {
            "username": "tanpa.opd",
            "name": "Tanpa OPD",
            "password": "Sandi#Panjang2026",
            "roles": [Role.PEGAWAI],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_opd_error"' in html and "memerlukan OPD" in html
    assert not User.objects.filter(username="tanpa.opd").exists()


def test_a_weak_password_is_refused(cast, client_for):
    response = client_for(cast.admin).post(
        "/akun/pengguna/tambah/",
        {"username": "lemah", "name": "Lemah", "password": "12345", "roles": [Role.UNIT_PENGOLAH]},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="lemah").exists()


def test_admin_changes_roles_and_the_audit_shows_before_and_after(cast, client_for):
    client_for(cast.admin).post(
        f"/akun/pengguna/{cast.pegawai_a.pk}/ubah/",
        {
            "username": "pegawai.a",
            "name": "Pegawai Dinkes",
            "opd": cast.opd_a.pk,
            "is_active": "on",
            "roles": [Role.PEGAWAI, Role.OPERATOR_OPD],
        },
    )
    row = AuditLog.objects.get(event="pengguna.peran_diubah")
    assert row.before == {"roles": ["pegawai"]}
    assert row.after == {"roles": ["operator_opd", "pegawai"]}
    cast.pegawai_a.refresh_from_db()
    assert not AuditLog.objects.filter(event="pengguna.diubah").exists()  # no field changed


def test_deactivating_a_user_is_audited_and_blocks_login(cast, client_for, client):
    client_for(cast.admin).post(
        f"/akun/pengguna/{cast.pegawai_a.pk}/ubah/",
        {"username": "pegawai.a", "name": "Pegawai Dinkes", "opd": cast.opd_a.pk, "roles": [Role.PEGAWAI]},
    )
    row = AuditLog.objects.get(event="pengguna.diubah")
    assert row.before == {"is_active": True} and row.after == {"is_active": False}
    client.logout()
    from conftest import PASSWORD

    response = client.post("/akun/masuk/", {"username": "pegawai.a", "password": PASSWORD})
    assert response.status_code == 200


def test_a_user_changes_their_own_password(cast, client_for):
    from conftest import PASSWORD

    client = client_for(cast.pegawai_a)
    response = client.post(
        "/akun/kata-sandi/",
        {"old_password": PASSWORD, "new_password1": "Baru#Sekali2027", "new_password2": "Baru#Sekali2027"},
    )
    assert response.status_code == 302
    cast.pegawai_a.refresh_from_db()
    assert cast.pegawai_a.check_password("Baru#Sekali2027")
    row = AuditLog.objects.get(event="pengguna.kata_sandi_diubah")
    assert row.actor == cast.pegawai_a and "Baru" not in str(row.after)


def test_a_wrong_old_password_changes_nothing(cast, client_for):
    client = client_for(cast.pegawai_a)
    response = client.post(
        "/akun/kata-sandi/",
        {"old_password": "bukan", "new_password1": "Baru#Sekali2027", "new_password2": "Baru#Sekali2027"},
    )
    assert response.status_code == 200
    cast.pegawai_a.refresh_from_db()
    assert not cast.pegawai_a.check_password("Baru#Sekali2027")


def test_user_list_searches_and_uses_a_constant_number_of_queries(
    cast, client_for, django_assert_max_num_queries
):
    client = client_for(cast.admin)
    with django_assert_max_num_queries(9):  # the shell header reads the instansi
        response = client.get("/akun/pengguna/", {"q": "dinkes"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "operator.a" in html and "operator.b" not in html
