"""Role-matrix entries of the IP-ASN app (see tests/test_role_matrix.py)."""

from conftest import PERSONAS
from tests.matrix import BKD_AND_OPERATORS, only

IMPORTERS = only("admin", "operator_a", "operator_b")


def _scored_a(cast):
    """A scored employee of OPD A, and pegawai_a's own scored record."""
    from django.utils import timezone

    from ipasn.scores.actions import do_compute_scores
    from people.models import Pegawai
    from people.tests.factories import make_pegawai

    if not Pegawai.objects.filter(user=cast.pegawai_a).exists():
        make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    other = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    do_compute_scores(timezone.localdate().year, actor=None)
    return {"pk": other.pk}


def _opd_a(cast):
    _scored_a(cast)
    return {"pk": cast.opd_a.pk}


def _own(cast):
    _scored_a(cast)
    return {}


OWN_ONLY = {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302}

MATRIX = {
    "ipasn:ranking": (_own, BKD_AND_OPERATORS),
    "ipasn:opd": (_opd_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "ipasn:report_xlsx": (_own, BKD_AND_OPERATORS),
    "ipasn:report_pdf": (None, BKD_AND_OPERATORS),
    "ipasn:pegawai": (_scored_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "ipasn:mine": (_own, OWN_ONLY),
    "ipasn:record_training": (_own, OWN_ONLY),
    "ipasn:national": (_own, BKD_AND_OPERATORS),
    "ipasn:national_import": (None, IMPORTERS),
}
