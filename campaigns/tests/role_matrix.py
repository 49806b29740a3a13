"""Role-matrix entries of the campaigns (see tests/test_role_matrix.py): design, forms,
uploads and review; participation, missing lists and exports."""

from conftest import PERSONAS
from tests.matrix import ADMIN_ONLY, BKD_AND_OPERATORS, LOGGED_IN, only

STAFF = only("admin", "unit_pengolah")  # manage_campaigns or review_campaigns
REVIEWERS = only("admin", "unit_pengolah")
ADMIN_POST_ONLY = {**ADMIN_ONLY, "admin": 405}
REVIEWERS_POST_ONLY = {**REVIEWERS, "admin": 405, "unit_pengolah": 405}
ON_BEHALF = only("admin", "operator_a", "operator_b")
POST_ONLY_LOGGED_IN = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}
# POST-only: the capability is checked first (403/302), then the method (405).
OPERATORS_POST_ONLY = {
    persona: 405 if status == 200 else status for persona, status in BKD_AND_OPERATORS.items()
}
OPD_A_ONLY = {**BKD_AND_OPERATORS, "operator_b": 404}


def _campaign(cast):
    from campaigns.tests.helpers import make_campaign

    return make_campaign(cast.admin, opds=[cast.opd_a, cast.opd_b])


def _slug(cast):
    return {"slug": _campaign(cast).slug}


def _question(cast):
    campaign = _campaign(cast)
    return {"slug": campaign.slug, "pk": campaign.questions.get(code="capaian").pk}


def _own_form(cast):
    # pegawai_a gets a Pegawai record in OPD A; nobody else in the cast has one (404).
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    return _slug(cast)


def _for_employee_a(cast):
    from people.tests.factories import make_pegawai

    budi = make_pegawai(cast.opd_a, nama="Budi Dinkes")
    return {"slug": _campaign(cast).slug, "pegawai": budi.pk}


def _upload_of_pegawai_a(cast):
    from campaigns.uploads.actions import do_start_upload
    from people.tests.factories import make_pegawai

    rina = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    campaign = _campaign(cast)
    session = do_start_upload(
        campaign,
        rina,
        campaign.questions.get(code="laporan"),
        filename="a.pdf",
        size=100,
        actor=cast.pegawai_a,
    )
    return {"upload": session.token}


def _submission_a(cast, *, with_document=False):
    from campaigns.submissions.actions import do_submit
    from campaigns.tests.helpers import valid_answers
    from campaigns.uploads.actions import do_upload_file
    from conftest import make_pdf
    from people.tests.factories import make_pegawai

    rina = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    campaign = _campaign(cast)
    document = do_upload_file(
        campaign, rina, campaign.questions.get(code="laporan"), make_pdf("laporan.pdf"), actor=cast.pegawai_a
    )
    submission = do_submit(
        campaign, rina, valid_answers(laporan=document.pk), base_version=0, actor=cast.pegawai_a
    )
    kwargs = {"slug": campaign.slug, "pk": submission.pk}
    if with_document:
        kwargs["document"] = document.pk
    return kwargs


def _participation_campaign(cast):
    from campaigns.tests.helpers import make_campaign

    return make_campaign(cast.admin, slug="matriks-partisipasi", opds=(cast.opd_a, cast.opd_b))


def _participation_slug(cast):
    return {"slug": _participation_campaign(cast).slug}


def _missing_a(cast):
    return {"slug": _participation_campaign(cast).slug, "opd": cast.opd_a.pk}


def _finished_job_a(cast):
    from campaigns.exports.actions import do_start_files_export
    from core.exports.files import run_export_job

    campaign = _participation_campaign(cast)
    job, _created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    run_export_job(job.pk)
    return {"slug": campaign.slug, "job": job.pk}


MATRIX = {
    "campaigns:campaign_list": (None, STAFF),
    "campaigns:campaign_create": (None, ADMIN_ONLY),
    "campaigns:campaign_mine": (None, LOGGED_IN),
    "campaigns:campaign_edit": (_slug, ADMIN_ONLY),
    "campaigns:campaign_publish": (_slug, ADMIN_POST_ONLY),
    "campaigns:question_add": (_slug, ADMIN_ONLY),
    "campaigns:question_edit": (_question, ADMIN_ONLY),
    "campaigns:question_delete": (_question, ADMIN_POST_ONLY),
    "campaigns:question_move": (_question, ADMIN_POST_ONLY),
    "campaigns:campaign_submit": (
        _own_form,
        {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302},
    ),
    "campaigns:campaign_submit_for": (_for_employee_a, {**ON_BEHALF, "operator_b": 404}),
    "campaigns:campaign_opd_pegawai": (_slug, ON_BEHALF),
    "campaigns:upload_start": (_slug, POST_ONLY_LOGGED_IN),
    "campaigns:upload_status": (
        _upload_of_pegawai_a,
        {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302},
    ),
    "campaigns:upload_chunk": (_upload_of_pegawai_a, POST_ONLY_LOGGED_IN),
    "campaigns:upload_finish": (_upload_of_pegawai_a, POST_ONLY_LOGGED_IN),
    "campaigns:submission_list": (_slug, REVIEWERS),
    "campaigns:submission_detail": (_submission_a, REVIEWERS),
    "campaigns:submission_review": (_submission_a, REVIEWERS_POST_ONLY),
    # The employee, reviewers, and staff or operators whose OPD scope holds the submission.
    "campaigns:submission_document": (
        lambda cast: _submission_a(cast, with_document=True),
        {**dict.fromkeys(PERSONAS, 200), "operator_b": 404, "operator_helpdesk": 404, "anonymous": 302},
    ),
    "campaigns:campaign_participation_index": (None, BKD_AND_OPERATORS),
    "campaigns:campaign_participation": (_participation_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_participation_data": (_participation_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_missing": (_missing_a, OPD_A_ONLY),
    "campaigns:campaign_missing_xlsx": (_missing_a, OPD_A_ONLY),
    "campaigns:campaign_exports": (_participation_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_export_xlsx": (_participation_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_export_files": (_participation_slug, OPERATORS_POST_ONLY),
    "campaigns:campaign_export_status": (_finished_job_a, OPD_A_ONLY),
    "campaigns:campaign_export_download": (_finished_job_a, OPD_A_ONLY),
}
