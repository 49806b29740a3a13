"""Logging in and out, and the lockout that stops password guessing."""

import pytest
from django.test import override_settings

from accounts.models import LoginFailure
from conftest import PASSWORD
from core.models import AuditLog

pytestmark = pytest.mark.django_db


def post_login(client, username, password):
    return client.post("/akun/masuk/", {"username": username, "password": password})


def test_a_user_logs_in_and_lands_on_the_dashboard(cast, client):
    response = post_login(client, "pegawai.a", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert AuditLog.objects.filter(event="akun.masuk", actor=cast.pegawai_a).exists()


def test_a_wrong_password_is_refused_with_an_indonesian_message(cast, client):
    response = post_login(client, "pegawai.a", "salah-sekali")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()
    assert LoginFailure.objects.filter(username="pegawai.a").count() == 1


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_MINUTES=15)
def test_repeated_failures_lock_the_account_even_against_the_right_password(cast, client):
    for _ in range(2):
        assert "kata sandi salah" in post_login(client, "pegawai.a", "tebakan").content.decode()
    third = post_login(client, "pegawai.a", "tebakan").content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal" in third
    assert "15 menit" in third
    locked = post_login(client, "pegawai.a", PASSWORD)
    assert locked.status_code == 200
    assert "Terlalu banyak percobaan" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_success_before_the_limit_clears_the_failures(cast, client):
    post_login(client, "pegawai.a", "tebakan")
    post_login(client, "pegawai.a", PASSWORD)
    assert not LoginFailure.objects.filter(username="pegawai.a").exists()


def test_logout_needs_a_post_and_ends_the_session(cast, client_for):
    client = client_for(cast.pegawai_a)
    assert client.get("/akun/keluar/").status_code == 405
    response = client.post("/akun/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to the login page


def test_a_login_form_without_the_csrf_token_is_refused(cast):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/akun/masuk/", {"username": "pegawai.a", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict.session


def test_an_outside_next_url_is_not_followed(cast, client):
    response = client.post(
        "/akun/masuk/?next=https://jahat.example.com/", {"username": "pegawai.a", "password": PASSWORD}
    )
    assert response["Location"] == "/"


def test_old_login_failures_are_pruned_by_the_daily_command(cast):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    old = LoginFailure.objects.create(username="lama")
    LoginFailure.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=40))
    LoginFailure.objects.create(username="baru")
    call_command("prune_login_failures", stdout=StringIO())
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["baru"]
