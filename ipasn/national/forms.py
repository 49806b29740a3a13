from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NationalImportForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun pengukuran"),
        min_value=2019,
        max_value=2100,
        error_messages={
            "min_value": _("Tahun paling awal 2019 (Peraturan BKN 8/2019)."),
            "max_value": _("Tahun tidak masuk akal."),
            "invalid": _("Tulis tahun sebagai bilangan bulat."),
        },
    )
    berkas = forms.FileField(
        label=_("Berkas CSV nilai nasional"),
        help_text=_("Kolom: nip, kualifikasi, kompetensi, kinerja, disiplin, total."),
        widget=forms.FileInput(attrs={"accept": ".csv"}),
        error_messages={"required": _("Pilih berkas CSV.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year
