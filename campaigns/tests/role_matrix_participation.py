"""Role-matrix entries of the participation, missing-list and export screens (see tests/test_role_matrix.py)."""

from tests.matrix import BKD_AND_OPERATORS

# POST-only: the capability is checked first (403/302), then the method (405).
POST_ONLY = {persona: 405 if status == 200 else status for persona, status in BKD_AND_OPERATORS.items()}
OPD_A_ONLY = {**BKD_AND_OPERATORS, "operator_b": 404}


def _campaign(cast):
    from campaigns.tests.helpers import make_campaign

    return make_campaign(cast.admin, slug="matriks-partisipasi", opds=(cast.opd_a, cast.opd_b))


def _slug(cast):
    return {"slug": _campaign(cast).slug}


def _missing_a(cast):
    return {"slug": _campaign(cast).slug, "opd": cast.opd_a.pk}


def _finished_job_a(cast):
    from campaigns.exports.actions import do_start_files_export
    from campaigns.exports.files import run_files_export

    campaign = _campaign(cast)
    job, _created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    run_files_export(job.pk)
    return {"slug": campaign.slug, "job": job.pk}


MATRIX = {
    "campaigns:campaign_participation_index": (None, BKD_AND_OPERATORS),
    "campaigns:campaign_participation": (_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_participation_data": (_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_missing": (_missing_a, OPD_A_ONLY),
    "campaigns:campaign_missing_xlsx": (_missing_a, OPD_A_ONLY),
    "campaigns:campaign_exports": (_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_export_xlsx": (_slug, BKD_AND_OPERATORS),
    "campaigns:campaign_export_files": (_slug, POST_ONLY),
    "campaigns:campaign_export_status": (_finished_job_a, OPD_A_ONLY),
    "campaigns:campaign_export_download": (_finished_job_a, OPD_A_ONLY),
}
