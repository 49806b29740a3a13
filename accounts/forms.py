from captcha.fields import CaptchaField
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import login_guard
from accounts.models import User
from accounts.roles import OPD_SCOPED_ROLES, Role
from core.clients import client_address

# The OPD model is reached through the foreign key, not imported: org builds on accounts.
Opd = User._meta.get_field("opd").remote_field.model


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form behind the three counters of accounts.login_guard.

    Refused before any password is checked: an address with too many failures, or this
    username from this address with too many. Past a number of failures for the username
    from anywhere, the form grows a captcha, and no password is tried until it is solved.
    No message says whether the username exists.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "address_blocked": _(
            "Terlalu banyak percobaan masuk yang gagal dari jaringan Anda. Demi keamanan, coba lagi "
            "dalam %(minutes)d menit."
        ),
        "pair_blocked": _(
            "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari jaringan Anda. "
            "Demi keamanan, coba lagi dalam %(minutes)d menit, atau hubungi admin BKD bila lupa kata sandi."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")
        self.address = client_address(request) if request is not None else ""
        self.state = None
        username = self.data.get(self.add_prefix("username"), "") if self.is_bound else ""
        if login_guard.normalise_username(username):
            self.state = login_guard.login_state(username, self.address)
            if self.state.captcha_needed:
                self._add_captcha()

    def _add_captcha(self) -> None:
        self.fields["captcha"] = CaptchaField(
            label=_("Kode pada gambar"),
            help_text=_("Demi keamanan, ketik huruf pada gambar (huruf besar atau kecil sama saja)."),
            error_messages={
                "required": _("Ketik kode pada gambar untuk melanjutkan."),
                "invalid": _("Kode tidak sesuai dengan gambar. Coba lagi dengan gambar yang baru."),
            },
        )

    def _refusal(self, code: str, tally) -> ValidationError:
        return ValidationError(self.error_messages[code], code=code, params={"minutes": tally.retry_minutes})

    def clean(self):
        state = self.state
        if state is None:  # no username: the field's own "required" error says so
            return super().clean()
        if state.address.blocked:
            raise self._refusal("address_blocked", state.address)
        if state.pair.blocked:
            raise self._refusal("pair_blocked", state.pair)
        if state.captcha_needed and "captcha" not in self.cleaned_data:
            login_guard.record_failed_captcha(self.address)
            return self.cleaned_data  # the captcha field carries the error; no password tried
        try:
            return super().clean()
        except ValidationError as error:
            if error.code != "invalid_login":
                raise
            username = self.cleaned_data.get("username") or ""
            login_guard.record_failed_login(username, self.address, before=state)
            after = state.after_failure()
            if after.address.blocked:
                raise self._refusal("address_blocked", after.address) from None
            if after.pair.blocked:
                raise self._refusal("pair_blocked", after.pair) from None
            if after.captcha_needed and "captcha" not in self.fields:
                self._add_captcha()  # shown with the next attempt
            raise


class UserForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Peran"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=True,
        help_text=_("Seorang pengguna boleh memegang beberapa peran."),
    )

    class Meta:
        model = User
        fields = ["username", "name", "email", "opd", "is_active"]
        labels = {"username": _("Nama pengguna"), "is_active": _("Akun aktif")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = Opd.objects.filter(is_active=True).order_by("name")
        self.fields["opd"].required = False
        self.fields["opd"].help_text = _("Wajib untuk peran Pegawai dan Operator OPD.")
        self.fields["name"].required = True
        if self.instance.pk:
            self.initial.setdefault("roles", sorted(self.instance.roles))

    def clean(self):
        data = super().clean()
        if set(data.get("roles") or ()) & OPD_SCOPED_ROLES and not data.get("opd"):
            self.add_error("opd", _("Peran Pegawai dan Operator OPD memerlukan OPD."))
        return data


class NewUserForm(UserForm):
    password = forms.CharField(
        label=_("Kata sandi awal"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        help_text=_("Minimal 10 karakter; pengguna sebaiknya menggantinya setelah masuk."),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class UserFilterForm(forms.Form):
    # Bounded: SQLite refuses a LIKE pattern over 50 000 bytes (a 500 on a pasted megabyte).
    q = forms.CharField(label=_("Cari nama atau nama pengguna"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Peran"), choices=[("", _("Semua peran")), *Role.choices], required=False
    )
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=Opd.objects.order_by("name"), required=False, empty_label=_("Semua OPD")
    )
