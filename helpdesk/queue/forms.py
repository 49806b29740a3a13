"""Input of the queue: its filters and the operator's moves on a ticket."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.models import Ticket
from helpdesk.tickets.forms import REQUIRED
from helpdesk.tickets.rules import normalise_number

BODY_MAX = 4000
STATES = [
    ("terbuka", _("Terbuka (diterima, diproses, menunggu)")),
    ("terlambat", _("Terbuka dan terlambat")),
    *Ticket.Status.choices,
    ("semua", _("Semua")),
]


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari"), required=False, max_length=100, widget=forms.TextInput(attrs={"type": "search"})
    )
    state = forms.ChoiceField(label=_("Status"), choices=STATES, required=False)
    team = forms.TypedChoiceField(label=_("Tim"), coerce=int, required=False, empty_value=None)
    mine = forms.ChoiceField(
        label=_("Petugas"),
        required=False,
        choices=[("", _("Semua petugas")), ("saya", _("Tiket saya")), ("kosong", _("Belum diambil"))],
    )

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("Semua tim")), *((t.pk, t.name) for t in teams)]

    def filters(self) -> dict:
        if not self.is_valid():
            return {"state": "terbuka"}
        data = self.cleaned_data
        return {
            "state": data["state"] or "terbuka",
            "team": data["team"],
            "mine": data["mine"],
            "q": data["q"],
        }


def _body(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=BODY_MAX,
        error_messages={"required": REQUIRED, "max_length": _("Paling banyak %(limit_value)d karakter.")},
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": BODY_MAX}),
    )


class AnswerForm(forms.Form):
    canned = forms.TypedChoiceField(
        label=_("Jawaban siap pakai"), coerce=int, required=False, empty_value=None
    )
    body = _body(_("Jawaban untuk pemohon"))

    def __init__(self, *args, canned=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.canned = {a.pk: text for a, text in canned}
        self.fields["canned"].choices = [("", _("— tulis sendiri —")), *((a.pk, a.title) for a, _t in canned)]
        self.fields["canned"].widget.attrs["data-canned-target"] = "id_answer-body"
        self.fields["body"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("body") and cleaned.get("canned") in self.canned:
            cleaned["body"] = self.canned[cleaned["canned"]]
        if not cleaned.get("body") and "body" not in self.errors:
            self.add_error("body", REQUIRED)
        return cleaned


class AskForm(forms.Form):
    body = _body(_("Yang perlu dilengkapi pemohon"))


class NoteForm(forms.Form):
    body = _body(_("Catatan internal (tidak terlihat oleh pemohon)"))


class AssignForm(forms.Form):
    operator = forms.TypedChoiceField(
        label=_("Tugaskan ke"), coerce=int, error_messages={"required": REQUIRED}
    )

    def __init__(self, *args, operators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.operators = {u.pk: u for u in operators}
        self.fields["operator"].choices = [("", "—"), *((u.pk, u.name or u.username) for u in operators)]
        self.fields["operator"].error_messages["invalid_choice"] = _("Pilih petugas dari daftar.")


class MergeForm(forms.Form):
    target = forms.CharField(
        label=_("Gabungkan ke tiket nomor"), max_length=20, error_messages={"required": REQUIRED}
    )

    def clean_target(self) -> str:
        return normalise_number(self.cleaned_data["target"])
