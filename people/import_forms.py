from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import XLSX_CONTENT_TYPE
from people import siasn
from people.imports import UnreadableFile, check_columns, max_import_bytes, read_table

ACCEPT = ",".join((".csv", ".xlsx", "text/csv", XLSX_CONTENT_TYPE))


class ImportUploadForm(forms.Form):
    """The file and its kind. The file is read here, by content, with people.imports' limits:
    every reason it cannot be imported at all is shown next to the file field."""

    berkas = forms.FileField(
        label=_("Berkas (CSV atau XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    jenis = forms.ChoiceField(
        label=_("Jenis berkas"),
        choices=[("", _("Kenali dari judul kolom")), *((code, k.label) for code, k in siasn.KINDS.items())],
        required=False,
    )

    table = None
    kind = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = max_import_bytes() // (1024 * 1024)
        self.fields["berkas"].help_text = _(
            "Ekspor Data ASN atau berkas riwayat (rw-*) dari SIASN, paling besar %(limit)s MB."
        ) % {"limit": limit}

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        try:
            self.table = read_table(upload)
        except UnreadableFile as exc:
            raise forms.ValidationError(exc.message) from None
        return upload

    def clean(self):
        data = super().clean()
        if self.table is not None and "jenis" in data:
            try:
                self.kind = check_columns(self.table, data["jenis"] or None).code
            except UnreadableFile as exc:
                self.add_error("berkas", exc.message)
        return data
