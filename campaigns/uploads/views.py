"""JSON endpoints of the chunked upload (protocol in campaigns/uploads/files.py and docs/campaigns.md)."""

from __future__ import annotations

import re

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from campaigns.design.queries import get_published_campaign
from campaigns.submissions.rules import CampaignError
from campaigns.uploads.actions import do_finish_upload, do_start_upload
from campaigns.uploads.files import CHUNK_SIZE, receive_chunk
from campaigns.uploads.queries import get_upload_for_user
from campaigns.uploads.rules import UploadClosed, UploadRefused
from core.inputs import clean_text, parse_id
from people.records.queries import get_pegawai_user_may_act_for, own_pegawai

_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


def _refused(error: CampaignError, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": str(error), **extra}, status=status)


def _state(session) -> dict:
    return {
        "token": str(session.token),
        "received": session.received,
        "size": session.size,
        "status": session.status,
        "chunk_size": CHUNK_SIZE,
    }


@require_POST
def upload_start(request, slug: str):
    campaign = get_published_campaign(slug)
    pegawai_id = request.POST.get("pegawai", "")
    if pegawai_id:
        # parse_id, not isdigit()/int(): "²" is a digit to isdigit() and a ValueError to int().
        if parse_id(pegawai_id) is None:
            raise Http404
        pegawai = get_pegawai_user_may_act_for(
            request.user, parse_id(pegawai_id), "golongan", "jabatan_fungsional", "user"
        )
    else:
        pegawai = own_pegawai(request.user, "golongan", "jabatan_fungsional")
    question = get_object_or_404(
        campaign.questions, code=clean_text(request.POST.get("question"), max_length=50)
    )
    try:
        size = int(request.POST.get("size", ""))
    except ValueError:
        return JsonResponse({"error": _("Ukuran berkas tidak diketahui.")}, status=400)
    try:
        session = do_start_upload(
            campaign,
            pegawai,
            question,
            filename=clean_text(request.POST.get("filename"), max_length=255),
            size=size,
            actor=request.user,
        )
    except CampaignError as error:
        return _refused(error)
    return JsonResponse(_state(session), status=201)


@require_GET
def upload_status(request, upload):
    """Where a dropped upload resumes: the number of bytes the server holds."""
    return JsonResponse(_state(get_upload_for_user(request.user, upload)))


@require_POST
def upload_chunk(request, upload):
    session = get_upload_for_user(request.user, upload)
    try:
        offset = int(request.GET.get("offset", ""))
    except ValueError:
        return JsonResponse(
            {"error": _("Posisi potongan tidak diketahui."), "received": session.received}, status=400
        )
    try:
        received = receive_chunk(session, offset, request.body)
    except UploadClosed as error:
        # Gone for good (finished, refused, expired): resending cannot help, so not a 409.
        return _refused(error, status=410, received=session.received)
    except UploadRefused as error:
        session.refresh_from_db()
        return _refused(error, status=409, received=session.received)
    return JsonResponse({"received": received, "size": session.size})


@require_POST
def upload_finish(request, upload):
    session = get_upload_for_user(request.user, upload)
    sha256 = request.POST.get("sha256", "")
    if sha256 and not _SHA256.match(sha256):
        sha256 = ""
    try:
        document = do_finish_upload(session, actor=request.user, sha256=sha256)
    except CampaignError as error:
        return _refused(error)
    return JsonResponse(
        {
            "document": document.pk,
            "sha256": document.sha256,
            "name": document.original_name,
            "size": document.size,
        }
    )
