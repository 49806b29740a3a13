"""Role-matrix entries of the functional-position monitoring (see tests/test_role_matrix.py)."""

from tests.matrix import BKD_AND_OPERATORS

MATRIX = {
    "jafung:ranking": (None, BKD_AND_OPERATORS),
    "jafung:types": (None, BKD_AND_OPERATORS),
    "jafung:opd": (lambda cast: {"pk": cast.opd_a.pk}, {**BKD_AND_OPERATORS, "operator_b": 404}),
}
