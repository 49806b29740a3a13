"""The synthetic demo province: about 10,334 civil servants with complete histories.

``seed_demo_pegawai(n, seed)`` fills the 37 OPDs that ``demo.org.seed_minimal_demo``
created. Everything is derived from ``random.Random(seed)`` and ``Faker("id_ID")`` seeded
with the same number, and the clock is never read (the province is described as of
``AS_OF``), so one seed always gives the same NIPs, names and histories.

Consistency the generator guarantees (docs/demo-data.md lists it all):

* NIP (``make_nip``) from the birth date, the TMT CPNS and the gender; NIK (``make_nik``,
  Kalimantan Barat codes 61xx) from the same birth date and gender; CPNS between age 19
  and 35 and after the ijazah it was appointed with.
* Starting golongan by that ijazah (``starting_golongan``), one step every four years on a
  KP period (``next_kp_period``), never above ``max_golongan_reguler`` of the ijazah; an
  ujian dinas tingkat I certificate before II/d → III/a for those the rule does not exempt.
* SKP for the appraisal years ``SKP_YEARS``: a numeric score before 2022 and a predikat
  from 2022 (``regulations.skp``); angka kredit for JF holders from the predikat and the
  jenjang coefficient (``regulations.credit_points``).
* A small, exactly counted set of deliberate data-quality defects (``DEFECT_RATES``),
  returned in ``summary["defects"]`` so the data-quality checks can be tested against them.

Speed: everything is built in memory first and written with ``bulk_create`` in one
transaction, with a fixed number of queries whatever ``n`` is. For the same reason the load
writes ONE audit row (event ``pegawai.demo_dimuat``, the counts in ``after``) instead of one
row per employee and history row as the people actions would: a quarter of a million audit
rows would say nothing more than "the demo was loaded" and would dominate the load time.
This module is demo assembly, not a user-facing write path; real data enters through the
people actions and the import.
"""

from __future__ import annotations

import datetime as dt
import gc
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from random import Random

from django.db import transaction

from accounts.models import User
from core.audit import record
from demo.files import grouped, names, table
from demo.org import INSTANSI
from org.models import Instansi, Opd, UnitKerja
from people.models import (
    Eselon,
    Golongan,
    JabatanFungsional,
    JenisJabatan,
    Keluarga,
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    SertifikatUjian,
)
from people.reference.files import JF_BY_CODE, KEAHLIAN, JfType
from regulations.credit_points import KOEFISIEN, PERCENT_BY_PREDIKAT, Jenjang
from regulations.discipline import KINDS, Level, regime_on
from regulations.identity import make_nik, make_nip
from regulations.promotion import next_kp_period
from regulations.ranks import (
    Golongan as Rank,
)
from regulations.ranks import (
    Pendidikan,
    anniversary,
    max_golongan_reguler,
    next_golongan,
    starting_golongan,
)
from regulations.skp import Predikat, predikat_for

AS_OF = dt.date(2026, 7, 1)  # the day the demo province describes; never the clock
SKP_YEARS = range(AS_OF.year - 5, AS_OF.year)  # 2021–2025: one PP 30/2019 year, then predikat years
FULL_SIZE = 10_334
FUNCTIONAL_SHARE = 5_600 / FULL_SIZE
STRUKTURAL_SHARE = 665 / FULL_SIZE

# Deliberate data-quality defects: kind → share of n (count = round half up of n × share).
DEFECT_RATES = {
    "nik_tanggal_lahir_beda_nip": 0.005,  # NIK's birth date differs from the NIP's
    "golongan_melebihi_pendidikan": 0.003,  # golongan above max_golongan_reguler of the ijazah
    "nik_kosong": 0.005,  # no NIK recorded
    "nama_kembar": 0.003,  # same name and birth date as another Pegawai: a likely duplicate
}
STATUS_RATES = {Pegawai.Status.CLTN: 0.004, Pegawai.Status.TUGAS_BELAJAR: 0.006}
HUKDIS_RATE = 0.01

# Eselon pyramid of a province (share of the structural posts): few II, more III, most IV.
ESELON_SHARES = {
    Eselon.II_A: 40,
    Eselon.II_B: 15,
    Eselon.III_A: 150,
    Eselon.III_B: 60,
    Eselon.IV_A: 330,
    Eselon.IV_B: 70,
}

OPD_SHORTS = (
    "Setda", "Setwan", "Itprov", "Bappeda", "BKAD", "Bapenda", "BKD", "BPSDM", "BPBD", "Kesbangpol",
    "Banhub", "Disdikbud", "Dinkes", "PUPR", "Perkim", "Satpol PP", "Dinsos", "Disnakertrans", "DP3AKB",
    "DKP", "DLHK", "DPMD", "Disdukcapil", "Dishub", "Diskominfo", "Diskop UKM", "DPMPTSP", "Dispora",
    "Dispusip", "DKP Laut", "Dispar", "Disperindag", "ESDM", "Disbunnak", "Distanhorti", "RSUD Soedarso",
    "RSJD",
)  # fmt: skip
ALL = OPD_SHORTS
HEALTH = ("Dinkes", "RSUD Soedarso", "RSJD")
HOSPITALS = ("RSUD Soedarso", "RSJD")

# Relative size of each OPD's non-functional staff (pelaksana and structural posts).
OPD_WEIGHTS = dict(
    zip(
        OPD_SHORTS,
        (8, 4, 2, 2, 4, 8, 3, 2, 2, 1.5, 1, 12, 3, 5, 2, 3, 3, 2.5, 1.5, 1.5, 4, 1.5, 1, 3, 2, 1.5, 1.5, 1.5,
         1.5, 2, 1, 2, 1.5, 2.5, 2.5, 6, 2.5),
        strict=True,
    )
)  # fmt: skip

# Where each JF works and how many of the ~5,600 holders it has (relative weights).
JF_PLACEMENT: dict[str, tuple[float, tuple[str, ...]]] = {
    "guru": (2500, ("Disdikbud",)),
    "pengawas_sekolah": (60, ("Disdikbud",)),
    "penilik": (6, ("Disdikbud",)),
    "pamong_belajar": (10, ("Disdikbud",)),
    "pengembang_teknologi_pembelajaran": (10, ("Disdikbud",)),
    "pamong_budaya": (10, ("Disdikbud",)),
    "widyaiswara": (40, ("BPSDM",)),
    "perawat": (420, HEALTH),
    "perawat_terampil": (380, HEALTH),
    "bidan": (60, HEALTH),
    "bidan_terampil": (110, HEALTH),
    "dokter": (120, HEALTH),
    "dokter_gigi": (20, HEALTH),
    "apoteker": (40, HEALTH),
    "asisten_apoteker": (55, HEALTH),
    "nutrisionis": (20, HEALTH),
    "nutrisionis_terampil": (25, HEALTH),
    "sanitarian": (15, HEALTH),
    "sanitarian_terampil": (15, HEALTH),
    "epidemiolog_kesehatan": (15, ("Dinkes",)),
    "epidemiolog_kesehatan_terampil": (6, ("Dinkes",)),
    "penyuluh_kesehatan_masyarakat": (15, HEALTH),
    "administrator_kesehatan": (30, HEALTH),
    "radiografer": (30, HOSPITALS),
    "pranata_laboratorium_kesehatan": (50, HEALTH),
    "perekam_medis": (45, HOSPITALS),
    "fisioterapis": (15, HOSPITALS),
    "terapis_gigi_mulut": (10, HEALTH),
    "psikolog_klinis": (8, ("RSJD",)),
    "analis_kepegawaian": (55, ALL),
    "analis_kepegawaian_terampil": (20, ("BKD", "Setda", "Disdikbud", "Dinkes")),
    "pranata_sdm_aparatur": (40, ALL),
    "arsiparis": (35, ALL),
    "arsiparis_terampil": (40, ALL),
    "pustakawan": (25, ("Dispusip",)),
    "pustakawan_terampil": (20, ("Dispusip", "Disdikbud")),
    "perencana": (60, ALL),
    "auditor": (45, ("Itprov",)),
    "p2upd": (30, ("Itprov",)),
    "pranata_komputer": (35, ALL),
    "pranata_komputer_terampil": (30, ALL),
    "pranata_humas": (25, ("Diskominfo", "Setda", "Setwan")),
    "pranata_humas_terampil": (15, ("Diskominfo", "Setda")),
    "statistisi": (10, ("Diskominfo", "Bappeda")),
    "statistisi_terampil": (5, ("Diskominfo",)),
    "analis_kebijakan": (30, ("Setda", "Bappeda", "Setwan", "Kesbangpol")),
    "pengelola_pbj": (30, ("Setda", "PUPR", "Dinkes", "Disdikbud")),
    "analis_hukum": (15, ("Setda", "Setwan")),
    "perancang_peraturan": (10, ("Setda",)),
    "analis_anggaran": (30, ("BKAD", "Bappeda")),
    "analis_keuangan_pusat_daerah": (25, ("BKAD", "Bapenda")),
    "pranata_keuangan_apbn": (25, ("BKAD", "Bapenda")),
    "penyuluh_pertanian": (60, ("Distanhorti", "Disbunnak")),
    "penyuluh_pertanian_terampil": (40, ("Distanhorti", "Disbunnak")),
    "pengawas_benih_tanaman": (15, ("Distanhorti", "Disbunnak")),
    "pengawas_benih_tanaman_terampil": (10, ("Distanhorti",)),
    "popt": (20, ("Distanhorti", "Disbunnak")),
    "pengawas_mutu_hasil_pertanian": (10, ("Distanhorti", "DKP")),
    "analis_pasar_hasil_pertanian": (8, ("Distanhorti", "Disbunnak")),
    "pengawas_alsintan": (6, ("Distanhorti",)),
    "medik_veteriner": (15, ("Disbunnak",)),
    "paramedik_veteriner": (15, ("Disbunnak",)),
    "pengawas_bibit_ternak": (8, ("Disbunnak",)),
    "pengawas_mutu_pakan": (6, ("Disbunnak",)),
    "penyuluh_perikanan": (20, ("DKP Laut",)),
    "pengawas_perikanan": (15, ("DKP Laut",)),
    "pengendali_hama_penyakit_ikan": (8, ("DKP Laut",)),
    "pengelola_ekosistem_laut_pesisir": (8, ("DKP Laut",)),
    "polisi_kehutanan": (25, ("DLHK",)),
    "polisi_kehutanan_terampil": (60, ("DLHK",)),
    "penyuluh_kehutanan": (50, ("DLHK",)),
    "pengendali_ekosistem_hutan": (20, ("DLHK",)),
    "pengendali_dampak_lingkungan": (25, ("DLHK",)),
    "pengawas_lingkungan_hidup": (15, ("DLHK",)),
    "penata_ruang": (10, ("PUPR", "Bappeda")),
    "teknik_jalan_jembatan": (30, ("PUPR",)),
    "teknik_jalan_jembatan_terampil": (20, ("PUPR",)),
    "teknik_pengairan": (30, ("PUPR",)),
    "teknik_pengairan_terampil": (20, ("PUPR",)),
    "pembina_jasa_konstruksi": (10, ("PUPR",)),
    "penguji_kendaraan_bermotor": (15, ("Dishub",)),
    "penguji_kendaraan_bermotor_terampil": (15, ("Dishub",)),
    "penyelidik_bumi": (8, ("ESDM",)),
    "pengawas_ketenagakerjaan": (45, ("Disnakertrans",)),
    "mediator_hubungan_industrial": (15, ("Disnakertrans",)),
    "instruktur": (20, ("Disnakertrans",)),
    "pengantar_kerja": (10, ("Disnakertrans",)),
    "penyuluh_sosial": (15, ("Dinsos",)),
    "pekerja_sosial": (20, ("Dinsos",)),
    "pekerja_sosial_terampil": (10, ("Dinsos",)),
    "pengawas_koperasi": (15, ("Diskop UKM",)),
    "penggerak_swadaya_masyarakat": (15, ("DPMD",)),
    "administrator_database_kependudukan": (10, ("Disdukcapil",)),
    "polisi_pamong_praja": (20, ("Satpol PP",)),
    "polisi_pamong_praja_terampil": (80, ("Satpol PP",)),
    "penata_penanggulangan_bencana": (15, ("BPBD",)),
    "pengawas_perdagangan": (10, ("Disperindag",)),
    "penera": (10, ("Disperindag",)),
    "adyatama_kepariwisataan": (10, ("Dispar",)),
}

