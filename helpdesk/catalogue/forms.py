from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.catalogue.files import FIELD_KINDS
from helpdesk.models import CannedAnswer, ProblemType
from helpdesk.tickets.forms import REQUIRED

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _check_items(items, *, kinds: bool) -> list[dict]:
    if not isinstance(items, list):
        raise forms.ValidationError(_('Tulis daftar JSON, mis. [{"name": "nik", "label": "NIK"}].'))
    seen = set()
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) or not item["label"].strip():
            raise forms.ValidationError(_('Setiap butir perlu "name" dan "label".'))
        name = item.get("name")
        if not isinstance(name, str) or not _NAME.match(name) or name in seen:
            raise forms.ValidationError(
                _("Nama butir harus unik, huruf kecil/angka/garis bawah, diawali huruf: %(name)s")
                % {"name": name}
            )
        seen.add(name)
        if kinds and item.get("kind") not in FIELD_KINDS:
            raise forms.ValidationError(
                _("Jenis isian harus salah satu dari: %(kinds)s.") % {"kinds": ", ".join(FIELD_KINDS)}
            )
        if not isinstance(item.get("required", False), bool):
            raise forms.ValidationError(_('"required" harus true atau false.'))
    return items


class ListField(forms.JSONField):
    """JSON whose numbers may be absurd: Python refuses to read an integer of 100 000 digits."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValueError:
            raise forms.ValidationError(_("JSON tidak valid."), code="invalid") from None

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except ValueError:
            return forms.fields.InvalidJSONInput(data)


class ProblemTypeForm(forms.ModelForm):
    fields = ListField(
        label=gettext_lazy("Isian (JSON)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    scans = ListField(
        label=gettext_lazy("Pindaian (JSON)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    class Meta:
        model = ProblemType
        fields = (
            "name",
            "summary",
            "audience",
            "team",
            "sla_working_days",
            "order",
            "is_active",
            "fields",
            "scans",
        )
        error_messages = {
            "name": {"required": REQUIRED},
            "team": {"required": REQUIRED, "invalid_choice": gettext_lazy("Pilih tim dari daftar.")},
            "sla_working_days": {"required": REQUIRED, "invalid": gettext_lazy("Isi bilangan bulat.")},
            "order": {"invalid": gettext_lazy("Isi bilangan bulat.")},
            "fields": {"invalid": gettext_lazy("JSON tidak valid.")},
            "scans": {"invalid": gettext_lazy("JSON tidak valid.")},
        }

    def clean_sla_working_days(self):
        days = self.cleaned_data["sla_working_days"]
        if not 1 <= days <= 30:
            raise forms.ValidationError(_("Batas jawab 1 sampai 30 hari kerja."))
        return days

    def clean_fields(self):
        return _check_items(self.cleaned_data["fields"] or [], kinds=True)

    def clean_scans(self):
        return _check_items(self.cleaned_data["scans"] or [], kinds=False)


class CannedAnswerForm(forms.ModelForm):
    class Meta:
        model = CannedAnswer
        fields = ("code", "title", "problem_type", "body", "is_active")
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": gettext_lazy("Tempat isian: {nama}, {nomor}, {jenis}, {batas_waktu}, {petugas}."),
        }
        error_messages = {
            "code": {
                "required": REQUIRED,
                "invalid": gettext_lazy("Kode: huruf kecil, angka dan tanda hubung."),
                "unique": gettext_lazy("Kode ini sudah dipakai."),
            },
            "title": {"required": REQUIRED},
            "body": {"required": REQUIRED},
            "problem_type": {"invalid_choice": gettext_lazy("Pilih jenis dari daftar.")},
        }
