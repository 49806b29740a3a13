"""Role-matrix entries of kpo (see tests/test_role_matrix.py): the lists are read by BKD staff
(every OPD) and the Operator OPD (their own), not by a Pegawai; recomputing is for BKD staff;
"Karier Saya" is for whoever has a linked employee record."""

from conftest import PERSONAS
from tests.matrix import BKD_AND_OPERATORS, only


def _link_pegawai_a(cast):
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)


def _pegawai_of_opd_a(cast):
    from people.tests.factories import make_pegawai

    return {"pk": make_pegawai(cast.opd_a, nama="Rekan Dinkes").pk}


POST_ONLY = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}
# Only pegawai_a has a linked record; the others get 404 (no "Karier Saya" of their own).
OWN_CAREER = {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302}
IN_SCOPE = {**BKD_AND_OPERATORS, "operator_b": 404}

MATRIX = {
    "kpo:kp_list": (None, BKD_AND_OPERATORS),
    "kpo:kp_export": (None, BKD_AND_OPERATORS),
    "kpo:kp_refresh": (None, POST_ONLY),
    "kpo:reconciliation": (None, BKD_AND_OPERATORS),
    "kpo:reconciliation_remind": (None, POST_ONLY),
    "kpo:kp_requests": (None, POST_ONLY),
    "kpo:ppo_requests": (None, POST_ONLY),
    "kpo:ppo_list": (None, BKD_AND_OPERATORS),
    "kpo:ppo_export": (None, BKD_AND_OPERATORS),
    "kpo:kgb_list": (None, BKD_AND_OPERATORS),
    "kpo:kgb_export": (None, BKD_AND_OPERATORS),
    "kpo:career_mine": (_link_pegawai_a, OWN_CAREER),
    "kpo:career_of": (_pegawai_of_opd_a, IN_SCOPE),
}

__all__ = ["MATRIX", "only"]