# JF usually filled straight from the CPNS formasi; the others mostly come from pelaksana.
FORMASI_JF = frozenset(
    code
    for code in JF_PLACEMENT
    if code.split("_terampil")[0]
    in {
        "guru", "perawat", "bidan", "dokter", "dokter_gigi", "apoteker", "asisten_apoteker", "nutrisionis",
        "sanitarian", "radiografer", "pranata_laboratorium_kesehatan", "perekam_medis", "fisioterapis",
        "terapis_gigi_mulut", "psikolog_klinis", "penyuluh_pertanian", "polisi_kehutanan", "medik_veteriner",
        "paramedik_veteriner", "polisi_pamong_praja", "penyuluh_kehutanan", "epidemiolog_kesehatan",
    }
)  # fmt: skip

# Profession degrees counted as S-2 by the starting-rank table (regulations.ranks.Pendidikan).
PROFESI = {
    "dokter": ("Pendidikan Profesi Dokter", "dr."),
    "dokter_gigi": ("Pendidikan Profesi Dokter Gigi", "drg."),
    "apoteker": ("Pendidikan Profesi Apoteker", "apt."),
    "medik_veteriner": ("Pendidikan Profesi Dokter Hewan", "drh."),
    "psikolog_klinis": ("Magister Psikologi Profesi", ""),
}


@dataclass(frozen=True)
class Field:
    """A field of study: majors and the degree titles (gelar) of each level."""

    s1: tuple[str, ...]
    gelar_s1: str
    d3: tuple[str, ...] = ("Administrasi Perkantoran",)
    gelar_d3: str = "A.Md."
    gelar_s2: tuple[str, ...] = ("M.Si.",)
    old_drs: bool = False  # S-1 of this field before 1995 gave "Drs."/"Dra." in front


FIELDS = {
    "pendidikan": Field(
        ("Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Bahasa Inggris", "Pendidikan Biologi",
         "Pendidikan Fisika", "Pendidikan Ekonomi", "Bimbingan dan Konseling", "Pendidikan Luar Biasa",
         "Pendidikan Kimia", "Pendidikan Sejarah"),
        "S.Pd.", gelar_s2=("M.Pd.",), old_drs=True,
    ),
    "keperawatan": Field(("Ilmu Keperawatan",), "S.Kep., Ners", ("Keperawatan",), "A.Md.Kep.", ("M.Kep.",)),
    "kebidanan": Field(("Kebidanan",), "S.Tr.Keb.", ("Kebidanan",), "A.Md.Keb.", ("M.Keb.",)),
    "kedokteran": Field(("Pendidikan Dokter",), "S.Ked.", gelar_s2=("M.Kes.", "Sp.PD", "Sp.A")),
    "farmasi": Field(("Farmasi",), "S.Farm.", ("Farmasi",), "A.Md.Farm.", ("M.Farm.",)),
    "kesmas": Field(
        ("Kesehatan Masyarakat", "Epidemiologi"), "S.K.M.", ("Kesehatan Lingkungan",), "A.Md.K.L.", ("M.Kes.",)
    ),
    "gizi": Field(("Gizi",), "S.Gz.", ("Gizi",), "A.Md.Gz.", ("M.Gz.",)),
    "kesehatan": Field(
        ("Kesehatan Masyarakat",), "S.K.M.",
        ("Radiologi", "Analis Kesehatan", "Rekam Medis dan Informasi Kesehatan", "Fisioterapi", "Kesehatan Gigi"),
        "A.Md.Kes.", ("M.Kes.",),
    ),
    "psikologi": Field(("Psikologi",), "S.Psi.", gelar_s2=("M.Psi., Psikolog",)),
    "pertanian": Field(
        ("Agroteknologi", "Agribisnis", "Ilmu Tanah", "Proteksi Tanaman"), "S.P.", ("Budidaya Tanaman",), "A.Md.P.",
        ("M.P.", "M.Si."),
    ),
    "peternakan": Field(("Peternakan", "Kedokteran Hewan"), "S.Pt.", ("Kesehatan Hewan",), "A.Md.Pt.", ("M.Si.",)),
    "perikanan": Field(
        ("Budidaya Perairan", "Ilmu Kelautan", "Manajemen Sumber Daya Perairan"), "S.Pi.", ("Perikanan",), "A.Md.Pi.",
        ("M.Si.",),
    ),
    "kehutanan": Field(("Kehutanan",), "S.Hut.", ("Kehutanan",), "A.Md.Hut.", ("M.Si.", "M.Hut.")),
    "teknik_sipil": Field(
        ("Teknik Sipil", "Teknik Lingkungan", "Perencanaan Wilayah dan Kota"), "S.T.", ("Teknik Sipil",), "A.Md.T.",
        ("M.T.",),
    ),
    "teknik_mesin": Field(("Teknik Mesin", "Teknik Geologi"), "S.T.", ("Teknik Otomotif",), "A.Md.T.", ("M.T.",)),
    "informatika": Field(
        ("Teknik Informatika", "Sistem Informasi"), "S.Kom.", ("Manajemen Informatika",), "A.Md.Kom.", ("M.Kom.",)
    ),
    "ekonomi": Field(
        ("Akuntansi", "Manajemen", "Ekonomi Pembangunan"), "S.E.", ("Akuntansi", "Keuangan dan Perbankan"),
        "A.Md.Ak.", ("M.M.", "M.Si.", "M.Ak."), old_drs=True,
    ),
    "hukum": Field(("Ilmu Hukum",), "S.H.", gelar_s2=("M.H.",)),
    "sosial": Field(
        ("Ilmu Administrasi Negara", "Ilmu Pemerintahan", "Sosiologi", "Kesejahteraan Sosial"), "S.Sos.",
        ("Administrasi Negara",), "A.Md.", ("M.Si.", "M.A.P."), old_drs=True,
    ),
    "komunikasi": Field(("Ilmu Komunikasi",), "S.I.Kom.", ("Hubungan Masyarakat",), "A.Md.", ("M.I.Kom.",)),
    "statistik": Field(("Statistika",), "S.Stat.", ("Statistika",), "A.Md.Stat.", ("M.Si.",)),
    "perpustakaan": Field(("Ilmu Perpustakaan", "Kearsipan"), "S.I.P.", ("Perpustakaan", "Kearsipan"), "A.Md."),
    "pariwisata": Field(("Pariwisata",), "S.Par.", ("Usaha Perjalanan Wisata",), "A.Md.Par.", ("M.Par.",)),
}  # fmt: skip

