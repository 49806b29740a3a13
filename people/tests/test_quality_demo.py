"""The checks find exactly the deliberate defects the demo province documents, nothing else."""

from __future__ import annotations

from collections import Counter

import pytest

from demo.org import seed_minimal_demo
from demo.people import AS_OF, seed_demo_pegawai
from org.models import Opd
from people.quality.queries import Context, findings_for, load_records

pytestmark = pytest.mark.django_db


def test_the_checks_find_exactly_the_documented_defects_of_a_small_demo_province():
    seed_minimal_demo(holiday_years=[])
    defects = seed_demo_pegawai(300, 11)["defects"]
    records = load_records(Opd.objects.values_list("pk", flat=True), today=AS_OF)
    found = Counter(f.code for r in records for f in findings_for(r, Context(AS_OF)))
    # The demo loads no scans: every current rank and position decree lacks one.
    assert (
        found.pop("pindaian_sk_kosong")
        == sum(bool(r.golongan_steps) + bool(r.jabatan) for r in records)
        == 600
    )
    assert found == {
        "nip_nik_tidak_cocok": defects["nik_tanggal_lahir_beda_nip"],
        "golongan_melebihi_pendidikan": defects["golongan_melebihi_pendidikan"],
        "nik_kosong": defects["nik_kosong"],
        "pegawai_kembar": defects["nama_kembar"],
    }
