from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import XLSX_CONTENT_TYPE
from core.tables import UnreadableFile, max_import_bytes, read_table
from people.imports.actions import needs_opds_first, no_opd_message, opds_to_create
from people.imports.files import siasn
from people.imports.files.tables import check_columns

ACCEPT = ",".join((".csv", ".xlsx", "text/csv", XLSX_CONTENT_TYPE))


class ImportUploadForm(forms.Form):
    """The file and its kind. The file is read here, by content, with people.imports.files.tables' limits:
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
    buat_opd = forms.BooleanField(
        label=_("Buat OPD yang belum ada"),
        help_text=_(
            "Untuk berkas Data ASN: OPD yang disebut berkas (satuan_kerja_kerja_nama, atau unor_nama) "
            "tetapi belum ada di Pelita dibuat saat Anda menekan “Impor sekarang”. Pratinjau "
            "menampilkan daftarnya lebih dulu."
        ),
        required=False,
    )

    table = None
    kind = ""

    def __init__(self, *args, can_create_opd: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_create_opd = can_create_opd
        self.new_opds = []  # the OPDs a ticked "buat OPD" will create (Data ASN only)
        if not can_create_opd:
            del self.fields["buat_opd"]  # an Operator OPD imports into their own OPD only
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
            else:
                self._check_opds(data)
        return data

    def _check_opds(self, data) -> None:
        if self.kind != "data-asn":
            return
        if data.get("buat_opd"):
            try:
                self.new_opds = opds_to_create(self.table)
            except UnreadableFile as exc:
                self.add_error("buat_opd", exc.message)
                return
        if not self.new_opds and needs_opds_first(self.kind):
            # A fresh installation: one message instead of every row rejected for its OPD.
            self.add_error("berkas", no_opd_message(can_create=self.can_create_opd, command=False))
