"""Role-matrix entries of core's pages (see tests/test_role_matrix.py).

Notifications are every logged-in user's own. An export job is its owner's alone: everyone
else gets 404 for its page, status and file.
"""

from conftest import PERSONAS
from tests.matrix import LOGGED_IN, only

OWNER_ONLY = only("operator_a", others=404)


def _finished_export_of_operator_a(cast):
    from core.exports.actions import do_start_export
    from core.exports.files import run_export_job
    from people.records.files import PEGAWAI_EXPORT

    job, _created = do_start_export(
        PEGAWAI_EXPORT, params={}, title="Daftar pegawai", total=0, actor=cast.operator_a
    )
    run_export_job(job.pk)  # what the worker does; the file lands in the test's MEDIA_ROOT
    return {"pk": job.pk}


MATRIX = {
    "core:notifications": (None, LOGGED_IN),
    # POST only: every logged-in user gets 405 for a GET; the logged-out go to the login page.
    "core:notifications_read": (None, {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}),
    "core:export_list": (None, LOGGED_IN),
    "core:export_job": (_finished_export_of_operator_a, OWNER_ONLY),
    "core:export_status": (_finished_export_of_operator_a, OWNER_ONLY),
    "core:export_download": (_finished_export_of_operator_a, OWNER_ONLY),
}
