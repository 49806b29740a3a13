"""Status sets shared by the role matrix (tests/test_role_matrix.py) and the apps' own parts of it."""

from conftest import PERSONAS

ALL = dict.fromkeys(PERSONAS, 200)
LOGGED_IN = {**ALL, "anonymous": 302}
ADMIN_ONLY = {**dict.fromkeys(PERSONAS, 403), "admin": 200, "anonymous": 302}
# The Operator Helpdesk is BKD staff without employee data: only the helpdesk is theirs.
BKD_AND_OPERATORS = {**LOGGED_IN, "pegawai_a": 403, "operator_helpdesk": 403}
# Public pages: everyone, logged in or not.
PUBLIC = ALL


def only(*personas: str, anonymous: int = 302, others: int = 403) -> dict:
    """200 for the named personas, ``others`` for the rest, ``anonymous`` for the logged-out."""
    return {**dict.fromkeys(PERSONAS, others), **dict.fromkeys(personas, 200), "anonymous": anonymous}
