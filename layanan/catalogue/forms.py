"""Forms of the catalogue's Admin screens. They check input and give Indonesian messages;
the actions in layanan.catalogue.actions re-check what matters (a view is not the only caller)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from layanan.catalogue.actions import FILE_KINDS, REQUIREMENT_FIELDS, SERVICE_FIELDS, STEP_FIELDS
from layanan.models import Action, Requirement, Service, Step


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = list(SERVICE_FIELDS)
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "active": _("Layanan yang ditutup tidak tampil di halaman publik dan tidak dapat diajukan."),
            "order": _("Urutan tampil di daftar layanan (kecil lebih dulu)."),
        }

    def clean_duration(self):
        duration = self.cleaned_data["duration"]
        if duration is not None and duration < 1:
            raise forms.ValidationError(_("Jangka waktu paling sedikit 1."))
        return duration


class ComponentForm(forms.Form):
    text = forms.CharField(
        label=_("Isi komponen"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Teks biasa; baris baru dipertahankan di halaman publik."),
        error_messages={"required": _("Isi komponen tidak boleh kosong.")},
    )


def _file_kind_choices():
    return [("", _("— tidak diambil dari arsip —")), *((k.value, k.label) for k in FILE_KINDS)]


class RequirementForm(forms.ModelForm):
    from_file_kind = forms.ChoiceField(
        label=_("Dapat diambil dari arsip"), required=False, choices=_file_kind_choices
    )

    class Meta:
        model = Requirement
        fields = list(REQUIREMENT_FIELDS)
        help_texts = {
            "order": _("Kosongkan untuk menaruhnya di akhir daftar."),
            "from_file_kind": _("Pindaian di arsip pegawai yang boleh dilampirkan tanpa unggah ulang."),
        }
        error_messages = {"name": {"required": _("Nama persyaratan wajib diisi.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean_max_kb(self):
        max_kb = self.cleaned_data.get("max_kb")
        if max_kb is not None and max_kb < 1:
            raise forms.ValidationError(_("Ukuran maksimal paling sedikit 1 KB."))
        return max_kb

    def clean_order(self):
        order = self.cleaned_data.get("order")
        if order is None and self.instance.pk:
            return self.instance.order
        return order


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = list(STEP_FIELDS)
        help_texts = {
            "role": _("Permohonan pada tahap ini muncul di kotak masuk peran tersebut."),
            "escalate_to": _("Peran yang diberi tahu bila tahap ini melewati targetnya."),
            "target_minutes": _("Dalam menit jam kerja; kosongkan bila tahap ini tanpa target."),
        }

    def clean_target_minutes(self):
        minutes = self.cleaned_data.get("target_minutes")
        if minutes is not None and minutes < 1:
            raise forms.ValidationError(_("Target paling sedikit 1 menit."))
        return minutes

    def clean(self):
        data = super().clean()
        if data.get("role") and data.get("role") == data.get("escalate_to"):
            self.add_error(
                "escalate_to", _("Eskalasi harus ke peran lain, bukan ke pemegang tahap itu sendiri.")
            )
        return data


class TransitionForm(forms.Form):
    from_step = forms.ModelChoiceField(label=_("Dari tahap"), queryset=Step.objects.none())
    action = forms.ChoiceField(label=_("Tindakan"), choices=Action.choices)
    to_step = forms.ModelChoiceField(
        label=_("Ke tahap"),
        queryset=Step.objects.none(),
        required=False,
        help_text=_("Hanya untuk tindakan 'Teruskan'."),
    )
    label = forms.CharField(
        label=_("Label tombol"),
        max_length=80,
        required=False,
        help_text=_("Kosongkan untuk memakai nama tindakan."),
    )
    note_required = forms.BooleanField(label=_("Catatan wajib"), required=False)
    bulk = forms.BooleanField(label=_("Boleh massal"), required=False)

    def __init__(self, *args, service: Service, **kwargs):
        super().__init__(*args, **kwargs)
        steps = Step.objects.filter(service=service).order_by("order")
        self.fields["from_step"].queryset = steps
        self.fields["to_step"].queryset = steps

    def clean(self):
        data = super().clean()
        action, to_step, from_step = data.get("action"), data.get("to_step"), data.get("from_step")
        if action == Action.FORWARD and to_step is None and "to_step" not in self.errors:
            self.add_error("to_step", _("Tindakan 'Teruskan' memerlukan tahap tujuan."))
        if action and action != Action.FORWARD and to_step is not None:
            self.add_error("to_step", _("Hanya tindakan 'Teruskan' yang punya tahap tujuan."))
        if action == Action.FORWARD and to_step is not None and to_step == from_step:
            self.add_error("to_step", _("Tahap tujuan harus berbeda dari tahap asal."))
        return data
