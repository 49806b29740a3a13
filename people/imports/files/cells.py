"""Reading one row of an import file: typed cells, each failure an Indonesian reason.

``Cells`` wraps a row and collects every problem instead of stopping at the first, so a
report names all the cells to fix at once. ``Lookups`` holds the reference data the rows
point at (golongan, OPD and unit, functional positions), read once per file.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext as _

from org.models import Opd, UnitKerja
from people.imports.files import siasn
from people.models import Golongan, JabatanFungsional
from regulations.identity import Nip, check_nip_nik, parse_nik, parse_nip
from regulations.ranks import golongan as rank
from regulations.reasons import RuleInputError

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
_INTEGER = re.compile(r"-?\d+")
# Dates repeat across a file (TMTs fall on the 1st, birthdays cluster): each text is
# parsed once. None marks a text that is not a date. Cleared when it grows large.
_DATES: dict[str, dt.date | None] = {}
_DATES_MAX = 100_000
# max_length per (model, field), read from _meta once instead of on every cell
_LIMITS: dict[tuple, int | None] = {}


def parse_date(text: str) -> dt.date:
    """``dd-mm-yyyy`` or ``yyyy-mm-dd`` ("/" also accepted); ValueError otherwise."""
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


class _EmailValidator(EmailValidator):
    """Django's email rule, with each domain's verdict remembered.

    A file's thousands of addresses share a handful of domains, and the domain pattern
    (hostnames with Unicode labels) is nine tenths of the check's cost.
    """

    def __init__(self) -> None:
        super().__init__()
        self._domains: dict[str, bool] = {}
        # the same pattern, compiled now rather than behind Django's lazy proxy on every call
        lazy = EmailValidator.user_regex
        self.user_regex = re.compile(lazy.pattern, lazy.flags)

    def validate_domain_part(self, domain_part: str) -> bool:
        known = self._domains.get(domain_part)
        if known is None:
            if len(self._domains) >= 10_000:
                self._domains.clear()
            known = self._domains[domain_part] = super().validate_domain_part(domain_part)
        return known


validate_email = _EmailValidator()


def _cached_date(text: str) -> dt.date | None:
    try:
        return _DATES[text]
    except KeyError:
        pass
    try:
        value = parse_date(text)
    except ValueError:
        value = None
    if len(_DATES) >= _DATES_MAX:
        _DATES.clear()
    _DATES[text] = value
    return value


def _limit(model: type[models.Model], field: str) -> int | None:
    try:
        return _LIMITS[model, field]
    except KeyError:
        limit = _LIMITS[model, field] = model._meta.get_field(field).max_length
        return limit


class Cells:
    """One row's cells, read by type. Each reader returns None (or "") when the cell is bad."""

    __slots__ = ("errors", "get", "nip_text", "present", "row")

    def __init__(self, row, present: set[str]) -> None:
        self.row = row
        self.present = present
        self.errors: list[tuple[str, str]] = []
        self.get = row.values.get  # bound once: every reader below starts with it
        self.nip_text = "".join(self.get("nip_baru", "").split())

    def has(self, column: str) -> bool:
        return column in self.present

    def raw(self, column: str) -> str:
        return self.get(column, "")

    def fail(self, column: str, reason: str) -> None:
        self.errors.append((column, reason))

    def text(self, column: str, model: type[models.Model], field: str, *, required: bool = False) -> str:
        value = self.get(column, "")
        if required and not value:
            self.fail(column, _("Wajib diisi."))
        limit = _limit(model, field)
        if limit and len(value) > limit:
            self.fail(
                column,
                _("Terlalu panjang: %(n)s karakter, paling banyak %(max)s.")
                % {"n": len(value), "max": limit},
            )
            return ""
        return value

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.get(column, "")
        if not value:
            if required:
                self.fail(column, _("Wajib diisi (tanggal dd-mm-yyyy atau yyyy-mm-dd)."))
            return None
        parsed = _cached_date(value)
        if parsed is None:
            self.fail(
                column,
                _("Tanggal %(value)r tidak valid; tulis dd-mm-yyyy atau yyyy-mm-dd.") % {"value": value},
            )
        return parsed

    def integer(
        self, column: str, *, low: int, high: int, required: bool = False, default: int | None = None
    ) -> int | None:
        value = self.get(column, "")
        if not value:
            if required:
                self.fail(column, _("Wajib diisi."))
            return default
        if not _INTEGER.fullmatch(value) or not low <= int(value) <= high:
            self.fail(
                column,
                _("Harus bilangan bulat %(low)s–%(high)s, bukan %(value)r.")
                % {"low": low, "high": high, "value": value},
            )
            return None
        return int(value)

    def number(
        self, column: str, model: type[models.Model], field: str, *, required: bool = False
    ) -> decimal.Decimal | None:
        value = self.get(column, "")
        if not value:
            if required:
                self.fail(column, _("Wajib diisi."))
            return None
        if "," in value and "." not in value:
            value = value.replace(",", ".")  # Indonesian decimal comma
        spec = model._meta.get_field(field)
        try:
            number = decimal.Decimal(value)
            if not number.is_finite():
                raise decimal.InvalidOperation
        except decimal.InvalidOperation:
            self.fail(column, _("Harus angka, bukan %(value)r.") % {"value": self.raw(column)})
            return None
        if number < 0 or number.as_tuple().exponent < -spec.decimal_places:
            self.fail(
                column,
                _("Harus angka tidak negatif dengan paling banyak %(n)s angka di belakang koma.")
                % {"n": spec.decimal_places},
            )
            return None
        if number >= 10 ** (spec.max_digits - spec.decimal_places):
            self.fail(column, _("Angka %(value)s terlalu besar.") % {"value": value})
            return None
        return number.quantize(decimal.Decimal(1).scaleb(-spec.decimal_places))

    def choice(self, column: str, vocabulary: dict[str, str], names: str, *, required: bool = False) -> str:
        value = self.get(column, "")
        if not value:
            if required:
                self.fail(column, _("Wajib diisi; pilihan: %(names)s.") % {"names": names})
            return ""
        code = siasn.choose(vocabulary, value)
        if code is None:
            self.fail(
                column,
                _("Nilai %(value)r tidak dikenal; pilihan: %(names)s.") % {"value": value, "names": names},
            )
            return ""
        return code

    def email(self, column: str, model: type[models.Model], field: str) -> str:
        value = self.text(column, model, field)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.fail(column, _("Alamat email %(value)r tidak valid.") % {"value": value})
                return ""
        return value

    def nip(self, column: str = "nip_baru") -> Nip | None:
        if column in self.row.imprecise:
            self.fail(
                column,
                _(
                    "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks."
                ),
            )
            return None
        try:
            return parse_nip(self.nip_text)
        except RuleInputError as exc:
            self.fail(column, exc.message)
            return None

    def nik(self, nip: Nip | None, today: dt.date, column: str = "nik") -> str | None:
        """The NIK, structurally valid and consistent with the NIP; None when empty or bad."""
        text = "".join(self.raw(column).split())
        if not text:
            return None
        if column in self.row.imprecise:
            self.fail(
                column,
                _(
                    "NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks."
                ),
            )
            return None
        try:
            parsed = parse_nik(text, today=today)
        except RuleInputError as exc:
            self.fail(column, exc.message)
            return None
        if nip is not None:
            verdict = check_nip_nik(nip, parsed)
            if not verdict.ok:
                self.fail(column, " ".join(r.message for r in verdict.reasons))
                return None
        return text


