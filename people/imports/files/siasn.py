"""The national system's (SIASN) file formats: column lists and value vocabularies.

Pure data and small pure functions, no database: ``people.imports.files.tables`` reads files with
these, ``people.imports.files.export`` writes them. Every file kind is one row per record with a
header row; ``docs/import.md`` documents each column with an example row.

Names, not ids, decide on import: the national system's reference ids (agama, jenis
kawin, kedudukan hukum…) are not published in one stable table and differ between its
exports, while the names are what an operator can read and fix. Ids are written on export
(Pelita's own numbering where the national one is unknown) and ignored on import except
for golongan (its numeric code, e.g. 31, is the same everywhere) when the name is empty.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from regulations.ranks import Pendidikan

# --- file kinds ---------------------------------------------------------------------------

# The columns of SIASN's "Data ASN" export, one row per employee, in this order.
DATA_ASN_COLUMNS = [
    "pns_id",
    "nip_baru",
    "nip_lama",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir_id",
    "tempat_lahir_nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama_id",
    "agama_nama",
    "jenis_kawin_id",
    "jenis_kawin_nama",
    "nik",
    "nomor_hp",
    "email",
    "email_gov",
    "alamat",
    "npwp_nomor",
    "bpjs",
    "jenis_pegawai_id",
    "jenis_pegawai_nama",
    "kedudukan_hukum_id",
    "kedudukan_hukum_nama",
    "status_cpns_pns",
    "kartu_asn_virtual",
    "nomor_sk_cpns",
    "tanggal_sk_cpns",
    "tmt_cpns",
    "nomor_sk_pns",
    "tanggal_sk_pns",
    "tmt_pns",
    "gol_awal_id",
    "gol_awal_nama",
    "gol_akhir_id",
    "gol_akhir_nama",
    "tmt_golongan",
    "mk_tahun",
    "mk_bulan",
    "jenis_jabatan_id",
    "jenis_jabatan_nama",
    "jabatan_id",
    "jabatan_nama",
    "tmt_jabatan",
    "tingkat_pendidikan_id",
    "tingkat_pendidikan_nama",
    "pendidikan_id",
    "pendidikan_nama",
    "tahun_lulus",
    "kpkn_id",
    "kpkn_nama",
    "lokasi_kerja_id",
    "lokasi_kerja_nama",
    "unor_id",
    "unor_nama",
    "instansi_induk_id",
    "instansi_induk_nama",
    "instansi_kerja_id",
    "instansi_kerja_nama",
    "satuan_kerja_induk_id",
    "satuan_kerja_induk_nama",
    "satuan_kerja_kerja_id",
    "satuan_kerja_kerja_nama",
    "nama_sekolah",
]

_KEY = ("pns_id", "nip_baru")  # every history file names its employee by these


@dataclass(frozen=True)
class FileKind:
    """One importable file format: its columns in export order and the ones it cannot lack."""

    code: str
    label: str
    columns: tuple[str, ...]
    required: tuple[str, ...]


KINDS: dict[str, FileKind] = {
    kind.code: kind
    for kind in (
        FileKind(
            "data-asn",
            "Data ASN",
            tuple(DATA_ASN_COLUMNS),
            ("nip_baru", "nama", "tanggal_lahir", "jenis_kelamin"),
        ),
        FileKind(
            "rw-golongan",
            "Riwayat golongan",
            (
                *_KEY,
                "golongan_id",
                "golongan_nama",
                "tmt_golongan",
                "jenis_kp_nama",
                "nomor_sk",
                "tanggal_sk",
                "mk_tahun",
                "mk_bulan",
            ),
            ("nip_baru", "golongan_nama", "tmt_golongan"),
        ),
        FileKind(
            "rw-jabatan",
            "Riwayat jabatan",
            (
                *_KEY,
                "jenis_jabatan_id",
                "jenis_jabatan_nama",
                "jabatan_nama",
                "jabatan_fungsional_nama",
                "jenjang",
                "eselon",
                "satuan_kerja_kerja_nama",
                "unor_nama",
                "tmt_jabatan",
                "tmt_selesai",
                "nomor_sk",
                "tanggal_sk",
            ),
            ("nip_baru", "jenis_jabatan_nama", "jabatan_nama", "tmt_jabatan"),
        ),
        FileKind(
            "rw-pendidikan",
            "Riwayat pendidikan",
            (
                *_KEY,
                "tingkat_pendidikan_id",
                "tingkat_pendidikan_nama",
                "pendidikan_nama",
                "nama_sekolah",
                "tahun_lulus",
                "nomor_ijazah",
                "tanggal_ijazah",
                "terakreditasi",
                "izin_belajar",
            ),
            ("nip_baru", "tingkat_pendidikan_nama", "tahun_lulus"),
        ),
        FileKind(
            "rw-diklat",
            "Riwayat diklat",
            (
                *_KEY,
                "jenis_diklat_nama",
                "nama_diklat",
                "penyelenggara",
                "tahun",
                "jumlah_jam",
                "nomor_sertifikat",
                "tanggal_sertifikat",
            ),
            ("nip_baru", "jenis_diklat_nama", "nama_diklat", "tahun"),
        ),
        FileKind(
            "rw-kursus",
            "Riwayat kursus/seminar",
            (
                *_KEY,
                "nama_kursus",
                "penyelenggara",
                "tahun",
                "jumlah_jam",
                "nomor_sertifikat",
                "tanggal_sertifikat",
            ),
            ("nip_baru", "nama_kursus", "tahun"),
        ),
        FileKind(
            "rw-skp",
            "Riwayat SKP",
            (*_KEY, "tahun", "nilai_skp", "predikat"),
            ("nip_baru", "tahun"),
        ),
        FileKind(
            "rw-hukdis",
            "Riwayat hukuman disiplin",
            (
                *_KEY,
                "tingkat_hukuman",
                "jenis_hukuman_nama",
                "tmt_hukuman",
                "akhir_hukuman",
                "nomor_sk",
                "tanggal_sk",
            ),
            ("nip_baru", "tingkat_hukuman", "jenis_hukuman_nama", "tmt_hukuman"),
        ),
        FileKind(
            "rw-angkakredit",
            "Riwayat angka kredit",
            (*_KEY, "tahun", "jenjang", "angka_kredit", "kumulatif", "nomor_sk", "tanggal_sk"),
            ("nip_baru", "tahun", "jenjang", "angka_kredit"),
        ),
    )
}

DATE_COLUMNS = frozenset(
    {
        "tanggal_lahir",
        "tanggal_sk_cpns",
        "tmt_cpns",
        "tanggal_sk_pns",
        "tmt_pns",
        "tmt_golongan",
        "tmt_jabatan",
        "tmt_selesai",
        "tanggal_sk",
        "tanggal_ijazah",
        "tanggal_sertifikat",
        "tmt_hukuman",
        "akhir_hukuman",
    }
)


def detect_kind(columns: list[str]) -> FileKind | None:
    """The one kind whose columns include all of these and whose required ones are present."""
    present = set(columns)
    fitting = [k for k in KINDS.values() if present <= set(k.columns) and set(k.required) <= present]
    return fitting[0] if len(fitting) == 1 else None


# --- value vocabularies -------------------------------------------------------------------


_NOT_KEY = re.compile(r"[^0-9A-Z]")


@functools.lru_cache(maxsize=16384)  # imports key the same few names thousands of times
def key(value: str) -> str:
    """Letters and digits only, upper case: "S-1/Sarjana" and "s1 sarjana" meet at "S1SARJANA"."""
    return _NOT_KEY.sub("", value.upper())


def _index(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, aliases in pairs.items():
        for alias in aliases:
            # one spelling must never name two values
            assert index.setdefault(key(alias), code) == code, alias
    return index


GENDER = _index({"L": ("L", "M", "Laki-laki", "Pria"), "P": ("P", "F", "Perempuan", "Wanita")})

# code → (national id, name written on export). Pelita's code is the model's choice value.
AGAMA_OUT = {
    "islam": ("1", "Islam"),
    "kristen": ("2", "Kristen"),
    "katolik": ("3", "Katolik"),
    "hindu": ("4", "Hindu"),
    "buddha": ("5", "Buddha"),
    "konghucu": ("6", "Konghucu"),
    "lainnya": ("7", "Lainnya"),
}
AGAMA = _index(
    {
        "islam": ("Islam",),
        "kristen": ("Kristen", "Protestan", "Kristen Protestan"),
        "katolik": ("Katolik", "Katholik", "Kristen Katolik"),
        "hindu": ("Hindu",),
        "buddha": ("Buddha", "Budha", "Budhha"),
        "konghucu": ("Konghucu", "Khonghucu", "Kong Hu Cu", "Kong Hu Chu"),
        "lainnya": ("Lainnya", "Kepercayaan", "Lain-lain"),
    }
)

KAWIN_OUT = {
    "kawin": ("1", "Menikah"),
    "cerai_hidup": ("2", "Cerai Hidup"),
    "cerai_mati": ("3", "Cerai Mati"),
    "belum_kawin": ("4", "Belum Menikah"),
}
KAWIN = _index(
    {
        "kawin": ("Menikah", "Kawin"),
        "cerai_hidup": ("Cerai Hidup", "Cerai"),
        "cerai_mati": ("Cerai Mati", "Janda/Duda", "Janda", "Duda"),
        "belum_kawin": ("Belum Menikah", "Belum Kawin", "Tidak Kawin", "Lajang"),
    }
)

KEDUDUKAN_OUT = {
    "aktif": ("01", "Aktif"),
    "cltn": ("02", "CLTN"),
    "tugas_belajar": ("03", "Tugas Belajar"),
    "diberhentikan_sementara": ("04", "Pemberhentian Sementara"),
    "pensiun": ("05", "Pensiun"),
    "meninggal": ("06", "Meninggal"),
    "pindah": ("07", "Pindah Instansi"),
}
KEDUDUKAN = _index(
    {
        "aktif": ("Aktif",),
        "cltn": ("CLTN", "Cuti di Luar Tanggungan Negara"),
        "tugas_belajar": ("Tugas Belajar",),
        "diberhentikan_sementara": (
            "Pemberhentian Sementara",
            "Diberhentikan Sementara",
            "Berhenti Sementara",
        ),
        "pensiun": ("Pensiun", "Pensiun/Purna Tugas", "Purna Tugas"),
        "meninggal": ("Meninggal", "Meninggal Dunia", "Wafat"),
        "pindah": ("Pindah Instansi", "Pindah", "Mutasi Keluar"),
    }
)

# jenis_pegawai_nama says PNS or PPPK; status_cpns_pns ("C"/"P") tells CPNS from PNS.
JENIS_PEGAWAI_OUT = {
    "pns": ("4", "PNS Daerah", "P"),
    "cpns": ("4", "PNS Daerah", "C"),
    "pppk": ("9", "PPPK", ""),
}
STATUS_CPNS = _index({"cpns": ("C", "CPNS"), "pns": ("P", "PNS")})

JENIS_JABATAN_OUT = {
    "struktural": ("1", "Struktural"),
    "fungsional": ("2", "Fungsional Tertentu"),
    "pelaksana": ("4", "Pelaksana"),
}
JENIS_JABATAN = _index(
    {
        "struktural": (
            "Struktural",
            "Jabatan Struktural",
            "Jabatan Pimpinan Tinggi",
            "Administrator",
            "Pengawas",
        ),
        "fungsional": ("Fungsional Tertentu", "Fungsional", "Jabatan Fungsional"),
        "pelaksana": ("Pelaksana", "Fungsional Umum", "Jabatan Pelaksana"),
    }
)

# The national tingkat pendidikan ids (SAPK/SIASN reference table) and the names written
# on export; import also reads the short forms operators type ("S1", "D-III").
PENDIDIKAN_OUT = {
    Pendidikan.SD: ("05", "SD"),
    Pendidikan.SLTP: ("10", "SLTP"),
    Pendidikan.SLTP_KEJURUAN: ("12", "SLTP Kejuruan"),
    Pendidikan.SLTA: ("15", "SLTA"),
    Pendidikan.D1: ("20", "Diploma I"),
    Pendidikan.D2: ("25", "Diploma II"),
    Pendidikan.SGPLB: ("27", "SGPLB"),
    Pendidikan.D3: ("30", "Diploma III/Sarjana Muda"),
    Pendidikan.D4: ("35", "Diploma IV"),
    Pendidikan.S1: ("40", "S-1/Sarjana"),
    Pendidikan.S2: ("45", "S-2"),
    Pendidikan.S3: ("50", "S-3/Doktor"),
}
PENDIDIKAN = _index(
    {
        Pendidikan.SD: ("SD", "Sekolah Dasar"),
        Pendidikan.SLTP: ("SLTP", "SMP", "SLTP Umum"),
        Pendidikan.SLTP_KEJURUAN: ("SLTP Kejuruan", "SLTP_KEJURUAN"),
        Pendidikan.SLTA: ("SLTA", "SMA", "SMK", "SLTA Kejuruan", "SLTA Keguruan", "SLTA Umum"),
        Pendidikan.D1: ("Diploma I", "D-I", "D1", "DI"),
        Pendidikan.D2: ("Diploma II", "D-II", "D2", "DII"),
        Pendidikan.SGPLB: ("SGPLB",),
        Pendidikan.D3: ("Diploma III/Sarjana Muda", "Diploma III", "D-III", "D3", "DIII", "Sarjana Muda"),
        Pendidikan.D4: ("Diploma IV", "D-IV", "D4", "DIV"),
        Pendidikan.S1: ("S-1/Sarjana", "S-1", "S1", "Sarjana", "Strata I"),
        Pendidikan.S2: ("S-2", "S2", "S-2/Magister", "Magister", "Strata II", "Profesi"),
        Pendidikan.S3: ("S-3/Doktor", "S-3", "S3", "Doktor", "Strata III"),
    }
)

JENIS_KP = _index(
    {
        "awal": ("Awal", "Pengangkatan CPNS", "CPNS"),
        "reguler": ("Reguler", "KP Reguler"),
        "pilihan": (
            "Pilihan",
            "Pilihan (Jabatan Struktural/Fungsional)",
            "Jabatan Struktural",
            "Jabatan Fungsional",
        ),
        "penyesuaian_ijazah": ("Penyesuaian Ijazah", "Penyesuaian Ijasah"),
        "pengabdian": ("Pengabdian",),
        "anumerta": ("Anumerta",),
    }
)

JENIS_DIKLAT = _index(
    {
        "kepemimpinan": ("Kepemimpinan", "Diklat Kepemimpinan", "Diklatpim", "PIM"),
        "fungsional": ("Fungsional", "Diklat Fungsional"),
        "teknis": ("Teknis", "Diklat Teknis"),
        "seminar": ("Seminar", "Workshop", "Kursus", "Magang", "Seminar/Workshop/Magang/Kursus"),
    }
)

HUKDIS = _index({"ringan": ("Ringan",), "sedang": ("Sedang",), "berat": ("Berat",)})

ESELON = {key(code): code for code in ("II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")}

YA_TIDAK = _index({"1": ("Ya", "Y", "1", "True", "Benar"), "0": ("Tidak", "T", "N", "0", "False", "Salah")})


def jenjang_code(value: str) -> str:
    """ "Ahli Muda" / "ahli_muda" → "ahli_muda" (the catalogue's codes)."""
    return re.sub(r"[^0-9a-z]+", "_", value.strip().lower()).strip("_")


def jenjang_label(code: str) -> str:
    return code.replace("_", " ").title()


def choose(vocabulary: dict[str, str], value: str) -> str | None:
    """The code ``value`` names in ``vocabulary`` (case, spaces and punctuation ignored)."""
    return vocabulary.get(key(value))


def choices_text(out: dict) -> str:
    """The names an operator may use, for an error message."""
    return ", ".join(str(names[1]) for names in out.values())
