"""The data-quality screens: the ranking of OPDs and the findings of one OPD.

Both read through ``org.units.queries``: the ranking covers ``opds_for_user`` (BKD staff every
OPD, an Operator OPD only theirs) and an OPD outside that scope is a 404.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require
from core.spreadsheets import xlsx_bytes, xlsx_response
from org.units.queries import get_opd_for_user, opds_for_user
from people.quality.queries import CHECK_LABELS, CHECKS, opd_findings, ranking


class FindingFilterForm(forms.Form):
    kode = forms.ChoiceField(
        label=gettext_lazy("Jenis temuan"),
        required=False,
        choices=[("", gettext_lazy("Semua"))] + [(c.code, c.label) for c in CHECKS],
    )

    def code(self) -> str:
        """The chosen check code; an unknown one is ignored rather than an error page."""
        return self.cleaned_data.get("kode", "") if self.is_valid() else ""


@require(Capability.VIEW_DATA_QUALITY)
@require_GET
def quality_ranking(request):
    rows = ranking(opds_for_user(request.user).order_by("name"), today=timezone.localdate())
    return render(
        request,
        "people/quality_ranking.html",
        {"rows": rows, "skp_year": timezone.localdate().year - 1},
    )


@require(Capability.VIEW_DATA_QUALITY)
@require_GET
def quality_opd(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    form = FindingFilterForm(request.GET)
    summary, rows = opd_findings(opd, today=timezone.localdate(), code=form.code())
    return render(
        request,
        "people/quality_opd.html",
        {
            "opd": opd,
            "form": form,
            "summary": summary,
            # The checks in the order to fix them: the one costing the score most first.
            "by_code": [
                (code, CHECK_LABELS[code], summary.by_code[code], points) for code, points in summary.lost
            ],
            **paginate(request, rows),
        },
    )


@require(Capability.VIEW_DATA_QUALITY)
@require_GET
def quality_opd_export(request, pk: int):
    """The OPD's findings (of the chosen check, if any) as XLSX, for the operator's worklist."""
    opd = get_opd_for_user(request.user, pk)
    form = FindingFilterForm(request.GET)
    _summary, rows = opd_findings(opd, today=timezone.localdate(), code=form.code())
    header = [_("NIP"), _("Nama"), _("Tingkat"), _("Kode"), _("Jenis temuan"), _("Keterangan")]
    cells = (
        [
            r.nip,
            r.nama,
            str(r.finding.severity_label),
            r.finding.code,
            str(CHECK_LABELS[r.finding.code]),
            r.finding.message,
        ]
        for r in rows
    )
    filename = f"kualitas-data-{opd.code}-{timezone.localdate():%Y%m%d}.xlsx"
    return xlsx_response(xlsx_bytes(_("Temuan"), header, cells), filename)
