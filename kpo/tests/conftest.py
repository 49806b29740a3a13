# The default chain's officials, shared with layanan's tests (one user per role).
from layanan.tests.conftest import chain  # noqa: F401
