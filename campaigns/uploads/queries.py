"""Reads of the upload endpoints: an upload session, only for the one who may continue it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from campaigns.models import UploadSession


def get_upload_for_user(user, token) -> UploadSession:
    """An upload session is only ever seen by the user who started it."""
    return get_object_or_404(
        UploadSession.objects.select_related("campaign", "pegawai"), token=token, user=user
    )
