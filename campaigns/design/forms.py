"""Forms of the campaign admin screens: the campaign and its questions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.design.files import choices as question_set_choices
from campaigns.design.files import names as question_set_names
from campaigns.models import Campaign, Question
from core import inputs
from org.models import Opd
from people.models import JenisJabatan, Pegawai

# The years a question set may be filled in for.
YEARS = (2000, 2100)
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CampaignForm(forms.ModelForm):
    """The campaign with its audience as separate fields (stored together in ``audience``)."""

    opds = inputs.ModelMultipleChoiceField(
        label=_("OPD sasaran"),
        queryset=Opd.objects.filter(is_active=True).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosongkan untuk semua OPD."),
    )
    jenis_jabatan = forms.MultipleChoiceField(
        label=_("Jenis jabatan"),
        choices=JenisJabatan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosongkan untuk semua jenis jabatan."),
    )
    jenis_pegawai = forms.MultipleChoiceField(
        label=_("Jenis pegawai"),
        choices=Pegawai.Jenis.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosongkan untuk semua; hanya pegawai berstatus aktif yang menjadi sasaran."),
    )

    # Set by the question-set picker: the questions added once the campaign is created.
    question_set = forms.CharField(required=False, widget=forms.HiddenInput)
    question_year = forms.IntegerField(
        required=False, min_value=YEARS[0], max_value=YEARS[1], widget=forms.HiddenInput
    )

    class Meta:
        model = Campaign
        fields = ["slug", "kind", "title", "period", "description", "opens_at", "closes_at", "target_percent"]
        field_classes = {"opens_at": inputs.DateTimeField, "closes_at": inputs.DateTimeField}
        widgets = {
            "opens_at": DATETIME_INPUT,
            "closes_at": DATETIME_INPUT,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "slug": _(
                "Huruf kecil, angka dan tanda hubung, mis. like-asn-2025; tidak dapat diubah kemudian."
            ),
            "period": _("mis. PPK/SKP 2025"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        audience = self.instance.audience or {}
        if self.instance.pk:
            self.fields["slug"].disabled = True
            self.initial.setdefault("opds", audience.get("opds", []))
            self.initial.setdefault("jenis_jabatan", audience.get("jenis_jabatan", []))
            self.initial.setdefault("jenis_pegawai", audience.get("jenis_pegawai", []))

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("Waktu tutup harus setelah waktu buka."))
        # Hidden fields show no errors of their own: say it above the form.
        chosen = data.get("question_set")
        if {"question_set", "question_year"} & set(self.errors) or (
            chosen and (chosen not in question_set_names() or data.get("question_year") is None)
        ):
            self.add_error(
                None, _("Set pertanyaan atau tahunnya tidak dikenal; pilih lagi set pertanyaannya.")
            )
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        audience = {
            "opds": sorted(opd.pk for opd in data["opds"]),
            "jenis_jabatan": sorted(data["jenis_jabatan"]),
            "jenis_pegawai": sorted(data["jenis_pegawai"]),
        }
        values = {name: data[name] for name in self.Meta.fields if name != "slug" or not self.instance.pk}
        return {**values, "audience": {k: v for k, v in audience.items() if v}}


class QuestionSetForm(forms.Form):
    """The standard question set (and its year) a new campaign starts from."""

    set = forms.ChoiceField(label=_("Set pertanyaan standar"), choices=())
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=YEARS[0],
        max_value=YEARS[1],
        help_text=_("Tahun yang dilaporkan; judul, kode dan pertanyaan memuatnya."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["set"].choices = question_set_choices()


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        label=_("Pilihan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Untuk jenis Pilihan: satu pilihan per baris."),
    )
    allowed = forms.MultipleChoiceField(
        label=_("Jenis berkas yang diterima"),
        choices=[("pdf", "PDF"), ("jpg", "JPG"), ("png", "PNG")],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untuk jenis Unggah berkas; kosongkan untuk PDF, JPG dan PNG."),
    )

    class Meta:
        model = Question
        fields = [
            "code",
            "label",
            "help_text",
            "kind",
            "required",
            "min_value",
            "max_value",
            "max_kb",
            "prefill",
            "show_if_code",
            "show_if_value",
        ]
        help_texts = {
            "code": _("Nama tetap untuk ekspor, mis. predikat_skp (huruf kecil, angka, garis bawah)."),
            "prefill": _("Jika diisi, pegawai melihat data ini dan tidak mengetiknya."),
            "show_if_code": _("Tampilkan hanya jika jawaban pertanyaan berkode ini…"),
            "show_if_value": _("…sama dengan nilai ini (untuk Ya/Tidak: ya atau tidak)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("options_text", "\n".join(self.instance.options or []))
        self.initial.setdefault("allowed", self.instance.allowed_types or [])

    def clean(self):
        data = super().clean()
        options = [line.strip() for line in data.get("options_text", "").splitlines() if line.strip()]
        if data.get("kind") == Question.Kind.CHOICE and len(options) < 2:
            self.add_error("options_text", _("Pertanyaan pilihan memerlukan paling sedikit dua pilihan."))
        if len(set(options)) != len(options):
            self.add_error("options_text", _("Ada pilihan yang tertulis dua kali."))
        data["options"] = options if data.get("kind") == Question.Kind.CHOICE else []
        if bool(data.get("show_if_code")) != bool(data.get("show_if_value")):
            self.add_error(
                "show_if_value", _("Isi kode dan nilai syarat tampil bersama-sama, atau kosongkan keduanya.")
            )
        low, high = data.get("min_value"), data.get("max_value")
        if low is not None and high is not None and low > high:
            self.add_error("max_value", _("Nilai maksimum tidak boleh lebih kecil dari nilai minimum."))
        return data

    def validate_unique(self):
        # The campaign is set by the action; the unique (campaign, code) check runs there.
        pass

    def values(self) -> dict:
        data = self.cleaned_data
        values = {name: data[name] for name in self.Meta.fields}
        values["options"] = data["options"]
        values["allowed_types"] = sorted(data["allowed"]) if data["kind"] == Question.Kind.FILE else []
        return values
