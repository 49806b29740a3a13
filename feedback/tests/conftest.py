import pytest

from layanan.tests.conftest import chain  # noqa: F401  (the default chain's officials)


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    """Attachments and product PDFs land in a throwaway MEDIA_ROOT, never in var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
