"""Identity numbers: NIP (civil servant number) and NIK (population number).

Legal basis (domain.md §5):

* NIP, 18 digits — Peraturan Kepala BKN 22/2007 (procedure: Perka BKN 43/2007) [NIP]:
  digits 1–8 date of birth YYYYMMDD, 9–14 TMT (year, month) of the first CPNS appointment,
  15 gender (1 = laki-laki, 2 = perempuan), 16–18 sequence number 001–999.
  BKN's worked example: born 1 August 1966, CPNS 1 March 1988, man → 19660801 198803 1 001.
* NIK, 16 digits — UU 23/2006 jo UU 24/2013 (Administrasi Kependudukan) [NIK]:
  digits 1–2 province, 3–4 kabupaten/kota, 5–6 kecamatan (each code is only unique within
  its parent, so we report them cumulatively: "35", "3515", "351514"), 7–8 day of birth
  (women: day + 40), 9–10 month, 11–12 the last two digits of the year, 13–16 sequence.

The NIK carries only two digits of the year; :func:`parse_nik` takes the most recent year
that does not put the birth date after ``today``. Comparing a NIP with a NIK (birth date and
gender) is derived logic, not a rule of either regulation.

The ``make_*`` functions build valid numbers for synthetic demo data and property tests;
never put a real person's NIP or NIK in code or tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from regulations.inputs import RuleArgumentParser, parse_iso_date
from regulations.reasons import Reason, RuleInputError, Verdict

GENDERS = ("L", "P")  # laki-laki, perempuan
_NIP_GENDER_DIGIT = {"1": "L", "2": "P"}  # Perka BKN 22/2007: digit 15
NIK_FEMALE_DAY_OFFSET = 40  # UU 23/2006 jo 24/2013 practice [NIK]: women's day of birth + 40

# Lowest age at a CPNS appointment: PP 11/2017 Pasal 23(1)a (18 years when applying), also
# the floor in the earlier rules. A NIP whose TMT CPNS comes before the month of the 18th
# birthday is a typing error. Callers holding legacy data may pass a lower value.
MIN_CPNS_AGE = 18


@dataclass(frozen=True)
class Nip:
    """A parsed NIP; ``str(nip)`` gives back the 18 digits."""

    birth_date: date
    cpns_tmt: tuple[int, int]  # (year, month); a TMT is always the 1st of that month
    gender: str  # "L" or "P"
    sequence: int

    def __str__(self) -> str:
        return make_nip(self.birth_date, *self.cpns_tmt, self.gender, self.sequence)

    @property
    def formatted(self) -> str:
        """The usual printed grouping: ``19660801 198803 1 001``."""
        s = str(self)
        return f"{s[:8]} {s[8:14]} {s[14]} {s[15:]}"


@dataclass(frozen=True)
class Nik:
    """A parsed NIK with cumulative region codes (province "35", regency "3515", district "351514")."""

    province: str
    regency: str
    district: str
    birth_date: date
    gender: str  # "L" or "P"
    sequence: int

    def __str__(self) -> str:
        return make_nik(
            self.province, self.regency, self.district, self.birth_date, self.gender, self.sequence
        )


def _digits(value: object, label: str, length: int) -> str:
    """``value`` without spaces, checked to be exactly ``length`` digits."""
    if not isinstance(value, str):
        raise RuleInputError(f"{label} harus berupa teks angka, bukan {type(value).__name__}.")
    s = "".join(value.split())  # printed NIPs are grouped with spaces: 19660801 198803 1 001
    if bad := sorted({c for c in s if not c.isascii() or not c.isdigit()}):
        raise RuleInputError(f"{label} hanya boleh berisi angka; ditemukan: {' '.join(map(repr, bad))}.")
    if len(s) != length:
        raise RuleInputError(f"{label} harus {length} digit, bukan {len(s)} digit.")
    return s


def _date(year: int, month: int, day: int, what: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise RuleInputError(
            f"{what} tidak valid: {day:02d}-{month:02d}-{year:04d} bukan tanggal yang ada."
        ) from exc


def _check_gender(gender: str) -> None:
    if gender not in GENDERS:
        raise RuleInputError(f"Jenis kelamin harus 'L' atau 'P', bukan {gender!r}.")


def parse_nip(value: str, *, min_cpns_age: int = MIN_CPNS_AGE) -> Nip:
    """Parse an 18-digit NIP (spaces allowed) or raise RuleInputError saying what is wrong."""
    s = _digits(value, "NIP", 18)
    birth = _date(int(s[0:4]), int(s[4:6]), int(s[6:8]), "Tanggal lahir pada NIP (digit 1–8)")
    year, month = int(s[8:12]), int(s[12:14])
    if not 1 <= month <= 12:
        raise RuleInputError(f"Bulan TMT CPNS pada NIP (digit 13–14) harus 01–12, bukan {s[12:14]}.")
    if s[14] not in _NIP_GENDER_DIGIT:
        raise RuleInputError(
            f"Kode jenis kelamin pada NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan), bukan {s[14]}."
        )
    if s[15:] == "000":
        raise RuleInputError("Nomor urut pada NIP (digit 16–18) harus 001–999, bukan 000.")
    if (year, month) < (birth.year, birth.month):
        raise RuleInputError(
            f"TMT CPNS pada NIP ({year:04d}-{month:02d}) lebih awal dari tanggal lahir ({birth.isoformat()})."
        )
    if (year, month) < (birth.year + min_cpns_age, birth.month):
        raise RuleInputError(
            f"TMT CPNS pada NIP ({year:04d}-{month:02d}) jatuh sebelum usia {min_cpns_age} tahun "
            f"(lahir {birth.isoformat()}); periksa kembali NIP."
        )
    return Nip(birth, (year, month), _NIP_GENDER_DIGIT[s[14]], int(s[15:]))


def parse_nik(value: str, *, today: date) -> Nik:
    """Parse a 16-digit NIK; the two-digit birth year is the latest one not after ``today``."""
    s = _digits(value, "NIK", 16)
    for start, label in (
        (0, "provinsi (digit 1–2)"),
        (2, "kabupaten/kota (digit 3–4)"),
        (4, "kecamatan (digit 5–6)"),
    ):
        if s[start : start + 2] == "00":
            raise RuleInputError(f"Kode {label} pada NIK tidak boleh 00.")
    day, month, yy = int(s[6:8]), int(s[8:10]), int(s[10:12])
    gender = "P" if day > NIK_FEMALE_DAY_OFFSET else "L"
    day -= NIK_FEMALE_DAY_OFFSET if gender == "P" else 0
    if not 1 <= day <= 31:
        raise RuleInputError(
            f"Tanggal lahir pada NIK (digit 7–8) harus 01–31 (laki-laki) atau 41–71 (perempuan), bukan {s[6:8]}."
        )
    if not 1 <= month <= 12:
        raise RuleInputError(f"Bulan lahir pada NIK (digit 9–10) harus 01–12, bukan {s[8:10]}.")
    if s[12:] == "0000":
        raise RuleInputError("Nomor urut pada NIK (digit 13–16) harus 0001–9999, bukan 0000.")
    return Nik(s[:2], s[:4], s[:6], _nik_birth_date(day, month, yy, today), gender, int(s[12:]))


def _nik_birth_date(day: int, month: int, yy: int, today: date) -> date:
    # Try this century, then the previous one; 29 February may exist in only one of them.
    century = today.year // 100 * 100
    for year in (century + yy, century - 100 + yy):
        try:
            born = date(year, month, day)
        except ValueError:
            continue
        if born <= today:
            return born
    raise RuleInputError(
        f"Tanggal lahir pada NIK tidak valid: {day:02d}-{month:02d}-{yy:02d} bukan tanggal yang ada "
        f"(paling lambat {today.isoformat()})."
    )


def check_nip_nik(nip: Nip, nik: Nik) -> Verdict:
    """Do a NIP and a NIK belong to the same person? Compares birth date and gender."""
    failures = []
    if nip.birth_date != nik.birth_date:
        failures.append(
            Reason(
                "nip_nik_tanggal_lahir_berbeda",
                f"Tanggal lahir pada NIP ({nip.birth_date.isoformat()}) berbeda dengan "
                f"pada NIK ({nik.birth_date.isoformat()}).",
            )
        )
    if nip.gender != nik.gender:
        failures.append(
            Reason(
                "nip_nik_jenis_kelamin_berbeda",
                f"Jenis kelamin pada NIP ({nip.gender}) berbeda dengan pada NIK ({nik.gender}).",
            )
        )
    return Verdict.from_failures(failures)


def make_nip(birth_date: date, cpns_year: int, cpns_month: int, gender: str, sequence: int) -> str:
    """Build an 18-digit NIP from its parts; raises RuleInputError if they cannot form one."""
    _check_gender(gender)
    if not 1 <= sequence <= 999:
        raise RuleInputError(f"Nomor urut NIP harus 1–999, bukan {sequence}.")
    if not (1000 <= cpns_year <= 9999 and 1 <= cpns_month <= 12):
        raise RuleInputError(f"TMT CPNS tidak valid: tahun {cpns_year}, bulan {cpns_month}.")
    digit = "1" if gender == "L" else "2"
    nip = f"{birth_date:%Y%m%d}{cpns_year:04d}{cpns_month:02d}{digit}{sequence:03d}"
    parse_nip(nip)  # the remaining checks (e.g. age at TMT) live in one place
    return nip


def make_nik(province: str, regency: str, district: str, birth_date: date, gender: str, sequence: int) -> str:
    """Build a 16-digit NIK. ``regency``/``district`` may be local ("15", "14") or cumulative
    ("3515", "351514") codes; a cumulative code must start with its parent's."""
    _check_gender(gender)
    district = _region(
        _region(_region("", province, "provinsi"), regency, "kabupaten/kota"), district, "kecamatan"
    )
    if not 1 <= sequence <= 9999:
        raise RuleInputError(f"Nomor urut NIK harus 1–9999, bukan {sequence}.")
    day = birth_date.day + (NIK_FEMALE_DAY_OFFSET if gender == "P" else 0)
    return f"{district}{day:02d}{birth_date:%m}{birth_date.year % 100:02d}{sequence:04d}"


