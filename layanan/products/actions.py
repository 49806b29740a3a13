"""Editing a service's product template (Admin, Capability.MANAGE_SERVICES).

Both actions check the body (a Django template that compiles and renders with sample data)
and the register-number format (contains {seq} and {year}, not used by another service)
and raise ValidationError by field, changing nothing, when either is unusable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import create_object, update_fields
from layanan.models import ProductTemplate, Service
from layanan.products.files import check_template

EDITABLE = ("title", "number_format", "body", "official_name", "official_nip", "official_title")


@transaction.atomic
def do_create_product_template(service: Service, *, actor, **fields: Any) -> ProductTemplate:
    """The first product template of ``service`` (``fields``: the EDITABLE names)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if ProductTemplate.objects.filter(service=service).exists():
        raise ValidationError(_("Layanan ini sudah punya templat produk; ubah templat yang ada."))
    template = ProductTemplate(service=service, **fields)
    check_template(body=template.body, number_format=template.number_format, service=service)
    return create_object(template, ("service", *EDITABLE), actor=actor, event="templat_produk.dibuat")


@transaction.atomic
def do_update_product_template(template: ProductTemplate, changes: Mapping[str, Any], *, actor) -> bool:
    """Apply ``changes`` (EDITABLE names) to ``template``; False when nothing changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    check_template(
        body=changes.get("body", template.body),
        number_format=changes.get("number_format", template.number_format),
        service=template.service,
    )
    return update_fields(template, changes, actor=actor, event="templat_produk.diubah")
