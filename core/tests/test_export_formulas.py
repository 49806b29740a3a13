"""No export of the project writes a live formula, whatever people typed.

An employee (and an OPD, and a service: the reports that name no employee show those)
is called ``=HYPERLINK("http://x.example","x")``. Every XLSX export, built in the request
or by the worker, must hold that text as a string cell; every CSV export must write it so
that it does not start with ``=``. One case per export endpoint or command.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.tests.participation_helpers import NOW, simple_campaign, submit
from layanan.tests.factories import make_service
from org.units.actions import do_create_opd
from people.tests.factories import make_pegawai
from people.tests.import_jobs import preview_job
from people.tests.siasn_files import asn_row

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://x.example","x")'


@pytest.fixture
def world(cast, private_media, tmp_path):
    """The formula as a name everywhere a name is exported; time frozen inside the campaign."""
    with time_machine.travel(NOW, tick=False):
        odd_opd = do_create_opd(actor=None, instansi=cast.instansi, code="77", name=FORMULA, short_name="X")
        campaign = simple_campaign(cast, opds=(cast.opd_a, odd_opd))
        submitted = make_pegawai(cast.opd_a, nama=FORMULA, actor=cast.admin)
        make_pegawai(cast.opd_a, nama=FORMULA, actor=cast.admin)  # has not submitted: on the missing list
        make_pegawai(odd_opd, nama="Pegawai OPD aneh", actor=cast.admin)
        submit(campaign, submitted, cast.admin)
        make_service("layanan-aneh", FORMULA, requirements=())
        yield {"campaign": campaign, "tmp": tmp_path}


def _get(client, url, **query) -> bytes:
    response = client.get(url, query)
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content) if response.streaming else response.content


def _background(client, url, django_capture_on_commit_callbacks) -> bytes:
    """The same export, forced into a background job: the worker's file, downloaded."""
    from django.test import override_settings

    with override_settings(PELITA_EXPORT_INLINE_MAX_ROWS=0), django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302 and "/ekspor/" in response["Location"]
    return _get(client, response["Location"] + "unduh/")


def employee_list(cast, world, client, hooks):
    return "xlsx", _get(client, reverse("people:pegawai_export"))


def employee_list_in_background(cast, world, client, hooks):
    return "xlsx", _background(client, reverse("people:pegawai_export"), hooks)


def data_asn_csv(cast, world, client, hooks):
    path = world["tmp"] / "data-asn.csv"
    call_command("export_pegawai", "--output", str(path), stderr=io.StringIO())
    return "csv", path.read_bytes()


def data_asn_xlsx(cast, world, client, hooks):
    path = world["tmp"] / "data-asn.xlsx"
    call_command("export_pegawai", "--format", "xlsx", "--output", str(path), stderr=io.StringIO())
    return "xlsx", path.read_bytes()


def quality_findings(cast, world, client, hooks):
    return "xlsx", _get(client, reverse("people:quality_opd_export", args=[cast.opd_a.pk]))


def campaign_submissions(cast, world, client, hooks):
    return "xlsx", _get(client, reverse("campaigns:campaign_export_xlsx", args=[world["campaign"].slug]))


def campaign_submissions_in_background(cast, world, client, hooks):
    url = reverse("campaigns:campaign_export_xlsx", args=[world["campaign"].slug])
    return "xlsx", _background(client, url, hooks)


def campaign_missing_list(cast, world, client, hooks):
    url = reverse("campaigns:campaign_missing_xlsx", args=[world["campaign"].slug, cast.opd_a.pk])
    return "xlsx", _get(client, url)


def campaign_report_csv(cast, world, client, hooks):
    out = io.StringIO()
    call_command("campaign_report", world["campaign"].slug, stdout=out, stderr=io.StringIO())
    return "csv", out.getvalue().encode()


def campaign_report_xlsx(cast, world, client, hooks):
    path = world["tmp"] / "partisipasi.xlsx"
    call_command(
        "campaign_report",
        world["campaign"].slug,
        "--format",
        "xlsx",
        "--output",
        str(path),
        stderr=io.StringIO(),
    )
    return "xlsx", path.read_bytes()


def sla_report(cast, world, client, hooks):
    return "xlsx", _get(client, reverse("layanan:sla_export"))


def import_rejections_csv(cast, world, client, hooks):
    # The uploaded cell comes back in the rejection list: it must not come back live.
    job = preview_job(cast.admin, rows=[asn_row(cast.opd_a, 5, nip_baru=FORMULA, nama=FORMULA)])
    return "csv", _get(client, reverse("people:import_report", args=[job.pk]))


EXPORTS = [
    employee_list,
    employee_list_in_background,
    data_asn_csv,
    data_asn_xlsx,
    quality_findings,
    campaign_submissions,
    campaign_submissions_in_background,
    campaign_missing_list,
    campaign_report_csv,
    campaign_report_xlsx,
    sla_report,
    import_rejections_csv,
]


def assert_no_live_formula_in_xlsx(data: bytes) -> None:
    workbook = load_workbook(io.BytesIO(data))
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    named = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert FORMULA in {c.value for c in named}, "the export should show the formula-like name as it is"
    assert all(c.data_type == "s" for c in named), [(c.coordinate, c.data_type) for c in named]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(n) for n in sheets), "a formula element in the sheet XML"


def assert_no_live_formula_in_csv(data: bytes) -> None:
    text = data.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells), "the export should show the formula-like value"
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
    assert "'" + FORMULA in cells


@pytest.mark.parametrize("export", EXPORTS, ids=lambda f: f.__name__)
def test_a_formula_typed_as_a_name_is_exported_as_text(
    export, cast, world, client_for, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        fmt, data = export(cast, world, client_for(cast.admin), django_capture_on_commit_callbacks)
    if fmt == "xlsx":
        assert_no_live_formula_in_xlsx(data)
    else:
        assert_no_live_formula_in_csv(data)
