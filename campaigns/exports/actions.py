"""The writes of the export screens: asking for a ZIP of uploads, and recording downloads.

Building the ZIP is campaigns.exports.files.run_files_export (the background task); it records
its end in the audit log itself. Downloads of personal data are audited like a document
download (core.documents.do_record_download).
"""

from __future__ import annotations

from django.db import transaction

from campaigns.models import Campaign, ExportJob
from core.audit import record

RUNNING = (ExportJob.Status.MENUNGGU, ExportJob.Status.DIPROSES)


@transaction.atomic
def do_start_files_export(campaign: Campaign, *, opd, actor) -> tuple[ExportJob, bool]:
    """A ZIP job for ``opd`` (None: every OPD, one ZIP per OPD inside); (job, created).

    A job for the same campaign and OPD still waiting or running is returned instead of a
    second one (a double click, two tabs), so the caller enqueues only when ``created``.
    """
    Campaign.objects.select_for_update().filter(pk=campaign.pk).values_list("pk", flat=True).get()
    running = ExportJob.objects.filter(
        campaign=campaign, kind=ExportJob.Kind.ZIP, opd=opd, status__in=RUNNING
    ).first()
    if running is not None:
        return running, False
    job = ExportJob.objects.create(campaign=campaign, kind=ExportJob.Kind.ZIP, opd=opd, created_by=actor)
    record(
        actor=actor,
        event="kampanye.ekspor_diminta",
        obj=job,
        object_repr=f"{campaign.slug} · {opd.name if opd else 'semua OPD'}",
        after={"kind": job.kind, "opd": opd.pk if opd else None},
    )
    return job, True


def do_record_export_download(job: ExportJob, *, actor) -> None:
    """Audit that ``actor`` downloaded the ZIP of ``job`` (personal documents)."""
    record(
        actor=actor,
        event="kampanye.ekspor_diunduh",
        obj=job,
        object_repr=f"{job.campaign.slug} · {job.opd.name if job.opd else 'semua OPD'}",
        after={"files": job.total, "opd": job.opd_id},
    )


def do_record_submissions_export(campaign: Campaign, *, rows: int, opd_ids, actor) -> None:
    """Audit that ``actor`` downloaded the XLSX of the submissions (answers are personal data)."""
    record(
        actor=actor,
        event="kampanye.isian_diekspor",
        obj=campaign,
        after={"rows": rows, "opds": sorted(opd_ids)},
    )
