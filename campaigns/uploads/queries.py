"""Reads of uploads: an upload session, only for the one who may continue it; the files
uploaded for one employee in one campaign."""

from __future__ import annotations

from collections.abc import Iterable

from django.shortcuts import get_object_or_404

from campaigns.models import UploadSession
from core.models import Document


def get_upload_for_user(user, token) -> UploadSession:
    """An upload session is only ever seen by the user who started it."""
    return get_object_or_404(
        UploadSession.objects.select_related("campaign", "pegawai"), token=token, user=user
    )


def uploaded_documents(campaign, pegawai, ids: Iterable[int | None]) -> dict[int, Document]:
    """The documents ``ids`` uploaded for ``pegawai`` in ``campaign``, by id, in one query.

    An answer names its file by id, and a form shown back with its errors carries the posted
    ids: an id that is not one of this employee's uploads here is simply not found."""
    ids = [pk for pk in ids if pk is not None]
    if not ids:
        return {}
    meta = UploadSession._meta
    sessions = UploadSession.objects.filter(campaign=campaign, pegawai=pegawai).values("pk")
    documents = Document.objects.select_related("content_type").filter(
        pk__in=ids,
        content_type__app_label=meta.app_label,
        content_type__model=meta.model_name,
        object_id__in=sessions,
    )
    return {document.pk: document for document in documents}
