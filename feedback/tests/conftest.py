import pytest

from layanan.tests.conftest import chain  # noqa: F401  (the default chain's officials)


@pytest.fixture(autouse=True)
def _media(private_media):
    """Attachments and product PDFs land in a throwaway MEDIA_ROOT, never in var/."""
