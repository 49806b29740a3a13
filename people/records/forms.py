from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentRejected, inspect_upload
from core.models import Document
from org.units.queries import opds_for_user
from people.models import Golongan, JenisJabatan, Pegawai, TingkatPendidikan
from people.records.queries import DEFAULT_SORT
from people.records.rules.columns import COLUMNS, DEFAULT

# Keys of people.records.queries.SORTS, with the words the user picks from.
SORT_CHOICES = [
    ("nama", _("Nama (A–Z)")),
    ("-nama", _("Nama (Z–A)")),
    ("nip", _("NIP (terkecil dulu)")),
    ("-nip", _("NIP (terbesar dulu)")),
    ("golongan", _("Golongan (terendah dulu)")),
    ("-golongan", _("Golongan (tertinggi dulu)")),
    ("tmt_golongan", _("TMT golongan (terlama dulu)")),
    ("-tmt_golongan", _("TMT golongan (terbaru dulu)")),
]
SEARCH_MAX_LENGTH = 100


class PegawaiFilterForm(forms.Form):
    """The employee list's search, filters and sort, read from the query string.

    A value that does not validate (an OPD outside the user's scope, an unknown golongan
    or sort key) is dropped rather than refused: the list still shows, with a message.
    """

    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    opd = forms.ModelChoiceField(label=_("OPD"), queryset=None, required=False, empty_label=_("Semua OPD"))
    golongan = forms.ModelChoiceField(
        label=_("Golongan"),
        queryset=Golongan.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Semua golongan"),
    )
    jenis_jabatan = forms.ChoiceField(
        label=_("Jenis jabatan"),
        choices=[("", _("Semua jenis jabatan")), *JenisJabatan.choices],
        required=False,
    )
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan"),
        choices=[("", _("Semua pendidikan")), *TingkatPendidikan.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Kedudukan"), choices=[("", _("Semua kedudukan")), *Pegawai.Status.choices], required=False
    )
    sort = forms.ChoiceField(label=_("Urutkan"), choices=SORT_CHOICES, required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        # Only OPDs in the user's scope are offered; any other id fails validation.
        self.fields["opd"].queryset = opds_for_user(user).order_by("name")

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()[:SEARCH_MAX_LENGTH]

    def ignored(self) -> list[str]:
        """Labels of the fields whose submitted value was dropped."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    def filters(self) -> dict:
        """The valid values as keyword arguments of ``list_pegawai_for_user``."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": data.get("q", ""),
            "opd": data.get("opd"),
            "golongan": data.get("golongan"),
            "jenis_jabatan": data.get("jenis_jabatan", ""),
            "pendidikan": data.get("pendidikan", ""),
            "status": data.get("status", ""),
            "sort": data.get("sort") or DEFAULT_SORT,
        }

    def valid_query(self) -> QueryDict:
        """The query string with the dropped values removed (other parameters kept)."""
        query = self.data.copy()
        for name in self.errors:
            query.pop(name, None)
        return query


class ColumnsForm(forms.Form):
    """The columns of the exported list (a nominative list); unknown keys are ignored."""

    kolom = forms.MultipleChoiceField(
        label=_("Kolom"),
        choices=[(c.key, c.label) for c in COLUMNS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=list(DEFAULT),
    )

    def keys(self) -> list[str]:
        valid = {key for key, _label in self.fields["kolom"].choices}
        return (
            [key for key in self.data.getlist("kolom") if key in valid]
            if hasattr(self.data, "getlist")
            else []
        )


class DocumentUploadForm(forms.Form):
    """A scan for one history row. The content, extension and size are checked here, so
    the uploader sees the reason next to the field (core.documents.inspect_upload)."""

    kind = forms.ChoiceField(label=_("Jenis dokumen"), choices=Document.Kind.choices)
    berkas = forms.FileField(
        label=_("Berkas"),
        help_text=_("PDF, JPG atau PNG."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") and data.get("berkas"):
            try:
                inspect_upload(data["berkas"], data["kind"])
            except DocumentRejected as exc:
                self.add_error("berkas", str(exc))
        return data
