"""Role-matrix entries for the notifications page (see tests/test_role_matrix.py)."""

from conftest import PERSONAS
from tests.matrix import LOGGED_IN

MATRIX = {
    "core:notifications": (None, LOGGED_IN),
    # POST only: every logged-in user gets 405 for a GET; the logged-out go to the login page.
    "core:notifications_read": (None, {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}),
}
