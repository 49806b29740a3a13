"""The helpdesk's data: seeded once from content/, then edited by an Admin (problem types)
and by operators (canned answers); an edit changes the public form."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from core.models import AuditLog
from helpdesk.catalogue.actions import do_seed_helpdesk
from helpdesk.models import CannedAnswer, FaqEntry, ProblemType, Team

pytestmark = pytest.mark.django_db


def test_seeding_makes_the_menu_of_seed_002_and_a_second_run_changes_nothing(helpdesk):
    names = list(ProblemType.objects.filter(audience="publik").values_list("name", flat=True))
    assert names == [
        "NIK/KK tidak ditemukan",
        "Data tidak sesuai",
        "Lupa password",
        "Lupa jawaban pengaman 1",
        "Lupa jawaban pengaman 2",
        "Tempat lahir tidak ditemukan",
        "Perbaikan e-mail",
        "Hubungi petugas",
    ]
    ProblemType.objects.filter(code="lupa-password").update(name="Lupa kata sandi")
    counts = (
        Team.objects.count(),
        ProblemType.objects.count(),
        CannedAnswer.objects.count(),
        FaqEntry.objects.count(),
    )

    assert do_seed_helpdesk(actor=None) == {"tim": 0, "jenis": 0, "jawaban": 0, "topik": 0, "faq": 0}
    assert counts == (
        Team.objects.count(),
        ProblemType.objects.count(),
        CannedAnswer.objects.count(),
        FaqEntry.objects.count(),
    )
    assert ProblemType.objects.get(code="lupa-password").name == "Lupa kata sandi"


def test_the_admin_adds_a_field_to_a_type_and_the_public_form_asks_for_it(helpdesk, cast, client):
    kind = ProblemType.objects.get(code="lupa-password")
    client.force_login(cast.admin)
    fields = [
        *kind.fields,
        {"name": "tahun_daftar", "label": "Tahun pendaftaran", "kind": "text", "required": True},
    ]
    response = client.post(
        reverse("helpdesk:type_edit", args=[kind.pk]),
        {
            "name": kind.name,
            "summary": kind.summary,
            "audience": "publik",
            "team": kind.team_id,
            "sla_working_days": 3,
            "order": kind.order,
            "is_active": "on",
            "fields": json.dumps(fields),
            "scans": "[]",
        },
    )
    assert response.status_code == 302
    client.logout()

    html = client.get(reverse("helpdesk:ticket_create", args=["lupa-password"])).content.decode()
    assert "Tahun pendaftaran" in html
    row = AuditLog.objects.get(event="helpdesk.jenis_diubah")
    assert row.after["sla_working_days"] == 3 and "tahun_daftar" in row.after["fields"]


def test_a_field_list_with_an_unknown_kind_is_refused(helpdesk, cast, client):
    kind = ProblemType.objects.get(code="lupa-password")
    client.force_login(cast.admin)
    response = client.post(
        reverse("helpdesk:type_edit", args=[kind.pk]),
        {
            "name": kind.name,
            "audience": "publik",
            "team": kind.team_id,
            "sla_working_days": 2,
            "order": 1,
            "fields": '[{"name": "x", "label": "X", "kind": "peta"}]',
            "scans": "[]",
        },
    )
    assert "Jenis isian harus salah satu dari" in response.content.decode()


def test_an_operator_writes_a_canned_answer(helpdesk, operator, client):
    client.force_login(operator)
    response = client.post(
        reverse("helpdesk:canned_create"),
        {
            "code": "foto-buram",
            "title": "Foto buram",
            "body": "Yth. {nama}, foto Anda buram.",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert CannedAnswer.objects.get(code="foto-buram").problem_type is None
    assert client.get(reverse("helpdesk:type_list")).status_code == 403  # types are the Admin's
