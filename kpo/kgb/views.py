"""The KGB list of a month: who is due, the new gaji pokok, eligible or not; its SK KGB letters."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from core import progress
from core.documents import do_record_download, document_response, storage
from core.inputs import parse_id, search_term
from core.paging import paginate
from core.permissions import require, user_can
from core.spreadsheets import csv_response, csv_writer, xlsx_bytes, xlsx_response
from kpo.kgb import files
from kpo.kgb.actions import do_issue_sk_kgb, do_issue_sk_kgb_month, progress_key
from kpo.kgb.queries import kgb_for_user, letter_by_code, letter_for_user, letters_of_month
from kpo.kgb.rules import KgbError
from layanan.products.files import mask_name, mask_nip
from org.units.queries import opds_for_user
from people.records.queries import pegawai_for_user

# Up to this many letters are issued in the request; more go to the worker, with progress.
INLINE_LETTERS = 10
SESSION_KEY = "kpo_sk_kgb_runs"


def month_of(request, data=None) -> tuple[int, int]:
    today = timezone.localdate()
    value = (request.GET if data is None else data).get("bulan", "")
    try:
        year, month = (int(x) for x in value.split("-"))
        if 1900 <= year <= 2200 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    return today.year, today.month


def _filters(request) -> dict:
    return {"opd": parse_id(request.GET.get("opd")), "search": search_term(request)}


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kgb_list(request):
    year, month = month_of(request)
    filters = _filters(request)
    rows = kgb_for_user(request.user, year, month, **filters)
    page = paginate(request, rows)
    on_page = [r.record.pk for r in page["page_obj"]]
    letters = {
        sk.pegawai_id: sk for sk in letters_of_month(request.user, year, month).filter(pegawai__in=on_page)
    }
    can_issue = user_can(request.user, Capability.PROCESS_REQUESTS)
    # Only the user who started a month's letters follows them (their session names the run):
    # the list itself never waits on the progress store.
    key = progress_key(year, month, _issue_scope(request.user, filters["opd"]))
    work = progress.read(key) if key in request.session.get(SESSION_KEY, []) else None
    return render(
        request,
        "kpo/kgb_list.html",
        {
            "month": f"{year:04d}-{month:02d}",
            "first_day": date(year, month, 1),
            "filters": filters,
            "total": len(rows),
            "eligible": sum(1 for r in rows if r.result.eligible),
            "opd_choices": opds_for_user(request.user).order_by("name"),
            "letters": letters,
            "can_issue": can_issue,
            "work": work if work is not None and work.done < work.total else None,
            **page,
        },
    )


def _issue_scope(user, opd: int | None) -> list[int] | None:
    """The OPD ids a month's letters are issued for: the chosen one (in the user's scope), the
    user's own, or None for every OPD (BKD staff)."""
    if opd:
        return [o.pk for o in opds_for_user(user).filter(pk=opd)]
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return None
    return list(opds_for_user(user).values_list("pk", flat=True))


def _back(year: int, month: int, opd: int | None = None) -> str:
    query = f"?bulan={year:04d}-{month:02d}" + (f"&opd={opd}" if opd else "")
    return reverse("kpo:kgb_list") + query


@require_POST
@require(Capability.PROCESS_REQUESTS)
def sk_issue(request, pk: int):
    """The SK KGB of one employee (in the user's scope) for the month posted."""
    year, month = month_of(request, request.POST)
    pegawai = get_object_or_404(pegawai_for_user(request.user), pk=pk)
    try:
        sk, created = do_issue_sk_kgb(pegawai, year, month, actor=request.user)
    except KgbError as exc:
        messages.error(request, exc.message)
    else:
        if created:
            messages.success(request, _("SK KGB %(n)s diterbitkan.") % {"n": sk.number})
        else:
            messages.info(request, _("SK KGB %(n)s sudah diterbitkan sebelumnya.") % {"n": sk.number})
    return redirect(_back(year, month))


@require_POST
@require(Capability.PROCESS_REQUESTS)
def sk_issue_month(request):
    """Every missing SK KGB of the month: in the request when few, by the worker otherwise."""
    from kpo.kgb.tasks import issue_sk_kgb_month

    year, month = month_of(request, request.POST)
    opd = parse_id(request.POST.get("opd"))
    scope = _issue_scope(request.user, opd)
    due = [r for r in kgb_for_user(request.user, year, month, opd=opd) if r.result.eligible]
    issued = letters_of_month(request.user, year, month, opd=opd).count()
    if len(due) - issued <= INLINE_LETTERS:
        counts = do_issue_sk_kgb_month(year, month, actor=request.user, opd_ids=scope)
        messages.success(
            request,
            _("%(issued)s SK KGB diterbitkan; %(existing)s sudah ada sebelumnya.") % counts,
        )
    else:
        key = progress_key(year, month, scope)
        progress.publish(key, 0, len(due))
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], key]
        transaction.on_commit(lambda: issue_sk_kgb_month.enqueue(year, month, request.user.pk, scope))
        messages.success(
            request,
            _(
                "%(n)s SK KGB sedang diterbitkan di latar belakang; muat ulang halaman ini untuk melihat kemajuannya."
            )
            % {"n": len(due) - issued},
        )
    return redirect(_back(year, month, opd))


@require_GET
@require(Capability.VIEW_PEGAWAI)
def sk_download(request, pk: int):
    sk = letter_for_user(request.user, pk)
    do_record_download(sk.document, actor=request.user)
    return document_response(sk.document)


@require_GET
@require(Capability.VIEW_PEGAWAI)
def sk_zip(request):
    """Every issued SK KGB of the month in the user's scope, in one ZIP (read from storage)."""
    year, month = month_of(request)
    letters = list(letters_of_month(request.user, year, month, opd=parse_id(request.GET.get("opd"))))
    if not letters:
        messages.info(request, _("Belum ada SK KGB yang diterbitkan untuk bulan ini."))
        return redirect(_back(year, month))

    def read(document):
        with storage().open(document.storage_name, "rb") as f:
            return f.read()

    for sk in letters:
        do_record_download(sk.document, actor=request.user)
    response = HttpResponse(files.zip_of(letters, read), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sk-kgb-{year:04d}-{month:02d}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@require_GET
def sk_verify(request, code: str):
    """The page the letter's QR code opens: genuine or not, holder's name and NIP masked."""
    sk = letter_by_code(code)
    if sk is None:
        return render(request, "layanan/product_verify_unknown.html", status=404)
    return render(
        request,
        "layanan/product_verify.html",
        {
            "product": sk,
            "service": {"name": _("Kenaikan gaji berkala")},
            "instansi": sk.opd.instansi,
            "holder_name": mask_name(sk.pegawai.nama),
            "holder_nip": mask_nip(sk.pegawai.nip),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kgb_export(request):
    year, month = month_of(request)
    rows = kgb_for_user(request.user, year, month, **_filters(request))
    name = f"daftar-kgb-{year:04d}-{month:02d}"
    if request.GET.get("format") == "csv":
        response = csv_response(f"{name}.csv")
        writer = csv_writer(response)
        writer.writerow(files.COLUMNS)
        writer.writerows(files.rows(rows))
        return response
    return xlsx_response(xlsx_bytes(_("Daftar KGB"), files.COLUMNS, files.rows(rows)), f"{name}.xlsx")
