"""The SKM questionnaire: nine unsur answered 1–4 (labels from feedback/content/unsur.yaml),
the respondent profile and an optional suggestion."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.survey.rules import PROFILE_FIELDS, profile, unsur

SUGGESTION_MAX = 2000


class SurveyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in unsur():
            self.fields[item.code] = forms.TypedChoiceField(
                label=f"{item.name}: {item.question}",
                choices=[(str(i), level) for i, level in enumerate(item.levels, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih salah satu jawaban."),
                    "invalid_choice": _("Pilih salah satu dari empat jawaban."),
                },
            )
        for code in PROFILE_FIELDS:
            field = profile()[code]
            self.fields[code] = forms.ChoiceField(
                label=field.label,
                choices=[("", "—"), *field.choices],
                error_messages={
                    "required": _("Pilih salah satu."),
                    "invalid_choice": _("Pilih salah satu pilihan yang tersedia."),
                },
            )
        self.fields["suggestion"] = forms.CharField(
            label=_("Saran dan masukan (tidak wajib)"),
            required=False,
            max_length=SUGGESTION_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def unsur_fields(self):
        return [self[item.code] for item in unsur()]

    def profile_fields(self):
        return [self[code] for code in PROFILE_FIELDS]

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}
