"""The captcha's test mode (it accepts "passed" for any picture) never reaches production."""

from tests.settings_probe import settings_with


def captcha_test_mode_with(**env):
    return settings_with("settings.CAPTCHA_TEST_MODE", **env)


def test_captcha_test_mode_is_refused_when_debug_is_off():
    done = captcha_test_mode_with(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="pelita.example.go.id",
        PELITA_CAPTCHA_TEST_MODE="1",
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and "PELITA_CAPTCHA_TEST_MODE" in done.stderr


def test_captcha_test_mode_may_be_turned_on_in_debug_and_is_off_by_default():
    assert captcha_test_mode_with(DJANGO_DEBUG="1", PELITA_CAPTCHA_TEST_MODE="1").stdout.strip() == "True"
    assert captcha_test_mode_with().stdout.strip() == "False"
