"""Scans attached to employee history rows: upload, download, delete.

Who may do what (docs/documents.md):
- upload and delete: holders of ``manage_documents`` (Admin; an Operator OPD) for the
  Pegawai inside their scope (``people.records.queries.pegawai_for_user``);
- download: whoever may read the Pegawai (BKD readers, the Operator OPD of that OPD) and
  the Pegawai themself, through "Data Saya".
Anything outside that is a 404, so the existence of a record or a scan is not revealed.
Storage, content checks and the download audit row are core's (core.documents).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.documents import (
    DocumentRejected,
    do_attach_document,
    do_delete_document,
    do_record_download,
    document_response,
    documents_of,
    get_document,
)
from core.models import Document
from core.permissions import require
from people.models import Correction, Pegawai
from people.records.forms import DocumentUploadForm
from people.records.queries import get_own_or_readable_pegawai, pegawai_for_user
from people.records.rules.profile import TABS, history_model

# The kind of scan a history row usually carries; the uploader may pick another.
DEFAULT_KIND = {
    "golongan": Document.Kind.SK_PANGKAT,
    "jabatan": Document.Kind.SK_JABATAN,
    "pendidikan": Document.Kind.IJAZAH,
    "diklat": Document.Kind.SERTIFIKAT,
    "skp": Document.Kind.SKP,
    "ujian": Document.Kind.SERTIFIKAT,
}
OWNER_MODELS = (Pegawai, *(history_model(t.key) for t in TABS), Correction)  # Correction: its scan


def _scoped_pegawai(user, pk: int) -> Pegawai:
    """The Pegawai ``pk`` if inside the user's scope (staff), else 404."""
    return get_object_or_404(pegawai_for_user(user).select_related("opd"), pk=pk)


def _history_row(pegawai: Pegawai, tab: str, row: int):
    try:
        model = history_model(tab)
    except KeyError:
        raise Http404 from None
    return get_object_or_404(model, pk=row, pegawai=pegawai)


def _document_of(pegawai: Pegawai, pk: int) -> Document:
    """The document ``pk`` if it hangs on ``pegawai`` or one of their history rows, else 404."""
    document = get_document(pk, owner_models=OWNER_MODELS)
    owner = document.owner if document is not None else None
    if owner is None:
        raise Http404
    owner_pegawai = owner.pk if isinstance(owner, Pegawai) else owner.pegawai_id
    if owner_pegawai != pegawai.pk:
        raise Http404
    return document


def _detail_url(pegawai: Pegawai, tab: str) -> str:
    return f"{reverse('people:pegawai_detail', args=[pegawai.pk])}?tab={tab}#riwayat"


@require(Capability.MANAGE_DOCUMENTS)
@require_http_methods(["GET", "POST"])
def document_upload(request, pk: int, tab: str, row: int):
    pegawai = _scoped_pegawai(request.user, pk)
    owner = _history_row(pegawai, tab, row)
    form = DocumentUploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"kind": DEFAULT_KIND.get(tab, Document.Kind.LAINNYA)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = do_attach_document(
                owner, form.cleaned_data["berkas"], kind=form.cleaned_data["kind"], actor=request.user
            )
        except DocumentRejected as exc:  # the form checked already; the action checks again
            form.add_error("berkas", str(exc))
        else:
            messages.success(request, _("Dokumen %(name)s diunggah.") % {"name": document.original_name})
            return redirect(_detail_url(pegawai, tab))
    return render(
        request,
        "people/document_upload.html",
        {
            "pegawai": pegawai,
            "row": owner,
            "tab": next(t for t in TABS if t.key == tab),
            "documents": documents_of(type(owner), [owner.pk]).get(owner.pk, []),
            "form": form,
            "back": _detail_url(pegawai, tab),
        },
    )


@require_GET
def document_download(request, pk: int, document: int):
    """Every download is audited, including the Pegawai reading their own scan."""
    found = _document_of(get_own_or_readable_pegawai(request.user, pk), document)
    do_record_download(found, actor=request.user)
    return document_response(found)


@require(Capability.MANAGE_DOCUMENTS)
@require_POST
def document_delete(request, pk: int, document: int):
    pegawai = _scoped_pegawai(request.user, pk)
    found = _document_of(pegawai, document)
    tab = next((t.key for t in TABS if history_model(t.key) is found.content_type.model_class()), TABS[0].key)
    do_delete_document(found, actor=request.user)
    messages.success(request, _("Dokumen %(name)s dihapus.") % {"name": found.original_name})
    return redirect(_detail_url(pegawai, tab))
