"""Read the settings as a fresh Python process started with a given environment sees them.

config/settings.py reads the environment once, at import, so a test of what a variable does
(or of the start it stops) must start Python anew. The process gets this machine's
environment without any DJANGO_*, PELITA_* or DATABASE_URL variable (so the developer's
shell cannot change the answer), the project's settings module, a scratch data folder, and
then ``env``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def settings_with(expression: str, **env: str) -> subprocess.CompletedProcess:
    """Start Python with ``env``, set Django up and print ``expression`` (``settings``, ``json`` at hand).

    Returns the finished process: ``stdout`` holds the printed value, ``stderr`` the
    traceback when the settings refused to load.
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PELITA_"))}
    script = f"import django, json; django.setup(); from django.conf import settings; print({expression})"
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
