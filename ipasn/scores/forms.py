"""The employee's own training record."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentRejected, inspect_upload
from people.models import RiwayatDiklat


class TrainingForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis pelatihan"), choices=RiwayatDiklat.Jenis.choices)
    nama = forms.CharField(label=_("Nama pelatihan"), max_length=200)
    penyelenggara = forms.CharField(label=_("Penyelenggara"), max_length=200, required=False)
    tahun = forms.IntegerField(label=_("Tahun"))
    jam = forms.IntegerField(
        label=_("Jumlah jam pelajaran (JP)"),
        min_value=0,
        max_value=2000,
        error_messages={
            "min_value": _("Jam pelajaran tidak boleh negatif."),
            "max_value": _("Jam pelajaran paling banyak 2000."),
            "invalid": _("Tulis jam pelajaran sebagai bilangan bulat."),
        },
    )
    sertifikat = forms.FileField(
        label=_("Sertifikat"),
        help_text=_("PDF, JPG atau PNG."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        error_messages={"required": _("Lampirkan sertifikat pelatihan (PDF, JPG atau PNG).")},
    )

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        this_year = timezone.localdate().year
        if not 1970 <= tahun <= this_year:
            raise forms.ValidationError(
                _("Tahun pelatihan harus antara 1970 dan %(year)s.") % {"year": this_year}
            )
        return tahun

    def clean_sertifikat(self):
        sertifikat = self.cleaned_data["sertifikat"]
        try:
            inspect_upload(sertifikat, "sertifikat")
        except DocumentRejected as exc:
            raise forms.ValidationError(str(exc)) from None
        return sertifikat


def year_param(value: str) -> int | None:
    """A ``?tahun=`` value as a year, or None (absent, not four digits, out of range)."""
    if len(value) == 4 and value.isdigit() and 2000 <= int(value) <= 2100:
        return int(value)
    return None


def id_param(value: str) -> int | None:
    """A ``?opd=`` value as a primary key, or None."""
    return int(value) if 0 < len(value) <= 9 and value.isdigit() else None
