"""Role-matrix entries for the service catalogue (see tests/test_role_matrix.py): the public
pages are open to everyone; every Admin screen needs MANAGE_SERVICES (the Admin only)."""

from tests.matrix import ADMIN_ONLY, PUBLIC

POST_ONLY = {**ADMIN_ONLY, "admin": 405}  # the capability is checked before the method


def _service(cast):
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar")


def _slug(cast):
    return {"slug": _service(cast).slug}


def _pk(cast):
    return {"pk": _service(cast).pk}


def _component(cast):
    return {"pk": _service(cast).pk, "component": "biaya"}


def _requirement(cast):
    return {"pk": _service(cast).requirements.first().pk}


def _step(cast):
    return {"pk": _service(cast).steps.first().pk}


def _transition(cast):
    return {"pk": _service(cast).transitions.first().pk}


MATRIX = {
    "layanan:public_list": (None, PUBLIC),
    "layanan:public_detail": (_slug, PUBLIC),
    "layanan:service_admin_list": (None, ADMIN_ONLY),
    "layanan:service_admin_edit": (_pk, ADMIN_ONLY),
    "layanan:component_edit": (_component, ADMIN_ONLY),
    "layanan:requirement_add": (_pk, ADMIN_ONLY),
    "layanan:requirement_edit": (_requirement, ADMIN_ONLY),
    "layanan:requirement_delete": (_requirement, POST_ONLY),
    "layanan:step_edit": (_step, ADMIN_ONLY),
    "layanan:transition_add": (_pk, ADMIN_ONLY),
    "layanan:transition_delete": (_transition, POST_ONLY),
    "layanan:service_history": (_pk, ADMIN_ONLY),
}
