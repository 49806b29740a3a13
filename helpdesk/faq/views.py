"""The public FAQ (search, topics, ratings, suggestions for the ticket form) and the
operators' FAQ editor."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.inputs import search_term
from core.paging import paginate
from core.permissions import require
from helpdesk.faq import queries
from helpdesk.faq.actions import do_create_faq_entry, do_rate_faq_entry, do_update_faq_entry
from helpdesk.faq.forms import EntryForm, RateForm, SearchForm
from helpdesk.models import FaqEntry

RATED_KEY = "helpdesk_faq_rated"
SUGGESTIONS = 5


@login_not_required
@require_GET
def faq_list(request):
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    entries = queries.search(text) if text else queries.published()
    context = {
        "form": form,
        "text": text,
        "groups": queries.by_topic(entries),
        "rated": set(request.session.get(RATED_KEY, [])),
    }
    return render(request, "helpdesk/faq.html", context)


@login_not_required
@require_POST
def faq_rate(request, pk: int):
    entry = queries.published().filter(pk=pk).first()
    if entry is None:
        raise Http404
    form = RateForm(request.POST)
    rated = request.session.get(RATED_KEY, [])
    if not form.is_valid():
        flash.error(request, _("Pilih membantu atau tidak."))
    elif pk in rated:
        flash.info(request, _("Anda sudah menilai jawaban ini. Terima kasih."))
    else:
        do_rate_faq_entry(entry, helpful=form.cleaned_data["value"] == "ya", actor=request.user)
        request.session[RATED_KEY] = [*rated, pk][-200:]
        flash.success(request, _("Terima kasih atas penilaian Anda."))
    return redirect(f"{reverse('helpdesk:faq')}#faq-{pk}")


@login_not_required
@require_GET
def faq_suggest(request):
    """Entries matching the question being typed (the ticket form asks as the user types)."""
    text = search_term(request, max_length=250)
    entries = queries.search(text, limit=SUGGESTIONS)
    url = reverse("helpdesk:faq")
    return JsonResponse(
        {"results": [{"question": e.question, "url": f"{url}#faq-{e.pk}"} for e in entries]},
    )


@require(Capability.HANDLE_HELPDESK)
@require_GET
def faq_admin(request):
    entries = FaqEntry.objects.select_related("topic").order_by("topic__order", "order", "id")
    return render(request, "helpdesk/faq_admin.html", paginate(request, entries))


def entry_form_page(request, entry: FaqEntry | None, *, initial=None, source=None):
    # The form cleans into a copy: the action compares the stored row with the new values.
    copy = FaqEntry.objects.get(pk=entry.pk) if entry is not None else None
    form = EntryForm(request.POST or None, instance=copy, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in EntryForm.Meta.fields}
        if entry is None:
            do_create_faq_entry(actor=request.user, source_ticket=source, **values)
            flash.success(request, _("Entri FAQ dibuat."))
        else:
            do_update_faq_entry(entry, values, actor=request.user)
            flash.success(request, _("Entri FAQ disimpan."))
        return redirect("helpdesk:faq_admin")
    return render(request, "helpdesk/faq_form.html", {"form": form, "entry": entry, "source": source})


@require(Capability.HANDLE_HELPDESK)
@require_http_methods(["GET", "POST"])
def faq_create(request):
    return entry_form_page(request, None)


@require(Capability.HANDLE_HELPDESK)
@require_http_methods(["GET", "POST"])
def faq_edit(request, pk: int):
    entry = FaqEntry.objects.filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry_form_page(request, entry)
