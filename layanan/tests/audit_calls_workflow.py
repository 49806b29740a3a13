"""Audit-trail entries for the workflow's actions (see tests/test_audit_trail.py).

The setup runs inside each call, lazily (only the action under test pays for its chain
walk), and every write in it names an actor, so each row the call leaves has one.
"""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from django.test import override_settings

    media = override_settings(MEDIA_ROOT=tmp_path / "media")

    def in_media(call):
        def run():
            with media:
                return call()

        return run

    return {
        "layanan.workflow.actions.do_transition": in_media(lambda: _transition(cast)),
        "layanan.workflow.actions.do_bulk_transition": in_media(lambda: _bulk(cast)),
        "layanan.workflow.actions.do_resubmit_request": in_media(lambda: _resubmit(cast)),
    }


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
