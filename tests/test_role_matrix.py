"""Every URL of the project × every persona → the expected status.

The table below must name every URL the project has: the URL conf is walked at collection
time, and a URL without an entry fails ``test_every_url_has_an_entry``. Statuses:
200 allowed, 302 to the login page for anonymous users, 403 wrong role, 404 an object
outside the persona's scope, 405 wrong method.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS

ALL = dict.fromkeys(PERSONAS, 200)
LOGGED_IN = {**ALL, "anonymous": 302}
ADMIN_ONLY = {**dict.fromkeys(PERSONAS, 403), "admin": 200, "anonymous": 302}
BKD_AND_OPERATORS = {**LOGGED_IN, "pegawai_a": 403}


def _opd_a(cast):
    return {"pk": cast.opd_a.pk}


def _unit_a(cast):
    return {"pk": cast.opd_a.units.first().pk}


def _instansi(cast):
    return {"pk": cast.instansi.pk}


def _holiday(cast):
    import datetime as dt

    from core.actions import do_add_holiday

    return {"pk": do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi Provinsi", actor=None).pk}


def _pegawai_a(cast):
    from people.tests.factories import make_pegawai

    return {"pk": make_pegawai(cast.opd_a, nama="Rekan Dinkes").pk}


def _link_pegawai_a(cast):
    # pegawai_a gets a linked Pegawai record; nobody else in the cast has one.
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)


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
    "people:data_saya": (
        _link_pegawai_a,
        {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302},
    ),
}


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


def test_every_url_has_an_entry():
    assert project_url_names() == set(MATRIX), "add new URLs to MATRIX with their expected statuses"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_status_of_url_for_persona(url_name, persona, cast, client_for):
    kwargs_for, expected = MATRIX[url_name]
    url = reverse(url_name, kwargs=kwargs_for(cast) if kwargs_for else None)
    response = client_for(cast.persona(persona)).get(url)
    assert response.status_code == expected[persona], f"{url} as {persona}"
    if response.status_code == 302 and persona == "anonymous" and url_name not in {"set_language"}:
        assert response["Location"].startswith(reverse("accounts:login"))
