"""Submitting answers: versions, window, conditions, validation, on behalf, two tabs."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from campaigns.models import Submission, SubmissionVersion
from campaigns.submissions.actions import do_submit
from campaigns.submissions.queries import answers_by_pegawai
from campaigns.submissions.rules import AnswersInvalid, CampaignClosed, NotTargeted, StaleVersion
from campaigns.tests.helpers import make_campaign, valid_answers
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def _add_simple_questions(campaign, actor):
    from campaigns.design.actions import do_add_question

    do_add_question(campaign, actor=actor, code="nama", label="Nama", kind="text", prefill="nama")
    do_add_question(campaign, actor=actor, code="tugas_tambahan", label="Tugas tambahan?", kind="yes_no")
    do_add_question(
        campaign,
        actor=actor,
        code="uraian",
        label="Uraian",
        kind="text",
        show_if_code="tugas_tambahan",
        show_if_value="ya",
    )
    do_add_question(
        campaign, actor=actor, code="capaian", label="Capaian", kind="number", min_value=0, max_value=100
    )
    do_add_question(
        campaign,
        actor=actor,
        code="predikat",
        label="Predikat",
        kind="choice",
        options=["Baik", "Cukup"],
        required=False,
    )
    do_add_question(campaign, actor=actor, code="tanggal", label="Tanggal", kind="date", required=False)


@pytest.fixture
def open_campaign(cast):
    from django.utils import timezone

    from campaigns.design.actions import do_publish_campaign

    campaign = make_campaign(
        cast.admin,
        opds=[cast.opd_a, cast.opd_b],
        closes_at=timezone.now() + dt.timedelta(hours=2),
        questions="none",
        publish=False,
    )
    _add_simple_questions(campaign, cast.admin)
    do_publish_campaign(campaign, actor=cast.admin)
    return campaign


def test_a_first_submit_creates_one_submission_with_version_one(cast, rina, open_campaign):
    submission = do_submit(open_campaign, rina, valid_answers(), base_version=0, actor=cast.pegawai_a)
    assert submission.version == 1
    assert submission.answers == {
        "nama": rina.nama_lengkap,
        "tugas_tambahan": "tidak",
        "capaian": 87.5,
        "predikat": "Baik",
    }
    assert submission.opd == cast.opd_a
    assert not submission.on_behalf


def test_every_version_is_kept_when_the_employee_edits_before_close(cast, rina, open_campaign):
    do_submit(open_campaign, rina, valid_answers(capaian="80"), base_version=0, actor=cast.pegawai_a)
    submission = do_submit(
        open_campaign, rina, valid_answers(capaian="90"), base_version=1, actor=cast.pegawai_a
    )
    assert submission.version == 2
    versions = list(SubmissionVersion.objects.filter(submission=submission).order_by("number"))
    assert [v.answers["capaian"] for v in versions] == [80, 90]
    assert Submission.objects.count() == 1
    assert answers_by_pegawai(open_campaign.slug) == {rina.pk: submission.answers}


def test_a_stale_tab_gets_a_clear_message_and_overwrites_nothing(cast, rina, open_campaign):
    do_submit(open_campaign, rina, valid_answers(capaian="80"), base_version=0, actor=cast.pegawai_a)
    with pytest.raises(StaleVersion) as stale:
        # the second tab was opened before the first submit: it still says version 0
        do_submit(open_campaign, rina, valid_answers(capaian="10"), base_version=0, actor=cast.pegawai_a)
    assert "tab atau perangkat lain" in str(stale.value)
    assert stale.value.current == 1
    submission = Submission.objects.get()
    assert submission.version == 1 and submission.answers["capaian"] == 80


def test_two_tabs_posting_the_first_submit_end_with_one_submission_and_a_message(
    cast, rina, open_campaign, client_for
):
    client = client_for(cast.pegawai_a)
    url = reverse("campaigns:campaign_submit", kwargs={"slug": open_campaign.slug})
    first = client.post(url, {**valid_answers(capaian="70"), "version": "0"})
    second = client.post(url, {**valid_answers(capaian="75"), "version": "0"})
    assert first.status_code == 302
    assert second.status_code == 200
    assert "tab atau perangkat lain" in second.content.decode()
    # the second tab keeps its own input on screen, with the newer version to send deliberately
    assert 'value="75"' in second.content.decode()
    assert 'name="version" value="1"' in second.content.decode()
    assert Submission.objects.count() == 1
    assert Submission.objects.get().answers["capaian"] == 70


def test_a_hidden_conditional_answer_is_dropped_server_side(cast, rina, open_campaign):
    answers = valid_answers(tugas_tambahan="tidak", uraian="Bendahara kegiatan")
    submission = do_submit(open_campaign, rina, answers, base_version=0, actor=cast.pegawai_a)
    assert "uraian" not in submission.answers


def test_a_shown_conditional_question_is_required(cast, rina, open_campaign):
    with pytest.raises(AnswersInvalid) as invalid:
        do_submit(
            open_campaign, rina, valid_answers(tugas_tambahan="ya"), base_version=0, actor=cast.pegawai_a
        )
    assert invalid.value.errors == {"uraian": "Isian ini wajib diisi."}
    submission = do_submit(
        open_campaign,
        rina,
        valid_answers(tugas_tambahan="ya", uraian="Bendahara"),
        base_version=0,
        actor=cast.pegawai_a,
    )
    assert submission.answers["uraian"] == "Bendahara"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("capaian", "120", "Nilai harus antara 0 dan 100."),
        ("capaian", "dua", "Masukkan angka, mis. 12 atau 12,5."),
        ("capaian", "", "Isian ini wajib diisi."),
        ("predikat", "Luar biasa", "Pilihan tidak dikenal; pilih salah satu dari daftar."),
        (
            "tanggal",
            "31-02-2025",
            "Tanggal tidak valid; gunakan format tanggal-bulan-tahun, mis. 17-08-2025.",
        ),
        ("tugas_tambahan", "mungkin", "Pilih Ya atau Tidak."),
    ],
)
def test_bad_answers_get_an_indonesian_message_per_field_and_nothing_is_stored(
    cast, rina, open_campaign, client_for, field, value, message
):
    url = reverse("campaigns:campaign_submit", kwargs={"slug": open_campaign.slug})
    response = client_for(cast.pegawai_a).post(url, {**valid_answers(**{field: value}), "version": "0"})
    assert response.status_code == 200
    assert f'data-error="{field}">{message}' in response.content.decode()
    assert not Submission.objects.exists()


def test_dates_are_accepted_as_day_month_year_and_stored_iso(cast, rina, open_campaign):
    submission = do_submit(
        open_campaign, rina, valid_answers(tanggal="17-08-2025"), base_version=0, actor=cast.pegawai_a
    )
    assert submission.answers["tanggal"] == "2025-08-17"


def test_the_prefilled_fact_comes_from_master_data_not_from_the_post(cast, rina, open_campaign):
    submission = do_submit(
        open_campaign, rina, valid_answers(nama="Nama Palsu"), base_version=0, actor=cast.pegawai_a
    )
    assert submission.answers["nama"] == rina.nama_lengkap


def test_after_close_the_form_is_read_only_and_nothing_is_stored(cast, rina, open_campaign, client_for):
    do_submit(open_campaign, rina, valid_answers(capaian="60"), base_version=0, actor=cast.pegawai_a)
    url = reverse("campaigns:campaign_submit", kwargs={"slug": open_campaign.slug})
    client = client_for(cast.pegawai_a)
    with time_machine.travel(open_campaign.closes_at + dt.timedelta(minutes=1)):
        page = client.get(url)
        assert 'data-testid="read-only"' in page.content.decode()
        assert '<form method="post" action="/kampanye' not in page.content.decode()
        response = client.post(url, {**valid_answers(capaian="99"), "version": "1"}, follow=True)
        assert "sudah ditutup" in response.content.decode()
        with pytest.raises(CampaignClosed):
            do_submit(open_campaign, rina, valid_answers(), base_version=1, actor=cast.pegawai_a)
    submission = Submission.objects.get()
    assert submission.version == 1 and submission.answers["capaian"] == 60


def test_a_campaign_that_has_not_opened_refuses_submissions(cast, rina):
    from django.utils import timezone

    campaign = make_campaign(
        cast.admin, opens_at=timezone.now() + dt.timedelta(days=2), questions="none", publish=False
    )
    _add_simple_questions(campaign, cast.admin)
    with pytest.raises(CampaignClosed, match="belum dibuka"):
        do_submit(campaign, rina, valid_answers(), base_version=0, actor=cast.pegawai_a)


def test_an_operator_submits_for_an_employee_of_their_opd_recorded_on_behalf(cast, open_campaign, client_for):
    budi = make_pegawai(cast.opd_a, nama="Budi Dinkes")
    url = reverse("campaigns:campaign_submit_for", kwargs={"slug": open_campaign.slug, "pegawai": budi.pk})
    client = client_for(cast.operator_a)
    assert "atas nama" in client.get(url).content.decode()
    response = client.post(url, {**valid_answers(), "version": "0"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.pegawai == budi and submission.on_behalf and submission.submitted_by == cast.operator_a
    assert submission.versions.get().on_behalf


def test_an_operator_cannot_submit_for_another_opds_employee(cast, open_campaign, client_for):
    budi = make_pegawai(cast.opd_a, nama="Budi Dinkes")
    url = reverse("campaigns:campaign_submit_for", kwargs={"slug": open_campaign.slug, "pegawai": budi.pk})
    response = client_for(cast.operator_b).post(url, {**valid_answers(), "version": "0"})
    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_an_employee_outside_the_audience_is_refused_clearly(cast, client_for):
    from people.models import JenisJabatan

    campaign = make_campaign(
        cast.admin, jenis_jabatan=[JenisJabatan.FUNGSIONAL], questions="none", publish=False
    )
    _add_simple_questions(campaign, cast.admin)
    from campaigns.design.actions import do_publish_campaign

    do_publish_campaign(campaign, actor=cast.admin)
    rina = make_pegawai(cast.opd_a, nama="Rina Dinkes", user=cast.pegawai_a)  # a pelaksana
    url = reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug})
    client = client_for(cast.pegawai_a)
    assert client.get(url).status_code == 403
    response = client.post(url, {**valid_answers(), "version": "0"})
    assert response.status_code == 403
    assert "tidak termasuk sasaran" in response.content.decode()
    with pytest.raises(NotTargeted):
        do_submit(campaign, rina, valid_answers(), base_version=0, actor=cast.pegawai_a)
    assert not Submission.objects.exists()


def test_the_dashboard_and_my_list_show_the_open_campaign(cast, rina, open_campaign, client_for):
    client = client_for(cast.pegawai_a)
    dashboard = client.get(reverse("reports:dashboard")).content.decode()
    assert 'data-testid="open-campaigns"' in dashboard and open_campaign.title in dashboard
    mine = client.get(reverse("campaigns:campaign_mine")).content.decode()
    assert "Belum mengisi" in mine
    do_submit(open_campaign, rina, valid_answers(), base_version=0, actor=cast.pegawai_a)
    assert "Terkirim" in client.get(reverse("campaigns:campaign_mine")).content.decode()


def test_the_form_shows_known_facts_read_only(cast, rina, open_campaign, client_for):
    page = client_for(cast.pegawai_a).get(
        reverse("campaigns:campaign_submit", kwargs={"slug": open_campaign.slug})
    )
    html = page.content.decode()
    assert f'data-fact="nama">{rina.nama_lengkap}' in html
    assert 'name="nama"' not in html


def test_prefilled_facts_show_labels_not_codes(cast):
    from campaigns.submissions.queries import facts_of
    from people.models import RiwayatSkp

    pegawai = make_pegawai(cast.opd_a, nama="Dewi Lestari")
    pegawai.jenjang = "ahli_muda"
    RiwayatSkp.objects.create(pegawai=pegawai, tahun=2025, predikat="sangat_baik")
    facts = facts_of(pegawai, {"jenjang", "skp_terakhir"})
    assert facts == {"jenjang": "Ahli Muda", "skp_terakhir": "2025: Sangat Baik"}
