"""The KP nominative list as CSV or XLSX rows (views and the kpo_list command share them),
and as the printable PDF."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from django.template.loader import render_to_string
from django.utils import translation

from kpo.models import JenisKp, KpCandidate

COLUMNS = ("nip", "nama", "opd", "golongan", "golongan_baru", "jenis_kp", "tmt_kp", "eligible", "reasons")


def rows(candidates: Iterable[KpCandidate]) -> Iterator[list]:
    for c in candidates:
        yield [
            c.nip,
            c.nama,
            c.opd.name if c.opd_id else "",
            c.golongan,
            c.golongan_baru,
            str(JenisKp(c.jenis).label),
            c.period.isoformat(),
            "ya" if c.eligible else "tidak",
            "; ".join(r["message"] for r in c.reasons),
        ]


# WeasyPrint needs a second or more per hundred rows: the PDF is for one OPD's list or a
# filtered part of the province, the XLSX for everything.
PDF_MAX_ROWS = 1000


def nominative_pdf(context: dict) -> bytes:
    """The nominative list (kpo/kp_list_pdf.html) in Indonesian, whatever the UI language.
    WeasyPrint may fetch only inline ``data:`` URIs: a name in a row must never make the
    server fetch an address."""
    import weasyprint  # native libraries: loaded only by the processes that print

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    with translation.override("id"):
        html = render_to_string("kpo/kp_list_pdf.html", context)
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
