"""Role-matrix entries of the import job's retry (see tests/test_role_matrix.py)."""

from tests.matrix import only

# POST only: the capability is checked first (403/302), then the method (405).
IMPORTERS_POST_ONLY = {
    **only("admin", "operator_a", "operator_b"),
    "admin": 405,
    "operator_a": 405,
    "operator_b": 405,
}


def _import_done_a(cast):
    from people.tests.import_jobs import finished_job

    return {"pk": finished_job(cast.operator_a).pk}


MATRIX = {
    "people:import_retry": (_import_done_a, IMPORTERS_POST_ONLY),
}
