"""Forms of user management: the account, its roles and OPD, and the list filter."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import OPD_SCOPED_ROLES, Role

# The OPD model is reached through the foreign key, not imported: org builds on accounts.
Opd = User._meta.get_field("opd").remote_field.model


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
