"""Forms of the request pages: the service-specific answers, uploads, the choice of employee
(Operator OPD) and the list filters.

The answers a service asks for depend on its kind (``Service.eligibility``): a small field
spec per kind, kept as data here so a new kind of service needs only a new entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from layanan.models import Eligibility, Request, Service


@dataclass(frozen=True)
class AnswerField:
    name: str
    label: object
    choices: tuple[tuple[str, object], ...] = ()
    required: bool = True
    max_length: int = 200


JENJANG = (
    ("d3", "D-III"),
    ("d4", "D-IV"),
    ("s1", "S-1"),
    ("s2", "S-2"),
    ("s3", "S-3"),
    ("profesi", _("Profesi")),
)
AKREDITASI = (
    ("unggul", _("Unggul")),
    ("a", "A"),
    ("baik_sekali", _("Baik Sekali")),
    ("b", "B"),
    ("baik", _("Baik")),
    ("c", "C"),
    ("belum", _("Belum terakreditasi")),
)

_STUDY = (
    AnswerField("jenjang", _("Jenjang pendidikan"), JENJANG),
    AnswerField("program_studi", _("Program studi")),
    AnswerField("perguruan_tinggi", _("Perguruan tinggi")),
    AnswerField("akreditasi", _("Akreditasi program studi"), AKREDITASI),
)

ANSWER_FIELDS: dict[str, tuple[AnswerField, ...]] = {
    Eligibility.IZIN_BELAJAR: _STUDY,
    Eligibility.TUGAS_BELAJAR: (
        *_STUDY,
        AnswerField("sumber_biaya", _("Sumber biaya"), required=False),
    ),
    Eligibility.KP_REGULER: (
        AnswerField("catatan", _("Catatan untuk verifikator"), required=False, max_length=500),
    ),
    Eligibility.KP_PILIHAN: (
        AnswerField("catatan", _("Catatan untuk verifikator"), required=False, max_length=500),
    ),
    Eligibility.UJIAN_DINAS: (
        AnswerField("tingkat", _("Tingkat ujian"), (("I", _("Tingkat I")), ("II", _("Tingkat II")))),
    ),
    Eligibility.UPKP: (
        AnswerField("ijazah_baru", _("Jenjang ijazah baru"), JENJANG),
        AnswerField("program_studi", _("Program studi")),
    ),
}


def answer_fields(service: Service) -> tuple[AnswerField, ...]:
    return ANSWER_FIELDS.get(service.eligibility, ())


class AnswersForm(forms.Form):
    """The answers of one service, built from its spec; cleaned data is what the request stores."""

    def __init__(self, service: Service, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in answer_fields(service):
            if spec.choices:
                field = forms.ChoiceField(
                    label=spec.label,
                    choices=[("", "—"), *spec.choices],
                    required=spec.required,
                )
            else:
                field = forms.CharField(label=spec.label, max_length=spec.max_length, required=spec.required)
            self.fields[spec.name] = field

    def answers(self) -> dict:
        return {
            k: v.strip() if isinstance(v, str) else v
            for k, v in self.cleaned_data.items()
            if v not in ("", None)
        }


class UploadForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas (PDF, JPG atau PNG)"))


class EmployeeChoiceForm(forms.Form):
    """An Operator OPD picks whom the request is for, among the employees they may act for."""

    pegawai = forms.ModelChoiceField(label=_("Pegawai"), queryset=None, empty_label=_("Pilih pegawai"))

    def __init__(self, queryset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = queryset
        self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} ({p.nip})"


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nomor, nama atau NIP"), required=False, max_length=100)
    service = forms.ModelChoiceField(
        label=_("Layanan"),
        queryset=Service.objects.order_by("order", "name"),
        required=False,
        empty_label=_("Semua layanan"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Request.Status.choices], required=False
    )
