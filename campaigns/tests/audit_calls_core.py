"""Audit-trail entries of the campaigns core actions (see tests/test_audit_trail.py)."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    from django.test import override_settings
    from django.utils import timezone

    from campaigns.design import actions as design
    from campaigns.review import actions as review
    from campaigns.submissions import actions
    from campaigns.tests.helpers import make_campaign, pdf_upload, tiny_pdf, valid_answers
    from campaigns.uploads import actions as actions_upload
    from campaigns.uploads.files import receive_chunk
    from core.models import AuditLog
    from people.tests.factories import make_pegawai

    media = override_settings(MEDIA_ROOT=tmp_path / "media")
    # Built up front: the trail test checks every row a call writes, and these are setup.
    pegawai = make_pegawai(cast.opd_a, nama="Rina", user=cast.pegawai_a, actor=cast.admin)
    shared = make_campaign(cast.admin, slug="audit-uji", opds=[cast.opd_a])
    empty = make_campaign(cast.admin, slug="audit-set", questions="none", publish=False)

    def submit():
        with media:
            document = actions_upload.do_upload_file(
                shared, pegawai, shared.questions.get(code="laporan"), pdf_upload(), actor=cast.pegawai_a
            )
            answers = valid_answers(laporan=document.pk)
            return actions.do_submit(shared, pegawai, answers, base_version=0, actor=cast.pegawai_a)

    def finish():
        data = tiny_pdf()
        with media:
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
        with media:
            return actions_upload.do_upload_file(
                shared, pegawai, shared.questions.get(code="laporan"), pdf_upload(), actor=cast.pegawai_a
            )

    def start():
        with media:
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
        with media:
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
