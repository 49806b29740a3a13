from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.actions import do_record_login_failure, is_locked_out
from accounts.models import User
from accounts.roles import OPD_SCOPED_ROLES, Role

# The OPD model is reached through the foreign key, not imported: org builds on accounts.
Opd = User._meta.get_field("opd").remote_field.model


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, refusing a username after repeated failures in a short window."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "locked_out": _(
            "Terlalu banyak percobaan masuk yang gagal untuk akun ini. Demi keamanan, coba lagi dalam "
            "%(minutes)d menit."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username and is_locked_out(username):
            raise ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            )
        try:
            return super().clean()
        except ValidationError:
            if username:
                do_record_login_failure(username=username, ip=client_ip(self.request))
                if is_locked_out(username):
                    raise ValidationError(
                        self.error_messages["locked_out"],
                        code="locked_out",
                        params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
                    ) from None
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
    q = forms.CharField(label=_("Cari nama atau nama pengguna"), required=False)
    role = forms.ChoiceField(
        label=_("Peran"), choices=[("", _("Semua peran")), *Role.choices], required=False
    )
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=Opd.objects.order_by("name"), required=False, empty_label=_("Semua OPD")
    )
