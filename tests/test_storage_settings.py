"""PELITA_STORAGE chooses the one default storage; a wrong or incomplete choice stops the start."""

from __future__ import annotations

import json
import subprocess

from tests.settings_probe import settings_with


def storages_with(**env) -> subprocess.CompletedProcess:
    return settings_with("json.dumps(settings.STORAGES['default'])", **env)


def test_local_disk_is_the_default_with_owner_only_permissions():
    done = storages_with()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
    }


def test_s3_is_a_private_bucket_that_never_overwrites():
    done = storages_with(
        PELITA_STORAGE="s3",
        PELITA_S3_BUCKET="pelita-dokumen",
        PELITA_S3_ENDPOINT_URL="https://s3.bkd.example.go.id",
        PELITA_S3_ACCESS_KEY="kunci",
        PELITA_S3_SECRET_KEY="rahasia",
    )
    assert done.returncode == 0, done.stderr
    chosen = json.loads(done.stdout)
    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    options = chosen["OPTIONS"]
    assert options["bucket_name"] == "pelita-dokumen"
    assert options["endpoint_url"] == "https://s3.bkd.example.go.id"
    assert options["region_name"] == "us-east-1" and options["addressing_style"] == "path"
    assert options["default_acl"] == "private" and options["file_overwrite"] is False
    assert options["custom_domain"] is None  # no public URL, ever


def test_s3_without_a_bucket_stops_the_start():
    done = storages_with(PELITA_STORAGE="s3")
    assert done.returncode != 0
    assert "ImproperlyConfigured: PELITA_S3_BUCKET must be set when PELITA_STORAGE=s3." in done.stderr


def test_an_unknown_storage_stops_the_start():
    done = storages_with(PELITA_STORAGE="ftp")
    assert done.returncode != 0
    assert "PELITA_STORAGE='ftp' must be one of: local, s3." in done.stderr