JF_FIELD = {
    "guru": "pendidikan", "pengawas_sekolah": "pendidikan", "penilik": "pendidikan", "pamong_belajar": "pendidikan",
    "pengembang_teknologi_pembelajaran": "pendidikan", "widyaiswara": "sosial", "pamong_budaya": "sosial",
    "perawat": "keperawatan", "bidan": "kebidanan", "dokter": "kedokteran", "dokter_gigi": "kedokteran",
    "apoteker": "farmasi", "asisten_apoteker": "farmasi", "nutrisionis": "gizi", "sanitarian": "kesmas",
    "epidemiolog_kesehatan": "kesmas", "penyuluh_kesehatan_masyarakat": "kesmas",
    "administrator_kesehatan": "kesmas", "radiografer": "kesehatan", "pranata_laboratorium_kesehatan": "kesehatan",
    "perekam_medis": "kesehatan", "fisioterapis": "kesehatan", "terapis_gigi_mulut": "kesehatan",
    "psikolog_klinis": "psikologi", "pranata_komputer": "informatika", "statistisi": "statistik",
    "pranata_humas": "komunikasi", "arsiparis": "perpustakaan", "pustakawan": "perpustakaan",
    "analis_hukum": "hukum", "perancang_peraturan": "hukum", "analis_anggaran": "ekonomi",
    "analis_keuangan_pusat_daerah": "ekonomi", "pranata_keuangan_apbn": "ekonomi", "auditor": "ekonomi",
    "pengelola_pbj": "ekonomi", "penyuluh_pertanian": "pertanian", "pengawas_benih_tanaman": "pertanian",
    "popt": "pertanian", "pengawas_mutu_hasil_pertanian": "pertanian", "analis_pasar_hasil_pertanian": "pertanian",
    "pengawas_alsintan": "teknik_mesin", "medik_veteriner": "peternakan", "paramedik_veteriner": "peternakan",
    "pengawas_bibit_ternak": "peternakan", "pengawas_mutu_pakan": "peternakan", "penyuluh_perikanan": "perikanan",
    "pengawas_perikanan": "perikanan", "pengendali_hama_penyakit_ikan": "perikanan",
    "pengelola_ekosistem_laut_pesisir": "perikanan", "polisi_kehutanan": "kehutanan",
    "penyuluh_kehutanan": "kehutanan", "pengendali_ekosistem_hutan": "kehutanan",
    "pengendali_dampak_lingkungan": "teknik_sipil", "pengawas_lingkungan_hidup": "teknik_sipil",
    "penata_ruang": "teknik_sipil", "teknik_jalan_jembatan": "teknik_sipil", "teknik_pengairan": "teknik_sipil",
    "pembina_jasa_konstruksi": "teknik_sipil", "penguji_kendaraan_bermotor": "teknik_mesin",
    "penyelidik_bumi": "teknik_mesin", "pariwisata": "pariwisata", "adyatama_kepariwisataan": "pariwisata",
}  # fmt: skip
OPD_FIELDS = {
    "Dinkes": ("kesmas", "ekonomi", "keperawatan"), "RSUD Soedarso": ("kesehatan", "ekonomi", "keperawatan"),
    "RSJD": ("kesehatan", "ekonomi", "psikologi"), "PUPR": ("teknik_sipil", "ekonomi"),
    "Perkim": ("teknik_sipil", "sosial"), "Disdikbud": ("pendidikan", "ekonomi", "sosial"),
    "Distanhorti": ("pertanian", "ekonomi"), "Disbunnak": ("pertanian", "peternakan"),
    "DKP Laut": ("perikanan", "ekonomi"), "DLHK": ("kehutanan", "teknik_sipil"),
    "Diskominfo": ("informatika", "komunikasi"), "BKAD": ("ekonomi",), "Bapenda": ("ekonomi", "sosial"),
    "Itprov": ("ekonomi", "hukum"), "Setwan": ("hukum", "sosial", "ekonomi"), "Dishub": ("teknik_mesin", "sosial"),
}  # fmt: skip
GENERAL_FIELDS = ("sosial", "ekonomi", "hukum", "informatika", "komunikasi")

GRAD_AGE = {  # (youngest, oldest) age at graduation
    Pendidikan.SD: (12, 13), Pendidikan.SLTP: (15, 16), Pendidikan.SLTA: (18, 19), Pendidikan.D1: (19, 20),
    Pendidikan.D2: (20, 21), Pendidikan.D3: (21, 23), Pendidikan.D4: (22, 24), Pendidikan.S1: (22, 25),
    Pendidikan.S2: (24, 30), Pendidikan.S3: (29, 34),
}  # fmt: skip
LOWER_SCHOOLS = (Pendidikan.SD, Pendidikan.SLTP, Pendidikan.SLTA)

# Kalimantan Barat kabupaten/kota: NIK code and name (Permendagri kode wilayah).
KALBAR = table("kabupaten_kalbar", ("kode", "nama"))
OTHER_BIRTHPLACES = names("tempat_lahir_lain")
_SCHOOLS = grouped("perguruan_tinggi", "jenis")
UNIVERSITIES = _SCHOOLS["universitas"]
POLYTECHNICS = _SCHOOLS["politeknik"]
AGAMA = ((Pegawai.Agama.ISLAM, 60), (Pegawai.Agama.KATOLIK, 22), (Pegawai.Agama.KRISTEN, 11),
         (Pegawai.Agama.BUDDHA, 5), (Pegawai.Agama.KONGHUCU, 1.5), (Pegawai.Agama.HINDU, 0.5))  # fmt: skip
BIDANG = names("bidang")
PELAKSANA_TITLES = grouped("jabatan_pelaksana", "tingkat")
TEKNIS = names("diklat_teknis")
PREDIKAT_2022 = ((Predikat.SANGAT_BAIK, 15), (Predikat.BAIK, 78), (Predikat.BUTUH_PERBAIKAN, 5),
                 (Predikat.KURANG, 1.5), (Predikat.SANGAT_KURANG, 0.5))  # fmt: skip
SKP_SCORES_FROM = 2022  # PermenPAN-RB 6/2022: a predikat, no score (regulations.skp)

# The demo logins of demo.org that get a Pegawai row: flag → (name, gender).
DEMO_ACCOUNTS = {
    "akun_pegawai.dinkes": ("Andi Saputra", "L"),
    "akun_operator.dinkes": ("Fransiska Yuliana", "P"),
}

JENJANG_LABEL = {j.value: j.label for j in Jenjang}
_KEAHLIAN_BY_GOL = {"III/a": "ahli_pertama", "III/b": "ahli_pertama", "III/c": "ahli_muda", "III/d": "ahli_muda",
                    "IV/a": "ahli_madya", "IV/b": "ahli_madya", "IV/c": "ahli_madya"}  # fmt: skip
_KETERAMPILAN_BY_GOL = {"II/b": "terampil", "II/c": "terampil", "II/d": "terampil", "III/a": "mahir",
                        "III/b": "mahir"}  # fmt: skip
_JENJANG_ORDER = [j.value for j in Jenjang]

LATSAR_FROM = 2018  # Pelatihan Dasar CPNS replaced Diklat Prajabatan
PKP_FROM = 2019  # PKP/PKA replaced Diklatpim IV/III


@dataclass
class _Slot:
    """One employee's place before the person is drawn: kind, OPD, position."""

    kind: str  # JenisJabatan
    opd: str
    jf: str = ""
    eselon: str = ""
    title: str = ""
    unit: str = ""
    flags: set[str] = field(default_factory=set)


# The history tables in writing order, with their key in the summary.
HISTORY_MODELS = {
    RiwayatGolongan: "riwayat_golongan",
    RiwayatJabatan: "riwayat_jabatan",
    RiwayatPendidikan: "riwayat_pendidikan",
    RiwayatDiklat: "riwayat_diklat",
    RiwayatSkp: "riwayat_skp",
    RiwayatHukdis: "riwayat_hukdis",
    RiwayatAngkaKredit: "riwayat_angka_kredit",
    Keluarga: "keluarga",
    SertifikatUjian: "sertifikat_ujian",
}


# --- small helpers -----------------------------------------------------------------------------


def _round_half_up(x: float) -> int:
    return int(x + 0.5)


def defect_counts(n: int) -> dict[str, int]:
    """How many of each deliberate defect ``n`` employees get (before capping to what fits)."""
    return {kind: _round_half_up(n * rate) for kind, rate in DEFECT_RATES.items()}


