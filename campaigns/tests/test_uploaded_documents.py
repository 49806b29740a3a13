"""A campaign answer names its file by id: only that employee's uploads in that campaign are
found, so an id posted back in a form never shows someone else's file."""

import pytest

from campaigns.tests.helpers import make_campaign
from campaigns.uploads.actions import do_upload_file
from campaigns.uploads.queries import uploaded_documents
from conftest import make_pdf
from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


def test_only_the_employees_own_uploads_in_the_campaign_are_found(cast, django_assert_num_queries):
    campaign = make_campaign(cast.admin, opds=[cast.opd_a])
    other_campaign = make_campaign(cast.admin, slug="survei-lain", opds=[cast.opd_a])
    rina = make_pegawai(cast.opd_a, nama="Rina", user=cast.pegawai_a)
    budi = make_pegawai(cast.opd_a, nama="Budi")

    def upload(target, to=campaign):
        return do_upload_file(
            to, target, to.questions.get(code="laporan"), make_pdf("laporan.pdf"), actor=cast.admin
        )

    own, others, elsewhere = upload(rina), upload(budi), upload(rina, other_campaign)
    with django_assert_num_queries(1):
        found = uploaded_documents(campaign, rina, [own.pk, others.pk, elsewhere.pk, None, 10**9])
    assert found == {own.pk: own}
    assert uploaded_documents(campaign, rina, [None]) == {}
