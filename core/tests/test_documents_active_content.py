"""Dangerous files are refused at upload: PDFs with active content, HTML/script polyglots.

Every case is real crafted bytes run through core.documents.inspect_upload (the check every
upload path shares); ordinary PDFs, WeasyPrint's included, still pass.
"""

from __future__ import annotations

import random
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.documents import DocumentRejected, inspect_upload, pdf_active_content, sniffs_as_html


def pdf(*objects: bytes, trailer: bytes = b"<< /Root 1 0 R >>") -> bytes:
    """A PDF with ``objects`` numbered from 1 (the first is the catalog) and a plain xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


PAGES = (
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
)
PLAIN = pdf(b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES)


def check(data: bytes, name: str = "surat.pdf"):
    return inspect_upload(SimpleUploadedFile(name, data), "lainnya")


def refusal(data: bytes, name: str = "surat.pdf") -> str:
    with pytest.raises(DocumentRejected) as refused:
        check(data, name)
    return str(refused.value)


def test_a_plain_pdf_passes():
    assert check(PLAIN).file_type.label == "PDF"


def test_a_pdf_that_runs_javascript_when_opened_is_refused_naming_javascript():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        *PAGES,
        b"<< /Type /Action /S /JavaScript /JS (app.alert\\('Pelita'\\)) >>",
    )
    message = refusal(data)
    assert "PDF ini memuat konten aktif" in message
    assert "JavaScript" in message or "/OpenAction" in message


def test_javascript_spelled_with_pdf_name_escapes_is_still_found():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>", *PAGES, b"<< /Names [] >>"
    )
    assert "JavaScript" in refusal(data)
    assert pdf_active_content(b"%PDF-1.4\n1 0 obj << /S /#4A#53 (x) >> endobj") == "JavaScript"


def test_a_pdf_that_launches_a_program_is_refused():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
        *PAGES,
    )
    message = refusal(data)
    assert "/OpenAction" in message or "/Launch" in message


def test_a_pdf_carrying_an_embedded_file_is_refused():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>",
        *PAGES,
        stream(b"/Type /EmbeddedFile", b"MZ\x90\x00"),
    )
    assert "berkas sisipan (/EmbeddedFile)" in refusal(data)


def test_javascript_packed_inside_a_compressed_object_stream_is_found():
    packed = b"4 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"4 0 "
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *PAGES,
        stream(b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode" % len(header), zlib.compress(packed)),
    )
    assert b"JavaScript" not in data  # only the decompressed stream says it
    assert "JavaScript" in refusal(data)


def test_an_object_stream_that_cannot_be_read_is_refused_as_uncheckable():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *PAGES,
        stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", b"not zlib at all" * 4),
    )
    assert "tidak dapat diperiksa (terenkripsi atau rusak)" in refusal(data)


def test_an_object_stream_that_inflates_without_bound_is_refused():
    bomb = zlib.compress(b" " * (17 * 1024 * 1024), 9)
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *PAGES,
        stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb),
    )
    assert "terlalu besar setelah dibuka" in refusal(data)


def test_an_open_action_that_only_sets_the_first_page_passes():
    direct = pdf(b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", *PAGES)
    by_reference = pdf(b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", *PAGES, b"[3 0 R /FitH null]")
    assert check(direct).file_type.label == "PDF"
    assert check(by_reference).file_type.label == "PDF"


def test_binary_image_data_that_happens_to_hold_js_bytes_passes():
    noise = random.Random(6).randbytes(2000)
    image = noise[:1000] + b"/JS " + noise[1000:]
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *PAGES,
        stream(b"/Type /XObject /Subtype /Image /Width 10 /Height 10 /Filter /DCTDecode", image),
    )
    assert check(data).file_type.label == "PDF"


def test_an_object_smuggled_into_a_fake_stream_body_is_still_found():
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *PAGES,
        b"<< /Length 9999 >>\nstream\n5 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\nendstream",
    )
    assert "JavaScript" in refusal(data)


JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


@pytest.mark.parametrize("marker", [b"<script>alert(1)</script>", b"<HTML><body>", b"<svg onload=alert(1)>"])
def test_a_jpeg_carrying_html_in_its_first_kilobyte_is_refused_naming_it(marker):
    comment = b"\xff\xfe" + (len(marker) + 2).to_bytes(2, "big") + marker
    data = JPEG_HEAD + comment + b"\xff\xd9"
    message = refusal(data, "foto.jpg")
    assert "Berkas JPG ini juga memuat kode HTML/skrip" in message
    assert marker[:4].decode().lower() in message


def test_a_pdf_carrying_html_in_its_first_kilobyte_is_refused():
    data = b"%PDF-1.4\n%<html><script>alert(document.domain)</script>\n" + PLAIN[9:]
    assert "Berkas PDF ini juga memuat kode HTML/skrip (<html)" in refusal(data)


def test_html_beyond_the_first_kilobyte_of_an_image_is_not_looked_for():
    data = JPEG_HEAD + b"\x00" * 2000 + b"<script>" + b"\xff\xd9"
    assert check(data, "foto.jpg").file_type.label == "JPG"


@pytest.mark.parametrize(
    "head",
    [b"<!DOCTYPE html><p>x", b"\xef\xbb\xbf  <html>", b"\n<script src=x>", b"<!-- x -->", b"<b>tebal</b>"],
)
def test_a_file_that_a_browser_would_sniff_as_html_is_named_html(head):
    assert sniffs_as_html(head)
    assert "teks/HTML (halaman web yang dapat menjalankan skrip)" in refusal(head + b" " * 20)


def test_text_starting_with_an_angle_bracket_is_not_html_to_a_sniffer():
    assert not sniffs_as_html(b"<bukan html")
    assert not sniffs_as_html(b"%PDF-1.4 <html>")


def test_a_pdf_made_by_weasyprint_passes():
    from layanan.products.files import render_pdf

    data = render_pdf(
        '<html><body><h1>Surat Keterangan</h1><p><a href="https://pelita.example/v/ABC">Verifikasi</a></p>'
        '<svg width="40" height="40"><rect width="40" height="40"/></svg></body></html>'
    )
    assert check(data).file_type.label == "PDF"


def test_the_pdfs_of_the_test_fixtures_pass():
    from campaigns.tests.helpers import tiny_pdf
    from core.tests.test_documents import PDF as CORE_PDF

    for data in (tiny_pdf(), CORE_PDF, b"%PDF-1.4\n% matrix\n%%EOF\n", b"%PDF-1.4\n%%EOF\n"):
        assert check(data).file_type.label == "PDF"
