"""Bad input on the campaign screens gives an Indonesian message or a 404, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from campaigns.models import Submission
from campaigns.tests.helpers import make_campaign, valid_answers

pytestmark = pytest.mark.django_db
# A valid edit of the campaign; each test spoils one field.
CAMPAIGN_EDIT = {
    "kind": "performance_report",
    "title": "Laporan Kinerja Uji",
    "period": "PPK/SKP 2025",
    "opens_at": "2026-03-01T08:00",
    "closes_at": "2026-03-31T16:00",
    "target_percent": "90",
}


@pytest.fixture
def campaign(cast):
    return make_campaign(cast.admin, opds=[cast.opd_a])


def test_a_huge_number_as_a_file_answer_is_refused_with_a_message(cast, rina, campaign, client_for):
    url = reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug})
    response = client_for(cast.pegawai_a).post(
        url, {**valid_answers(), "laporan": "99999999999999999999999999", "version": "0"}
    )
    assert response.status_code == 200
    assert "Berkas unggahan tidak dikenal" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_number_answer_beyond_any_sane_size_is_refused_in_indonesian(cast, rina, client_for):
    from campaigns.design.actions import do_add_question, do_publish_campaign

    open_campaign = make_campaign(cast.admin, opds=[cast.opd_a], questions="none", publish=False)
    do_add_question(open_campaign, actor=cast.admin, code="jumlah", label="Jumlah kegiatan", kind="number")
    do_publish_campaign(open_campaign, actor=cast.admin)
    url = reverse("campaigns:campaign_submit", kwargs={"slug": open_campaign.slug})
    client = client_for(cast.pegawai_a)
    for huge in ("99999999999999999999999999", "-1e999999", "1e400"):
        response = client.post(url, {"jumlah": huge, "version": "0"})
        assert response.status_code == 200, huge
        assert "Angka terlalu besar" in response.content.decode(), huge
    assert not Submission.objects.exists()


def test_moving_a_question_that_was_deleted_meanwhile_says_so(cast, campaign):
    from campaigns.design.actions import do_move_question
    from campaigns.models import Question
    from campaigns.submissions.rules import CampaignError

    question = campaign.questions.get(code="capaian")
    Question.objects.filter(pk=question.pk).delete()  # the other tab's delete
    with pytest.raises(CampaignError, match="sudah dihapus"):
        do_move_question(question, direction=-1, actor=cast.admin)


def test_the_move_screen_redirects_with_a_message_when_the_question_vanished(cast, campaign, client_for):
    from campaigns.models import Question

    question = campaign.questions.get(code="capaian")
    url = reverse("campaigns:question_move", kwargs={"slug": campaign.slug, "pk": question.pk})
    Question.objects.filter(pk=question.pk).delete()
    response = client_for(cast.admin).post(url, {"direction": "up"})
    assert response.status_code == 404


def test_a_target_opd_id_too_large_for_the_database_is_an_unknown_choice(cast, campaign, client_for):
    url = reverse("campaigns:campaign_edit", kwargs={"slug": campaign.slug})
    response = client_for(cast.admin).post(
        url,
        {**CAMPAIGN_EDIT, "opds": ["-99999999999999999999", "99999999999999999999"]},
    )
    assert response.status_code == 200
    assert "bukan nilai yang valid" in response.content.decode()


def test_a_campaign_opening_in_year_one_is_refused_with_the_allowed_years(cast, campaign, client_for):
    url = reverse("campaigns:campaign_edit", kwargs={"slug": campaign.slug})
    response = client_for(cast.admin).post(
        url,
        {**CAMPAIGN_EDIT, "opens_at": "0001-01-01T00:00", "closes_at": "9999-12-31T23:59"},
    )
    assert response.status_code == 200
    assert "Tahun harus antara 1900 dan 2200." in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [("pegawai", "²"), ("pegawai", "9" * 30), ("question", "lap\x00oran"), ("filename", "lapo\x00ran.pdf")],
)
def test_starting_an_upload_with_mangled_fields_is_refused_not_a_crash(
    cast, rina, campaign, client_for, field, value
):
    url = reverse("campaigns:upload_start", kwargs={"slug": campaign.slug})
    data = {"question": "laporan", "filename": "laporan.pdf", "size": "100", field: value}
    response = client_for(cast.pegawai_a).post(url, data)
    assert response.status_code in (201, 403, 404)
    if response.status_code == 201:
        from campaigns.models import UploadSession

        assert "\x00" not in UploadSession.objects.get().filename


def test_editing_or_deleting_a_question_deleted_meanwhile_says_so_and_writes_nothing(cast, campaign):
    from campaigns.design.actions import do_delete_question, do_update_question
    from campaigns.models import Question
    from campaigns.submissions.rules import QuestionGone
    from core.models import AuditLog

    question = campaign.questions.get(code="capaian")
    Question.objects.filter(pk=question.pk).delete()  # the other tab's delete
    audited = AuditLog.objects.count()
    with pytest.raises(QuestionGone, match="sudah dihapus"):
        do_update_question(question, {"label": "Capaian baru"}, actor=cast.admin)
    with pytest.raises(QuestionGone, match="sudah dihapus"):
        do_delete_question(question, actor=cast.admin)
    assert not Question.objects.filter(pk=question.pk).exists()
    assert AuditLog.objects.count() == audited


def test_finishing_an_upload_whose_question_was_deleted_meanwhile_is_refused(cast, rina, campaign):
    from campaigns.models import Question
    from campaigns.tests.helpers import pdf_of_size
    from campaigns.uploads.actions import do_finish_upload, do_start_upload
    from campaigns.uploads.files import receive_chunk
    from campaigns.uploads.rules import UploadRefused

    data = pdf_of_size(2048)
    question = campaign.questions.get(code="laporan")
    session = do_start_upload(
        campaign, rina, question, filename="a.pdf", size=len(data), actor=cast.pegawai_a
    )
    receive_chunk(session, 0, data)
    Question.objects.filter(pk=question.pk).delete()  # the manager's delete, meanwhile
    with pytest.raises(UploadRefused, match="sudah dihapus"):
        do_finish_upload(session, actor=cast.pegawai_a)
