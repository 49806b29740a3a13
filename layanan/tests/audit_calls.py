"""Audit-trail entries of layanan's actions (see tests/test_audit_trail.py): the catalogue,
product templates, the applicant's requests, the SLA check and the workflow.

Documents land in the test's MEDIA_ROOT (tests/test_audit_trail.py's ``private_media``).
The requests' entries share a setup made before the call, so that the rows the call leaves
are its own; every other entry builds what it needs inside the call, lazily (only the
action under test pays for, say, the workflow's chain walk), with every write in it naming
an actor. The two groups are ``SECTIONS``: a test sets up only the group of its action.
"""

from __future__ import annotations

import datetime as dt


def _requests(cast, tmp_path) -> dict:
    from conftest import make_pdf
    from core.documents import do_attach_document
    from core.models import Document
    from layanan.models import Eligibility, Requirement
    from layanan.requests import actions
    from layanan.tests.conftest import give_good_record
    from layanan.tests.factories import make_service
    from people.tests.factories import make_pegawai

    service = make_service("izin-belajar-audit", "Izin Belajar", eligibility=Eligibility.IZIN_BELAJAR)
    requirement = service.requirements.first()
    Requirement.objects.filter(pk=requirement.pk).update(from_file_kind=Document.Kind.SK_PANGKAT)
    requirement.refresh_from_db()
    # No account: other apps' entries may link pegawai_a; the operator acts on behalf.
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Permohonan")
    give_good_record(pegawai)
    scan = do_attach_document(
        pegawai.riwayat_golongan.first(), make_pdf(), kind=Document.Kind.SK_PANGKAT, actor=None
    )
    draft = actions.do_create_request(service, pegawai, actor=cast.operator_a)
    ready = actions.do_create_request(service, pegawai, actor=cast.operator_a)
    for each in service.requirements.all():
        actions.do_upload_request_document(ready, each, make_pdf(), actor=cast.operator_a)

    return {
        "layanan.requests.actions.do_create_request": lambda: actions.do_create_request(
            service, pegawai, actor=cast.operator_a
        ),
        "layanan.requests.actions.do_update_request_answers": lambda: actions.do_update_request_answers(
            draft, {"jenjang": "s2"}, actor=cast.operator_a
        ),
        "layanan.requests.actions.do_upload_request_document": lambda: actions.do_upload_request_document(
            draft, requirement, make_pdf(), actor=cast.operator_a
        ),
        "layanan.requests.actions.do_use_file_document": lambda: actions.do_use_file_document(
            draft, requirement, scan, actor=cast.operator_a
        ),
        "layanan.requests.actions.do_remove_request_document": lambda: actions.do_remove_request_document(
            ready, requirement, actor=cast.operator_a
        ),
        "layanan.requests.actions.do_submit_request": lambda: actions.do_submit_request(
            ready, actor=cast.operator_a
        ),
    }


