"""The employee list as a spreadsheet, for BKD and OPD staff who work in Excel.

The caller passes the already scoped and filtered queryset (``list_pegawai_for_user``),
so the file never holds a row the screen would not show. A list longer than
PELITA_EXPORT_INLINE_MAX_ROWS is built by the worker (:data:`PEGAWAI_EXPORT`, see
core.exports.files) from the same filters, read again through the owner's scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import IO

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Capability
from core.exports.files import ExportKind
from core.spreadsheets import Progress, write_xlsx
from people.models import Pegawai
from people.records.forms import PegawaiFilterForm
from people.records.queries import list_pegawai_for_user
from people.records.rules.columns import LABELLED, chosen

CHUNK = 2000


def _labels(field: str) -> dict[str, str]:
    # The choice labels, translated once per file: get_FOO_display() rebuilds its lookup
    # table on every call, which was 40% of the time of a 10,000-row export.
    return {value: str(label) for value, label in Pegawai._meta.get_field(field).flatchoices}


def _rows(pegawai: QuerySet[Pegawai], columns) -> Iterator[list]:
    labels = {field: _labels(field) for field in LABELLED}
    for p in pegawai.iterator(chunk_size=CHUNK):
        yield [column.value(p, labels) for column in columns]


def write_pegawai_xlsx(
    file: IO[bytes], pegawai: QuerySet[Pegawai], progress: Progress | None = None, *, columns=()
) -> int:
    """The workbook of ``pegawai`` with the chosen columns (the default ones when none)
    written to ``file``; returns the row count."""
    columns = chosen(columns)
    header = [str(c.label) for c in columns]
    return write_xlsx(
        file,
        _("Pegawai"),
        header,
        _rows(pegawai.select_related("jabatan_fungsional"), columns),
        date_format="DD-MM-YYYY",
        progress=progress,
    )


def pegawai_xlsx(pegawai: QuerySet[Pegawai], *, columns=()) -> bytes:
    buffer = BytesIO()
    write_pegawai_xlsx(buffer, pegawai, columns=columns)
    return buffer.getvalue()


# --- the employee list export, inline or in the background ---------------------------------


def filter_params(form: PegawaiFilterForm) -> dict[str, str]:
    """The list's valid, non-empty filters as plain strings: what a background job keeps."""
    form.is_valid()
    return {
        name: str(form.data[name])
        for name in form.fields
        if name not in form.errors and form.data.get(name, "") not in ("", None)
    }


def filtered_pegawai(user, params: dict) -> QuerySet[Pegawai]:
    """The list as the screen shows it to ``user`` with ``params`` (dropped values dropped again)."""
    query = QueryDict(mutable=True)
    query.update(params)
    form = PegawaiFilterForm(query, user=user)
    return list_pegawai_for_user(user, **form.filters())


def export_title(form: PegawaiFilterForm) -> str:
    """ "Daftar pegawai" with the filters applied, for the job list ("OPD: Dinas Kesehatan; …")."""
    form.is_valid()
    parts = []
    for name in ("q", "opd", "golongan", "jenis_jabatan", "pendidikan", "status"):
        value = form.cleaned_data.get(name) if name not in form.errors else None
        if not value:
            continue
        field = form.fields[name]
        if isinstance(value, str) and hasattr(field, "choices"):
            value = dict(field.choices).get(value, value)  # the label, not the code
        parts.append(f"{field.label}: {value}")
    title = _("Daftar pegawai")
    return f"{title} ({'; '.join(parts)})" if parts else title


def pegawai_filename(params: dict) -> str:
    return f"pegawai-{timezone.localdate():%Y%m%d}.xlsx"


PEGAWAI_EXPORT = ExportKind(
    key="people.records.files.PEGAWAI_EXPORT",
    label=gettext_lazy("Daftar pegawai (XLSX)"),
    capability=Capability.VIEW_PEGAWAI,
    count=lambda user, params: filtered_pegawai(user, params).count(),
    write=lambda user, params, file, progress: write_pegawai_xlsx(
        file, filtered_pegawai(user, params), progress, columns=params.get("kolom", "").split(",")
    ),
    filename=pegawai_filename,
)
