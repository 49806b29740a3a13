"""The standard question sets (campaigns/content/question_sets/): each one fits the Question
model, its year is filled in, and a file that does not fit is refused with the place."""

from __future__ import annotations

import pytest

from campaigns.design import files
from campaigns.design.files import QuestionSetError, names, question_set
from campaigns.models import Question
from regulations.skp import Predikat


@pytest.mark.parametrize("name", names())
def test_every_set_fits_the_question_model_and_takes_its_year(name):
    found = question_set(name, year=2027)
    assert found.slug.endswith("-2027") and "2027" in found.title
    assert "{year}" not in repr(found)
    assert [q["order"] for q in found.questions] == list(range(1, len(found.questions) + 1))
    for fields in found.questions:
        Question(**fields).full_clean(exclude=["campaign"], validate_constraints=False)


def test_the_two_sets_a_bkd_runs_are_there():
    assert {"like-asn", "si-jafung"} <= set(names())
    like = question_set("like-asn", year=2025)
    # the five-step scale of PermenPAN-RB 6/2022, named as regulations.skp names it
    scale = (
        Predikat.SANGAT_BAIK,
        Predikat.BAIK,
        Predikat.BUTUH_PERBAIKAN,
        Predikat.KURANG,
        Predikat.SANGAT_KURANG,
    )
    assert like.option_list("predikat_skp") == [p.label for p in scale]
    jafung = question_set("si-jafung", year=2025)
    assert jafung.audience == {"jenis_jabatan": ["fungsional"]}
    codes = {q["code"] for q in jafung.questions}
    assert {"sesuai_peta_jabatan", "tugas_tambahan"} <= codes  # what the jafung monitoring reads
    extra = next(q for q in jafung.questions if q["code"] == "tugas_tambahan_uraian")
    assert (extra["show_if_code"], extra["show_if_value"]) == ("tugas_tambahan", "ya")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("kind: survey", "kind: census", "kind 'census' is not one of"),
        ("jenis_jabatan: [fungsional]", "opds: [1]", "audience may only filter by"),
        (
            "show_if: {code: tugas_tambahan, value: ya}",
            "show_if: {code: kendala, value: ya}",
            "question 9: show_if names 'kendala'",
        ),
        (
            "kind: number\n    min_value: 0\n    max_value: 40",
            "kind: number\n    min_value: 50\n    max_value: 40",
            "question 5:",
        ),
        (
            "  - code: kendala\n",
            "  - code: kendala\n    colour: red\n",
            "question 10: unknown field(s) colour",
        ),
        (
            "{code: jenjang, label: Jenjang, kind: text, prefill: jenjang}",
            "{code: nama, label: Jenjang, kind: text}",
            "question 3: the code 'nama' is used twice",
        ),
        ("prefill: tmt_golongan}", "prefill: tanggal_lahir}", "question 4: prefill"),
    ],
)
def test_a_set_that_does_not_fit_is_refused_with_the_place(tmp_path, monkeypatch, old, new, message):
    text = (files.FOLDER / "si-jafung.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "broken.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(files, "FOLDER", tmp_path)
    files._raw.cache_clear()
    try:
        with pytest.raises(QuestionSetError) as refused:
            question_set("broken", year=2025)
    finally:
        files._raw.cache_clear()
    assert message in str(refused.value) and "broken.yaml" in str(refused.value)


def test_an_unknown_set_is_named():
    with pytest.raises(QuestionSetError, match="no question set 'sensus'"):
        question_set("sensus", year=2025)


# --- The campaign admin starts a campaign from a set ---------------------------------------


@pytest.mark.django_db
def test_adding_a_set_gives_an_empty_campaign_its_questions_each_audited(cast):
    import datetime as dt

    from django.utils import timezone

    from campaigns.design.actions import do_add_question_set, do_create_campaign
    from campaigns.submissions.rules import CampaignError
    from core.models import AuditLog

    now = timezone.now()
    campaign = do_create_campaign(
        actor=cast.admin, slug="si-jafung-2026", kind="survey", title="SI JAFUNG 2026",
        opens_at=now, closes_at=now + dt.timedelta(days=30),
    )  # fmt: skip
    added = do_add_question_set(campaign, "si-jafung", year=2026, actor=cast.admin)
    assert [q.code for q in added] == [q["code"] for q in question_set("si-jafung", year=2026).questions]
    assert AuditLog.objects.filter(event="kampanye.pertanyaan_ditambah", actor=cast.admin).count() == len(
        added
    )
    with pytest.raises(CampaignError, match="belum punya pertanyaan"):
        do_add_question_set(campaign, "like-asn", year=2026, actor=cast.admin)


@pytest.mark.django_db
def test_the_admin_fills_the_form_from_a_set_and_creates_the_campaign_with_its_questions(cast, client_for):
    from django.urls import reverse

    from campaigns.models import Campaign

    client = client_for(cast.admin)
    url = reverse("campaigns:campaign_create")
    page = client.get(url, {"set": "si-jafung", "tahun": "2026"})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["slug"] == "si-jafung-2026" and form.initial["jenis_jabatan"] == ["fungsional"]
    assert "Diisi dari set pertanyaan standar untuk tahun 2026." in page.content.decode()

    data = {name: form[name].value() or "" for name in form.fields if name not in ("opds", "jenis_pegawai")}
    data |= {"opens_at": "2026-03-01T08:00", "closes_at": "2026-03-31T23:59", "target_percent": "90"}
    response = client.post(url, data)

    assert response.status_code == 302
    campaign = Campaign.objects.get(slug="si-jafung-2026")
    assert campaign.title == "SI JAFUNG 2026" and campaign.audience == {"jenis_jabatan": ["fungsional"]}
    assert campaign.questions.count() == 10
    assert campaign.questions.get(code="tugas_tambahan_uraian").show_if_code == "tugas_tambahan"


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"set": "sensus", "tahun": "2026"}, {"set": "like-asn", "tahun": "99999"}])
def test_an_unknown_set_or_year_is_said_next_to_the_picker(cast, client_for, query):
    from django.urls import reverse

    page = client_for(cast.admin).get(reverse("campaigns:campaign_create"), query)
    assert page.status_code == 200
    assert page.context["set_form"].errors and not page.context["form"].initial
    assert "field-error" in page.content.decode()


@pytest.mark.django_db
def test_a_tampered_hidden_set_is_refused_and_creates_nothing(cast, client_for):
    from django.urls import reverse

    from campaigns.models import Campaign

    response = client_for(cast.admin).post(
        reverse("campaigns:campaign_create"),
        {
            "slug": "survei-uji", "kind": "survey", "title": "Survei", "period": "2026",
            "opens_at": "2026-03-01T08:00", "closes_at": "2026-03-31T23:59", "target_percent": "90",
            "question_set": "../etc", "question_year": "2026",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "Set pertanyaan atau tahunnya tidak dikenal" in response.content.decode()
    assert not Campaign.objects.exists()
