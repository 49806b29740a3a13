"""The IKM report as the files a BKD publishes: XLSX, CSV (the command) and PDF."""

from __future__ import annotations

import io
import logging

from django.template.loader import render_to_string
from django.utils import translation

from core.spreadsheets import csv_writer, xlsx_bytes
from feedback.ikm.queries import EXPORT_HEADER, IkmReport, rows_for_export


def ikm_xlsx(report: IkmReport) -> bytes:
    return xlsx_bytes("IKM", EXPORT_HEADER, rows_for_export(report))


def ikm_csv(report: IkmReport) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(EXPORT_HEADER)
    writer.writerows(rows_for_export(report))
    return buffer.getvalue()


def ikm_pdf(report: IkmReport) -> bytes:
    # Imported here: WeasyPrint loads native libraries that a process never printing pays for.
    import weasyprint

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    with translation.override("id"):  # the published report reads in Indonesian
        html = render_to_string("feedback/ikm_print.html", {"report": report})
    # Only inline data: a report must never make the server fetch an address.
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (segno, as the products' verification codes)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=6, border=2)
