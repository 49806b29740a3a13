"""Forms of the product screens: the template editor and the public tracker."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from layanan.models import ProductTemplate
from layanan.tracking.queries import normalise_nip


class ProductTemplateForm(forms.ModelForm):
    """The fields of a product template; the action checks the body and the number format."""

    class Meta:
        model = ProductTemplate
        fields = ["title", "number_format", "official_name", "official_nip", "official_title", "body"]
        help_texts = {
            "number_format": _(
                "Wajib memuat {seq} (nomor urut, mulai dari 1 setiap tahun) dan {year} (tahun), "
                "mis. 800/{seq}/BKD-IB/{year}."
            ),
            "body": _(
                "HTML dengan variabel templat Django: {{ pegawai.nama_lengkap }}, {{ pegawai.nip }}, "
                "{{ service.name }}, {{ request.number }}, {{ product.number }}, "
                '{{ product.issued_at|date:"j F Y" }}, {{ official_name }}, {{ official_nip }}, '
                "{{ official_title }}, {{ qr_svg }} (kode QR verifikasi), {{ verify_url }}."
            ),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "class": "code", "spellcheck": "false"})}


class TrackerForm(forms.Form):
    number = forms.CharField(label=_("Nomor permohonan"), max_length=30)
    nip = forms.CharField(label=_("NIP pemohon"), max_length=30, help_text=_("18 angka, boleh dengan spasi."))

    def clean_nip(self):
        nip = normalise_nip(self.cleaned_data["nip"])
        if not (len(nip) == 18 and nip.isdigit()):
            raise forms.ValidationError(_("NIP terdiri dari 18 angka."))
        return nip
