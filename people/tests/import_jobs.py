"""Import jobs for the UI tests and the role matrix, built through the actions the views call."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tables import read_table
from people.imports.actions import do_confirm_import_job, do_create_import_job, run_import_job
from people.imports.queries import import_opd_for
from people.tests.siasn_files import asn_row


def csv_upload(rows: list[dict[str, str]], name: str = "data-asn.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(rows[0].keys())
    for row in rows:
        writer.writerow(row.values())
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def preview_job(user, rows=None):
    """A previewed (not yet confirmed) job of ``user``: one employee of their OPD by default."""
    upload = csv_upload(rows or [asn_row(user.opd, 1)])
    table = read_table(upload)
    return do_create_import_job(upload=upload, table=table, kind=None, opd=import_opd_for(user), actor=user)


def finished_job(user, rows=None):
    job = preview_job(user, rows)
    do_confirm_import_job(job, actor=user)
    run_import_job(job.pk)
    job.refresh_from_db()
    return job


def confirm_unreadable(client, job, capture_on_commit) -> None:
    """Spoil the job's kept file (no CSV, no XLSX) and confirm it through the screen; the
    worker runs when the request commits, so the job has failed on return."""
    with open(job.file.path, "wb") as handle:
        handle.write(b"\x00\x01 not a table")
    with capture_on_commit(execute=True):
        client.post(reverse("people:import_confirm", args=[job.pk]))
    job.refresh_from_db()