def _region(parent: str, code: str, label: str) -> str:
    """The cumulative code of a region: ``code`` is two local digits or ``parent`` + two digits."""
    full = parent + code if len(code) == 2 else code
    if (
        len(full) != len(parent) + 2
        or not full.startswith(parent)
        or not full.isdigit()
        or full.endswith("00")
    ):
        within = f" di bawah kode induk {parent}" if parent else ""
        raise RuleInputError(f"Kode {label} {code!r} tidak valid{within}: harus dua digit 01–99.")
    return full


# --- CLI ------------------------------------------------------------------------------------


def _nip_dict(nip: Nip) -> dict:
    year, month = nip.cpns_tmt
    return {
        "birth_date": nip.birth_date.isoformat(),
        "cpns_tmt": f"{year:04d}-{month:02d}",
        "gender": nip.gender,
        "sequence": nip.sequence,
    }


def command_nip(argv: list[str]) -> dict:
    """``nip NIP``: the parts of a NIP."""
    parser = RuleArgumentParser(prog="nip", add_help=False)
    parser.add_argument("nip", nargs="?")
    args = parser.parse_args(argv)
    if args.nip is None:
        raise RuleInputError("Berikan NIP 18 digit, mis. nip 196608011988031001.")
    return _nip_dict(parse_nip(args.nip))


def command_nik(argv: list[str]) -> dict:
    """``nik NIK --today YYYY-MM-DD [--nip NIP]``: the parts of a NIK, optionally checked against a NIP."""
    parser = RuleArgumentParser(prog="nik", add_help=False)
    parser.add_argument("nik", nargs="?")
    parser.add_argument("--today")
    parser.add_argument("--nip")
    args = parser.parse_args(argv)
    if args.nik is None or args.today is None:
        raise RuleInputError(
            "Berikan NIK 16 digit dan --today YYYY-MM-DD (tahun lahir pada NIK hanya dua digit), "
            "mis. nik 3515144508680002 --today 2026-11-23."
        )
    nik = parse_nik(args.nik, today=parse_iso_date(args.today, "--today"))
    result = {
        "province": nik.province,
        "regency": nik.regency,
        "district": nik.district,
        "birth_date": nik.birth_date.isoformat(),
        "gender": nik.gender,
        "sequence": nik.sequence,
    }
    if args.nip is not None:
        result["nip_check"] = check_nip_nik(parse_nip(args.nip), nik).as_dict()
    return result
