"""The national service's JSON records mapped to Pelita's fields: the one place that knows
both vocabularies (docs/siasn.md lists every field).

Values come back in Pelita's own terms (choice codes, ``datetime.date``, golongan codes such
as "III/a"), read with the same vocabularies as the Data ASN files
(people.imports.files.siasn), so a name the import accepts is accepted here too. A record that
cannot be read raises ``Malformed`` with the reason; the pull reports it and imports nothing
of it.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

from people.imports.files import siasn as vocab


class Malformed(ValueError):
    """A record the national service sent that cannot be read; the message says why."""


# data-utama key → Pelita's Pegawai field, for plain text values.
TEXT_FIELDS = {
    "nama": "nama",
    "gelarDepan": "gelar_depan",
    "gelarBelakang": "gelar_belakang",
    "tempatLahir": "tempat_lahir",
    "alamat": "alamat",
    "noHp": "nomor_hp",
    "email": "email",
    "jabatanNama": "jabatan",
    "nik": "nik",
}
DATE_FIELDS = {
    "tglLahir": "tanggal_lahir",
    "tmtCpns": "tmt_cpns",
    "tmtPns": "tmt_pns",
    "tmtGolAkhir": "tmt_golongan",
    "tmtJabatan": "tmt_jabatan",
}
# data-utama key → (Pelita field, vocabulary of people.imports.files.siasn)
CHOICE_FIELDS = {
    "jenisKelamin": ("jenis_kelamin", vocab.GENDER),
    "agama": ("agama", vocab.AGAMA),
    "statusPerkawinan": ("status_kawin", vocab.KAWIN),
    "kedudukanPnsNama": ("status", vocab.KEDUDUKAN),
    "pendidikanTerakhirNama": ("pendidikan", vocab.PENDIDIKAN),
}
# Every Pegawai field a pull compares, in the order the worklist shows them.
COMPARED = (
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama",
    "status_kawin",
    "nik",
    "nomor_hp",
    "email",
    "alamat",
    "jenis_pegawai",
    "status",
    "tmt_cpns",
    "tmt_pns",
    "golongan",
    "tmt_golongan",
    "jabatan",
    "tmt_jabatan",
    "pendidikan",
)

_NIP = re.compile(r"^[0-9]{18}$")
_GOLONGAN = re.compile(r"^(I|II|III|IV)/[a-e]$")


def parse_date(value, key: str) -> dt.date | None:
    """The service writes dates as "31-12-1990"; ISO dates are read too. Empty is None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    for fmt in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise Malformed(_("Tanggal %(key)s tidak sah: %(value)s") % {"key": key, "value": text})


def golongan_code(value, key: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not _GOLONGAN.match(text):
        raise Malformed(_("Golongan %(key)s tidak sah: %(value)s") % {"key": key, "value": text})
    return text


def pegawai_values(record) -> dict:
    """A ``pns/data-utama/{nip}`` record as Pelita's Pegawai fields (only the compared ones)."""
    if not isinstance(record, dict):
        raise Malformed(_("Data utama bukan objek JSON."))
    nip = str(record.get("nipBaru") or "").strip()
    if not _NIP.match(nip):
        raise Malformed(_("NIP baru tidak sah: %(value)s") % {"value": nip or "-"})
    if not str(record.get("nama") or "").strip():
        raise Malformed(_("Nama kosong."))
    values: dict = {"nip": nip, "pns_id": str(record.get("id") or "")}
    for key, field in TEXT_FIELDS.items():
        values[field] = str(record.get(key) or "").strip()
    values["nik"] = values["nik"] or None
    for key, field in DATE_FIELDS.items():
        values[field] = parse_date(record.get(key), key)
    if values["tanggal_lahir"] is None:
        raise Malformed(_("Tanggal lahir kosong."))
    for key, (field, vocabulary) in CHOICE_FIELDS.items():
        raw = str(record.get(key) or "").strip()
        code = vocab.choose(vocabulary, raw) if raw else ""
        if code is None:
            raise Malformed(_("Nilai %(key)s tidak dikenal: %(value)s") % {"key": key, "value": raw})
        values[field] = code
    status_pegawai = str(record.get("statusPegawai") or "").strip()
    jenis = str(record.get("jenisPegawaiNama") or "").upper()
    if "PPPK" in jenis:
        values["jenis_pegawai"] = "pppk"
    else:
        values["jenis_pegawai"] = vocab.choose(vocab.STATUS_CPNS, status_pegawai) or "pns"
    values["golongan"] = golongan_code(record.get("golRuangAkhir"), "golRuangAkhir")
    return values


def golongan_rows(records) -> list[dict]:
    """A ``pns/rw-golongan/{nip}`` answer as RiwayatGolongan values (golongan by its code)."""
    if not isinstance(records, list):
        raise Malformed(_("Riwayat golongan bukan daftar."))
    rows = []
    for record in records:
        if not isinstance(record, dict):
            raise Malformed(_("Riwayat golongan berisi baris yang bukan objek."))
        code = golongan_code(record.get("golongan"), "golongan")
        tmt = parse_date(record.get("tmtGolongan"), "tmtGolongan")
        if code is None or tmt is None:
            raise Malformed(_("Riwayat golongan tanpa golongan atau TMT."))
        jenis = vocab.choose(vocab.JENIS_KP, str(record.get("jenisKPNama") or "")) or "reguler"
        rows.append(
            {
                "golongan": code,
                "tmt": tmt,
                "jenis_kp": jenis,
                "nomor_sk": str(record.get("skNomor") or "").strip(),
                "tanggal_sk": parse_date(record.get("skTanggal"), "skTanggal"),
                "mk_tahun": _small_int(record.get("masaKerjaGolonganTahun")),
                "mk_bulan": _small_int(record.get("masaKerjaGolonganBulan")) % 12,
            }
        )
    return rows


def _small_int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        raise Malformed(_("Masa kerja tidak sah: %(value)s") % {"value": value}) from None


# pns/nilaiipasn key → ipasn.models.NationalScore field
IPASN_FIELDS = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")
_IPASN_MAX = {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5, "total": 100}


def ipasn_values(record, nip: str) -> dict | None:
    """A ``pns/nilaiipasn/{nip}`` answer as a row of the IP-ASN national comparison
    (nip, tahun and the five values, in the shape ipasn's CSV import reads); None when the
    service has no value for the employee yet (an empty record)."""
    if record in (None, {}, []):
        return None
    if not isinstance(record, dict):
        raise Malformed(_("Nilai IP-ASN bukan objek JSON."))
    if str(record.get("nip") or nip).strip() != nip:
        raise Malformed(_("Nilai IP-ASN untuk NIP lain: %(value)s") % {"value": record.get("nip")})
    try:
        tahun = int(record.get("tahun"))
    except (TypeError, ValueError):
        raise Malformed(
            _("Tahun nilai IP-ASN tidak sah: %(value)s") % {"value": record.get("tahun")}
        ) from None
    if not 2000 <= tahun <= 2100:
        raise Malformed(_("Tahun nilai IP-ASN tidak sah: %(value)s") % {"value": tahun})
    row = {"nip": nip, "tahun": tahun}
    for key in IPASN_FIELDS:
        value = record.get(key)
        try:
            number = float(str(value).replace(",", "."))
        except (TypeError, ValueError):
            number = None
        if number is None or number != number or not 0 <= number <= _IPASN_MAX[key]:
            raise Malformed(_("Nilai IP-ASN %(key)s tidak sah: %(value)s") % {"key": key, "value": value})
        row[key] = number
    return row
