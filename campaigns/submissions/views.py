"""Submitting: "Isian saya", the answer form (own or on behalf), an operator's employee list."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from campaigns.design.queries import get_published_campaign, questions_of
from campaigns.models import Question
from campaigns.submissions.actions import do_submit
from campaigns.submissions.queries import (
    campaigns_of_pegawai,
    facts_of,
    matches,
    opd_pegawai_for_campaign,
    submission_of,
)
from campaigns.submissions.rules import (
    AnswersInvalid,
    CampaignError,
    NotTargeted,
    StaleVersion,
    can_edit,
    check_editable,
)
from campaigns.uploads.actions import allowed_types, do_discard_uploads, do_upload_file, limit_bytes
from campaigns.uploads.files import CHUNK_SIZE
from campaigns.uploads.queries import uploaded_documents
from core.answers import is_shown
from core.inputs import parse_id, search_term
from core.paging import paginate
from core.permissions import require
from people.records.queries import get_pegawai_user_may_act_for, own_pegawai, own_pegawai_or_none

FILE_SUFFIX = "__file"


@require_GET
def campaign_mine(request):
    pegawai = own_pegawai_or_none(request.user, "golongan", "jabatan_fungsional")
    rows = campaigns_of_pegawai(pegawai) if pegawai else []
    return render(request, "campaigns/campaign_mine.html", {"pegawai": pegawai, "rows": rows})


@require_http_methods(["GET", "POST"])
def campaign_submit(request, slug: str):
    campaign = get_published_campaign(slug)
    pegawai = own_pegawai(request.user, "golongan", "jabatan_fungsional")
    return _form(request, campaign, pegawai, on_behalf=False)


@require(Capability.SUBMIT_ON_BEHALF)
@require_http_methods(["GET", "POST"])
def campaign_submit_for(request, slug: str, pegawai: int):
    campaign = get_published_campaign(slug)
    target = get_pegawai_user_may_act_for(request.user, pegawai, "golongan", "jabatan_fungsional", "user")
    if target.user_id == request.user.pk:
        return redirect("campaigns:campaign_submit", slug=slug)
    return _form(request, campaign, target, on_behalf=True)


@require(Capability.SUBMIT_ON_BEHALF)
@require_GET
def campaign_opd_pegawai(request, slug: str):
    campaign = get_published_campaign(slug)
    q = search_term(request)
    missing = request.GET.get("belum") == "1"
    pegawai = opd_pegawai_for_campaign(request.user, campaign, q=q, missing_only=missing)
    return render(
        request,
        "campaigns/opd_pegawai.html",
        {"campaign": campaign, "q": q, "missing": missing, **paginate(request, pegawai)},
    )


def _form_url(campaign, pegawai, on_behalf: bool) -> str:
    if on_behalf:
        return reverse("campaigns:campaign_submit_for", kwargs={"slug": campaign.slug, "pegawai": pegawai.pk})
    return reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug})


def _form(request, campaign, pegawai, *, on_behalf: bool):
    if not matches(campaign.audience, pegawai):
        return render(
            request, "campaigns/not_targeted.html", {"campaign": campaign, "pegawai": pegawai}, status=403
        )
    submission = submission_of(campaign, pegawai)
    questions = questions_of(campaign)
    facts = facts_of(pegawai, {q.prefill for q in questions if q.prefill})
    now = timezone.now()
    editable = can_edit(campaign, submission, now)
    answers = dict(submission.answers) if submission else {}
    errors: dict[str, str] = {}
    version = submission.version if submission else 0
    if request.method == "POST":
        try:
            check_editable(campaign, submission, now)
        except CampaignError as error:
            # Nothing is stored after close: say why and show the read-only page.
            messages.error(request, str(error))
            return redirect(_form_url(campaign, pegawai, on_behalf))
        raw = {q.code: request.POST.get(q.code, "") for q in questions}
        answers = dict(raw)
        try:
            base_version = int(request.POST.get("version", "0"))
        except ValueError:
            base_version = -1
        uploaded = {}  # question code → the Document this very request stored
        for question in questions:
            upload = request.FILES.get(question.code + FILE_SUFFIX)
            if question.kind == Question.Kind.FILE and upload is not None:
                try:
                    uploaded[question.code] = do_upload_file(
                        campaign, pegawai, question, upload, actor=request.user
                    )
                except CampaignError as error:
                    errors[question.code] = str(error)
                else:
                    raw[question.code] = answers[question.code] = uploaded[question.code].pk
        if not errors:
            try:
                submission = do_submit(
                    campaign, pegawai, raw, base_version=base_version, actor=request.user, on_behalf=on_behalf
                )
            except AnswersInvalid as invalid:
                errors = invalid.errors
            except StaleVersion as stale:
                messages.warning(request, str(stale))
                version = stale.current
            except NotTargeted as error:
                do_discard_uploads(uploaded.values(), actor=request.user)
                messages.error(request, str(error))
                return redirect(_form_url(campaign, pegawai, on_behalf))
            else:
                messages.success(
                    request,
                    _("Isian terkirim (versi %(version)s). Anda dapat mengubahnya sampai kampanye ditutup.")
                    % {"version": submission.version},
                )
                return redirect(_form_url(campaign, pegawai, on_behalf))
        if uploaded:
            # Refused (or stale): the files sent with these answers must not stay stored
            # without them. The form shows the file questions empty again.
            do_discard_uploads(uploaded.values(), actor=request.user)
            previous = submission.answers if submission else {}
            for code in uploaded:
                answers[code] = previous.get(code, "")
                errors.setdefault(
                    code, _("Isian belum terkirim, jadi berkas ini tidak disimpan; pilih lagi.")
                )
        if errors:
            messages.error(request, _("Beberapa isian belum benar; lihat pesan pada tiap isian."))
    return render(
        request,
        "campaigns/submit_form.html",
        {
            "campaign": campaign,
            "pegawai": pegawai,
            "submission": submission,
            "on_behalf": on_behalf,
            "editable": editable,
            "version": version,
            "rows": _rows(campaign, pegawai, questions, answers, errors, facts, readonly=not editable),
            "form_url": _form_url(campaign, pegawai, on_behalf),
            "chunk_size": CHUNK_SIZE,
            "has_errors": bool(errors),
        },
        status=200,
    )


def _rows(campaign, pegawai, questions, answers, errors, facts, *, readonly: bool) -> list[dict]:
    """What the template shows per question; in read-only mode only the questions that applied."""
    # The answers may be the raw post shown back with its errors: parse_id keeps a posted
    # 10^26 out of the pk__in query (OverflowError on SQLite, DataError on PostgreSQL).
    document_ids = [
        pk
        for q in questions
        if q.kind == Question.Kind.FILE and (pk := parse_id(answers.get(q.code))) is not None
    ]
    documents = uploaded_documents(campaign, pegawai, document_ids)
    rows = []
    labels = {q.code: q.label for q in questions}
    for question in questions:
        value = answers.get(question.code, "")
        if readonly and not is_shown(question, answers):
            continue
        if question.kind == Question.Kind.NUMBER and isinstance(value, float):
            value = number_format(value)  # 87,5 as the employee typed it
        row = {
            "q": question,
            "value": "" if value is None else str(value),
            "error": errors.get(question.code, ""),
            "fact": facts.get(question.prefill, "") if question.prefill else None,
            "condition_label": labels.get(question.show_if_code, ""),
        }
        if question.kind == Question.Kind.FILE:
            row["document"] = documents.get(parse_id(value))
            row["accept"] = ",".join(
                ext
                for t in allowed_types(question)
                for ext in {"pdf": [".pdf"], "jpg": [".jpg", ".jpeg"], "png": [".png"]}[t]
            )
            row["limit_kb"] = limit_bytes(question) // 1024
        rows.append(row)
    return rows
