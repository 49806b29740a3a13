"""Campaign admin screens: list, create, edit (with its questions), publish."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from campaigns.design import actions
from campaigns.design.files import question_set
from campaigns.design.forms import CampaignForm, QuestionForm, QuestionSetForm
from campaigns.design.queries import campaigns_for_staff, get_campaign_for_manager, questions_of
from campaigns.submissions.queries import targeted_pegawai
from campaigns.submissions.rules import CampaignError
from core.inputs import edit_form
from core.paging import paginate
from core.permissions import require, user_can


@require_GET
def campaign_list(request):
    user = request.user
    if not (user_can(user, Capability.MANAGE_CAMPAIGNS) or user_can(user, Capability.REVIEW_CAMPAIGNS)):
        raise PermissionDenied
    return render(
        request,
        "campaigns/campaign_list.html",
        {
            "can_manage": user_can(user, Capability.MANAGE_CAMPAIGNS),
            "can_review": user_can(user, Capability.REVIEW_CAMPAIGNS),
            **paginate(request, campaigns_for_staff(user)),
        },
    )


@require(Capability.MANAGE_CAMPAIGNS)
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    # ?set=…&tahun=… fills the form from a standard question set; its questions follow on create.
    set_form = QuestionSetForm(
        request.GET if "set" in request.GET else None, initial={"tahun": timezone.localdate().year}
    )
    initial = _from_question_set(set_form.cleaned_data) if set_form.is_bound and set_form.is_valid() else {}
    form = CampaignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("question_set")
        try:
            with transaction.atomic():
                campaign = actions.do_create_campaign(actor=request.user, **form.values())
                if chosen:
                    actions.do_add_question_set(
                        campaign, chosen, year=form.cleaned_data["question_year"], actor=request.user
                    )
        except (CampaignError, IntegrityError) as error:
            form.add_error(None, str(error))
        else:
            if chosen:
                messages.success(
                    request, _("Kampanye dibuat dengan pertanyaan dari set standar; periksa, lalu terbitkan.")
                )
            else:
                messages.success(request, _("Kampanye dibuat. Tambahkan pertanyaannya, lalu terbitkan."))
            return redirect("campaigns:campaign_edit", slug=campaign.slug)
    return render(
        request, "campaigns/campaign_form.html", {"form": form, "campaign": None, "set_form": set_form}
    )


def _from_question_set(choice: dict) -> dict:
    found = question_set(choice["set"], year=choice["tahun"])
    return {
        "slug": found.slug,
        "kind": found.kind,
        "title": found.title,
        "period": found.period,
        "description": found.description,
        "jenis_jabatan": found.audience.get("jenis_jabatan", []),
        "jenis_pegawai": found.audience.get("jenis_pegawai", []),
        "question_set": found.name,
        "question_year": choice["tahun"],
    }


@require(Capability.MANAGE_CAMPAIGNS)
@require_http_methods(["GET", "POST"])
def campaign_edit(request, slug: str):
    campaign = get_campaign_for_manager(request.user, slug)
    form = edit_form(CampaignForm, campaign, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.do_update_campaign(campaign, form.values(), actor=request.user)
        except CampaignError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Kampanye disimpan.") if changed else _("Tidak ada perubahan."))
            return redirect("campaigns:campaign_edit", slug=campaign.slug)
    return render(
        request,
        "campaigns/campaign_form.html",
        {
            "form": form,
            "campaign": campaign,
            "questions": questions_of(campaign),
            "target_count": targeted_pegawai(campaign).count(),
        },
    )


@require(Capability.MANAGE_CAMPAIGNS)
@require_POST
def campaign_publish(request, slug: str):
    campaign = get_campaign_for_manager(request.user, slug)
    publish = request.POST.get("publish", "1") == "1"
    try:
        actions.do_publish_campaign(campaign, actor=request.user, published=publish)
    except CampaignError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Kampanye diterbitkan.") if publish else _("Kampanye ditarik dari pegawai.")
        )
    return redirect("campaigns:campaign_edit", slug=campaign.slug)


def _question_form(request, campaign, question=None):
    form = (
        edit_form(QuestionForm, question, request.POST or None)
        if question
        else QuestionForm(request.POST or None)
    )
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                actions.do_add_question(campaign, actor=request.user, **form.values())
            else:
                actions.do_update_question(question, form.values(), actor=request.user)
        except CampaignError as error:
            form.add_error(None, str(error))
        except IntegrityError:
            form.add_error("code", _("Kode pertanyaan ini sudah dipakai di kampanye yang sama."))
        else:
            messages.success(request, _("Pertanyaan disimpan."))
            return redirect("campaigns:campaign_edit", slug=campaign.slug)
    return render(
        request, "campaigns/question_form.html", {"form": form, "campaign": campaign, "question": question}
    )


@require(Capability.MANAGE_CAMPAIGNS)
@require_http_methods(["GET", "POST"])
def question_add(request, slug: str):
    return _question_form(request, get_campaign_for_manager(request.user, slug))


@require(Capability.MANAGE_CAMPAIGNS)
@require_http_methods(["GET", "POST"])
def question_edit(request, slug: str, pk: int):
    campaign = get_campaign_for_manager(request.user, slug)
    return _question_form(request, campaign, get_object_or_404(campaign.questions, pk=pk))


@require(Capability.MANAGE_CAMPAIGNS)
@require_POST
def question_delete(request, slug: str, pk: int):
    campaign = get_campaign_for_manager(request.user, slug)
    question = get_object_or_404(campaign.questions, pk=pk)
    try:
        actions.do_delete_question(question, actor=request.user)
    except CampaignError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Pertanyaan dihapus."))
    return redirect("campaigns:campaign_edit", slug=campaign.slug)


@require(Capability.MANAGE_CAMPAIGNS)
@require_POST
def question_move(request, slug: str, pk: int):
    campaign = get_campaign_for_manager(request.user, slug)
    question = get_object_or_404(campaign.questions, pk=pk)
    direction = -1 if request.POST.get("direction") == "up" else 1
    try:
        actions.do_move_question(question, direction=direction, actor=request.user)
    except CampaignError as error:
        messages.error(request, str(error))
    return redirect("campaigns:campaign_edit", slug=campaign.slug)
