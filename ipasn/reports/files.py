"""The Laporan Data IP-ASN as CSV, XLSX and PDF, from the stored scores."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import translation

from core.spreadsheets import csv_writer, xlsx_bytes
from ipasn.models import Kategori

HEADER = ("nip", "nama", "opd", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "kategori")
_LABELS = dict(Kategori.choices)


def file_rows(rows: Iterable[tuple]) -> Iterable[list]:
    """Report rows with the kategori as its label, numbers as numbers."""
    for *values, kategori in rows:
        yield [*values, str(_LABELS.get(kategori, kategori))]


def write_csv(stream, rows: Iterable[tuple]) -> None:
    writer = csv_writer(stream)
    writer.writerow(HEADER)
    writer.writerows(file_rows(rows))


def report_xlsx(rows: Iterable[tuple], year: int) -> bytes:
    return xlsx_bytes(f"IP-ASN {year}", HEADER, file_rows(rows))


def report_pdf(context: dict) -> bytes:
    """The printable report (ipasn/report_pdf.html) in Indonesian, whatever the UI language.

    WeasyPrint may fetch only inline ``data:`` URIs: the template is ours, but a name in a
    row must never make the server fetch an address."""
    import weasyprint  # native libraries: loaded only by the processes that print

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    with translation.override("id"):
        html = render_to_string("ipasn/report_pdf.html", context)
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
