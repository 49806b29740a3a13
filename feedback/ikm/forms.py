"""The report filters: a month (complaint register), a semester or any range (IKM)."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import inputs
from feedback.ikm.queries import semester_of
from layanan.models import Service
from regulations.skm import Weighting

_SEMESTER = re.compile(r"^(\d{4})-([12])$")


class IkmForm(forms.Form):
    semester = forms.CharField(
        label=_("Semester"),
        required=False,
        max_length=6,
        help_text=_("TTTT-1 (Januari–Juni) atau TTTT-2 (Juli–Desember); atau isi rentang tanggal."),
    )
    dari = inputs.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = inputs.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    layanan = forms.ModelChoiceField(
        label=_("Layanan"),
        queryset=Service.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Semua layanan"),
        error_messages={"invalid_choice": _("Pilih layanan dari daftar.")},
    )
    bobot = forms.ChoiceField(
        label=_("Bobot unsur"),
        required=False,
        choices=[
            (Weighting.ROUNDED.value, _("0,11 (contoh perhitungan PermenPANRB 14/2017)")),
            (Weighting.EXACT.value, _("1/9 tepat")),
        ],
        error_messages={"invalid_choice": _("Pilih bobot 0,11 atau 1/9.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layanan"].queryset = Service.objects.order_by("order", "name")

    def clean_semester(self):
        value = (self.cleaned_data.get("semester") or "").strip()
        if not value:
            return None
        match = _SEMESTER.match(value)
        if not match or not 2000 <= int(match[1]) <= 2100:
            raise forms.ValidationError(_("Semester tidak dikenali: tulis TTTT-1 atau TTTT-2, mis. 2026-1."))
        return semester_of(dt.date(int(match[1]), 1 if match[2] == "1" else 7, 1))

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data

    def choice(self) -> tuple[dt.date, dt.date, str | None, Weighting]:
        """The range (a semester, the dates given, or the current semester), service and weighting."""
        data = self.cleaned_data if self.is_valid() else {}
        start, end = semester_of(timezone.localdate())
        if data.get("semester"):
            start, end = data["semester"]
        elif data.get("dari") or data.get("sampai"):
            start = data.get("dari") or start
            end = data.get("sampai") or max(start, end)
        service = data.get("layanan")
        weighting = Weighting(data.get("bobot") or Weighting.ROUNDED.value)
        return start, end, service.slug if service else None, weighting
