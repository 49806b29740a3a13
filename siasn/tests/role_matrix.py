"""Role-matrix entries of the SIASN reconciliation screens (see tests/test_role_matrix.py)."""

from tests.matrix import only

# Staff who may import employee data: the Admin (all OPDs) and the Operators OPD (their own).
IMPORTERS = only("admin", "operator_a", "operator_b")
IMPORTERS_POST_ONLY = {**IMPORTERS, "admin": 405, "operator_a": 405, "operator_b": 405}


def _difference_a(cast):
    from people.tests.factories import make_pegawai
    from siasn.models import SiasnDifference, SiasnPull

    pegawai = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    pull = SiasnPull.objects.create(created_by=cast.admin, opd=cast.opd_a, total=1, done=1)
    diff = SiasnDifference.objects.create(
        pull=pull, pegawai=pegawai, field="alamat", pelita_value="", siasn_value="Jl. Uji 1"
    )
    return {"pk": diff.pk}


MATRIX = {
    "siasn:worklist": (None, IMPORTERS),
    # POST only: the capability is checked first (403/302), then the method (405).
    "siasn:accept": (_difference_a, IMPORTERS_POST_ONLY),
    "siasn:keep": (_difference_a, IMPORTERS_POST_ONLY),
    "siasn:correct": (_difference_a, {**IMPORTERS, "operator_b": 404}),
}
