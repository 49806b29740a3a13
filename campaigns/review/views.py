"""Review of submissions by BKD staff (review_campaigns), and reading an uploaded file."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from campaigns.design.queries import questions_of
from campaigns.models import Campaign, Question
from campaigns.review.actions import do_review_submission
from campaigns.review.forms import ReviewForm, SubmissionFilterForm
from campaigns.review.queries import (
    get_submission_for_reader,
    get_submission_for_reviewer,
    history_of,
    next_to_review,
    submissions_for_reviewer,
)
from campaigns.submissions.rules import CampaignError
from campaigns.uploads.queries import uploaded_documents
from core.answers import is_shown
from core.documents import do_record_download, document_response
from core.paging import paginate
from core.permissions import require
from org.units.queries import opds_for_user


@require(Capability.REVIEW_CAMPAIGNS)
@require_GET
def submission_list(request, slug: str):
    campaign = get_object_or_404(Campaign, slug=slug)
    form = SubmissionFilterForm(request.GET or None, opds=opds_for_user(request.user))
    opd = status = None
    search = ""
    if form.is_valid():
        opd, status = form.cleaned_data["opd"], form.cleaned_data["status"]
        search = form.cleaned_data["q"].strip()
    submissions = submissions_for_reviewer(
        request.user, campaign, opd=opd, status=status or "", search=search
    )
    return render(
        request,
        "campaigns/submission_list.html",
        {"campaign": campaign, "form": form, **paginate(request, submissions)},
    )


def _answer_rows(campaign, submission) -> list[dict]:
    questions = questions_of(campaign)
    answers = submission.answers
    ids = [
        int(answers[q.code])
        for q in questions
        if q.kind == Question.Kind.FILE and str(answers.get(q.code, "")).isdigit()
    ]
    documents = uploaded_documents(campaign, submission.pegawai_id, ids)
    rows = []
    for q in questions:
        if not is_shown(q, answers):
            continue
        value = answers.get(q.code)
        rows.append(
            {
                "q": q,
                "value": value,
                "document": documents.get(value) if q.kind == Question.Kind.FILE else None,
            }
        )
    return rows


def _detail(request, campaign, submission, form, *, status: int = 200):
    return render(
        request,
        "campaigns/submission_detail.html",
        {
            "campaign": campaign,
            "submission": submission,
            "rows": _answer_rows(campaign, submission),
            "history": history_of(submission),
            "next": next_to_review(request.user, campaign, submission),
            "form": form,
        },
        status=status,
    )


@require(Capability.REVIEW_CAMPAIGNS)
@require_GET
def submission_detail(request, slug: str, pk: int):
    campaign = get_object_or_404(Campaign, slug=slug)
    submission = get_submission_for_reviewer(request.user, campaign, pk)
    return _detail(request, campaign, submission, ReviewForm())


@require(Capability.REVIEW_CAMPAIGNS)
@require_POST
def submission_review(request, slug: str, pk: int):
    campaign = get_object_or_404(Campaign, slug=slug)
    submission = get_submission_for_reviewer(request.user, campaign, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_review_submission(
                submission,
                accept=data["decision"] == "accept",
                reason=data["reason"],
                fix_deadline=data["fix_deadline"],
                actor=request.user,
            )
        except CampaignError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Isian diterima.")
                if data["decision"] == "accept"
                else _("Isian dikembalikan untuk diperbaiki; pegawai diberi tahu."),
            )
            # On to the next submission waiting for a verdict; the list once none is left.
            following = next_to_review(request.user, campaign, submission)
            if following is not None:
                return redirect("campaigns:submission_detail", slug=campaign.slug, pk=following.pk)
            return redirect("campaigns:submission_list", slug=campaign.slug)
    return _detail(request, campaign, submission, form)


@require_GET
def submission_document(request, slug: str, pk: int, document: int):
    campaign = get_object_or_404(Campaign, slug=slug)
    submission = get_submission_for_reader(request.user, campaign, pk)
    found = uploaded_documents(campaign, submission.pegawai_id, [document]).get(document)
    if found is None:
        raise Http404
    do_record_download(found, actor=request.user)
    return document_response(found)
