import pytest
from django.test import override_settings

from siasn.tests.fake_server import FakeSiasn


@pytest.fixture
def fake_siasn():
    """The fake national service, with settings.SIASN pointing at it."""
    fake = FakeSiasn().start()
    with override_settings(SIASN=fake.settings()):
        yield fake
    fake.stop()
