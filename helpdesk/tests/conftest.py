"""Fixtures of the helpdesk tests: the seeded content, an Operator Helpdesk, scans, a ticket."""

from __future__ import annotations

import pytest

from helpdesk.tests.builders import make_operator, seed


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def helpdesk(cast):
    return seed()


@pytest.fixture
def operator(helpdesk):
    return make_operator("petugas.hd", "Bayu Pratama")
