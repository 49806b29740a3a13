"""The public forms: a ticket of one problem type, the status lookup and the applicant's reply.

A ticket form is built from its problem type's data (fields and scans), so an Admin's edit of
the type changes the form. Anonymous applicants get a captcha (django-simple-captcha, drawn
here, no outside service) and a honeypot field; logged-in employees neither, with their name
and e-mail prefilled. The limits on submissions (per address and for everybody) are checked
here and counted by the view once a ticket is filed.
"""

from __future__ import annotations

import datetime as dt

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.throttle import actions as throttle
from core.documents import PDF, DocumentRejected, inspect_upload
from helpdesk.models import ProblemType
from helpdesk.tickets.rules import normalise_number
from regulations.identity import parse_nik
from regulations.reasons import RuleInputError

QUESTION_MAX = 250
SCAN_MAX_KB = 200  # S002: "ukuran file max 200kb, file PDF/Image jpg"
SCAN_MAX_BYTES = SCAN_MAX_KB * 1024
REPLY_MAX = 1000
HONEYPOT = "situs_web"

REQUIRED = gettext_lazy("Kolom ini wajib diisi.")


def submission_limits() -> tuple[throttle.Limit, throttle.Limit]:
    hour = dt.timedelta(hours=1)
    return (
        throttle.Limit("helpdesk-kirim-alamat", settings.PELITA_HELPDESK_PER_ADDRESS_HOUR, hour),
        throttle.Limit("helpdesk-kirim-semua", settings.PELITA_HELPDESK_GLOBAL_HOUR, hour),
    )


def submission_counters(address: str) -> tuple[throttle.Counter, throttle.Counter]:
    by_address, everybody = submission_limits()
    return by_address.on(throttle.address_key(address)), everybody.on("semua")


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label=_("Kode pada gambar"),
        help_text=_("Demi keamanan, ketik huruf pada gambar (huruf besar atau kecil sama saja)."),
        error_messages={
            "required": _("Ketik kode pada gambar untuk melanjutkan."),
            "invalid": _("Kode tidak sesuai dengan gambar. Coba lagi dengan gambar yang baru."),
        },
    )