def _apportion(total: int, weights: dict[str, float], minimum: int = 0) -> dict[str, int]:
    """Split ``total`` by ``weights`` (largest remainder, ties by key order); deterministic."""
    keys = list(weights)
    if total < minimum * len(keys):
        minimum = 0
    base = dict.fromkeys(keys, minimum)
    rest = total - minimum * len(keys)
    whole = sum(weights.values())
    quotas = {k: rest * weights[k] / whole for k in keys}
    for k in keys:
        base[k] += int(quotas[k])
    left = total - sum(base.values())
    for k in sorted(keys, key=lambda k: (-(quotas[k] - int(quotas[k])), keys.index(k)))[:left]:
        base[k] += 1
    return base


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _random_date(rng: Random, lo: dt.date, hi: dt.date, skew: float = 1.0) -> dt.date:
    span = (hi - lo).days
    return lo + dt.timedelta(days=int(span * rng.random() ** skew)) if span > 0 else lo


def _weighted(rng: Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _jenjang_for(jf: JfType, g: Rank) -> str:
    """The jenjang a golongan fits (PermenPAN-RB 1/2023 pattern), clamped to the JF's ladder."""
    if jf.kategori == KEAHLIAN:
        wanted = _KEAHLIAN_BY_GOL.get(g.code, "ahli_pertama" if g.order < 9 else "ahli_utama")
    else:
        wanted = _KETERAMPILAN_BY_GOL.get(g.code, "pemula" if g.order <= 5 else "penyelia")
    ladder = jf.jenjang
    if wanted in ladder:
        return wanted
    rank_of = _JENJANG_ORDER.index
    return ladder[0] if rank_of(wanted) < rank_of(ladder[0]) else ladder[-1]


def _jenjang_title(jf: JfType, jenjang: str) -> str:
    return f"{jf.base_name} {JENJANG_LABEL[jenjang]}"


def _head_title(opd: Opd) -> str:
    if opd.short_name == "Setda":
        return "Asisten Pemerintahan dan Kesejahteraan Rakyat"
    if opd.short_name == "Setwan":
        return "Sekretaris DPRD"
    if opd.short_name == "Itprov":
        return "Inspektur"
    if opd.name.startswith("Rumah Sakit"):
        return f"Direktur {opd.name}"
    return f"Kepala {opd.name}"


# --- the generator -----------------------------------------------------------------------------


class _Generator:
    def __init__(self, n: int, seed: int, instansi: Instansi):
        from faker import Faker  # demo-only dependency, imported where it is used

        self.n = n
        self.rng = Random(seed)
        self.fake = Faker("id_ID")
        self.fake.seed_instance(seed)
        self.opds = {o.short_name: o for o in Opd.objects.filter(instansi=instansi)}
        self.units: dict[int, dict[str, UnitKerja]] = {}
        for unit in UnitKerja.objects.filter(opd__instansi=instansi).order_by("pk"):
            self.units.setdefault(unit.opd_id, {})[unit.name] = unit
        self.gol = {g.code: g for g in Golongan.objects.all()}
        self.jf = {j.code: j for j in JabatanFungsional.objects.all()}
        # Pegawai rows, then each history row as (index of its Pegawai, field values). The
        # history model instances are built only once the Pegawai have their primary keys,
        # with foreign keys given as ids: half the cost of building them with objects.
        self.people: list[Pegawai] = []
        self.rows: dict[type, list[tuple[int, dict]]] = {model: [] for model in HISTORY_MODELS}
        self.used_nip: set[str] = set()
        self.used_nik: set[str] = set()
        self.used_names: set[tuple[str, dt.date]] = set()
        self.pelaksana_done: list[tuple[Pegawai, Pendidikan]] = []
        self.sk = 0
        self.defects = dict.fromkeys(DEFECT_RATES, 0)

    # -- the roster ------------------------------------------------------------------------------

    def roster(self) -> list[_Slot]:
        n, rng = self.n, self.rng
        functional = _round_half_up(n * FUNCTIONAL_SHARE)
        struktural = _round_half_up(n * STRUKTURAL_SHARE)
        pelaksana = n - functional - struktural
        jf_codes = [c for c in JF_PLACEMENT if c in self.jf]
        # Every JF gets a holder once there are enough to go round (3 each); below that, by weight.
        minimum = 1 if functional >= 3 * len(jf_codes) else 0
        per_jf = _apportion(functional, {c: JF_PLACEMENT[c][0] for c in jf_codes}, minimum=minimum)
        slots: list[_Slot] = []
        for code, count in per_jf.items():
            places = [p for p in JF_PLACEMENT[code][1] if p in self.opds]
            for _ in range(count):
                slots.append(_Slot(JenisJabatan.FUNGSIONAL, rng.choice(places), jf=code))
        shorts = [s for s in OPD_SHORTS if s in self.opds]
        weights = {s: OPD_WEIGHTS[s] for s in shorts}
        for short, count in _apportion(pelaksana, weights, minimum=1).items():
            slots.extend(_Slot(JenisJabatan.PELAKSANA, short) for _ in range(count))
        slots.extend(self._struktural_slots(struktural, shorts, weights))
        rng.shuffle(slots)
        self._reserve_demo_users(slots)
        self._flag(slots)
        return slots

    def _struktural_slots(self, total: int, shorts: list[str], weights: dict[str, float]) -> list[_Slot]:
        rng, slots = self.rng, []
        counts = _apportion(total, {e: float(w) for e, w in ESELON_SHARES.items()})
        heads = iter(shorts)  # one head per OPD first, then staf ahli in the Setda
        sekretaris_done: set[str] = set()
        for eselon, count in counts.items():
            for _ in range(count):
                if eselon == Eselon.II_A:
                    short = next(heads, None)
                    if short is None:
                        short, title = "Setda", f"Staf Ahli Gubernur Bidang {rng.choice(BIDANG)}"
                    else:
                        title = _head_title(self.opds[short])
                    slots.append(_Slot(JenisJabatan.STRUKTURAL, short, eselon=eselon, title=title))
                    continue
                if eselon == Eselon.II_B:
                    short = rng.choice(("Setda", "Setda", "RSUD Soedarso"))
                    title = (
                        f"Kepala Biro {rng.choice(BIDANG)}"
                        if short == "Setda"
                        else f"Wakil Direktur {rng.choice(BIDANG)}"
                    )
                    slots.append(_Slot(JenisJabatan.STRUKTURAL, short, eselon=eselon, title=title))
                    continue
                short = rng.choices(shorts, [weights[s] for s in shorts])[0]
                unit = ""
                if eselon == Eselon.III_A and short not in sekretaris_done:
                    title, unit = "Sekretaris", "Sekretariat"
                    sekretaris_done.add(short)
                elif eselon == Eselon.III_A:
                    title = f"Kepala {'Bagian' if short == 'Setda' else 'Bidang'} {rng.choice(BIDANG)}"
                elif eselon == Eselon.III_B:
                    title = f"Kepala UPT {rng.choice(BIDANG)}"
                elif eselon == Eselon.IV_A:
                    title, unit = rng.choice(
                        (
                            ("Kepala Subbagian Umum dan Kepegawaian", "Subbagian Umum dan Kepegawaian"),
                            ("Kepala Subbagian Keuangan", "Subbagian Keuangan"),
                            (f"Kepala Seksi {rng.choice(BIDANG)}", ""),
                            (f"Kepala Seksi {rng.choice(BIDANG)}", ""),
                        )
                    )
                else:
                    title = f"Kepala Subbagian Tata Usaha UPT {rng.choice(BIDANG)}"
                slots.append(_Slot(JenisJabatan.STRUKTURAL, short, eselon=eselon, title=title, unit=unit))
        return slots

    def _reserve_demo_users(self, slots: list[_Slot]) -> None:
        """Put a Dinas Kesehatan doctor first and a Dinkes pelaksana second, for the demo logins."""
        if "Dinkes" not in self.opds:
            return
        for position, (wanted, flag) in enumerate(
            (
                (lambda s: s.jf == "dokter", "akun_pegawai.dinkes"),
                (lambda s: s.kind == JenisJabatan.PELAKSANA, "akun_operator.dinkes"),
            )
        ):
            found = next((i for i in range(position, len(slots)) if wanted(slots[i])), None)
            if found is None:
                continue
            slots[position], slots[found] = slots[found], slots[position]
            slots[position].opd = "Dinkes"
            slots[position].flags.add(flag)

    def _flag(self, slots: list[_Slot]) -> None:
        """Choose, once and deterministically, who carries a defect, a status or a punishment."""
        rng = self.rng
        free = [i for i, s in enumerate(slots) if not s.flags]
        pelaksana = [i for i in free if slots[i].kind == JenisJabatan.PELAKSANA]
        wanted = defect_counts(self.n)

        def take(pool: list[int], count: int, flag: str) -> None:
            chosen = rng.sample(pool, min(count, len(pool)))
            for i in chosen:
                slots[i].flags.add(flag)
            taken = set(chosen)
            free[:] = [i for i in free if i not in taken]
            pelaksana[:] = [i for i in pelaksana if i not in taken]

        # Rank defects need a long pelaksana career; duplicates copy an earlier pelaksana.
        take(pelaksana, wanted["golongan_melebihi_pendidikan"], "golongan_melebihi_pendidikan")
        first = min(pelaksana, default=None)
        take([i for i in pelaksana if i != first], wanted["nama_kembar"], "nama_kembar")
        take(free, wanted["nik_tanggal_lahir_beda_nip"], "nik_tanggal_lahir_beda_nip")
        take(free, wanted["nik_kosong"], "nik_kosong")
        for status, rate in STATUS_RATES.items():
            take(free, _round_half_up(self.n * rate), f"status_{status}")
        take(free, _round_half_up(self.n * HUKDIS_RATE), "hukdis")

    # -- one person ------------------------------------------------------------------------------

    def person(self, slot: _Slot) -> Pegawai:
        rng = self.rng
        jf = JF_BY_CODE.get(slot.jf)
        copy_of = None
        if "nama_kembar" in slot.flags and self.pelaksana_done:
            copy_of, copy_edu = rng.choice(self.pelaksana_done)
        fixed_name = DEMO_ACCOUNTS.get(next((f for f in slot.flags if f.startswith("akun_")), ""))
        if copy_of is not None:
            # The duplicate: same name, birth date and gender as an earlier Pegawai, own NIP.
            gender, (edu_cpns, later_edu) = copy_of.jenis_kelamin, (copy_edu, None)
            birth, grad_year, cpns = self._timeline(slot, edu_cpns, birth=copy_of.tanggal_lahir)
            nama = copy_of.nama
            self.defects["nama_kembar"] += 1
        else:
            gender = fixed_name[1] if fixed_name else self._gender(slot)
            edu_cpns, later_edu = self._education(slot, jf)
            birth, grad_year, cpns = self._timeline(slot, edu_cpns, birth=None)
            nama = fixed_name[0] if fixed_name else self._name(gender, birth)
            self.used_names.add((nama, birth))
        opd = self.opds[slot.opd]
        field_key = JF_FIELD.get(slot.jf.removesuffix("_terampil")) or rng.choice(
            OPD_FIELDS.get(slot.opd, GENERAL_FIELDS)
        )
        regency, place = self._birthplace()
        pegawai = Pegawai(
            nama=nama,
            tanggal_lahir=birth,
            jenis_kelamin=gender,
            tempat_lahir=place,
            agama=_weighted(rng, AGAMA),
            opd_id=opd.pk,
            tmt_cpns=cpns,
            pns_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            status=Pegawai.Status.AKTIF,
        )
        pegawai.nip = self._nip(birth, cpns, gender)
        pegawai.nik = self._nik(slot, regency, birth, gender)
        tmt_pns = _add_months(cpns, rng.randint(12, 24))
        if tmt_pns <= AS_OF:
            pegawai.tmt_pns, pegawai.jenis_pegawai = tmt_pns, Pegawai.Jenis.PNS
        else:
            pegawai.jenis_pegawai = Pegawai.Jenis.CPNS
        for status in STATUS_RATES:
            if f"status_{status}" in slot.flags:
                pegawai.status = status
        pegawai.alamat = f"{self.fake.street_name()} No. {rng.randint(1, 250)}, {self._city(regency)}"
        pegawai.nomor_hp = f"08{rng.choice('12357')}{rng.randint(1, 9)}{rng.randrange(10**7, 10**8)}"
        slug = nama.lower().replace(" ", ".").replace("'", "")
        pegawai.email = f"{slug}{rng.randint(1, 99)}@example.com"

        path = self._rank_path(slot, edu_cpns, cpns)
        pegawai.golongan_id = self.gol[path[-1][0].code].pk
        pegawai.tmt_golongan = path[-1][1]
        self._golongan_rows(pegawai, path, jf, edu_cpns)
        jf_start = self._jabatan_rows(pegawai, opd, slot, jf, path, cpns, edu_cpns)
        self._pendidikan_rows(pegawai, slot, field_key, birth, grad_year, edu_cpns, later_edu, cpns)
        self._diklat_rows(pegawai, slot, jf, cpns, jf_start)
        punished = self._hukdis_row(pegawai, cpns) if "hukdis" in slot.flags else None
        predikat = self._skp_rows(pegawai, slot, cpns, punished)
        if jf is not None and jf_start is not None:
            self._angka_kredit_rows(pegawai, jf, path, jf_start, predikat)
        self._family(pegawai, regency)
        self.people.append(pegawai)
        if slot.kind == JenisJabatan.PELAKSANA and copy_of is None and not fixed_name:
            self.pelaksana_done.append((pegawai, edu_cpns))
        return pegawai

    def _gender(self, slot: _Slot) -> str:
        code = slot.jf.removesuffix("_terampil")
        female = {"bidan": 1.0, "perawat": 0.72, "nutrisionis": 0.8, "guru": 0.56, "apoteker": 0.7,
                  "asisten_apoteker": 0.8, "polisi_kehutanan": 0.12, "polisi_pamong_praja": 0.2,
                  "teknik_jalan_jembatan": 0.15, "teknik_pengairan": 0.15}.get(code)  # fmt: skip
        if female is None:
            female = 0.3 if slot.kind == JenisJabatan.STRUKTURAL else 0.45
        return "P" if self.rng.random() < female else "L"

    def _education(self, slot: _Slot, jf: JfType | None) -> tuple[Pendidikan, Pendidikan | None]:
        """The ijazah the CPNS was appointed with, and a higher one earned later (or None)."""
        rng, P = self.rng, Pendidikan
        if "golongan_melebihi_pendidikan" in slot.flags:
            return P.S1, None
        if jf is not None:
            if slot.jf in PROFESI:
                return P.S2, None
            if jf.kategori != KEAHLIAN:
                return (
                    _weighted(rng, ((P.SLTA, 60), (P.D3, 40))) if jf.jenjang[0] == "pemula" else P.D3
                ), None
            if slot.jf in ("widyaiswara", "pengawas_sekolah"):
                edu = _weighted(rng, ((P.S1, 45), (P.S2, 55)))
            else:
                edu = _weighted(rng, ((P.S1, 84), (P.D4, 6), (P.S2, 10)))
        elif slot.kind == JenisJabatan.STRUKTURAL:
            edu = _weighted(
                rng,
                {
                    Eselon.II_A: ((P.S2, 100),),
                    Eselon.II_B: ((P.S2, 100),),
                    Eselon.III_A: ((P.S2, 75), (P.S1, 25)),
                    Eselon.III_B: ((P.S1, 50), (P.S2, 50)),
                    Eselon.IV_A: ((P.S1, 65), (P.D3, 10), (P.S2, 25)),
                    Eselon.IV_B: ((P.S1, 50), (P.D3, 30), (P.SLTA, 20)),
                }[slot.eselon],
            )
        else:
            edu = _weighted(
                rng,
                ((P.SD, 2), (P.SLTP, 3), (P.SLTA, 38), (P.D1, 1), (P.D2, 1), (P.D3, 14), (P.D4, 2), (P.S1, 33),
                 (P.S2, 6)),
            )  # fmt: skip
        later = None
        roll = rng.random()
        if edu == P.S1 and roll < 0.07:
            later = P.S2
        elif (
            edu == P.S2 and slot.jf not in PROFESI and roll < (0.2 if slot.eselon.startswith("II.") else 0.03)
        ):
            later = P.S3
        return edu, later

    def _timeline(
        self, slot: _Slot, edu: Pendidikan, *, birth: dt.date | None
    ) -> tuple[dt.date, int, dt.date]:
        """Birth date, graduation year of ``edu`` and TMT CPNS (age 19–35, after graduating)."""
        rng = self.rng
        lo58 = _add_months(anniversary(AS_OF, -58), 1)  # still below the pension age of 58
        lo60 = _add_months(anniversary(AS_OF, -60), 1)
        lo, hi, max_age, before = lo58, dt.date(2001, 12, 31), 35, AS_OF
        if slot.eselon.startswith("II."):
            lo, hi, max_age = lo60, dt.date(1976, 12, 31), 30
        elif slot.eselon.startswith("III."):
            hi, max_age = dt.date(1982, 12, 31), 30
        elif slot.eselon:
            hi, before = dt.date(1990, 12, 31), anniversary(AS_OF, -4)
        elif slot.jf in ("guru", "pengawas_sekolah", "widyaiswara"):
            lo = lo60
        if "golongan_melebihi_pendidikan" in slot.flags:
            lo, hi, max_age, before = dt.date(1970, 1, 1), dt.date(1980, 12, 31), 30, anniversary(AS_OF, -18)
        elif any(f.startswith("status_") for f in slot.flags):
            before = anniversary(AS_OF, -6)
        for _ in range(200):
            born = birth or _random_date(rng, lo, hi, skew=1.3)
            young, old = GRAD_AGE[edu]
            graduated = _add_months(anniversary(born, young), rng.randint(0, (old - young) * 12 + 6))
            earliest = max(_add_months(anniversary(born, 19), 1), _add_months(graduated, 1))
            latest = min(_first_of_month(anniversary(born, max_age)), before)
            if earliest <= latest:
                span = _months_between(earliest, latest)
                cpns = _add_months(earliest, int(span * rng.random() ** 2.5))
                return born, graduated.year, cpns
        raise AssertionError(f"no CPNS date fits {edu} and {slot}")  # pragma: no cover

    def _name(self, gender: str, birth: dt.date) -> str:
        fake, rng = self.fake, self.rng
        while True:
            if gender == "L":
                parts = [fake.first_name_male()]
                if rng.random() < 0.75:
                    parts.append(fake.last_name_male())
            else:
                parts = [fake.first_name_female()]
                if rng.random() < 0.75:
                    parts.append(fake.last_name_female())
            nama = " ".join(parts)
            if (nama, birth) not in self.used_names:
                return nama

    def _birthplace(self) -> tuple[str, str]:
        regency, city = self.rng.choice(KALBAR)
        if self.rng.random() < 0.2:
            city = self.rng.choice(OTHER_BIRTHPLACES)
        return regency, city

    def _city(self, regency: str) -> str:
        return next(name for code, name in KALBAR if code == regency)

    def _nip(self, birth: dt.date, cpns: dt.date, gender: str) -> str:
        for sequence in range(1, 1000):
            nip = make_nip(birth, cpns.year, cpns.month, gender, sequence)
            if nip not in self.used_nip:
                self.used_nip.add(nip)
                return nip
        raise AssertionError("more than 999 NIPs share a birth date and CPNS month")  # pragma: no cover

    def _new_nik(self, regency: str, born: dt.date, gender: str) -> str:
        rng = self.rng
        while True:
            nik = make_nik("61", regency, f"{rng.randint(1, 20):02d}", born, gender, rng.randint(1, 9999))
            if nik not in self.used_nik:
                self.used_nik.add(nik)
                return nik

    def _nik(self, slot: _Slot, regency: str, birth: dt.date, gender: str) -> str | None:
        if "nik_kosong" in slot.flags:
            self.defects["nik_kosong"] += 1
            return None
        if "nik_tanggal_lahir_beda_nip" in slot.flags:
            self.defects["nik_tanggal_lahir_beda_nip"] += 1
            # A typing slip: a few days off, the kind the NIP/NIK cross-check must catch.
            return self._new_nik(regency, birth + dt.timedelta(days=self.rng.randint(1, 25)), gender)
        return self._new_nik(regency, birth, gender)

    def _sk(self, code: str, day: dt.date) -> tuple[str, dt.date]:
        """A decree number and date a little before ``day``; numbers are fictional."""
        self.sk += 1
        signed = day - dt.timedelta(days=self.rng.randint(14, 75))
        return f"{code}/{self.sk:05d}/BKD/{signed.year}", signed

    # -- histories -------------------------------------------------------------------------------

    def _rank_path(self, slot: _Slot, edu: Pendidikan, cpns: dt.date) -> list[tuple[Rank, dt.date]]:
        """Golongan steps: start by ijazah, one KP every four years (sometimes late), up to the
        reguler ceiling; the rank defect goes one step beyond it."""
        rng = self.rng
        g, tmt = starting_golongan(edu), cpns
        cap = max_golongan_reguler(edu)
        defect = "golongan_melebihi_pendidikan" in slot.flags
        if defect:
            cap = next_golongan(cap)
        path = [(g, tmt)]
        while g < cap:
            due = anniversary(tmt, 4)
            if not defect and rng.random() < 0.25:
                due = _add_months(due, rng.randint(6, 30))
            nxt = next_kp_period(due - dt.timedelta(days=1))
            if nxt > AS_OF:
                break
            g, tmt = next_golongan(g), nxt
            path.append((g, tmt))
        if defect:
            if path[-1][0] != cap:  # pragma: no cover - the timeline leaves room for every step
                raise AssertionError("rank defect did not reach its step")
            self.defects["golongan_melebihi_pendidikan"] += 1
        return path

    def _golongan_rows(self, pegawai: Pegawai, path, jf: JfType | None, edu: Pendidikan) -> None:
        cpns = path[0][1]
        for i, (g, tmt) in enumerate(path):
            if i == 0:
                jenis, code = RiwayatGolongan.JenisKp.AWAL, "813.3"
            elif jf is not None:
                jenis, code = RiwayatGolongan.JenisKp.PILIHAN, "823.3"
            else:
                jenis, code = RiwayatGolongan.JenisKp.REGULER, "823.3"
            nomor, tanggal = self._sk(code, tmt)
            months = _months_between(cpns, tmt)
            self._add(
                RiwayatGolongan,
                golongan_id=self.gol[g.code].pk,
                tmt=tmt,
                jenis_kp=jenis,
                mk_tahun=months // 12,
                mk_bulan=months % 12,
                nomor_sk=nomor,
                tanggal_sk=tanggal,
            )
            # Perka BKN 33/2011 via regulations.ujian_dinas: II/d -> III/a needs UD tingkat I
            # unless S-1/D-IV or a JF whose KP goes by angka kredit.
            if (
                i > 0
                and g.code == "III/a"
                and path[i - 1][0].code == "II/d"
                and jf is None
                and edu not in (Pendidikan.D4, Pendidikan.S1, Pendidikan.S2, Pendidikan.S3)
            ):
                passed = _random_date(self.rng, anniversary(path[i - 1][1], 2), tmt - dt.timedelta(days=60))
                nomor, tanggal = f"UD.I/{self.sk:05d}/BKD/{passed.year}", passed + dt.timedelta(days=21)
                self._add(
                    SertifikatUjian,
                    jenis=SertifikatUjian.Jenis.UJIAN_DINAS_I,
                    tanggal_lulus=passed,
                    nomor_sk=nomor,
                    tanggal_sk=tanggal,
                )

    def _jabatan_rows(self, pegawai, opd, slot, jf, path, cpns, edu) -> dt.date | None:
        """Position history; returns the date the JF began (None for others)."""
        rng = self.rng
        units = self.units.get(opd.pk, {})
        unit = units.get(slot.unit) or (rng.choice(list(units.values())) if units else None)
        level = "rendah" if edu in (Pendidikan.SD, Pendidikan.SLTP, Pendidikan.SLTA) else "menengah"
        if edu in (Pendidikan.D4, Pendidikan.S1, Pendidikan.S2, Pendidikan.S3):
            level = "tinggi"
        rows: list[dict] = []
        jf_start = None
        if jf is not None:
            if (slot.jf in FORMASI_JF and rng.random() < 0.9) or _months_between(cpns, AS_OF) < 36:
                jf_start = cpns
            else:
                jf_start = _add_months(cpns, rng.randint(24, max(24, _months_between(cpns, AS_OF) - 12)))
                rows.append(
                    {
                        "jenis": JenisJabatan.PELAKSANA,
                        "nama": rng.choice(PELAKSANA_TITLES[level]),
                        "tmt": cpns,
                    }
                )
            # The jenjang follows the golongan: a new row each time a KP moves it up.
            current = None
            held = [g for g, tmt in path if tmt <= jf_start][-1]
            for g, tmt in [(held, jf_start)] + [(g, tmt) for g, tmt in path if tmt > jf_start]:
                jenjang = _jenjang_for(jf, g)
                if jenjang != current:
                    current = jenjang
                    rows.append(
                        {
                            "jenis": JenisJabatan.FUNGSIONAL,
                            "nama": _jenjang_title(jf, jenjang),
                            "jf": self.jf[jf.code],
                            "jenjang": jenjang,
                            "tmt": tmt,
                        }
                    )
        elif slot.kind == JenisJabatan.STRUKTURAL:
            rows.append(
                {"jenis": JenisJabatan.PELAKSANA, "nama": rng.choice(PELAKSANA_TITLES[level]), "tmt": cpns}
            )
            # Climb to the current post through the lower eselon, each held 3–6 years.
            floor = _add_months(cpns, 24)
            tmt = max(_add_months(AS_OF, -rng.randint(3, 60)), floor)
            rows.append(
                {"jenis": JenisJabatan.STRUKTURAL, "nama": slot.title, "eselon": slot.eselon, "tmt": tmt}
            )
            for eselon in {"II": (Eselon.III_A, Eselon.IV_A), "III": (Eselon.IV_A,)}.get(
                slot.eselon[:-2], ()
            ):
                tmt = _add_months(tmt, -rng.randint(36, 72))
                if tmt <= floor:
                    break
                unit_kind = "Seksi" if eselon == Eselon.IV_A else "Bidang"
                title = f"Kepala {unit_kind} {rng.choice(BIDANG)}"
                rows.append({"jenis": JenisJabatan.STRUKTURAL, "nama": title, "eselon": eselon, "tmt": tmt})
        else:
            rows.append(
                {"jenis": JenisJabatan.PELAKSANA, "nama": rng.choice(PELAKSANA_TITLES[level]), "tmt": cpns}
            )
            if rng.random() < 0.4 and _months_between(cpns, AS_OF) > 60:
                moved = _add_months(cpns, rng.randint(36, _months_between(cpns, AS_OF) - 12))
                rows.append(
                    {
                        "jenis": JenisJabatan.PELAKSANA,
                        "nama": rng.choice(PELAKSANA_TITLES[level]),
                        "tmt": moved,
                    }
                )
        rows.sort(key=lambda r: r["tmt"])
        # Earlier posts were sometimes in another OPD (mutasi).
        other = self.opds[rng.choice(list(self.opds))] if rng.random() < 0.2 else opd
        for i, row in enumerate(rows):
            last = i == len(rows) - 1
            ends = None if last else max(row["tmt"], rows[i + 1]["tmt"] - dt.timedelta(days=1))
            nomor, tanggal = self._sk("821.2", row["tmt"])
            self._add(
                RiwayatJabatan,
                jenis=row["jenis"],
                nama=row["nama"],
                jabatan_fungsional_id=row["jf"].pk if "jf" in row else None,
                jenjang=row.get("jenjang", ""),
                eselon=row.get("eselon", ""),
                opd_id=(opd if last else other).pk,
                unit_id=unit.pk if last and unit else None,
                tmt=row["tmt"],
                tmt_selesai=ends,
                nomor_sk=nomor,
                tanggal_sk=tanggal,
            )
        current = rows[-1]
        pegawai.unit_id = unit.pk if unit else None
        pegawai.jenis_jabatan = current["jenis"]
        pegawai.jabatan = current["nama"]
        pegawai.jabatan_fungsional_id = current["jf"].pk if "jf" in current else None
        pegawai.jenjang = current.get("jenjang", "")
        pegawai.eselon = current.get("eselon", "")
        pegawai.tmt_jabatan = current["tmt"]
        return jf_start

    def _pendidikan_rows(self, pegawai, slot, field_key, birth, grad_year, edu, later, cpns) -> None:
        rng, P = self.rng, Pendidikan
        fld = FIELDS[field_key]
        city = pegawai.tempat_lahir
        rows: list[tuple[Pendidikan, str, str, int, bool]] = []
        schools = {P.SD: ("SD Negeri", 12), P.SLTP: ("SMP Negeri", 15), P.SLTA: ("SMA Negeri", 18)}
        for level in LOWER_SCHOOLS:
            name, age = schools[level]
            year = birth.year + age + (1 if birth.month > 6 else 0)
            if level == edu:
                year = grad_year
            if level == P.SLTA and edu != P.SLTA and rng.random() < 0.3:
                name = "SMK Negeri"
            rows.append((level, "", f"{name} {rng.randint(1, 12)} {city}", year, False))
            if level == edu:
                break
        front, back = "", []
        if edu not in LOWER_SCHOOLS:
            profesi = PROFESI.get(slot.jf)
            if profesi:
                s1_year = grad_year - rng.randint(1, 2)
                rows.append((P.S1, fld.s1[0], rng.choice(UNIVERSITIES), s1_year, False))
                rows.append((P.S2, profesi[0], rng.choice(UNIVERSITIES), grad_year, False))
                front = profesi[1]
                if slot.jf == "apoteker":
                    back.append("S.Farm.")
                if slot.jf == "psikolog_klinis":
                    back += ["S.Psi.", "M.Psi., Psikolog"]
            elif edu in (P.D1, P.D2, P.D3):
                rows.append((edu, rng.choice(fld.d3), rng.choice(POLYTECHNICS), grad_year, False))
                if edu == P.D3:
                    back.append(fld.gelar_d3)
            else:
                s1_year = grad_year if edu in (P.S1, P.D4) else grad_year - rng.randint(2, 4)
                major = rng.choice(fld.s1)
                rows.append((P.D4 if edu == P.D4 else P.S1, major, rng.choice(UNIVERSITIES), s1_year, False))
                if edu == P.D4:
                    back.append("S.Tr.Keb." if field_key == "kebidanan" else "S.Tr.")
                elif fld.old_drs and s1_year < 1995:
                    front = "Drs." if pegawai.jenis_kelamin == "L" else "Dra."
                else:
                    back.append(fld.gelar_s1)
                if edu == P.S2:
                    rows.append((P.S2, f"Magister {major}", rng.choice(UNIVERSITIES), grad_year, False))
                    back.append(rng.choice(fld.gelar_s2))
        if later is not None:
            first = cpns.year + 3
            if first < AS_OF.year:
                year = rng.randint(first, AS_OF.year - 1)
                if later == P.S2:
                    rows.append(
                        (
                            P.S2,
                            f"Magister {rows[-1][1] or 'Administrasi Publik'}",
                            rng.choice(UNIVERSITIES),
                            year,
                            True,
                        )
                    )
                    back.append(rng.choice(fld.gelar_s2))
                else:
                    rows.append((P.S3, "Doktor Ilmu Administrasi", rng.choice(UNIVERSITIES), year, True))
                    front = "Dr." if not front else f"Dr. {front}"
        for level, jurusan, institusi, year, izin in rows:
            self._add(
                RiwayatPendidikan,
                tingkat=level,
                jurusan=jurusan,
                institusi=institusi,
                tahun_lulus=year,
                izin_belajar=izin,
                terakreditasi=rng.random() > 0.01,
            )
        pegawai.pendidikan = rows[-1][0]
        pegawai.gelar_depan = front
        pegawai.gelar_belakang = ", ".join(back)

    def _diklat_rows(self, pegawai, slot, jf, cpns, jf_start) -> None:
        rng = self.rng
        rows = []
        if cpns.year >= LATSAR_FROM:
            rows.append((RiwayatDiklat.Jenis.TEKNIS, "Pelatihan Dasar CPNS", "BPSDM Provinsi Kalimantan Barat",
                         min(cpns.year + 1, AS_OF.year), 241))  # fmt: skip
        else:
            rows.append((RiwayatDiklat.Jenis.TEKNIS, "Diklat Prajabatan", "Badan Diklat Provinsi Kalimantan Barat",
                         cpns.year, 120))  # fmt: skip
        if slot.eselon:
            year = max(cpns.year + 2, AS_OF.year - rng.randint(1, 8))
            kind = slot.eselon.split(".")[0]
            name = {
                "IV": ("Diklatpim Tingkat IV", "Pelatihan Kepemimpinan Pengawas"),
                "III": ("Diklatpim Tingkat III", "Pelatihan Kepemimpinan Administrator"),
                "II": ("Diklatpim Tingkat II", "Pelatihan Kepemimpinan Nasional Tingkat II"),
            }[kind][year >= PKP_FROM]
            rows.append((RiwayatDiklat.Jenis.KEPEMIMPINAN, name, "BPSDM Provinsi Kalimantan Barat", year,
                         {"IV": 285, "III": 360, "II": 400}[kind]))  # fmt: skip
        if jf is not None and jf_start is not None:
            rows.append((RiwayatDiklat.Jenis.FUNGSIONAL, f"Pelatihan Fungsional {jf.base_name}",
                         "Instansi Pembina Jabatan Fungsional", min(jf_start.year + 1, AS_OF.year), rng.choice((60, 80, 100))))  # fmt: skip
        for _ in range(rng.randint(0, 3)):
            year = rng.randint(max(cpns.year, AS_OF.year - 6), AS_OF.year)
            rows.append((RiwayatDiklat.Jenis.TEKNIS, f"Bimbingan Teknis {rng.choice(TEKNIS)}",
                         "BPSDM Provinsi Kalimantan Barat", year, rng.choice((24, 32, 40))))  # fmt: skip
        for _ in range(rng.randint(0, 2)):
            year = rng.randint(max(cpns.year, AS_OF.year - 4), AS_OF.year)
            rows.append((RiwayatDiklat.Jenis.SEMINAR, f"Seminar {rng.choice(TEKNIS)}", "Pemerintah Provinsi Kalimantan Barat",
                         year, 8))  # fmt: skip
        for jenis, nama, penyelenggara, tahun, jam in rows:
            self.sk += 1
            nomor, tanggal = f"STTPP/{self.sk:05d}/{tahun}", None
            self._add(
                RiwayatDiklat,
                jenis=jenis,
                nama=nama,
                penyelenggara=penyelenggara,
                tahun=tahun,
                jam=jam,
                nomor_sk=nomor,
                tanggal_sk=tanggal,
            )

    def _skp_rows(self, pegawai, slot, cpns, punished_in: int | None) -> dict[int, Predikat]:
        """One appraisal per year of SKP_YEARS once in service; none for the current CLTN or
        tugas belajar year. Returns the predikat of each year (for the angka kredit)."""
        rng = self.rng
        away = any(f.startswith("status_") for f in slot.flags)
        result = {}
        for year in SKP_YEARS:
            if cpns > dt.date(year, 6, 30) or (away and year == SKP_YEARS[-1]):
                continue
            punished = year == punished_in
            if year < SKP_SCORES_FROM:
                score = round(rng.uniform(55.0, 89.0) if punished else rng.triangular(72.0, 119.0, 95.0), 2)
                predikat = predikat_for(year, score=score)
                self._add(RiwayatSkp, tahun=year, nilai=Decimal(f"{score:.2f}"))
            else:
                predikat = Predikat.BUTUH_PERBAIKAN if punished else _weighted(rng, PREDIKAT_2022)
                predikat_for(year, predikat=predikat.value)  # the regime must know it
                self._add(RiwayatSkp, tahun=year, predikat=predikat.value)
            result[year] = predikat
        return result

    def _angka_kredit_rows(self, pegawai, jf, path, jf_start, predikat: dict[int, Predikat]) -> None:
        """Yearly AK = months/12 × %predikat × koefisien of the jenjang held at year end
        (PermenPAN-RB 1/2023 via regulations.credit_points), the cumulative sum per jenjang."""
        total, held = Fraction(0), None
        for year, pred in predikat.items():
            end = dt.date(year, 12, 31)
            if jf_start > end:
                continue
            g = [g for g, tmt in path if tmt <= end][-1]
            jenjang = _jenjang_for(jf, g)
            if jenjang != held:
                total, held = Fraction(0), jenjang
            months = 12 if jf_start.year < year else 13 - jf_start.month
            ak = Fraction(months, 12) * PERCENT_BY_PREDIKAT[pred] * KOEFISIEN[Jenjang(jenjang)]
            total += ak
            nomor, tanggal = self._sk("PAK", dt.date(year + 1, 3, 31))  # assessed early the next year
            self._add(
                RiwayatAngkaKredit,
                tahun=year,
                jenjang=jenjang,
                angka_kredit=Decimal(f"{float(ak):.3f}"),
                kumulatif=Decimal(f"{float(total):.3f}"),
                nomor_sk=nomor,
                tanggal_sk=tanggal,
            )

    def _hukdis_row(self, pegawai, cpns) -> int:
        """A punishment in the last two years; returns its year (that year's SKP is poor)."""
        rng = self.rng
        hi = max(_add_months(AS_OF, -1), cpns)
        lo = min(max(_add_months(cpns, 3), dt.date(AS_OF.year - 2, 1, 1)), hi)
        tmt = _random_date(rng, lo, hi)
        level = Level.SEDANG if rng.random() < 0.25 else Level.RINGAN
        # Only punishments that leave rank and position alone, so the histories stay simple.
        kinds = [h for h in KINDS[regime_on(tmt)].values() if h.level == level and "pangkat" not in h.code]
        hukuman = rng.choice(kinds)
        months = {"6_bulan": 6, "9_bulan": 9, "12_bulan": 12, "1_tahun": 12}
        ends = next(
            (_add_months(tmt, m) for suffix, m in months.items() if hukuman.code.endswith(suffix)), None
        )
        nomor, tanggal = self._sk("800.1.6.4", tmt)
        self._add(
            RiwayatHukdis,
            tingkat=hukuman.level.value,
            jenis=hukuman.label[:60],
            tmt=tmt,
            tmt_selesai=ends,
            nomor_sk=nomor,
            tanggal_sk=tanggal,
        )
        return tmt.year

    def _family(self, pegawai: Pegawai, regency: str) -> None:
        rng, fake = self.rng, self.fake
        age = AS_OF.year - pegawai.tanggal_lahir.year
        roll = rng.random()
        if age < 25:
            status = Pegawai.StatusKawin.KAWIN if roll < 0.15 else Pegawai.StatusKawin.BELUM
        elif age < 31:
            status = Pegawai.StatusKawin.KAWIN if roll < 0.55 else Pegawai.StatusKawin.BELUM
        else:
            status = _weighted(
                rng,
                ((Pegawai.StatusKawin.KAWIN, 88), (Pegawai.StatusKawin.CERAI_HIDUP, 4),
                 (Pegawai.StatusKawin.CERAI_MATI, 3), (Pegawai.StatusKawin.BELUM, 5)),
            )  # fmt: skip
        pegawai.status_kawin = status
        if status == Pegawai.StatusKawin.BELUM:
            return
        married = _random_date(
            rng,
            anniversary(pegawai.tanggal_lahir, 22),
            min(anniversary(pegawai.tanggal_lahir, 34), _add_months(AS_OF, -6)),
        )
        spouse_gender = "P" if pegawai.jenis_kelamin == "L" else "L"
        if status != Pegawai.StatusKawin.CERAI_HIDUP:
            born = pegawai.tanggal_lahir + dt.timedelta(days=rng.randint(-6 * 365, 3 * 365))
            spouse = fake.first_name_female() if spouse_gender == "P" else fake.first_name_male()
            surname = fake.last_name_female() if spouse_gender == "P" else fake.last_name_male()
            self._add(
                Keluarga,
                hubungan=Keluarga.Hubungan.ISTRI if spouse_gender == "P" else Keluarga.Hubungan.SUAMI,
                nama=f"{spouse} {surname}",
                tanggal_lahir=born,
                nik=self._new_nik(regency, born, spouse_gender),
                tanggal_nikah=married,
                masih_hidup=status != Pegawai.StatusKawin.CERAI_MATI,
            )
        child = _add_months(married, rng.randint(10, 30))
        for _ in range(_weighted(rng, ((0, 10), (1, 25), (2, 40), (3, 25)))):
            if child >= AS_OF:
                break
            gender = rng.choice("LP")
            born = min(child + dt.timedelta(days=rng.randint(0, 27)), AS_OF - dt.timedelta(days=1))
            first = fake.first_name_male() if gender == "L" else fake.first_name_female()
            self._add(
                Keluarga,
                hubungan=Keluarga.Hubungan.ANAK,
                nama=f"{first} {pegawai.nama.split()[-1]}",
                tanggal_lahir=born,
                nik=self._new_nik(regency, born, gender),
            )
            child = _add_months(child, rng.randint(24, 60))

    # -- writing ---------------------------------------------------------------------------------

    def _add(self, model: type, **values) -> None:
        """Queue a history row of the Pegawai being drawn (the next one appended to people)."""
        self.rows[model].append((len(self.people), values))

    def write(self) -> dict:
        """One bulk_create per table (batched); the caller holds the transaction."""
        Pegawai.objects.bulk_create(self.people, batch_size=1000)
        pks = [p.pk for p in self.people]
        counts = {"pegawai": len(pks)}
        for model, key in HISTORY_MODELS.items():
            objs = [model(pegawai_id=pks[index], **values) for index, values in self.rows[model]]
            model.objects.bulk_create(objs, batch_size=2000)
            counts[key] = len(objs)
        return counts


def _summary(counts: dict, people: list[Pegawai], defects: dict[str, int], linked: int) -> dict:
    by_kind = dict.fromkeys(JenisJabatan.values, 0)
    by_eselon = dict.fromkeys(Eselon.values, 0)
    by_status = dict.fromkeys(Pegawai.Status.values, 0)
    cpns = 0
    for p in people:
        by_kind[p.jenis_jabatan] += 1
        by_status[p.status] += 1
        if p.eselon:
            by_eselon[p.eselon] += 1
        cpns += p.jenis_pegawai == Pegawai.Jenis.CPNS
    return {
        **counts,
        "jenis_jabatan": by_kind,
        "eselon": by_eselon,
        "status": by_status,
        "cpns": cpns,
        "akun_tertaut": linked,
        "defects": defects,
    }


def _empty_summary() -> dict:
    zero = dict.fromkeys(
        ("pegawai", "riwayat_golongan", "riwayat_jabatan", "riwayat_pendidikan", "riwayat_diklat", "riwayat_skp",
         "riwayat_hukdis", "riwayat_angka_kredit", "keluarga", "sertifikat_ujian"),
        0,
    )  # fmt: skip
    return _summary(zero, [], dict.fromkeys(DEFECT_RATES, 0), 0)


@transaction.atomic
def seed_demo_pegawai(n: int, seed: int, *, actor=None) -> dict:
    """Create ``n`` synthetic Pegawai with their histories in the demo instansi.

    Does nothing (and returns zeros) when the instansi already has pegawai, so ``make run``
    can call it every time. Requires ``demo.org.seed_minimal_demo`` to have run.
    """
    instansi = Instansi.objects.filter(code=INSTANSI["code"]).first()
    if instansi is None:
        raise ValueError("Instansi demo belum ada: jalankan seed_minimal_demo terlebih dahulu.")
    if n <= 0 or Pegawai.objects.filter(opd__instansi=instansi).exists():
        return _empty_summary()
    # A quarter of a million live model instances make Python's cyclic collector rescan the
    # heap again and again (a third of the load time at full size); none of them form
    # cycles worth collecting before the load ends, so pause it and restore it after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        generator = _Generator(n, seed, instansi)
        slots = generator.roster()
        for slot in slots:
            generator.person(slot)
        people = generator.people
        counts = generator.write()
    finally:
        if collecting:
            gc.enable()
    linked = _link_demo_users(slots, people)
    summary = _summary(counts, people, generator.defects, linked)
    record(
        actor=actor,
        event="pegawai.demo_dimuat",
        object_type=Pegawai._meta.label_lower,
        object_repr=f"Provinsi demo: {n} pegawai (seed {seed})",
        after={"seed": seed, **summary},
    )
    return summary


def _link_demo_users(slots: list[_Slot], people: list[Pegawai]) -> int:
    """Attach the demo logins pegawai.dinkes and operator.dinkes to their Pegawai rows."""
    users = {u.username: u for u in User.objects.filter(username__in=("pegawai.dinkes", "operator.dinkes"))}
    linked = []
    for slot, pegawai in zip(slots, people, strict=True):
        for username in ("pegawai.dinkes", "operator.dinkes"):
            if f"akun_{username}" in slot.flags and username in users:
                pegawai.user = users[username]
                linked.append(pegawai)
    if linked:
        Pegawai.objects.bulk_update(linked, ["user"])
    return len(linked)
