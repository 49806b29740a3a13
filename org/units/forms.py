"""Forms of the organisation screens: instansi, OPD, unit kerja and the office week."""

from django import forms
from django.utils.translation import gettext_lazy as _

from org.models import Instansi, OfficeHours, Opd, UnitKerja


class InstansiForm(forms.ModelForm):
    class Meta:
        model = Instansi
        fields = ["code", "name", "kind", "time_zone", "address"]


class OpdForm(forms.ModelForm):
    class Meta:
        model = Opd
        fields = ["instansi", "code", "name", "short_name", "is_active"]


class UnitForm(forms.ModelForm):
    class Meta:
        model = UnitKerja
        fields = ["parent", "name"]

    def __init__(self, *args, opd: Opd, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opd = opd
        parents = UnitKerja.objects.filter(opd=opd).order_by("name")
        if self.instance.pk:
            # A unit cannot sit under itself or under one of its own descendants.
            parents = parents.exclude(pk__in=_descendants_and_self(self.instance))
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        self.fields["parent"].empty_label = _("(langsung di bawah OPD)")


def _descendants_and_self(unit: UnitKerja) -> set[int]:
    by_parent: dict[int | None, list[int]] = {}
    for pk, parent_id in UnitKerja.objects.filter(opd_id=unit.opd_id).values_list("pk", "parent_id"):
        by_parent.setdefault(parent_id, []).append(pk)
    found, stack = set(), [unit.pk]
    while stack:
        pk = stack.pop()
        found.add(pk)
        stack.extend(by_parent.get(pk, []))
    return found


class OfficeDayForm(forms.Form):
    """One weekday of the office-hours screen; an unticked day is closed."""

    is_open = forms.BooleanField(label=_("Kantor buka hari ini"), required=False)
    opens = forms.TimeField(
        label=_("Jam buka"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes = forms.TimeField(
        label=_("Jam tutup"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    break_start = forms.TimeField(
        label=_("Mulai istirahat"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    break_end = forms.TimeField(
        label=_("Selesai istirahat"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    def clean(self):
        data = super().clean()
        if not data.get("is_open"):
            return data
        opens, closes = data.get("opens"), data.get("closes")
        if not opens or not closes:
            raise forms.ValidationError(_("Hari buka memerlukan jam buka dan jam tutup."))
        if opens >= closes:
            raise forms.ValidationError(_("Jam buka harus sebelum jam tutup."))
        start, end = data.get("break_start"), data.get("break_end")
        if (start is None) != (end is None):
            raise forms.ValidationError(_("Isi jam mulai dan selesai istirahat, atau kosongkan keduanya."))
        if start and not (opens < start < end < closes):
            raise forms.ValidationError(_("Istirahat harus berada di dalam jam kerja."))
        return data


def office_day_forms(instansi: Instansi, data=None) -> list[tuple[int, str, OfficeDayForm]]:
    current = {h.weekday: h for h in OfficeHours.objects.filter(instansi=instansi)}
    rows = []
    for weekday, label in OfficeHours.Weekday.choices:
        hours = current.get(weekday)
        initial = (
            {
                "is_open": True,
                "opens": hours.opens,
                "closes": hours.closes,
                "break_start": hours.break_start,
                "break_end": hours.break_end,
            }
            if hours
            else {"is_open": False}
        )
        rows.append((weekday, label, OfficeDayForm(data, prefix=f"d{weekday}", initial=initial)))
    return rows