def _lazy(cast, tmp_path) -> dict:
    from layanan.catalogue import actions as cat
    from layanan.models import Action
    from layanan.products.actions import do_update_product_template
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import give_template

    def service():
        return make_service("izin-belajar", "Izin Belajar")

    def add_transition():
        s = service()
        first, last = s.steps.order_by("order")[0], s.steps.order_by("-order")[0]
        return cat.do_add_transition(
            s,
            from_step=last,
            action=Action.FORWARD,
            to_step=first,
            label="Kembali ke registrasi",
            actor=cast.admin,
        )

    def remove_transition():
        s = service()
        forward = s.transitions.filter(action=Action.FORWARD).first()
        cat.do_remove_transition(forward, actor=cast.admin)

    return {
        "layanan.catalogue.actions.do_seed_catalogue": lambda: cat.do_seed_catalogue(actor=cast.admin),
        "layanan.catalogue.actions.do_update_service": lambda: cat.do_update_service(
            service(), changes={"duration": 5}, actor=cast.admin
        ),
        "layanan.catalogue.actions.do_update_component": lambda: cat.do_update_component(
            service().components.get(component="biaya"), text="Gratis.", actor=cast.admin
        ),
        "layanan.catalogue.actions.do_add_requirement": lambda: cat.do_add_requirement(
            service(), name="Pas foto", actor=cast.admin
        ),
        "layanan.catalogue.actions.do_update_requirement": lambda: cat.do_update_requirement(
            service().requirements.first(), changes={"required": False}, actor=cast.admin
        ),
        "layanan.catalogue.actions.do_remove_requirement": lambda: cat.do_remove_requirement(
            service().requirements.first(), actor=cast.admin
        ),
        "layanan.catalogue.actions.do_update_step": lambda: cat.do_update_step(
            service().steps.first(), changes={"target_minutes": 45}, actor=cast.admin
        ),
        "layanan.catalogue.actions.do_add_transition": add_transition,
        "layanan.catalogue.actions.do_remove_transition": remove_transition,
        "layanan.products.actions.do_create_product_template": lambda: give_template(
            service(), actor=cast.admin
        ),
        "layanan.products.actions.do_update_product_template": lambda: do_update_product_template(
            give_template(make_service("ujian-dinas", "Ujian Dinas"), actor=cast.admin),
            {"official_name": "Ir. Citra Lestari"},
            actor=cast.admin,
        ),
        "layanan.sla.actions.do_check_sla": lambda: _check_sla(cast),
        "layanan.workflow.actions.do_transition": lambda: _transition(cast),
        "layanan.workflow.actions.do_bulk_transition": lambda: _bulk(cast),
        "layanan.workflow.actions.do_resubmit_request": lambda: _resubmit(cast),
    }


SECTIONS = (_requests, _lazy)


def calls(cast, tmp_path) -> dict:
    return {name: call for section in SECTIONS for name, call in section(cast, tmp_path).items()}


def _check_sla(cast):
    from layanan.sla.actions import do_check_sla
    from layanan.tests.factories import make_service
    from layanan.tests.sla_builders import submitted_request
    from people.tests.factories import make_pegawai

    service = make_service("sla-audit", "Layanan Uji SLA", duration=1, requirements=())
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai SLA", actor=cast.admin)
    received = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    submitted_request(service, pegawai, at=received, created_by=cast.operator_a)
    # A week later: the request is past its deadline (marked), the stay past its target.
    return do_check_sla(actor=cast.admin, now=received + dt.timedelta(days=7))


def _officials(cast):
    from types import SimpleNamespace

    from accounts.roles import Role
    from accounts.users.actions import do_create_user

    def user(username, role):
        return do_create_user(
            username=f"{username}.wf", name=username, password="x" * 12, roles=[role], actor=cast.admin
        )

    return SimpleNamespace(
        petugas=user("petugas", Role.PETUGAS_ADMINISTRASI),
        kasubbag=user("kasubbag", Role.KASUBBAG_UMUM),
        sekretaris=user("sekretaris", Role.SEKRETARIS),
        kepala_badan=cast.kepala_badan,
        kepala_bidang=user("kabid", Role.KEPALA_BIDANG),
        unit_pengolah=cast.unit_pengolah,
    )


def _submitted(cast):
    from layanan.tests.factories import make_service
    from layanan.tests.workflow_helpers import submit
    from people.tests.factories import make_pegawai

    service = make_service("workflow-audit", "Layanan Uji Alur")
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Alur", actor=cast.admin)
    return submit(service, pegawai, actor=cast.operator_a)


def _transition(cast):
    from layanan.tests.workflow_helpers import act

    return act(_submitted(cast), _officials(cast).petugas)


def _bulk(cast):
    from layanan.tests.workflow_helpers import transition_of, walk_to
    from layanan.workflow.actions import do_bulk_transition

    chain = _officials(cast)
    request = walk_to(_submitted(cast), "pemilahan", chain)
    return do_bulk_transition([request], transition_of(request), actor=chain.kasubbag)


def _resubmit(cast):
    from layanan.models import Action
    from layanan.tests.workflow_helpers import act, walk_to
    from layanan.workflow.actions import do_resubmit_request

    chain = _officials(cast)
    request = walk_to(_submitted(cast), "verifikasi", chain)
    request = act(request, chain.unit_pengolah, Action.RETURN, note="Lengkapi berkas")
    return do_resubmit_request(request, actor=cast.operator_a)
