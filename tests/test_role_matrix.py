"""Every URL of the project × every persona → the expected status.

The table below must name every URL the project has: the URL conf is walked at collection
time, and a URL without an entry fails ``test_every_url_has_an_entry``. Statuses:
200 allowed, 302 to the login page for anonymous users, 403 wrong role, 404 an object
outside the persona's scope, 405 wrong method.

Apps keep their entries beside them, in ``<app>/tests/role_matrix.py`` exposing a ``MATRIX``
dict of the same shape; the shared status sets live in ``tests/matrix.py``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS
from tests.matrix import ADMIN_ONLY, ALL, BKD_AND_OPERATORS, LOGGED_IN

ROOT = Path(__file__).resolve().parents[1]


def _opd_a(cast):
    return {"pk": cast.opd_a.pk}


def _unit_a(cast):
    return {"pk": cast.opd_a.units.first().pk}


def _instansi(cast):
    return {"pk": cast.instansi.pk}


def _holiday(cast):
    import datetime as dt

    from core.holidays.actions import do_add_holiday

    return {"pk": do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi Provinsi", actor=None).pk}


def _pegawai_a(cast):
    from people.tests.factories import make_pegawai

    return {"pk": make_pegawai(cast.opd_a, nama="Rekan Dinkes").pk}


def _link_pegawai_a(cast):
    # pegawai_a gets a linked Pegawai record; nobody else in the cast has one.
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)


def _golongan_row_a(cast):
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    return {"pk": pegawai.pk, "tab": "golongan", "row": pegawai.riwayat_golongan.get().pk}


def _document_of_pegawai_a(cast):
    # A scan on pegawai_a's own record: staff in scope and pegawai_a themself may read it.
    from conftest import make_pdf
    from core.documents import do_attach_document
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    scan = make_pdf("sk-cpns.pdf")
    document = do_attach_document(pegawai.riwayat_golongan.get(), scan, kind="sk_pangkat", actor=cast.admin)
    return {"pk": pegawai.pk, "document": document.pk}


@pytest.fixture(autouse=True)
def _private_documents(private_media):
    """Scans written by the builders land in a throwaway MEDIA_ROOT, never in var/."""


def _correction_of_pegawai_a(cast):
    # pegawai_a proposes a fix of their own record: staff in scope, the verifiers and
    # pegawai_a themself may open it.
    from conftest import make_pdf
    from people.corrections.actions import do_propose_correction
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    correction = do_propose_correction(
        pegawai,
        field="nomor_hp",
        new_value="081200000001",
        reason="Nomor baru",
        scan=make_pdf("ktp.pdf"),
        actor=cast.pegawai_a,
    )
    return {"pk": correction.pk}


VERIFIERS = {**dict.fromkeys(PERSONAS, 403), "admin": 200, "unit_pengolah": 200, "anonymous": 302}
VERIFIERS_POST_ONLY = {**VERIFIERS, "admin": 405, "unit_pengolah": 405}

DOCUMENT_MANAGERS = {**dict.fromkeys(PERSONAS, 403), "admin": 200, "operator_a": 200, "anonymous": 302}
IMPORTERS = {
    **dict.fromkeys(PERSONAS, 403),
    "admin": 200,
    "operator_a": 200,
    "operator_b": 200,
    "anonymous": 302,
}
IMPORTERS_POST_ONLY = {**IMPORTERS, "admin": 405, "operator_a": 405, "operator_b": 405}


def _import_preview_a(cast):
    from people.tests.import_jobs import preview_job

    return {"pk": preview_job(cast.operator_a).pk}


def _import_done_a(cast):
    from people.tests.import_jobs import finished_job

    return {"pk": finished_job(cast.operator_a).pk}


# url name -> (kwargs builder or None, {persona: expected status for GET})
MATRIX = {
    "healthz": (None, ALL),
    "set_language": (None, dict.fromkeys(PERSONAS, 302)),  # GET only redirects back
    "reports:dashboard": (None, LOGGED_IN),
    "accounts:login": (None, {**dict.fromkeys(PERSONAS, 302), "anonymous": 200}),
    "accounts:logout": (None, {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}),  # POST only
    "accounts:password_change": (None, LOGGED_IN),
    "accounts:user_list": (None, ADMIN_ONLY),
    "accounts:user_create": (None, ADMIN_ONLY),
    "accounts:user_edit": (lambda cast: {"pk": cast.pegawai_a.pk}, ADMIN_ONLY),
    "org:opd_list": (None, BKD_AND_OPERATORS),
    "org:opd_detail": (_opd_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "org:opd_create": (None, ADMIN_ONLY),
    "org:opd_edit": (_opd_a, ADMIN_ONLY),
    "org:unit_create": (lambda cast: {"opd_pk": cast.opd_a.pk}, ADMIN_ONLY),
    "org:unit_edit": (_unit_a, ADMIN_ONLY),
    "org:instansi_list": (None, ADMIN_ONLY),
    "org:instansi_detail": (_instansi, ADMIN_ONLY),
    "org:instansi_edit": (_instansi, ADMIN_ONLY),
    "org:office_hours_edit": (_instansi, ADMIN_ONLY),
    "core:holiday_list": (None, LOGGED_IN),
    "core:holiday_add": (None, ADMIN_ONLY),
    "core:holiday_edit": (_holiday, ADMIN_ONLY),
    "core:holiday_cancel": (_holiday, {**ADMIN_ONLY, "admin": 405}),  # POST only
    "core:audit_list": (None, ADMIN_ONLY),
    "people:pegawai_list": (None, BKD_AND_OPERATORS),
    "people:pegawai_export": (None, BKD_AND_OPERATORS),
    "people:pegawai_detail": (_pegawai_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "people:quality_ranking": (None, BKD_AND_OPERATORS),
    "people:quality_opd": (_opd_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "people:quality_opd_export": (_opd_a, {**BKD_AND_OPERATORS, "operator_b": 404}),
    "people:data_saya": (
        _link_pegawai_a,
        {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302},
    ),
    "people:import_upload": (None, IMPORTERS),
    "people:import_list": (None, IMPORTERS),
    "people:import_preview": (_import_preview_a, {**IMPORTERS, "operator_b": 404}),
    "people:import_confirm": (_import_preview_a, IMPORTERS_POST_ONLY),  # POST only
    "people:import_cancel": (_import_preview_a, IMPORTERS_POST_ONLY),  # POST only
    "people:import_job": (_import_done_a, {**IMPORTERS, "operator_b": 404}),
    "people:import_status": (_import_done_a, {**IMPORTERS, "operator_b": 404}),
    "people:import_report": (_import_done_a, {**IMPORTERS, "operator_b": 404}),
    "people:document_upload": (_golongan_row_a, {**DOCUMENT_MANAGERS, "operator_b": 404}),
    "people:document_download": (
        _document_of_pegawai_a,
        {**LOGGED_IN, "operator_b": 404, "operator_helpdesk": 404},
    ),
    "people:document_delete": (  # POST only: the method is refused before the scope is read
        _document_of_pegawai_a,
        {**DOCUMENT_MANAGERS, "admin": 405, "operator_a": 405, "operator_b": 405},
    ),
    "people:correction_queue": (None, VERIFIERS),
    "people:correction_mine": (None, LOGGED_IN),
    # Proposing is by scope: staff who may read the Pegawai, or the Pegawai themself.
    "people:correction_propose": (
        _pegawai_a,
        {**LOGGED_IN, "operator_b": 404, "pegawai_a": 404, "operator_helpdesk": 404},
    ),
    "people:correction_detail": (
        _correction_of_pegawai_a,
        {**LOGGED_IN, "operator_b": 404, "operator_helpdesk": 404},
    ),
    "people:correction_approve": (_correction_of_pegawai_a, VERIFIERS_POST_ONLY),  # POST only
    "people:correction_reject": (_correction_of_pegawai_a, VERIFIERS_POST_ONLY),  # POST only
}


def _app_matrices() -> dict:
    found = {}
    for path in sorted(ROOT.glob("*/tests/role_matrix.py")):
        module = importlib.import_module(f"{path.parent.parent.name}.tests.role_matrix")
        clash = set(found) & set(module.MATRIX)
        assert not clash, f"{path}: entries already listed elsewhere: {sorted(clash)}"
        found |= module.MATRIX
    return found


MATRIX |= _app_matrices()


def project_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_each_app_keeps_its_entries_in_one_file():
    strays = {path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/tests/role_matrix*.py")}
    strays -= {path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/tests/role_matrix.py")}
    assert strays == set(), "an app's role-matrix entries belong in <app>/tests/role_matrix.py"


def test_every_url_has_an_entry():
    assert project_url_names() == set(MATRIX), "add new URLs to MATRIX with their expected statuses"


@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_statuses_of_url_for_every_persona(url_name, cast, client_for):
    """One page, built once, fetched as every persona; each fetch in a savepoint rolled back
    afterwards, so each persona meets the page as its builder left it. Every wrong status
    is listed, not only the first."""
    kwargs_for, expected = MATRIX[url_name]
    url = reverse(url_name, kwargs=kwargs_for(cast) if kwargs_for else None)
    got, wrong_redirects = {}, []
    for persona in PERSONAS:
        with transaction.atomic():
            response = client_for(cast.persona(persona)).get(url)
            transaction.set_rollback(True)
        got[persona] = response.status_code
        to_login = response.status_code != 302 or response["Location"].startswith(reverse("accounts:login"))
        if persona == "anonymous" and url_name != "set_language" and not to_login:
            wrong_redirects.append(response["Location"])
    assert got == {persona: expected[persona] for persona in PERSONAS}, url
    assert not wrong_redirects, f"{url} sends anonymous users elsewhere than the login page"
