"""Which SI JAFUNG survey the monitoring reads: the latest one that has opened, so next year's
survey takes over by itself; never a draft or one that opens later; the setting
PELITA_JAFUNG_CAMPAIGN overrides; and with no survey the pages say so instead of going blank."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from campaigns.design.actions import do_add_question, do_create_campaign, do_publish_campaign
from campaigns.submissions.actions import do_submit
from jafung.tests.test_monitoring_pages import official

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def si_jafung(actor, year, *, opens, closes, publish=True):
    """An SI JAFUNG survey of ``year`` asking the two questions the monitoring reads."""
    campaign = do_create_campaign(
        actor=actor,
        slug=f"si-jafung-{year}",
        kind="survey",
        title=f"SI JAFUNG {year}",
        opens_at=opens,
        closes_at=closes,
        audience={"jenis_jabatan": ["fungsional"]},
    )
    do_add_question(
        campaign, actor=actor, code="sesuai_peta_jabatan", label="Sesuai peta jabatan?", kind="yes_no"
    )
    do_add_question(campaign, actor=actor, code="tugas_tambahan", label="Ada tugas tambahan?", kind="yes_no")
    if publish:
        do_publish_campaign(campaign, actor=actor)
    return campaign


def answer(campaign, pegawai, *, sesuai, tambahan, actor):
    do_submit(
        campaign,
        pegawai,
        {"sesuai_peta_jabatan": sesuai, "tugas_tambahan": tambahan},
        base_version=0,
        actor=actor,
        now=campaign.opens_at + dt.timedelta(hours=1),
    )


def at(y, m, d):
    return dt.datetime(y, m, d, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def pejabat(cast):
    return official(cast.opd_a, "Pejabat Survei", cpns=dt.date(2025, 3, 1), ak=Decimal("12.5"))


@pytest.fixture
def survey_2025(cast, pejabat):
    """Last year's survey, closed, where the official reported a job that fits the map."""
    with time_machine.travel(at(2025, 6, 1)):
        campaign = si_jafung(cast.admin, 2025, opens=at(2025, 6, 1), closes=at(2025, 7, 31))
    answer(campaign, pejabat, sesuai="ya", tambahan="tidak", actor=cast.admin)
    return campaign


def flags_on_ranking(client, opd):
    response = client.get(reverse("jafung:ranking"))
    assert response.status_code == 200
    (row,) = [r for r in response.context["rows"] if r.opd == opd]
    return response, row


@time_machine.travel(TODAY)
def test_a_2026_survey_opening_makes_the_monitoring_read_it(cast, client_for, pejabat, survey_2025):
    client = client_for(cast.admin)
    response, row = flags_on_ranking(client, cast.opd_a)
    assert "SI JAFUNG 2025" in response.content.decode()
    assert row.answered == 1 and row.counts["tidak_sesuai_peta"] == 0

    survey_2026 = si_jafung(cast.admin, 2026, opens=at(2026, 11, 1), closes=at(2026, 12, 31))
    answer(survey_2026, pejabat, sesuai="tidak", tambahan="ya", actor=cast.admin)

    response, row = flags_on_ranking(client, cast.opd_a)
    html = response.content.decode()
    assert "SI JAFUNG 2026 (si-jafung-2026)" in html
    assert row.answered == 1
    assert row.counts["tidak_sesuai_peta"] == 1 and row.counts["tugas_tambahan"] == 1
    drill = client.get(reverse("jafung:opd", args=[cast.opd_a.pk]) + "?flag=tidak_sesuai_peta")
    assert pejabat.nama in drill.content.decode()


@time_machine.travel(TODAY)
def test_a_draft_or_a_survey_opening_later_is_not_read(cast, client_for, pejabat, survey_2025):
    draft = si_jafung(cast.admin, 2026, opens=at(2026, 11, 1), closes=at(2026, 12, 31), publish=False)
    later = si_jafung(cast.admin, 2027, opens=at(2027, 1, 4), closes=at(2027, 2, 26))
    assert draft.published is False and later.published is True

    response, row = flags_on_ranking(client_for(cast.admin), cast.opd_a)
    html = response.content.decode()
    assert "SI JAFUNG 2025 (si-jafung-2025)" in html
    assert "si-jafung-2026" not in html and "si-jafung-2027" not in html
    assert row.answered == 1


@time_machine.travel(TODAY)
def test_a_survey_without_the_monitored_questions_is_not_read(cast, client_for, pejabat, survey_2025):
    other = do_create_campaign(
        actor=cast.admin,
        slug="survei-kepuasan-2026",
        kind="survey",
        title="Survei Kepuasan 2026",
        opens_at=at(2026, 11, 1),
        closes_at=at(2026, 12, 31),
        audience={},
    )
    do_add_question(other, actor=cast.admin, code="puas", label="Puas?", kind="yes_no")
    do_publish_campaign(other, actor=cast.admin)

    response, _row = flags_on_ranking(client_for(cast.admin), cast.opd_a)
    assert "SI JAFUNG 2025 (si-jafung-2025)" in response.content.decode()


@time_machine.travel(TODAY)
def test_the_setting_names_the_survey_read(cast, client_for, pejabat, survey_2025, settings):
    survey_2026 = si_jafung(cast.admin, 2026, opens=at(2026, 11, 1), closes=at(2026, 12, 31))
    answer(survey_2026, pejabat, sesuai="tidak", tambahan="ya", actor=cast.admin)
    settings.PELITA_JAFUNG_CAMPAIGN = "si-jafung-2025"

    response, row = flags_on_ranking(client_for(cast.admin), cast.opd_a)
    assert "SI JAFUNG 2025 (si-jafung-2025)" in response.content.decode()
    assert row.counts["tidak_sesuai_peta"] == 0 and row.counts["tugas_tambahan"] == 0


@time_machine.travel(TODAY)
def test_a_setting_naming_no_campaign_is_said_on_the_page(cast, client_for, pejabat, survey_2025, settings):
    settings.PELITA_JAFUNG_CAMPAIGN = "si-jafung-2062"
    response, row = flags_on_ranking(client_for(cast.admin), cast.opd_a)
    assert (
        "Kampanye SI JAFUNG «si-jafung-2062» yang ditetapkan di PELITA_JAFUNG_CAMPAIGN tidak ditemukan"
        in (response.content.decode())
    )
    assert row.answered == 0


@time_machine.travel(TODAY)
def test_without_any_survey_the_pages_say_so_in_indonesian(cast, client_for, pejabat):
    client = client_for(cast.admin)
    response, row = flags_on_ranking(client, cast.opd_a)
    notice = "Belum ada kampanye SI JAFUNG yang dibuka"
    assert notice in response.content.decode()
    assert row.officials == 1 and row.answered == 0
    drill = client.get(reverse("jafung:opd", args=[cast.opd_a.pk]))
    assert drill.status_code == 200
    assert notice in drill.content.decode() and pejabat.nama in drill.content.decode()
