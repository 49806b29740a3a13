"""Forms of the request pages: the service-specific answers, uploads, the choice of employee
(Operator OPD) and the list filters.

The answers a service asks for depend on its kind (``Service.eligibility``): a list of
answer definitions per kind (core.answers), kept as data here so a new kind of service needs
only a new entry; the one answers form checks them.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.answers import AnswersForm, Definition, Kind
from layanan.models import Eligibility, Request, Service

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


def _text(code: str, label, *, required: bool = True, max_length: int = 200) -> Definition:
    return Definition(code, label, Kind.TEXT, required=required, max_length=max_length)


def _choice(code: str, label, choices) -> Definition:
    return Definition(code, label, Kind.CHOICE, choices=choices)


_STUDY = (
    _choice("jenjang", _("Jenjang pendidikan"), JENJANG),
    _text("program_studi", _("Program studi")),
    _text("perguruan_tinggi", _("Perguruan tinggi")),
    _choice("akreditasi", _("Akreditasi program studi"), AKREDITASI),
)
_NOTE = _text("catatan", _("Catatan untuk verifikator"), required=False, max_length=500)

ANSWER_DEFINITIONS: dict[str, tuple[Definition, ...]] = {
    Eligibility.IZIN_BELAJAR: _STUDY,
    Eligibility.TUGAS_BELAJAR: (*_STUDY, _text("sumber_biaya", _("Sumber biaya"), required=False)),
    Eligibility.KP_REGULER: (_NOTE,),
    Eligibility.KP_PILIHAN: (_NOTE,),
    Eligibility.UJIAN_DINAS: (
        _choice("tingkat", _("Tingkat ujian"), (("I", _("Tingkat I")), ("II", _("Tingkat II")))),
    ),
    Eligibility.UPKP: (
        _choice("ijazah_baru", _("Jenjang ijazah baru"), JENJANG),
        _text("program_studi", _("Program studi")),
    ),
}


def answer_definitions(service: Service) -> tuple[Definition, ...]:
    return ANSWER_DEFINITIONS.get(service.eligibility, ())


def answers_form(service: Service, data=None, initial=None) -> AnswersForm:
    """The answers of one service; ``cleaned_answers()`` is what the request stores."""
    return AnswersForm(answer_definitions(service), data=data, initial=initial)


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
