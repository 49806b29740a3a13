"""Building participation scenarios for tests, through the actions."""

from __future__ import annotations

import datetime as dt

from campaigns.design.actions import do_add_question, do_publish_campaign, do_update_campaign
from campaigns.review.actions import do_review_submission
from campaigns.submissions.actions import do_submit
from campaigns.tests.helpers import make_campaign, tiny_pdf
from campaigns.uploads.actions import do_upload_file
from conftest import make_pdf
from people.tests.factories import make_pegawai

NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)  # 09:00 WIB
OPENS = NOW - dt.timedelta(days=5)
CLOSES = NOW + dt.timedelta(days=20)


def simple_campaign(
    cast, *, slug="kinerja-uji", opds=None, opens_at=OPENS, closes_at=CLOSES, files=0, target=90
):
    """A published campaign for OPD A and B: one number question, and ``files`` PDF questions."""
    campaign = make_campaign(
        cast.admin,
        slug=slug,
        opds=opds if opds is not None else (cast.opd_a, cast.opd_b),
        opens_at=opens_at,
        closes_at=closes_at,
        publish=False,
        questions="none",
    )
    if target != 90:
        do_update_campaign(campaign, {"target_percent": target}, actor=cast.admin)
    do_add_question(
        campaign,
        actor=cast.admin,
        code="capaian",
        label="Capaian (%)",
        kind="number",
        min_value=0,
        max_value=100,
    )
    for n in range(1, files + 1):
        code = "laporan" if n == 1 else f"lampiran{n}"
        do_add_question(
            campaign,
            actor=cast.admin,
            code=code,
            label=f"Berkas {n}",
            kind="file",
            allowed_types=["pdf"],
            max_kb=200,
        )
    do_publish_campaign(campaign, actor=cast.admin)
    return campaign


def submit(campaign, pegawai, actor, *, pdf_text: str | None = None, now=None):
    """Submit for ``pegawai`` (first version); with ``pdf_text``, upload a PDF for every file question."""
    answers = {"capaian": "80"}
    if pdf_text is not None:
        for question in campaign.questions.filter(kind="file"):
            document = do_upload_file(
                campaign,
                pegawai,
                question,
                make_pdf("laporan.pdf", tiny_pdf(f"{pdf_text}-{question.code}")),
                actor=actor,
            )
            answers[question.code] = str(document.pk)
    return do_submit(campaign, pegawai, answers, base_version=0, actor=actor, now=now)


def accept(submission, actor):
    return do_review_submission(submission, accept=True, actor=actor)


def send_back(submission, actor, *, now=None):
    deadline = (now or NOW) + dt.timedelta(days=3)
    return do_review_submission(
        submission, accept=False, reason="Berkas buram", fix_deadline=deadline, actor=actor, now=now
    )


def two_opds(cast):
    """OPD A: four targeted employees (pegawai_a's record among them); OPD B: two; plus
    one retired employee of A, who is not targeted. Returns (a_people, b_people)."""
    a = [make_pegawai(cast.opd_a, nama="Rina Dinkes", user=cast.pegawai_a)] + [
        make_pegawai(cast.opd_a, nama=f"Dinkes {n}") for n in (2, 3, 4)
    ]
    b = [make_pegawai(cast.opd_b, nama=f"Dishub {n}") for n in (1, 2)]
    make_pegawai(cast.opd_a, nama="Pensiunan Dinkes", status="pensiun")
    return a, b
