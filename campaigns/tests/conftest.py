import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def _private_media(tmp_path):
    """Uploads land in a throwaway MEDIA_ROOT, never in var/."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield
