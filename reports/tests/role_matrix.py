"""Role matrix entries of the reports app (see tests/test_role_matrix.py)."""

from tests.matrix import BKD_AND_OPERATORS

MATRIX = {
    "reports:duk_page": (None, BKD_AND_OPERATORS),
    "reports:duk_export": (None, BKD_AND_OPERATORS),
    "reports:statistics_page": (None, BKD_AND_OPERATORS),
    "reports:statistics_export": (None, BKD_AND_OPERATORS),
}
