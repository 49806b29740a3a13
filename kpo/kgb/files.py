"""The KGB list as CSV/XLSX rows, and the SK KGB letter: its settings, HTML, PDF and ZIP."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from kpo.kgb.rules import KgbRow

COLUMNS = (
    "nip",
    "nama",
    "opd",
    "golongan",
    "mkg_baru",
    "gaji_lama",
    "gaji_baru",
    "tmt_kgb",
    "eligible",
    "reasons",
)


def rows(items: Iterable[KgbRow]) -> Iterator[list]:
    for row in items:
        r, k = row.record, row.result
        yield [
            r.nip,
            r.nama,
            r.opd_name,
            k.golongan.code,
            k.mkg_baru,
            k.gaji_lama,
            k.gaji_baru,
            k.tmt.isoformat(),
            "ya" if k.eligible else "tidak",
            "; ".join(x.message for x in k.verdict.reasons),
        ]


# --- The SK KGB letter -----------------------------------------------------------------------

LETTER_TEMPLATE = "kpo/letters/sk_kgb.html"
SETTINGS_FILE = Path(__file__).resolve().parent.parent / "content" / "sk_kgb.json"
_SETTINGS_FIELDS = ("title", "number_format", "kepada", "official_title", "official_name", "official_nip")


@dataclass(frozen=True)
class LetterSettings:
    """The letter's fixed parts (kpo/content/sk_kgb.json): title, register-number format with
    {seq} and {year}, addressee and signing official."""

    title: str
    number_format: str
    kepada: str
    official_title: str
    official_name: str
    official_nip: str

    def number(self, sequence: int, year: int) -> str:
        return self.number_format.replace("{seq}", f"{sequence:04d}").replace("{year}", str(year))


@cache
def letter_settings(path: Path = SETTINGS_FILE) -> LetterSettings:
    """The settings file, checked: every field a string, the number format with {seq} and {year}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != set(_SETTINGS_FIELDS):
        raise ImproperlyConfigured(f"{path.name}: harus berisi tepat {', '.join(_SETTINGS_FIELDS)}.")
    for name in _SETTINGS_FIELDS:
        if not isinstance(data[name], str):
            raise ImproperlyConfigured(f"{path.name}: {name} harus teks.")
    if "{seq}" not in data["number_format"] or "{year}" not in data["number_format"]:
        raise ImproperlyConfigured(f"{path.name}: number_format harus memuat {{seq}} dan {{year}}.")
    for name in ("title", "official_title", "official_name"):
        if not data[name].strip():
            raise ImproperlyConfigured(f"{path.name}: {name} tidak boleh kosong.")
    return LetterSettings(**data)


def rupiah(amount: int) -> str:
    """3017600 → "3.017.600": the letter is Indonesian whatever the reader's language."""
    return f"{amount:,}".replace(",", ".")


_DIGITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def terbilang(n: int) -> str:
    """An amount in Indonesian words, as a decree writes it beside the figure."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "nol"
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return {10: "sepuluh", 11: "sebelas"}.get(n) or f"{_DIGITS[n - 10]} belas"
    if n < 100:
        return f"{_DIGITS[n // 10]} puluh {terbilang(n % 10) if n % 10 else ''}".strip()
    for size, word in (
        (10**12, "triliun"),
        (10**9, "miliar"),
        (10**6, "juta"),
        (1000, "ribu"),
        (100, "ratus"),
    ):
        if n >= size:
            head, rest = divmod(n, size)
            if head == 1 and size in (100, 1000):
                text = "seratus" if size == 100 else "seribu"
            else:
                text = f"{terbilang(head)} {word}"
            return f"{text} {terbilang(rest)}".strip() if rest else text
    raise AssertionError(n)  # pragma: no cover


def letter_html(sk, pegawai, *, verify_url: str, settings: LetterSettings) -> str:
    from layanan.products.files import qr_svg

    with translation.override("id"):  # a decree reads in Indonesian whatever the UI language
        return render_to_string(
            LETTER_TEMPLATE,
            {
                "pegawai": pegawai,
                "product": sk,
                "kepada": settings.kepada,
                "official_title": settings.official_title,
                "official_name": sk.official_name,
                "official_nip": settings.official_nip,
                "gaji_lama": rupiah(sk.gaji_lama),
                "gaji_baru": rupiah(sk.gaji_baru),
                "gaji_baru_terbilang": terbilang(sk.gaji_baru),
                "verify_url": verify_url,
                # Our own SVG of our own URL: safe to insert unescaped.
                "qr_svg": mark_safe(qr_svg(verify_url)),
            },
        )


def letter_pdf(html: str) -> bytes:
    from layanan.products.files import render_pdf

    return render_pdf(html)


def filename(sk) -> str:
    return f"sk-kgb-{sk.tmt:%Y-%m}-{sk.pegawai.nip}.pdf"


def zip_of(letters, read) -> bytes:
    """The month's letters in one ZIP; ``read(document)`` gives a letter's stored bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sk in letters:
            archive.writestr(filename(sk), read(sk.document))
    return buffer.getvalue()
