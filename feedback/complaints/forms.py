"""Complaint input: the public form (captcha for visitors), the staff entry form for any
channel, the state moves, and the list and report filters."""

from __future__ import annotations

from captcha.fields import CaptchaField
from django import forms
from django.utils.translation import gettext_lazy as _

from core import inputs
from core.documents import DocumentRejected, inspect_upload
from core.models import Document
from feedback.complaints import rules
from feedback.models import Complaint
from layanan.models import Service
from org.models import Opd

BODY_MAX = 4000


def _services():
    return Service.objects.filter(active=True).order_by("order", "name")


def _opds():
    return Opd.objects.filter(is_active=True).order_by("name")


class _ComplaintFields(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Layanan yang diadukan"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("— tidak tentang layanan tertentu —"),
        error_messages={"invalid_choice": _("Pilih layanan dari daftar.")},
    )
    opd = forms.ModelChoiceField(
        label=_("OPD yang diadukan"),
        queryset=Opd.objects.none(),
        required=False,
        empty_label=_("— BKD / tidak tentang OPD tertentu —"),
        error_messages={"invalid_choice": _("Pilih OPD dari daftar.")},
    )
    subject = forms.CharField(label=_("Pokok pengaduan"), max_length=200)
    body = forms.CharField(
        label=_("Isi pengaduan"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    anonymous = forms.BooleanField(
        label=_("Kirim tanpa identitas (anonim)"),
        required=False,
        help_text=_("Pengaduan anonim tetap diproses, tetapi kami tidak dapat mengirim kabar lewat e-mail."),
    )
    name = forms.CharField(label=_("Nama"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        error_messages={"invalid": _("Tulis alamat e-mail yang benar, mis. nama@contoh.go.id.")},
    )
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False)
    attachment = forms.FileField(
        label=_("Lampiran (PDF, JPG atau PNG, tidak wajib)"),
        required=False,
        error_messages={"invalid": _("Berkas tidak terbaca; kirim ulang.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = _services()
        self.fields["opd"].queryset = _opds()

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            try:
                inspect_upload(upload, Document.Kind.LAINNYA)
            except DocumentRejected as error:
                raise forms.ValidationError(str(error)) from None
            upload.seek(0)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("anonymous") and not (data.get("name") or "").strip():
            self.add_error("name", _("Tulis nama Anda, atau pilih kirim tanpa identitas."))
        return data

    def attachments(self) -> list:
        upload = self.cleaned_data.get("attachment")
        return [upload] if upload else []


class PublicComplaintForm(_ComplaintFields):
    lapor_number = forms.CharField(
        label=_("Nomor tiket SP4N-LAPOR! (jika sudah melapor di sana)"), max_length=40, required=False
    )
    field_order = ["service", "opd", "subject", "body", "lapor_number", "anonymous", "name", "email", "phone"]

    def __init__(self, *args, captcha: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha:
            self.fields["captcha"] = CaptchaField(
                label=_("Kode pada gambar"),
                help_text=_("Demi keamanan, ketik huruf pada gambar (huruf besar atau kecil sama saja)."),
                error_messages={
                    "required": _("Ketik kode pada gambar untuk melanjutkan."),
                    "invalid": _("Kode tidak sesuai dengan gambar. Coba lagi dengan gambar yang baru."),
                },
            )

    @property
    def channel(self) -> str:
        return rules.LAPOR if self.cleaned_data.get("lapor_number", "").strip() else rules.WEBSITE


class StaffComplaintForm(_ComplaintFields):
    channel = forms.ChoiceField(
        label=_("Saluran"),
        choices=[c for c in rules.channel_choices() if c[0] != rules.SURVEY],
        error_messages={"invalid_choice": _("Pilih saluran dari daftar.")},
    )
    lapor_number = forms.CharField(label=_("Nomor tiket SP4N-LAPOR!"), max_length=40, required=False)
    received_at = inputs.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Kosongkan bila baru saja diterima."),
        error_messages={"invalid": _("Tulis tanggal dan jam, mis. 2026-03-10 09:00.")},
    )
    field_order = ["channel", "lapor_number", "received_at", "service", "opd", "subject", "body"]

    def clean(self):
        data = super().clean()
        if data.get("channel") == rules.LAPOR and not (data.get("lapor_number") or "").strip():
            self.add_error("lapor_number", _("Pengaduan dari SP4N-LAPOR! perlu nomor tiketnya."))
        return data


class VerifyForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("Rutekan ke OPD"),
        queryset=Opd.objects.none(),
        required=False,
        empty_label=_("— ditangani BKD —"),
        error_messages={"invalid_choice": _("Pilih OPD dari daftar.")},
    )
    note = forms.CharField(
        label=_("Catatan untuk pengadu (tidak wajib)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = _opds()


class NoteForm(forms.Form):
    """Follow-up note, closing answer or reason: the text the complainant will read."""

    text = forms.CharField(
        label=_("Keterangan untuk pengadu"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis keterangannya: pengadu akan membacanya.")},
    )


class StatusForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor pengaduan"), max_length=30)


class ComplaintFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nomor atau pokok"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Complaint.Status.choices], required=False
    )
    channel = forms.ChoiceField(
        label=_("Saluran"), choices=[("", _("Semua saluran")), *rules.channel_choices()], required=False
    )
    terlambat = forms.BooleanField(label=_("Hanya yang melewati batas waktu"), required=False)
