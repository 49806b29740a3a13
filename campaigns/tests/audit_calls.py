"""Audit-trail entries of the campaigns' actions (see tests/test_audit_trail.py).

Two groups (``SECTIONS``: a test sets up only its action's group): design, submissions,
uploads and review share a campaign built up front; reminders and exports build theirs
inside the call. Files land in the test's MEDIA_ROOT (tests/test_audit_trail.py's
``private_media``).
"""

from __future__ import annotations

import datetime as dt


def _shared(cast, tmp_path) -> dict:
    from django.utils import timezone

    from campaigns.design import actions as design
    from campaigns.review import actions as review
    from campaigns.submissions import actions
    from campaigns.tests.helpers import make_campaign, tiny_pdf, valid_answers
    from campaigns.uploads import actions as actions_upload
    from campaigns.uploads.files import receive_chunk
    from conftest import make_pdf
    from core.models import AuditLog
    from people.tests.factories import make_pegawai

    # Built up front: the trail test checks every row a call writes, and these are setup.
    pegawai = make_pegawai(cast.opd_a, nama="Rina", user=cast.pegawai_a, actor=cast.admin)
    shared = make_campaign(cast.admin, slug="audit-uji", opds=[cast.opd_a])
    empty = make_campaign(cast.admin, slug="audit-set", questions="none", publish=False)

    def submit():
        document = actions_upload.do_upload_file(
            shared,
            pegawai,
            shared.questions.get(code="laporan"),
            make_pdf("laporan.pdf"),
            actor=cast.pegawai_a,
        )
        answers = valid_answers(laporan=document.pk)
        return actions.do_submit(shared, pegawai, answers, base_version=0, actor=cast.pegawai_a)

    def finish():
        data = tiny_pdf()
        session = actions_upload.do_start_upload(
            shared,
            pegawai,
            shared.questions.get(code="laporan"),
            filename="a.pdf",
            size=len(data),
            actor=cast.pegawai_a,
        )
        receive_chunk(session, 0, data)
        last = AuditLog.objects.order_by("-id").values_list("id", flat=True).first()
        document = actions_upload.do_finish_upload(session, actor=cast.pegawai_a)
        assert AuditLog.objects.filter(id__gt=last, event="kampanye.unggah_selesai").exists()
        return document

    def upload():
        return actions_upload.do_upload_file(
            shared,
            pegawai,
            shared.questions.get(code="laporan"),
            make_pdf("laporan.pdf"),
            actor=cast.pegawai_a,
        )

    def start():
        return actions_upload.do_start_upload(
            shared,
            pegawai,
            shared.questions.get(code="laporan"),
            filename="a.pdf",
            size=10,
            actor=cast.pegawai_a,
        )

    def prune():
        from campaigns.models import UploadSession

        old = start()
        UploadSession.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=2))
        return actions_upload.do_prune_uploads(actor=cast.admin)

    return {
        "campaigns.design.actions.do_create_campaign": lambda: design.do_create_campaign(
            actor=cast.admin,
            slug="audit-baru",
            kind="survey",
            title="Survei",
            opens_at=timezone.now(),
            closes_at=timezone.now() + dt.timedelta(days=1),
        ),
        "campaigns.design.actions.do_update_campaign": lambda: design.do_update_campaign(
            shared, {"title": "Judul baru"}, actor=cast.admin
        ),
        "campaigns.design.actions.do_publish_campaign": lambda: design.do_publish_campaign(
            shared, actor=cast.admin, published=False
        ),
        "campaigns.design.actions.do_add_question": lambda: design.do_add_question(
            shared, actor=cast.admin, code="baru", label="Baru", kind="text"
        ),
        "campaigns.design.actions.do_add_question_set": lambda: design.do_add_question_set(
            empty, "si-jafung", year=2026, actor=cast.admin
        ),
        "campaigns.design.actions.do_update_question": lambda: design.do_update_question(
            shared.questions.get(code="capaian"), {"label": "Capaian kinerja"}, actor=cast.admin
        ),
        "campaigns.design.actions.do_delete_question": lambda: design.do_delete_question(
            shared.questions.get(code="predikat"), actor=cast.admin
        ),
        "campaigns.design.actions.do_move_question": lambda: design.do_move_question(
            shared.questions.get(code="capaian"), direction=-1, actor=cast.admin
        ),
        "campaigns.submissions.actions.do_submit": submit,
        "campaigns.review.actions.do_review_submission": lambda: review.do_review_submission(
            submit(),
            accept=False,
            reason="Dokumen belum ditandatangani",
            fix_deadline=timezone.now() + dt.timedelta(days=3),
            actor=cast.unit_pengolah,
        ),
        "campaigns.uploads.actions.do_start_upload": start,
        "campaigns.uploads.actions.do_finish_upload": finish,
        "campaigns.uploads.actions.do_upload_file": upload,
        "campaigns.uploads.actions.do_discard_uploads": lambda: actions_upload.do_discard_uploads(
            [upload()], actor=cast.pegawai_a
        ),
        "campaigns.uploads.actions.do_prune_uploads": prune,
    }


def _lazy(cast, tmp_path) -> dict:
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

    def start_export():
        exports.do_start_files_export(campaign("audit-ekspor"), opd=cast.opd_a, actor=cast.operator_a)

    return {
        "campaigns.reminders.actions.do_send_campaign_reminders": remind,
        "campaigns.exports.actions.do_start_files_export": start_export,
        "campaigns.exports.actions.do_record_submissions_export": lambda: (
            exports.do_record_submissions_export(
                campaign("audit-isian"), rows=0, opd_ids=[cast.opd_a.pk], actor=cast.admin
            )
        ),
    }


SECTIONS = (_shared, _lazy)


def calls(cast, tmp_path) -> dict:
    return {name: call for section in SECTIONS for name, call in section(cast, tmp_path).items()}
