"""The captcha's test mode (it accepts "passed" for any picture) never reaches production."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PELITA_"))}
    script = (
        "import django; django.setup(); from django.conf import settings; print(settings.CAPTCHA_TEST_MODE)"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "PELITA_VAR_DIR": "/tmp/pelita-settings-test",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_captcha_test_mode_is_refused_when_debug_is_off():
    done = settings_with(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="pelita.example.go.id",
        PELITA_CAPTCHA_TEST_MODE="1",
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and "PELITA_CAPTCHA_TEST_MODE" in done.stderr


def test_captcha_test_mode_may_be_turned_on_in_debug_and_is_off_by_default():
    assert settings_with(DJANGO_DEBUG="1", PELITA_CAPTCHA_TEST_MODE="1").stdout.strip() == "True"
    assert settings_with().stdout.strip() == "False"
