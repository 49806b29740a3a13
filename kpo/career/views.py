"""Karier Saya: the career timeline of the logged-in employee, and of any employee in scope
for BKD staff and their Operator OPD."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.permissions import require
from kpo.career.queries import career_of, own_record, record_for_user


def _render(request, record, own: bool):
    return render(
        request,
        "kpo/career.html",
        {"career": career_of(record, timezone.localdate()), "own": own},
    )


@require_GET
def career_mine(request):
    return _render(request, own_record(request.user), True)


@require_GET
@require(Capability.VIEW_PEGAWAI)
def career_of_view(request, pk: int):
    return _render(request, record_for_user(request.user, pk), False)