def _digits_field(label: str, required: bool, kind: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=24,
        error_messages={"required": REQUIRED, "max_length": _("Nomor terlalu panjang.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "data-kind": kind}),
    )


def _type_field(spec: dict) -> forms.Field:
    label, required, kind = spec["label"], bool(spec.get("required")), spec["kind"]
    if kind in ("nik", "kk"):
        return _digits_field(label, required, kind)
    if kind == "date":
        return forms.DateField(
            label=label,
            required=required,
            error_messages={
                "required": REQUIRED,
                "invalid": _("Tanggal tidak dikenali; pilih dari kalender."),
            },
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
    return forms.CharField(
        label=label,
        required=required,
        max_length=150,
        error_messages={"required": REQUIRED, "max_length": _("Paling banyak 150 karakter.")},
    )


def check_scan(uploaded) -> None:
    """A scan of at most 200 KB whose bytes say PDF or JPG (the name is only a claim)."""
    if uploaded.size > SCAN_MAX_BYTES:
        raise forms.ValidationError(
            _("Ukuran berkas %(size)s KB melebihi batas %(limit)s KB.")
            % {"size": -(-uploaded.size // 1024), "limit": SCAN_MAX_KB}
        )
    try:
        facts = inspect_upload(uploaded, "lainnya")
    except DocumentRejected as error:
        raise forms.ValidationError(str(error)) from None
    if facts.file_type is not PDF and facts.file_type.label != "JPG":
        raise forms.ValidationError(_("Pindaian harus berupa PDF atau JPG."))


class TicketForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nama lengkap"), max_length=150, error_messages={"required": REQUIRED}
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        max_length=254,
        help_text=gettext_lazy("Nomor tiket dan jawaban dikirim ke alamat ini."),
        error_messages={"required": REQUIRED, "invalid": gettext_lazy("Alamat e-mail tidak valid.")},
    )
    phone = forms.RegexField(
        label=gettext_lazy("Nomor telepon/HP"),
        regex=r"^\+?[0-9 ()-]{6,20}$",
        max_length=20,
        required=False,
        error_messages={
            "invalid": gettext_lazy("Nomor telepon hanya berisi angka, spasi, +, - atau tanda kurung.")
        },
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    question = forms.CharField(
        label=gettext_lazy("Pertanyaan"),
        max_length=QUESTION_MAX,
        error_messages={
            "required": REQUIRED,
            "max_length": gettext_lazy(
                "Pertanyaan paling banyak %(limit_value)d karakter (sekarang %(show_value)d)."
            ),
        },
        widget=forms.Textarea(
            attrs={
                "rows": 4,
                "maxlength": QUESTION_MAX,
                "data-counter": QUESTION_MAX,
                "data-faq-suggest": "1",
            }
        ),
    )

    def __init__(self, *args, problem_type: ProblemType, user, address: str, **kwargs):
        self.problem_type = problem_type
        self.address = address
        self.anonymous = not user.is_authenticated
        initial = kwargs.pop("initial", {}) or {}
        if not self.anonymous:
            initial = {"name": user.name, "email": user.email, **initial}
        super().__init__(*args, initial=initial, **kwargs)
        for spec in problem_type.fields:
            self.fields[f"isian_{spec['name']}"] = _type_field(spec)
        for spec in problem_type.scans:
            self.fields[f"pindaian_{spec['name']}"] = forms.FileField(
                label=spec["label"],
                required=bool(spec.get("required")),
                help_text=_("PDF atau JPG, paling besar %(limit)s KB.") % {"limit": SCAN_MAX_KB},
                error_messages={"required": REQUIRED, "empty": _("Berkas kosong.")},
                widget=forms.ClearableFileInput(
                    attrs={"accept": ".pdf,.jpg,.jpeg,application/pdf,image/jpeg"}
                ),
            )
        if self.anonymous:
            # A field people never see (hidden by CSS, skipped by keyboard): bots fill it in.
            self.fields[HONEYPOT] = forms.CharField(
                label=_("Biarkan kosong"),
                required=False,
                widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "class": "hp-field"}),
            )
            self.fields["captcha"] = captcha_field()

    def type_fields(self):
        return [self[f"isian_{spec['name']}"] for spec in self.problem_type.fields]

    def scan_fields(self):
        return [self[f"pindaian_{spec['name']}"] for spec in self.problem_type.scans]

    def _clean_digits(self, name: str, kind: str, value: str) -> str:
        digits = "".join(value.split())
        if not digits:
            return ""
        if kind == "nik":
            try:
                parse_nik(digits, today=timezone.localdate())
            except RuleInputError as error:
                raise forms.ValidationError(str(error)) from None
        elif not (digits.isdigit() and len(digits) == 16):
            raise forms.ValidationError(_("Nomor KK terdiri atas 16 angka."))
        return digits

    def clean(self):
        cleaned = super().clean()
        if self.anonymous and self.data.get(self.add_prefix(HONEYPOT)):
            raise forms.ValidationError(
                _("Formulir tidak dapat dikirim. Muat ulang halaman lalu isi kembali.")
            )
        for spec in self.problem_type.fields:
            name = f"isian_{spec['name']}"
            if spec["kind"] in ("nik", "kk") and cleaned.get(name):
                try:
                    cleaned[name] = self._clean_digits(name, spec["kind"], cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        for spec in self.problem_type.scans:
            name = f"pindaian_{spec['name']}"
            if cleaned.get(name):
                try:
                    check_scan(cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if not self.errors:
            by_address, everybody = throttle.tallies(*submission_counters(self.address))
            if by_address.blocked or everybody.blocked:
                blocked = by_address if by_address.blocked else everybody
                raise forms.ValidationError(
                    _("Terlalu banyak tiket dikirim. Coba lagi dalam %(minutes)s menit.")
                    % {"minutes": blocked.retry_minutes}
                )
        return cleaned

    def details(self) -> dict:
        values = {}
        for spec in self.problem_type.fields:
            value = self.cleaned_data.get(f"isian_{spec['name']}")
            if value not in (None, ""):
                values[spec["name"]] = value.isoformat() if isinstance(value, dt.date) else value
        return values

    def scans(self) -> dict:
        return {
            spec["name"]: self.cleaned_data[f"pindaian_{spec['name']}"]
            for spec in self.problem_type.scans
            if self.cleaned_data.get(f"pindaian_{spec['name']}")
        }


class StatusForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Nomor tiket"),
        max_length=20,
        error_messages={"required": REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "HD-XXXXXXXX"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail yang dipakai saat mengirim"),
        max_length=254,
        error_messages={"required": REQUIRED, "invalid": gettext_lazy("Alamat e-mail tidak valid.")},
    )

    def clean_number(self) -> str:
        return normalise_number(self.cleaned_data["number"])


class ReplyForm(StatusForm):
    """The applicant's reply: number and e-mail again (the lookup is repeated), text, captcha."""

    body = forms.CharField(
        label=gettext_lazy("Balasan Anda"),
        max_length=REPLY_MAX,
        error_messages={
            "required": REQUIRED,
            "max_length": gettext_lazy(
                "Balasan paling banyak %(limit_value)d karakter (sekarang %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": REPLY_MAX, "data-counter": REPLY_MAX}),
    )

    def __init__(self, *args, anonymous: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget = forms.HiddenInput()
        self.fields["email"].widget = forms.HiddenInput()
        if anonymous:
            self.fields["captcha"] = captcha_field()
