"""The monitoring pages: OPDs ranked by coaching need, flags that link to the officials behind
them, scoping for an Operator OPD, and a constant number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from people.models import JabatanFungsional, JenisJabatan, RiwayatAngkaKredit, RiwayatJabatan
from people.records.actions import do_add_riwayat
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def official(opd, nama, *, cpns, ak):
    """An Ahli Pertama functional official in rank since ``cpns`` with ``ak`` credit points."""
    pegawai = make_pegawai(opd, nama=nama, cpns=cpns)
    jf = JabatanFungsional.objects.get(code="analis_kepegawaian")
    do_add_riwayat(
        pegawai,
        RiwayatJabatan,
        actor=None,
        jenis=JenisJabatan.FUNGSIONAL,
        nama="Analis Kepegawaian Ahli Pertama",
        jabatan_fungsional=jf,
        jenjang="ahli_pertama",
        opd=opd,
        tmt=cpns + dt.timedelta(days=1),
    )
    do_add_riwayat(
        pegawai,
        RiwayatAngkaKredit,
        actor=None,
        tahun=2025,
        jenjang="ahli_pertama",
        angka_kredit=ak,
        kumulatif=ak,
    )
    pegawai.refresh_from_db()
    return pegawai


@pytest.fixture
def officials(cast):
    # OPD A: one stuck official (over 4 years in rank, credit points behind) and one on pace.
    stuck = official(cast.opd_a, "Stagnan Dinkes", cpns=dt.date(2020, 3, 1), ak=Decimal("10"))
    fine = official(cast.opd_a, "Lancar Dinkes", cpns=dt.date(2025, 3, 1), ak=Decimal("12.5"))
    # OPD B: one official on pace.
    other = official(cast.opd_b, "Lancar OPD B", cpns=dt.date(2025, 3, 1), ak=Decimal("12.5"))
    return stuck, fine, other


@time_machine.travel(TODAY)
def test_the_opd_with_stuck_officials_ranks_first_and_its_flags_link_to_them(cast, client_for, officials):
    stuck, fine, _other = officials
    response = client_for(cast.admin).get(reverse("jafung:ranking"))
    assert response.status_code == 200
    ranking = [row.opd for row in response.context["rows"]]
    assert ranking[0] == cast.opd_a
    html = response.content.decode()
    link = reverse("jafung:opd", args=[cast.opd_a.pk]) + "?flag=lama_dalam_pangkat"
    assert link in html
    drill = client_for(cast.admin).get(link).content.decode()
    assert stuck.nama in drill and fine.nama not in drill


@time_machine.travel(TODAY)
def test_an_operator_sees_only_their_own_opd(cast, client_for, officials):
    response = client_for(cast.operator_b).get(reverse("jafung:ranking"))
    assert [row.opd for row in response.context["rows"]] == [cast.opd_b]
    assert client_for(cast.operator_b).get(reverse("jafung:opd", args=[cast.opd_a.pk])).status_code == 404


@time_machine.travel(TODAY)
def test_the_ranking_uses_the_same_number_of_queries_for_more_officials(
    cast, client_for, officials, django_assert_max_num_queries
):
    client = client_for(cast.admin)
    with django_assert_max_num_queries(12) as few:
        response = client.get(reverse("jafung:ranking"))
    assert response.status_code == 200
    officials_per_opd = {row.opd: row.officials for row in response.context["rows"]}
    assert officials_per_opd[cast.opd_a] == 2 and officials_per_opd[cast.opd_b] == 1
    for i in range(5):
        official(cast.opd_b, f"Tambahan {i}", cpns=dt.date(2019, 1, 1), ak=Decimal("5"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("jafung:ranking"))
    assert response.status_code == 200
    (opd_b,) = [row for row in response.context["rows"] if row.opd == cast.opd_b]
    assert opd_b.officials == 6 and opd_b.counts["lama_dalam_pangkat"] == 5
    assert f'data-opd="{cast.opd_b.pk}"' in response.content.decode()


@time_machine.travel(TODAY)
def test_counts_per_jf_type_follow_the_jenjang_ladder(cast, client_for, officials):
    response = client_for(cast.admin).get(reverse("jafung:types"))
    (jf, ladder, total), *_ = response.context["types"]
    assert jf.code == "analis_kepegawaian" and total == 3 and ladder["ahli_pertama"] == 3
