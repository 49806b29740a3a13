"""Audit-trail entries of the reminder and export actions (see tests/test_audit_trail.py)."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    from django.test import override_settings
    from django.utils import timezone

    from campaigns.exports import actions as exports
    from campaigns.reminders.actions import do_send_campaign_reminders
    from campaigns.tests.helpers import make_campaign
    from people.models import Pegawai
    from people.tests.factories import make_pegawai

    def campaign(slug, *, closes_in_days=30):
        opens = timezone.now() - dt.timedelta(days=1)
        return make_campaign(
            cast.admin,
            slug=slug,
            opds=(cast.opd_a,),
            opens_at=opens,
            closes_at=timezone.now() + dt.timedelta(days=closes_in_days),
        )

    def remind():
        # Two days before the close the H-3 reminder is due; pegawai_a has not submitted.
        item = campaign("audit-pengingat", closes_in_days=2)
        # Another app's entry may have linked one (when every app's entries are set up at
        # once); created here, it is written by a named actor like any row of the call.
        if not Pegawai.objects.filter(user=cast.pegawai_a).exists():
            make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a, actor=cast.admin)
        run = do_send_campaign_reminders(item, actor=cast.admin)
        assert run.reminded == 1

    def export_job():
        from campaigns.models import ExportJob

        # The download audit does not depend on the job's state; no build (its row is "sistem").
        return ExportJob.objects.create(
            campaign=campaign("audit-unduh-berkas"),
            kind=ExportJob.Kind.ZIP,
            opd=cast.opd_a,
            created_by=cast.admin,
        )

    def start_export():
        with override_settings(MEDIA_ROOT=tmp_path / "media"):
            exports.do_start_files_export(campaign("audit-ekspor"), opd=cast.opd_a, actor=cast.operator_a)

    return {
        "campaigns.reminders.actions.do_send_campaign_reminders": remind,
        "campaigns.exports.actions.do_start_files_export": start_export,
        "campaigns.exports.actions.do_record_export_download": lambda: exports.do_record_export_download(
            export_job(), actor=cast.operator_a
        ),
        "campaigns.exports.actions.do_record_submissions_export": lambda: (
            exports.do_record_submissions_export(
                campaign("audit-isian"), rows=0, opd_ids=[cast.opd_a.pk], actor=cast.admin
            )
        ),
    }
