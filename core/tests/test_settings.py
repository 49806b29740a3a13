"""Settings: zero variables work; a bad value stops the start with a clear message."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.settings_probe import settings_with

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    return settings_with("settings.DATABASES['default']['ENGINE']", **env)


def test_zero_variables_give_a_working_sqlite_setup():
    done = load_settings()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "django.db.backends.sqlite3"


def test_an_empty_database_url_means_sqlite_not_the_dummy_backend():
    done = load_settings(DATABASE_URL="")
    assert done.stdout.strip() == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "maybe"}, "is not a boolean"),
        ({"DJANGO_DEBUG": "false"}, "DJANGO_SECRET_KEY must be set"),
        ({"DB_CONN_MAX_AGE": "ten"}, "is not an integer"),
        ({"PELITA_LOGIN_FAILURE_LIMIT": "0"}, "must be at least 1"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "unsupported engine"),
        ({"PELITA_LOG_LEVEL": "LOUD"}, "must be one of"),
    ],
)
def test_a_bad_value_fails_loudly(env, message):
    done = load_settings(**env)
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert message in done.stderr


def test_production_settings_turn_on_secure_cookies_and_hsts():
    done = settings_with(
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0,"
        " settings.DEBUG",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="pelita.example.go.id",
    )
    assert done.stdout.split() == ["True", "True", "True", "False"], done.stderr


def test_every_variable_read_by_settings_is_listed_in_env_example():
    import re

    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', (ROOT / "config/settings.py").read_text()))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read <= listed, f"missing in .env.example: {sorted(read - listed)}"


def test_passwords_are_hashed_with_argon2_in_the_real_settings():
    # conftest swaps in a fast hasher per test; the module's own value is what production uses.
    from config import settings as real

    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/akun/masuk/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()  # no inline script on the page


def test_time_zone_is_jakarta_with_aware_datetimes():
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.USE_TZ is True
