"""CPNS applicant screening: the checks that can be computed from an application.

Legal basis (domain.md §12):

* Age 18–35 when the applicant registers online — PP 11/2017 Pasal 23 ayat (1) huruf a
  [CPNS], repeated in the BKD Kalimantan Barat announcement (S000, persyaratan 2: "pada saat
  pelamar mendaftar secara online"). Certain positions set by the President may go up to 40:
  which formations is decided per selection → :attr:`CpnsConfig.formation_max_age`.
* One application: 1 instansi, 1 formasi, 1 unit penempatan per registration period
  (S000, persyaratan 11 and tata cara 6).
* IPK threshold by origin: ≥ 3,50 from outside the province, ≥ 2,50 from a kabupaten/kota
  inside it (proved by KK + KTP) — S000 persyaratan 12–13, the Kalbar instansi's own rule.
  Every instansi sets its own thresholds each year → configurable; no national rule known.
* Pas foto and swafoto of 120–200 KB each (S000, tata cara 2 and 4).

The other conditions of PP 11/2017 Pasal 23 (criminal record, discharge history, party
membership, health, conduct, matching education) are checked on documents by the committee,
not computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from regulations.identity import parse_nik
from regulations.inputs import angka, parse_iso_date, parse_json_argument, reject_unknown_fields
from regulations.reasons import Reason, RuleInputError, Verdict

_AGE_SOURCE = "PP 11/2017 Pasal 23 ayat (1) huruf a"


@dataclass(frozen=True)
class CpnsConfig:
    """One selection's screening settings; the defaults are the Kalbar 2019-era announcement."""

    min_age: int = 18  # PP 11/2017 Pasal 23(1)a
    max_age: int = 35  # PP 11/2017 Pasal 23(1)a
    # "Jabatan tertentu" with a higher limit (up to 40 per domain.md §12): formation name → age.
    # Which formations qualify is set per selection: UNCONFIRMED, none by default.
    formation_max_age: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # S000 persyaratan 13 and 12 (Kalbar only; the national rule is UNCONFIRMED).
    ipk_min_in_province: float = 2.50
    ipk_min_outside_province: float = 3.50
    photo_min_kb: int = 120  # S000 tata cara 2 and 4
    photo_max_kb: int = 200
    # Whether "KB" means 1024 or 1000 bytes on SSCASN: UNCONFIRMED.
    bytes_per_kb: int = 1024
    # "Paling tinggi 35 tahun": True reads it as 35 completed years (eligible until the day
    # before the 36th birthday); False ends eligibility the day after the 35th birthday.
    # Day-level reading UNCONFIRMED (domain.md §12).
    age_in_completed_years: bool = True

    def __post_init__(self) -> None:
        limits = [self.max_age, *self.formation_max_age.values()]
        if any(not isinstance(a, int) or isinstance(a, bool) or a < self.min_age for a in limits):
            raise RuleInputError("Batas usia paling tinggi harus bilangan bulat ≥ batas usia paling rendah.")
        if not 0 <= self.ipk_min_in_province <= 4 or not 0 <= self.ipk_min_outside_province <= 4:
            raise RuleInputError("Batas IPK harus antara 0 dan 4.")
        if not 0 < self.photo_min_kb <= self.photo_max_kb or self.bytes_per_kb not in (1000, 1024):
            raise RuleInputError(
                "Batas ukuran foto harus 0 < minimal ≤ maksimal; 1 KB = 1000 atau 1024 byte."
            )
        # Formation names are typed by people: match them without case or extra spaces.
        normalised = {_norm(k): v for k, v in self.formation_max_age.items()}
        object.__setattr__(self, "formation_max_age", MappingProxyType(normalised))

    def max_age_for(self, formation: str | None) -> int:
        return self.formation_max_age.get(_norm(formation or ""), self.max_age)


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class CpnsApplicant:
    """What the screening needs from one registration."""

    birth_date: date  # as on the KTP (S000)
    registered_on: date  # day of online registration, or the selection's reference date
    photo_bytes: int  # pas foto
    selfie_bytes: int | None = None  # swafoto; None while not uploaded yet (a later step)
    ipk: float | None = None  # None: the formation needs no degree, so no IPK rule
    in_province: bool | None = None  # from a kabupaten/kota of the instansi's province (KK + KTP)
    formation: str | None = None
    other_applications: int = 0  # other registrations by the same NIK in this period

    def __post_init__(self) -> None:
        if self.birth_date > self.registered_on:
            raise RuleInputError("Tanggal lahir tidak boleh sesudah tanggal pendaftaran.")
        if self.ipk is not None and not 0 <= self.ipk <= 4:
            raise RuleInputError(f"IPK harus antara 0,00 dan 4,00, bukan {self.ipk}.")
        if self.ipk is not None and self.in_province is None:
            raise RuleInputError("Asal pelamar (dalam/luar provinsi) wajib diisi bila ada IPK.")
        sizes = (self.photo_bytes, self.selfie_bytes or 0, self.other_applications)
        if any(n < 0 for n in sizes):
            raise RuleInputError("Ukuran foto dan jumlah lamaran tidak boleh negatif.")


@dataclass(frozen=True)
class CpnsScreening:
    verdict: Verdict  # reasons: every condition the applicant fails
    age_years: int  # completed years on registered_on
    max_age: int  # the limit that applied (formation-specific or general)
    ipk_minimum: float | None  # the IPK threshold that applied, if any

    def as_dict(self) -> dict:
        return {
            **self.verdict.as_dict(),
            "age_years": self.age_years,
            "max_age": self.max_age,
            "ipk_minimum": self.ipk_minimum,
        }


