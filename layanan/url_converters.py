"""Path converters that keep layanan's routes unambiguous, whatever their order.

``/layanan/<slug>/`` (a service's public page) sits beside fixed prefixes such as
``/layanan/lacak/`` and ``/layanan/sla/``; ``/layanan/permohonan/<number>/isian/`` beside
``/layanan/permohonan/baru/<slug>/``. With plain ``slug``/``str`` converters a service slugged
"lacak" or a request numbered "baru" would be shadowed by (or shadow) another page depending on
which route is listed first. These converters refuse the fixed words, so at most one route
matches any path, and reversing with such a value fails loudly instead of linking elsewhere.
layanan/tests/test_url_order.py checks the lists against the routes.
"""

from __future__ import annotations

import re

from django.urls import register_converter

# The first word of every other route under /layanan/ (layanan/urls.py and its modules).
RESERVED_SERVICE_SLUGS = (
    "kelola",
    "kelola-produk",
    "kotak-masuk",
    "lacak",
    "permohonan",
    "produk",
    "sla",
    "verifikasi",
)
# The fixed first word beside <number> under /layanan/permohonan/ (layanan/request_urls.py).
RESERVED_REQUEST_NUMBERS = ("baru",)


class _Except:
    """A path segment of ``base`` that is none of ``reserved``."""

    base = ""
    reserved: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        words = "|".join(re.escape(word) for word in cls.reserved)
        cls.regex = rf"(?!(?:{words})(?:/|$)){cls.base}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        value = str(value)
        if value in self.reserved:
            raise ValueError(f"{value!r} is a fixed word of another route")
        return value


class ServiceSlugConverter(_Except):
    base = "[-a-zA-Z0-9_]+"
    reserved = RESERVED_SERVICE_SLUGS


class RequestNumberConverter(_Except):
    base = "[^/]+"
    reserved = RESERVED_REQUEST_NUMBERS


register_converter(ServiceSlugConverter, "layanan_service")
register_converter(RequestNumberConverter, "layanan_number")
