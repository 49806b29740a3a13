"""The CPNS self-check: the rules of regulations.cpns (PP 11/2017 Pasal 23(1)a; S000
persyaratan 2, 12, 13) with every reason, through the public page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from helpdesk.selfcheck.rules import self_check

pytestmark = pytest.mark.django_db
CLOSING = dt.date(2026, 9, 30)


def check(**changes):
    values = {
        "birth_date": dt.date(1998, 5, 1),
        "closing_date": CLOSING,
        "education": "s1",
        "ipk": 3.2,
        "accreditation": "baik-sekali",
        "in_province": True,
        "formation": "umum",
    }
    return self_check(**{**values, **changes})


def codes(result):
    return [r.code for r in result.verdict.reasons]


def test_an_eligible_applicant():
    result = check()
    assert result.verdict.ok and result.age_years == 28 and result.ipk_minimum == 2.5


def test_age_limits_on_the_closing_date_pp_11_2017_pasal_23():
    assert codes(check(birth_date=dt.date(1990, 9, 30))) == ["usia_lebih"]  # 36 on the day
    assert check(birth_date=dt.date(1990, 10, 1)).verdict.ok  # still 35
    assert codes(check(birth_date=dt.date(2008, 10, 1))) == ["usia_kurang"]  # 17
    # Jabatan tertentu: up to 40.
    assert check(birth_date=dt.date(1987, 1, 1), formation="jabatan-tertentu").verdict.ok


def test_ipk_by_origin_and_accreditation_s000_persyaratan_12_13():
    assert codes(check(ipk=3.2, in_province=False)) == ["ipk_kurang"]  # outside: ≥ 3,50
    assert check(ipk=3.5, in_province=False).verdict.ok
    assert codes(check(ipk=2.49)) == ["ipk_kurang"]  # inside: ≥ 2,50
    assert codes(check(accreditation="tidak")) == ["prodi_tidak_terakreditasi"]
    # Every failure is listed, not just the first.
    assert codes(check(birth_date=dt.date(1980, 1, 1), ipk=2.0, accreditation="tidak")) == [
        "usia_lebih",
        "ipk_kurang",
        "prodi_tidak_terakreditasi",
    ]


def test_a_school_leaver_has_no_ipk_rule():
    assert check(education="sma", ipk=None, accreditation="").verdict.ok


def test_the_public_page_shows_the_verdict_with_every_reason(client):
    response = client.post(
        reverse("helpdesk:selfcheck"),
        {
            "birth_date": "1980-01-01",
            "closing_date": "2026-09-30",
            "education": "s1",
            "ipk": "2,10",
            "accreditation": "tidak",
            "domicile": "luar",
            "formation": "umum",
        },
    )
    html = response.content.decode()
    assert "Belum memenuhi syarat" in html
    for code in ("usia_lebih", "ipk_kurang", "prodi_tidak_terakreditasi"):
        assert f'data-reason="{code}"' in html


def test_a_degree_without_ipk_gets_a_message(client):
    html = client.post(
        reverse("helpdesk:selfcheck"),
        {
            "birth_date": "1998-01-01",
            "closing_date": "2026-09-30",
            "education": "s1",
            "domicile": "dalam",
            "formation": "umum",
        },
    ).content.decode()
    assert "Isi IPK untuk lulusan perguruan tinggi." in html and "selfcheck-result" not in html
