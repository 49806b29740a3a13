import pytest

from campaigns.tests.helpers import make_campaign
from people.tests.factories import make_pegawai


@pytest.fixture(autouse=True)
def _private_media(private_media):
    """Uploads land in a throwaway MEDIA_ROOT, never in var/."""


@pytest.fixture
def rina(cast):
    """The employee behind the pegawai_a login, in OPD A."""
    return make_pegawai(cast.opd_a, nama="Rina Dinkes", user=cast.pegawai_a)


@pytest.fixture
def campaign(cast):
    """A published campaign with the helpers' default questions, for OPD A and OPD B."""
    return make_campaign(cast.admin, opds=[cast.opd_a, cast.opd_b])
