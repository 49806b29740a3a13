"""The writes of the export screens: asking for a ZIP of uploads, and recording the XLSX download.

A ZIP is a core export job (campaigns.exports.files.FILES_EXPORT): core.exports.actions
starts it (audited, the task enqueued on commit), the worker builds it and records its end,
and core.exports.actions.do_record_export_download audits every download of it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.exports.files import FILES_EXPORT, files_params
from campaigns.models import Campaign
from core.audit import record
from core.exports.actions import ABANDONED_AFTER, do_start_export
from core.exports.files import RUNNING
from core.models import ExportJob


@transaction.atomic
def do_start_files_export(campaign: Campaign, *, opd, actor) -> tuple[ExportJob, bool]:
    """A ZIP job for ``opd`` (None: every OPD, one ZIP per OPD inside); (job, created).

    A job for the same campaign and OPD still waiting or running, whoever asked for it, is
    returned instead of a second one (a double click, two tabs, two operators of one OPD):
    the ZIP is the same for everyone who may see it. Raises core's ExportRefused when the
    user already has as many exports running as one person may.
    """
    Campaign.objects.select_for_update().filter(pk=campaign.pk).values_list("pk", flat=True).get()
    params = files_params(campaign, opd)
    running = (
        ExportJob.objects.filter(
            kind=FILES_EXPORT.key,
            params__slug=params["slug"],
            status__in=RUNNING,
            created_at__gte=timezone.now() - ABANDONED_AFTER,
        )
        .order_by("-created_at", "-id")
        .only("params")
    )
    same = next((job for job in running if job.params == params), None)
    if same is not None:
        return ExportJob.objects.get(pk=same.pk), False
    where = opd.name if opd is not None else _("semua OPD")
    title = _("Berkas %(campaign)s · %(opd)s") % {"campaign": campaign.title, "opd": where}
    return do_start_export(FILES_EXPORT, params=params, title=title, total=0, actor=actor)


def do_record_submissions_export(campaign: Campaign, *, rows: int, opd_ids, actor) -> None:
    """Audit that ``actor`` downloaded the XLSX of the submissions (answers are personal data)."""
    record(
        actor=actor,
        event="kampanye.isian_diekspor",
        obj=campaign,
        after={"rows": rows, "opds": sorted(opd_ids)},
    )
