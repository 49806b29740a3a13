"""Accepting an upload: the one acceptance path against the two passes it replaced.

``python bench/upload_bench.py`` times, on a 9 MB PDF and a 9 MB JPG in a throwaway
MEDIA_ROOT (no database):

- baseline: the least any acceptance costs, one SHA-256 pass over the bytes and the copy
  into the storage;
- before: what a form upload cost until the acceptance became one function (the form's
  check, then the action's check again, each hashing) and what a chunked upload cost (the
  app's own hash for the client's SHA-256, then core's check with its hash);
- now: the form's check, then ``accept_upload`` reusing its verdict; for a chunked upload
  ``accept_upload`` with the client's hash, in one pass.

Prints the best of 7 runs of each and its ratio to the baseline measured in the same run.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best_of

SIZE = 9 * 1024 * 1024
REPEAT = 7


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pelita-upload-bench-") as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ["DATABASE_URL"] = f"sqlite:///{os.path.join(tmp, 'bench.sqlite3')}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.test import override_settings

        # Image-like filler: bytes that are not text, so the PDF scan treats it as a photo scan would be.
        filler = bytes((i * 131 + 7) % 256 for i in range(SIZE))
        samples = {
            "PDF": b"%%PDF-1.4\n1 0 obj << /Length %d >> stream\n" % SIZE + filler + b"\nendstream\n%%EOF\n",
            "JPG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + filler + b"\xff\xd9",
        }
        with override_settings(MEDIA_ROOT=Path(tmp) / "media", PELITA_DOCUMENT_MAX_MB={"default": 20}):
            for label, data in samples.items():
                measure(label, data)


def measure(label: str, data: bytes) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core import documents

    store = documents.storage()
    name = "scan.pdf" if label == "PDF" else "scan.jpg"
    digest = hashlib.sha256(data).hexdigest()

    def upload():
        return SimpleUploadedFile(name, data)

    def baseline():
        file = upload()
        hashlib.sha256(file.read()).hexdigest()
        file.seek(0)
        store.delete(store.save(f"bench/{name}", file))

    def form_before():
        file = upload()
        documents._inspect(file, "lainnya", None)  # the form's clean()
        documents._inspect(file, "lainnya", None)  # the action, again
        store.delete(store.save(f"bench/{name}", file))

    def form_now():
        file = upload()
        documents.inspect_upload(file, "lainnya")
        store.delete(documents.accept_upload(file, "lainnya").storage_name)

    def chunked_before():
        file = upload()
        check = hashlib.sha256()
        for block in file.chunks():
            check.update(block)
        assert check.hexdigest() == digest
        file.seek(0)
        documents._inspect(file, "isian_kampanye", None)
        store.delete(store.save(f"bench/{name}", file))

    def chunked_now():
        file = upload()
        store.delete(documents.accept_upload(file, "isian_kampanye", sha256=digest).storage_name)

    base = best_of(REPEAT, baseline)
    print(f"{label} {SIZE // (1024 * 1024)} MB: baseline (one hash + store) {base * 1000:.0f} ms")
    for title, fn in (
        ("form upload, before (checked twice)", form_before),
        ("form upload, now (checked once)", form_now),
        ("chunked upload, before (two hashes)", chunked_before),
        ("chunked upload, now (one pass)", chunked_now),
    ):
        took = best_of(REPEAT, fn)
        print(f"  {title:38} {took * 1000:6.0f} ms  {took / base:4.1f}x")


if __name__ == "__main__":
    main()
