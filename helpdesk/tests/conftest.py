"""Fixtures of the helpdesk tests: the seeded content, an Operator Helpdesk, scans, a ticket."""

from __future__ import annotations

import pytest

from helpdesk.tests.builders import make_operator, seed


@pytest.fixture(autouse=True)
def _private_files(private_media):
    """Scans land in a throwaway MEDIA_ROOT, never in var/."""


@pytest.fixture
def helpdesk(cast):
    return seed()


@pytest.fixture
def operator(helpdesk):
    return make_operator("petugas.hd", "Bayu Pratama")
