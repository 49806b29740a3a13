"""Audit-trail entries for the catalogue's actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from layanan.catalogue import actions as cat
    from layanan.models import Action
    from layanan.tests.factories import make_service

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
    }
