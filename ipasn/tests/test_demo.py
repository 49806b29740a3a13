"""The demo's IP-ASN: scores of two years and a national sample with a few differences."""

import pytest

from demo.ipasn import NATIONAL_DIFFERENT, seed_demo_ipasn
from demo.org import seed_minimal_demo
from demo.people import AS_OF, seed_demo_pegawai
from ipasn.models import NationalScore, Score

pytestmark = pytest.mark.django_db


def test_the_demo_scores_two_years_and_imports_a_national_sample_once():
    seed_minimal_demo(holiday_years=[])
    seed_demo_pegawai(80, 2026)
    summary = seed_demo_ipasn(2026)
    assert summary["dinilai"] == Score.objects.filter(year=AS_OF.year).count() > 0
    assert Score.objects.filter(year=AS_OF.year - 1).exists()
    assert NationalScore.objects.count() == summary["nasional"] > NATIONAL_DIFFERENT
    assert seed_demo_ipasn(2026) == {}
