"""``{% request_actions request_obj as actions %}``: what the action part of a request page
(layanan/_actions.html) offers the current user: the transitions of the step they hold, or,
to the applicant of a returned request, the resubmission with the reason it came back."""

from __future__ import annotations

from django import template

from layanan.models import Action, Request, RequestStep
from layanan.workflow.queries import transitions_for
from layanan.workflow.rules import needs_agenda_number
from people.records.queries import may_act_for

register = template.Library()


@register.simple_tag(takes_context=True)
def request_actions(context, request_obj) -> dict:
    user = context.get("user") or getattr(context.get("request"), "user", None)
    if user is None or request_obj is None or not user.is_authenticated:
        return {}
    if request_obj.status == Request.Status.RETURNED:
        if not may_act_for(user, request_obj.pegawai):
            return {}
        returned = (
            RequestStep.objects.filter(request=request_obj, action=Action.RETURN)
            .order_by("-ended_at", "-pk")
            .values_list("note", flat=True)
            .first()
        )
        return {"resubmit": True, "return_note": returned or ""}
    table, rows = transitions_for(user, request_obj)
    return {
        "transitions": rows,
        "registering": any(needs_agenda_number(table, table.transition(row.pk)) for row in rows),
        "note_required_for": [row.label for row in rows if row.note_required],
    }
