import copy

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core import inputs
from core.models import Holiday


class HolidayAddForm(forms.Form):
    date = inputs.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Nama hari libur"), max_length=200)


class HolidayRenameForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["name"]
        labels = {"name": _("Nama hari libur")}


class AuditFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Pelaku"),
        queryset=get_user_model().objects.order_by("username"),
        required=False,
        empty_label=_("Semua pelaku"),
    )
    object_type = forms.CharField(label=_("Jenis objek"), required=False, help_text=_("mis. org.opd"))
    object_id = forms.CharField(label=_("ID objek"), required=False)
    # core.inputs.DateField: 0001-01-01 or 9999-12-31 overflowed the time-zone arithmetic.
    date_from = inputs.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = inputs.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data


def edit_form(form_class, obj, data=None, **kwargs):
    """A ModelForm for editing ``obj`` that validates against a copy of it.

    ModelForm validation writes the submitted values onto its instance; the edit actions
    need the untouched object to record a true "before" in the audit log.
    """
    return form_class(data, instance=copy.copy(obj), **kwargs)
