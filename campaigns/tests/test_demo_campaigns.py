"""The two seeded demo campaigns: realistic shares, answers consistent with the master data,
real PDFs, deterministic, created once."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections import Counter

import pytest
from pypdf import PdfReader

from campaigns.models import Campaign, Submission, SubmissionVersion, UploadSession
from campaigns.submissions.queries import answers_by_pegawai
from core.documents import detect, storage
from core.models import Document
from demo.campaigns import LIKE_ASN, SI_JAFUNG, seed_demo_campaigns, tiny_pdf
from demo.org import seed_minimal_demo
from demo.people import seed_demo_pegawai
from people.models import JenisJabatan, Pegawai

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 7, 15)  # after demo.people.AS_OF: no TMT lies in the future


@pytest.fixture
def province():
    seed_minimal_demo(holiday_years=[])
    seed_demo_pegawai(300, 11)
    return seed_demo_campaigns(11, today=TODAY)


def test_the_tiny_pdf_is_a_valid_pdf_with_its_text():
    data = tiny_pdf(["Dokumen Penilaian Kinerja", "NIP: 198505172010031015", "Nama: A (B)"])
    assert detect(data[:8]).label == "PDF"
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "198505172010031015" in text and "A (B)" in text


def test_like_asn_has_a_realistic_share_submitted_each_with_its_pdf(province):
    counts = province[LIKE_ASN]
    campaign = Campaign.objects.get(slug=LIKE_ASN)
    assert campaign.title == "LIKE ASN – Penilaian Kinerja 2025" and campaign.published
    assert campaign.opens_at.date() < TODAY < campaign.closes_at.date()
    share = counts["submissions"] / counts["targets"]
    assert 0.66 <= share <= 0.93
    assert Submission.objects.filter(campaign=campaign).count() == counts["submissions"] == counts["files"]
    assert SubmissionVersion.objects.filter(submission__campaign=campaign).count() == counts["submissions"]
    per_opd = Counter(Submission.objects.filter(campaign=campaign).values_list("opd_id", flat=True))
    assert len(set(per_opd.values())) > 1  # the OPDs differ
    submission = Submission.objects.filter(campaign=campaign).select_related("pegawai").first()
    document = Document.objects.get(pk=submission.answers["laporan_kinerja"])
    data = storage().open(document.storage_name).read()
    assert hashlib.sha256(data).hexdigest() == document.sha256 and len(data) == document.size
    assert submission.pegawai.nip in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    session = UploadSession.objects.get(pk=document.object_id)
    assert session.pegawai_id == submission.pegawai_id and session.document_id == document.pk
    assert submission.answers["nip"] == submission.pegawai.nip


def test_si_jafung_targets_functional_officials_with_consistent_answers(province):
    campaign = Campaign.objects.get(slug=SI_JAFUNG)
    assert {q.code for q in campaign.questions.all()} >= {
        "tahun_dalam_pangkat",
        "progres_angka_kredit",
        "sesuai_peta_jabatan",
        "tugas_tambahan",
        "tugas_tambahan_uraian",
        "kendala",
    }
    answers = answers_by_pegawai(SI_JAFUNG)
    officials = Pegawai.objects.in_bulk(list(answers))
    assert (
        province[SI_JAFUNG]["targets"]
        == Pegawai.objects.filter(jenis_jabatan=JenisJabatan.FUNGSIONAL, status=Pegawai.Status.AKTIF).count()
    )
    assert 0.6 <= len(answers) / province[SI_JAFUNG]["targets"] <= 0.92
    for pegawai_id, mine in answers.items():
        official = officials[pegawai_id]
        assert official.jenis_jabatan == JenisJabatan.FUNGSIONAL
        if official.tmt_golongan:
            assert mine["tahun_dalam_pangkat"] == (TODAY - official.tmt_golongan).days // 365
        assert mine["sesuai_peta_jabatan"] in {"ya", "tidak"}
        assert ("tugas_tambahan_uraian" in mine) == (mine["tugas_tambahan"] == "ya")


def test_seeding_again_changes_nothing_and_the_same_seed_gives_the_same_answers(province):
    before = sorted(Submission.objects.values_list("pegawai__nip", "campaign__slug", "status"))
    again = seed_demo_campaigns(11, today=TODAY)
    assert again == {LIKE_ASN: {"created": False}, SI_JAFUNG: {"created": False}}
    assert sorted(Submission.objects.values_list("pegawai__nip", "campaign__slug", "status")) == before
    jafung = answers_by_pegawai(SI_JAFUNG)
    Document.objects.filter(kind="isian_kampanye").delete()
    Campaign.objects.all().delete()
    seed_demo_campaigns(11, today=TODAY)
    assert sorted(Submission.objects.values_list("pegawai__nip", "campaign__slug", "status")) == before
    assert answers_by_pegawai(SI_JAFUNG) == jafung


def test_the_demo_login_still_has_its_campaigns_to_fill_in(province):
    pegawai = Pegawai.objects.filter(user__username="pegawai.dinkes").first()
    if pegawai is None:
        pytest.skip("the small province has no linked demo login")
    assert not Submission.objects.filter(pegawai=pegawai).exists()
