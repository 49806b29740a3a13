"""Products: the letter or certificate a finished request produces, as a PDF with a register
number and a verification QR code.

:func:`issue_product` is called by the workflow's COMPLETE transition inside its transaction:
it renders the service's :class:`~layanan.models.ProductTemplate` (an HTML Django template an
Admin edits) to HTML and then to PDF with WeasyPrint, gives it the next register number of
the service for the year, stores the PDF as a private ``core.Document`` of kind "produk"
owned by the request, and writes the :class:`~layanan.models.Product` row (audited).

A service without a product template cannot be completed: :class:`NoProductTemplate` is
raised and the transition (one transaction) changes nothing.

The template is rendered by a stand-alone template engine with no template loaders, so an
edited body cannot ``{% include %}`` or ``{% extends %}`` the application's own templates,
and WeasyPrint is given a URL fetcher that refuses every URL except inline ``data:`` URIs,
so a template cannot make the server fetch addresses (intranet hosts, local files); the
fonts are the system's (fontconfig), not fetched.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.template import Context, Engine, TemplateSyntaxError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.audit import create_object
from core.documents import do_attach_document
from core.models import Document
from layanan.catalogue.files import letter_body
from layanan.models import Product, ProductTemplate, Request, Service

SEQ = "{seq}"
YEAR = "{year}"
# 18 random bytes: 24 URL-safe characters, far beyond guessing.
CODE_BYTES = 18

PRODUCT_FIELDS = (
    "request",
    "number",
    "year",
    "sequence",
    "verification_code",
    "document",
    "title",
    "official_name",
    "issued_at",
)

# The body a new template starts from: a plain letter in the house style using every context
# variable (layanan/templates/layanan/letters/default.html).
DEFAULT_BODY = letter_body("default")
DEFAULT_NUMBER_FORMAT = "800/{seq}/BKD/{year}"


class ProductError(Exception):
    """A product cannot be issued; the message says why, in Indonesian."""


class NoProductTemplate(ProductError):
    pass


class ProductAlreadyIssued(ProductError):
    pass


# --- Templates: checking and rendering ----------------------------------------------------


def _engine() -> Engine:
    # No loaders and no app directories: a body cannot pull in the application's own
    # templates. The default built-in tags and filters (date, upper, if, for…) remain.
    return Engine(dirs=[], app_dirs=False, loaders=[], autoescape=True)


def format_number(number_format: str, sequence: int, year: int) -> str:
    # str.replace, not str.format: a format may contain other braces and must never raise.
    return number_format.replace(SEQ, str(sequence)).replace(YEAR, str(year))


def number_format_errors(number_format: str, *, service: Service | None = None) -> list[str]:
    """Why ``number_format`` cannot be used (empty list when it can)."""
    errors = []
    if SEQ not in number_format:
        errors.append(_("Format nomor harus memuat {seq} (nomor urut)."))
    # {seq} restarts every year and register numbers are unique: without the year the
    # first number of January would repeat last year's.
    if YEAR not in number_format:
        errors.append(
            _("Format nomor harus memuat {year} (tahun), karena nomor urut dimulai lagi setiap tahun.")
        )
    if not errors:
        others = ProductTemplate.objects.filter(number_format=number_format)
        if service is not None and service.pk is not None:
            others = others.exclude(service=service)
        clash = others.select_related("service").first()
        if clash is not None:
            errors.append(
                _("Format nomor ini sudah dipakai layanan %(service)s; nomor register harus unik.")
                % {"service": clash.service.name}
            )
    return errors


def body_errors(body: str, *, service: Service | None = None) -> list[str]:
    """Why ``body`` is not a usable template: it must compile and render with sample data."""
    try:
        compiled = _engine().from_string(body)
    except TemplateSyntaxError as exc:
        return [_("Templat tidak valid: %(error)s") % {"error": exc}]
    try:
        with translation.override("id"):
            compiled.render(Context(sample_context(service)))
    except Exception as exc:
        return [_("Templat gagal ditampilkan dengan data contoh: %(error)s") % {"error": exc}]
    return []


def check_template(*, body: str, number_format: str, service: Service | None) -> None:
    """Raise ValidationError (by field) when the body or the number format is unusable."""
    errors = {}
    if found := body_errors(body, service=service):
        errors["body"] = found
    if found := number_format_errors(number_format, service=service):
        errors["number_format"] = found
    if errors:
        raise ValidationError(errors)


def base_url_warning() -> str | None:
    """Why the QR codes would point elsewhere, in production when PELITA_BASE_URL is unset."""
    if settings.DEBUG or settings.PELITA_BASE_URL_SET:
        return None
    return _(
        "PELITA_BASE_URL belum diatur: kode QR dan tautan verifikasi pada produk akan menunjuk ke "
        "%(url)s, bukan alamat publik Pelita. Minta pengelola server mengaturnya sebelum produk diterbitkan."
    ) % {"url": settings.PELITA_BASE_URL}


def verification_url(code: str) -> str:
    return settings.PELITA_BASE_URL.rstrip("/") + reverse("layanan:verify", args=[code])


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an inline SVG element (segno, error correction M)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=2, border=2)


def render_html(template: ProductTemplate, context: dict) -> str:
    with translation.override("id"):  # a legal document reads in Indonesian whatever the UI language
        return _engine().from_string(template.body).render(Context(context))


def url_fetcher():
    """WeasyPrint's fetcher limited to inline ``data:`` URIs: an edited template must not make
    the server fetch addresses (intranet hosts, cloud metadata, local files)."""
    import weasyprint

    return weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def render_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads native libraries (Pango, HarfBuzz) on import, which
    # every process that never prints a letter should not pay for.
    import weasyprint

    # Its progress log says ten INFO lines per letter; only its warnings are worth reading.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return weasyprint.HTML(string=html, url_fetcher=url_fetcher()).write_pdf()


def product_context(
    *, template: ProductTemplate, request: Request, product: Product, verify_url: str
) -> dict:
    return {
        "request": request,
        "pegawai": request.pegawai,
        "service": request.service,
        "product": product,
        "title": product.title,
        "official_name": template.official_name,
        "official_nip": template.official_nip,
        "official_title": template.official_title,
        "verify_url": verify_url,
        # Built here from our own URL, so it is safe to insert unescaped.
        "qr_svg": mark_safe(qr_svg(verify_url)),
    }


def sample_context(service: Service | None, template: ProductTemplate | None = None) -> dict:
    """Dummy data for checking and previewing a template: unsaved objects, nothing stored."""
    from org.models import Opd
    from people.models import Pegawai

    service = service or Service(name=_("Layanan Contoh"), slug="contoh", duration=1)
    template = template or ProductTemplate(
        service=service,
        title=_("Surat Contoh"),
        number_format=DEFAULT_NUMBER_FORMAT,
        official_name="Nama Pejabat",
        official_nip="197001011990031001",
        official_title=_("Kepala Badan Kepegawaian Daerah"),
    )
    pegawai = Pegawai(
        nip="199001012015031001",
        nama="Nama Pegawai Contoh",
        gelar_belakang="S.Kom.",
        jabatan="Analis Kepegawaian",
        tanggal_lahir=dt.date(1990, 1, 1),
        opd=Opd(name="Dinas Contoh", short_name="Contoh"),
    )
    now = timezone.now()
    request = Request(
        number="CONTOH-0000-00000",
        service=service,
        pegawai=pegawai,
        status=Request.Status.DONE,
        submitted_at=now,
        finished_at=now,
        agenda_number="001/CONTOH",
        answers={},
    )
    year = timezone.localtime(now).year
    product = Product(
        number=format_number(template.number_format, 1, year),
        year=year,
        sequence=1,
        verification_code="CONTOH",
        title=template.title,
        official_name=template.official_name,
        issued_at=now,
    )
    return product_context(
        template=template, request=request, product=product, verify_url=verification_url("CONTOH")
    )


def preview_pdf(template: ProductTemplate) -> bytes:
    """The template rendered with dummy data: what an Admin checks before saving. Not stored."""
    return render_pdf(render_html(template, sample_context(template.service, template)))


# --- Issuing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterNumber:
    number: str
    year: int
    sequence: int


def _next_number(template: ProductTemplate, service: Service, issued_at: dt.datetime) -> RegisterNumber:
    year = timezone.localtime(issued_at).year
    last = Product.objects.filter(request__service=service, year=year).aggregate(m=Max("sequence"))["m"]
    sequence = (last or 0) + 1
    return RegisterNumber(format_number(template.number_format, sequence, year), year, sequence)


def issue_product(request: Request, *, actor) -> Product:
    """Render, number, store and record the product of ``request`` (audited).

    Call inside the COMPLETE transition's transaction. Race safety: the service's template
    row is locked (SELECT … FOR UPDATE) before the last sequence of the year is read, so two
    officials completing requests of one service at once get consecutive numbers; on SQLite,
    which has no row locks, writers are serialised by the database lock, and the unique
    register number is the last guard either way.
    """
    with transaction.atomic():
        template = ProductTemplate.objects.select_for_update().filter(service_id=request.service_id).first()
        if template is None:
            raise NoProductTemplate(
                _(
                    "Layanan %(service)s belum punya templat produk; Admin perlu membuatnya "
                    "sebelum permohonan dapat diselesaikan."
                )
                % {"service": request.service.name}
            )
        if Product.objects.filter(request=request).exists():
            raise ProductAlreadyIssued(
                _("Produk permohonan %(number)s sudah diterbitkan.") % {"number": request.number}
            )
        issued_at = timezone.now()
        register = _next_number(template, request.service, issued_at)
        code = secrets.token_urlsafe(CODE_BYTES)
        product = Product(
            request=request,
            number=register.number,
            year=register.year,
            sequence=register.sequence,
            verification_code=code,
            title=template.title,
            official_name=template.official_name,
            issued_at=issued_at,
        )
        html = render_html(
            template,
            product_context(
                template=template, request=request, product=product, verify_url=verification_url(code)
            ),
        )
        # Rendered before anything is stored: a failing render leaves no file behind.
        pdf = render_pdf(html)
        upload = SimpleUploadedFile(
            f"{request.service.slug}-{request.number}.pdf", pdf, content_type="application/pdf"
        )
        product.document = do_attach_document(request, upload, kind=Document.Kind.PRODUK, actor=actor)
        return create_object(product, PRODUCT_FIELDS, actor=actor, event="produk.diterbitkan")


# --- Masking for the public verification page --------------------------------------------


def mask_name(name: str) -> str:
    """ "Andi Susanto" → "A*** S******": enough to recognise, not enough to read."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split() if word)


def mask_nip(nip: str) -> str:
    """All but the last four digits hidden: the NIP's first digits are the birth date."""
    return "*" * max(len(nip) - 4, 0) + nip[-4:]