def completed_years(birth: date, on: date) -> int:
    """Age in whole years; someone born on 29 February turns a year older on 1 March."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def screen_cpns(applicant: CpnsApplicant, config: CpnsConfig | None = None) -> CpnsScreening:
    """Check age, IPK, single application and photo sizes; a reason for every failure."""
    config = config or CpnsConfig()
    a = applicant
    failures: list[Reason] = []
    on, born = a.registered_on.isoformat(), a.birth_date.isoformat()

    age = completed_years(a.birth_date, a.registered_on)
    max_age = config.max_age_for(a.formation)
    if age < config.min_age:
        failures.append(
            Reason(
                "usia_kurang",
                f"Pada {on} pelamar belum berusia {config.min_age} tahun (lahir {born}); {_AGE_SOURCE}.",
            )
        )
    if config.age_in_completed_years:
        too_old = age > max_age
    else:  # strict: the day before registration the applicant was still under max_age
        too_old = completed_years(a.birth_date, a.registered_on - timedelta(days=1)) >= max_age
    if too_old:
        limit = f"{max_age} tahun" + (f" untuk formasi {a.formation}" if max_age != config.max_age else "")
        failures.append(
            Reason(
                "usia_lebih",
                f"Pada {on} pelamar telah melewati usia {limit} (lahir {born}); {_AGE_SOURCE}.",
            )
        )

    ipk_minimum = None
    if a.ipk is not None:
        ipk_minimum = config.ipk_min_in_province if a.in_province else config.ipk_min_outside_province
        if round(a.ipk, 2) < ipk_minimum:
            origin = "dari dalam provinsi" if a.in_province else "dari luar provinsi"
            failures.append(
                Reason(
                    "ipk_kurang",
                    f"IPK {angka(a.ipk, 2)} di bawah minimal {angka(ipk_minimum, 2)} untuk pelamar {origin}.",
                )
            )

    if a.other_applications:
        failures.append(
            Reason(
                "lamaran_ganda",
                f"Pelamar sudah punya {a.other_applications} lamaran lain pada periode ini; hanya boleh "
                "1 instansi, 1 formasi, 1 unit penempatan per periode pendaftaran.",
            )
        )

    for code, label, size in (
        ("pas_foto_ukuran", "pas foto", a.photo_bytes),
        ("swafoto_ukuran", "swafoto", a.selfie_bytes),
    ):
        if size is None:
            continue
        kb = size / config.bytes_per_kb
        if not config.photo_min_kb <= kb <= config.photo_max_kb:
            failures.append(
                Reason(
                    code,
                    f"Ukuran {label} {angka(kb, 2)} KB; harus {config.photo_min_kb}–{config.photo_max_kb} KB.",
                )
            )

    return CpnsScreening(Verdict.from_failures(failures), age, max_age, ipk_minimum)


# --- CLI: python -m regulations cpns JSON ------------------------------------------------------

# field -> (accepted JSON types, what the error message says is expected)
_INT = ((int,), "bilangan bulat")
_NUMBER = ((int, float), "angka")
_DATE = ((str,), "tanggal ISO YYYY-MM-DD")
_BOOL = ((bool,), "true/false")
_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "birth_date": _DATE,
    "nik": ((str,), "teks 16 digit"),
    "registered_on": _DATE,
    "photo_bytes": _INT,
    "selfie_bytes": _INT,
    "ipk": _NUMBER,
    "in_province": _BOOL,
    "formation": ((str,), "teks"),
    "other_applications": _INT,
    "config": ((dict,), "objek"),
}
CONFIG_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "min_age": _INT,
    "max_age": _INT,
    "formation_max_age": ((dict,), "objek {formasi: usia}"),
    "ipk_min_in_province": _NUMBER,
    "ipk_min_outside_province": _NUMBER,
    "photo_min_kb": _INT,
    "photo_max_kb": _INT,
    "bytes_per_kb": _INT,
    "age_in_completed_years": _BOOL,
}


def _typed(data: dict, name: str, types: tuple[type, ...], shown: str, where: str = "") -> object:
    value = data[name]
    # JSON true/false are Python bools, which are ints too: never accept one for the other.
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        raise RuleInputError(f"Kolom '{where}{name}' harus {shown}, bukan {value!r}.")
    return value


def command_cpns(argv: list[str]) -> dict:
    """``cpns JSON``: screen one applicant (fields documented in docs/regulations.md)."""
    # null means "not given", so optional fields may be sent as null
    data = {k: v for k, v in parse_json_argument(argv).items() if v is not None}
    reject_unknown_fields(data, _FIELDS)
    if missing := {"registered_on", "photo_bytes"} - data.keys():
        raise RuleInputError(f"Kolom wajib belum diisi: {', '.join(sorted(missing))}.")
    if ("birth_date" in data) == ("nik" in data):
        raise RuleInputError("Isi tepat satu dari 'birth_date' atau 'nik'.")
    values = {name: _typed(data, name, *_FIELDS[name]) for name in data}
    values["registered_on"] = parse_iso_date(values["registered_on"], "Kolom 'registered_on'")
    if "nik" in values:
        values["birth_date"] = parse_nik(values.pop("nik"), today=values["registered_on"]).birth_date
    else:
        values["birth_date"] = parse_iso_date(values["birth_date"], "Kolom 'birth_date'")
    raw_config = values.pop("config", {})
    reject_unknown_fields(raw_config, CONFIG_FIELDS, "config ")
    config = CpnsConfig(**{k: _typed(raw_config, k, *CONFIG_FIELDS[k], "config.") for k in raw_config})
    return screen_cpns(CpnsApplicant(**values), config).as_dict()
