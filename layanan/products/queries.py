"""Reads for products: the template editor's service, the public verification, and a product
download scoped through the request it belongs to."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from layanan.models import Product, ProductTemplate, Service


def get_service_with_template(slug: str) -> tuple[Service, ProductTemplate | None]:
    """The service ``slug`` and its product template (None when it has none yet)."""
    service = get_object_or_404(Service, slug=slug)
    template = ProductTemplate.objects.filter(service=service).first()
    return service, template


def find_product_by_code(code: str) -> Product | None:
    """The product carrying verification ``code`` (public: the QR code's page), or None."""
    return (
        Product.objects.select_related("request__service", "request__pegawai", "request__opd__instansi")
        .filter(verification_code=code)
        .first()
    )


def get_product_for_user(user, number: str) -> Product:
    """The product of request ``number`` when ``user`` may read that request; 404 otherwise.

    Who may read it is the requests' rule (layanan.requests.queries.get_request_for_user): the
    applicant, their Operator OPD, BKD staff in scope.
    """
    from layanan.requests.queries import get_request_for_user

    request = get_request_for_user(user, number)
    product = Product.objects.select_related("document").filter(request=request).first()
    if product is None:
        raise Http404
    return product
