"""The login form: the password, and a captcha once the username or the address failed too often."""

from __future__ import annotations

from captcha.fields import CaptchaField
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.login import actions as login_guard
from core.clients import client_address


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form behind the three counters of accounts.login.actions.

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