class Lookups:
    """Reference rows a file points at, read once: golongan, OPD/unit, functional positions."""

    def __init__(self) -> None:
        self.golongan = {g.code: g for g in Golongan.objects.all()}
        self.golongan_by_numeric = {g.numeric: g for g in self.golongan.values()}
        self._opds: dict[str, list[Opd]] = {}
        opds = list(Opd.objects.select_related("instansi").order_by("pk"))
        for opd in opds:
            for name in {siasn.key(opd.name), siasn.key(opd.short_name)} - {""}:
                self._opds.setdefault(name, []).append(opd)
        self._units: dict[tuple[int, str], list[UnitKerja]] = {}
        for unit in UnitKerja.objects.order_by("pk"):
            self._units.setdefault((unit.opd_id, siasn.key(unit.name)), []).append(unit)
        self.jf_by_name = {siasn.key(jf.name): jf for jf in JabatanFungsional.objects.all()}
        # longest names first, so "Analis Kepegawaian" loses to a longer catalogue name it prefixes
        self._jf_prefixes = sorted(self.jf_by_name.items(), key=lambda item: -len(item[0]))
        # A file names the same few ranks and positions thousands of times: each text is
        # resolved once (with its error message, if any).
        self._opd_answers: dict[tuple[str, str], Opd | str | None] = {}
        self._ranks: dict[tuple[bool, str], tuple[Golongan | None, str]] = {}
        self._jf_matches: dict[str, tuple[JabatanFungsional | None, str]] = {}

    def find_golongan(self, cells: Cells, name_column: str, id_column: str | None = None) -> Golongan | None:
        name = cells.raw(name_column)
        numeric = cells.raw(id_column) if id_column else ""
        if not name and not numeric:
            return None
        text = (True, name) if name else (False, numeric)
        try:
            found, error = self._ranks[text]
        except KeyError:
            try:
                code = (
                    rank(name) if name else rank(int(numeric)) if numeric.isdigit() else rank(numeric)
                ).code
                found, error = self.golongan[code], ""
            except RuleInputError as exc:
                found, error = None, exc.message
            self._ranks[text] = found, error
        if error:
            cells.fail(name_column if name else id_column, error)
        return found

    def find_opd(self, name: str, instansi_name: str = "") -> Opd | str | None:
        """The OPD called ``name`` (name or short name); "ambiguous" when several instansi have one."""
        try:
            return self._opd_answers[name, instansi_name]
        except KeyError:
            pass
        found = self._opds.get(siasn.key(name), [])
        if len({o.pk for o in found}) > 1 and instansi_name:
            found = [o for o in found if siasn.key(o.instansi.name) == siasn.key(instansi_name)]
        if len({o.pk for o in found}) > 1:
            answer: Opd | str | None = "ambiguous"
        else:
            answer = found[0] if found else None
        self._opd_answers[name, instansi_name] = answer
        return answer

    def find_unit(self, opd: Opd, name: str) -> UnitKerja | None:
        found = self._units.get((opd.pk, siasn.key(name)), [])
        return found[0] if len(found) == 1 else None

    def match_jf(self, jabatan_nama: str) -> tuple[JabatanFungsional | None, str]:
        """ "Analis Kepegawaian Ahli Muda" → (the JF, "ahli_muda"), or (None, "") when no catalogue fits."""
        wanted = siasn.key(jabatan_nama)
        try:
            return self._jf_matches[wanted]
        except KeyError:
            pass
        match: tuple[JabatanFungsional | None, str] = (None, "")
        for name, jf in self._jf_prefixes:
            if wanted.startswith(name):
                rest = wanted[len(name) :]
                code = next((c for c in jf.jenjang if siasn.key(siasn.jenjang_label(c)) == rest), None)
                if code is not None:
                    match = (jf, code)
                    break
        self._jf_matches[wanted] = match
        return match

    def find_jf(self, cells: Cells, column: str) -> JabatanFungsional | None:
        name = cells.raw(column)
        if not name:
            return None
        jf = self.jf_by_name.get(siasn.key(name))
        if jf is None:
            cells.fail(column, _("Jabatan fungsional %(value)r tidak ada di katalog.") % {"value": name})
        return jf
