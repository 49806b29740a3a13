"""A real S3-compatible object store for tests: moto's standalone server on 127.0.0.1.

``moto_server`` (from .venv/bin, moto[server]) speaks the S3 HTTP API; boto3, and so
django-storages' S3 backend, talk to it exactly as to MinIO or AWS, over real HTTP. It keeps
everything in memory and is started per test (or per module) on a free port, then stopped by
its own PID. Nothing reaches the internet.

>>> with ObjectStore() as store:
...     env = store.env()              # PELITA_STORAGE=s3 and the PELITA_S3_* variables
...     store.get(name)                # an object's bytes, read back with boto3
...     store.storages()               # a STORAGES value for override_settings in-process
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from tests.servers import PROJECT, _Process, free_port

MOTO_SERVER = PROJECT / ".venv" / "bin" / "moto_server"

BUCKET = "pelita-uji"
# moto accepts any key pair; fixed ones make a failure easy to reproduce by hand.
ACCESS_KEY = "pelita-test-access"
SECRET_KEY = "pelita-test-secret"
REGION = "us-east-1"


class ObjectStore(_Process):
    """moto_server on a free port with one empty bucket; a context manager."""

    name = "moto_server"

    def __init__(self, bucket: str = BUCKET):
        self.bucket = bucket
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> ObjectStore:
        self._dir = Path(tempfile.mkdtemp(prefix="pelita-moto-"))
        try:
            self._start(
                [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(self.port)], None, self._dir / "moto.log"
            )
            self._wait_until(self._answers, 30, f"start on port {self.port}")
            self.client().create_bucket(Bucket=self.bucket)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if hasattr(self, "process"):  # not when moto_server could not even be started
            self._stop(grace=10)
        shutil.rmtree(self._dir, ignore_errors=True)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.endpoint}/", timeout=1):
                return True
        except urllib.error.HTTPError:
            return True  # any HTTP answer means it listens
        except OSError:
            return False

    # --- what tests need ------------------------------------------------------------------

    def env(self) -> dict[str, str]:
        """The variables an administrator sets for this store (docs/documents.md)."""
        return {
            "PELITA_STORAGE": "s3",
            "PELITA_S3_BUCKET": self.bucket,
            "PELITA_S3_ENDPOINT_URL": self.endpoint,
            "PELITA_S3_ACCESS_KEY": ACCESS_KEY,
            "PELITA_S3_SECRET_KEY": SECRET_KEY,
            "PELITA_S3_REGION": REGION,
        }

    def storages(self) -> dict:
        """settings.STORAGES as config/settings.py builds it from :meth:`env`, for override_settings."""
        # The settings module is the one place the variables are read: ask it, in a child
        # process with this store's environment, rather than repeat its mapping here.
        script = "import json, django.conf as c; print(json.dumps(c.settings.STORAGES))"
        env = {**os.environ, **self.env(), "DJANGO_SETTINGS_MODULE": "config.settings"}
        out = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + script],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def names(self, prefix: str = "") -> list[str]:
        """Every object name in the bucket (under ``prefix``), sorted."""
        found = []
        for page in (
            self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        ):
            found.extend(item["Key"] for item in page.get("Contents", []))
        return sorted(found)

    def get(self, key: str) -> bytes:
        """An object's bytes, read straight from the store (not through Pelita)."""
        return self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()
