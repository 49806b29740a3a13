from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.selfcheck.rules import choices
from helpdesk.tickets.forms import REQUIRED

DATE_ERRORS = {"required": REQUIRED, "invalid": _("Tanggal tidak dikenali; pilih dari kalender.")}


class SelfCheckForm(forms.Form):
    birth_date = forms.DateField(
        label=_("Tanggal lahir (sesuai KTP)"),
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    closing_date = forms.DateField(
        label=_("Tanggal penutupan pendaftaran"),
        help_text=_("Usia dihitung pada tanggal ini."),
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    education = forms.ChoiceField(label=_("Pendidikan terakhir"), error_messages={"required": REQUIRED})
    ipk = forms.DecimalField(
        label=_("IPK"),
        required=False,
        min_value=0,
        max_value=4,
        decimal_places=2,
        max_digits=3,
        help_text=_("Untuk lulusan perguruan tinggi, mis. 3,25."),
        error_messages={
            "invalid": _("IPK berupa angka 0,00 sampai 4,00."),
            "min_value": _("IPK paling rendah 0,00."),
            "max_value": _("IPK paling tinggi 4,00."),
            "max_digits": _("IPK berupa angka 0,00 sampai 4,00."),
            "max_decimal_places": _("IPK paling banyak dua angka di belakang koma."),
        },
        localize=True,
    )
    accreditation = forms.ChoiceField(label=_("Akreditasi program studi"), required=False)
    domicile = forms.ChoiceField(
        label=_("Domisili (sesuai KK dan KTP)"),
        choices=[("dalam", _("Kabupaten/kota di provinsi ini")), ("luar", _("Luar provinsi"))],
        error_messages={"required": REQUIRED, "invalid_choice": _("Pilih dari daftar.")},
    )
    formation = forms.ChoiceField(label=_("Jenis formasi"), error_messages={"required": REQUIRED})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["education"].choices = [(e["code"], e["name"]) for e in choices("education")]
        self.fields["accreditation"].choices = [
            ("", "—"),
            *((a["code"], a["name"]) for a in choices("accreditation")),
        ]
        self.fields["formation"].choices = [(f["code"], f["name"]) for f in choices("formations")]
        for name in ("education", "accreditation", "formation"):
            self.fields[name].error_messages["invalid_choice"] = _("Pilih dari daftar.")

    def clean(self):
        cleaned = super().clean()
        degree = {e["code"]: e["degree"] for e in choices("education")}.get(cleaned.get("education"))
        if degree:
            if cleaned.get("ipk") is None and "ipk" not in self.errors:
                self.add_error("ipk", _("Isi IPK untuk lulusan perguruan tinggi."))
            if not cleaned.get("accreditation") and "accreditation" not in self.errors:
                self.add_error("accreditation", _("Pilih akreditasi program studi."))
        birth, closing = cleaned.get("birth_date"), cleaned.get("closing_date")
        if birth and closing and birth > closing:
            self.add_error("birth_date", _("Tanggal lahir tidak boleh sesudah tanggal penutupan."))
        return cleaned
