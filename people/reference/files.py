"""The functional-position (jabatan fungsional, JF) catalogue of a provincial government.

One row per JF *type and kategori*: a JF that has both a keahlian and a keterampilan
ladder (Perawat, Arsiparis, Pranata Komputer…) appears twice, because SIASN keeps them as
separate positions and because a person's kategori follows their ijazah (keterampilan from
D-III or SLTA, keahlian from S-1/D-IV). ``base_name`` is the name used in a position title
("Perawat Ahli Muda", "Perawat Mahir").

Jenjang codes are those of ``regulations.credit_points.Jenjang``, lowest first:
keterampilan ``pemula`` < ``terampil`` < ``mahir`` < ``penyelia``; keahlian
``ahli_pertama`` < ``ahli_muda`` < ``ahli_madya`` < ``ahli_utama`` (PermenPAN-RB 1/2023
Pasal 7–8 groups them this way). Which ladder a JF has is the usual one for the JF; the
ladders were not checked one by one against each regulation.

Legal basis: a regulation *number* is given only where it was confirmed against a copy of
the regulation or of a document quoting it (marked ``VERIFIED`` in the table below), or
where it is widely cited and we are confident of it. Everything else names the regulation
by title only ("PermenPAN-RB tentang Jabatan Fungsional …"); see docs/demo-data.md. Several
JF were since re-regulated (e.g. the ketenagakerjaan family by PermenPAN-RB 21/2025): the
citation is the regulation that set the position up or the one we could confirm.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JfType:
    code: str
    name: str
    kategori: str  # "keahlian" or "keterampilan"
    jenjang: tuple[str, ...]
    regulation: str

    @property
    def base_name(self) -> str:
        """The name without the "(Keterampilan)" marker: what a position title starts with."""
        return self.name.removesuffix(" (Keterampilan)")


KEAHLIAN = "keahlian"
KETERAMPILAN = "keterampilan"

AHLI_4 = ("ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama")
AHLI_3 = ("ahli_pertama", "ahli_muda", "ahli_madya")
TERAMPIL_3 = ("terampil", "mahir", "penyelia")
TERAMPIL_4 = ("pemula", "terampil", "mahir", "penyelia")


def _permen(title: str, number: str = "") -> str:
    """The citation of a PermenPAN-RB; without a number when we could not confirm it."""
    nomor = f" Nomor {number}" if number else ""
    return f"PermenPAN-RB{nomor} tentang Jabatan Fungsional {title}"


def _both(code: str, name: str, ahli: tuple[str, ...], terampil: tuple[str, ...], regulation: str):
    """A JF with a keahlian and a keterampilan ladder, as two catalogue rows."""
    return (
        JfType(code, name, KEAHLIAN, ahli, regulation),
        JfType(f"{code}_terampil", f"{name} (Keterampilan)", KETERAMPILAN, terampil, regulation),
    )


JF_CATALOGUE: tuple[JfType, ...] = (
    # --- general administration (every OPD) -------------------------------------------------
    # VERIFIED: PER/36/M.PAN/11/2006, amended by PER/14/M.PAN/6/2008 (quoted in Permenhan 28/2009).
    *_both(
        "analis_kepegawaian",
        "Analis Kepegawaian",
        AHLI_4,
        TERAMPIL_3,
        "PermenPAN Nomor PER/36/M.PAN/11/2006 tentang Jabatan Fungsional Analis Kepegawaian dan Angka Kreditnya",
    ),
    # VERIFIED: PermenPAN-RB 38/2020 (pasal.id).
    JfType(
        "pranata_sdm_aparatur",
        "Pranata Sumber Daya Manusia Aparatur",
        KETERAMPILAN,
        TERAMPIL_3,
        _permen("Pranata Sumber Daya Manusia Aparatur", "38 Tahun 2020"),
    ),
    # VERIFIED: PermenPAN-RB 48/2014, amended by 13/2016.
    *_both("arsiparis", "Arsiparis", AHLI_4, TERAMPIL_3, _permen("Arsiparis", "48 Tahun 2014")),
    *_both("pustakawan", "Pustakawan", AHLI_4, TERAMPIL_3, _permen("Pustakawan", "9 Tahun 2014")),
    JfType("perencana", "Perencana", KEAHLIAN, AHLI_4, _permen("Perencana", "4 Tahun 2020")),
    JfType(
        "auditor",
        "Auditor",
        KEAHLIAN,
        AHLI_4,
        "PermenPAN Nomor PER/220/M.PAN/7/2008 tentang Jabatan Fungsional Auditor dan Angka Kreditnya",
    ),
    JfType(
        "p2upd",
        "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengawas Penyelenggaraan Urusan Pemerintahan Daerah"),
    ),
    *_both(
        "pranata_komputer",
        "Pranata Komputer",
        AHLI_4,
        TERAMPIL_3,
        _permen("Pranata Komputer", "32 Tahun 2020"),
    ),
    *_both(
        "pranata_humas",
        "Pranata Hubungan Masyarakat",
        AHLI_4,
        TERAMPIL_3,
        _permen("Pranata Hubungan Masyarakat", "6 Tahun 2014"),
    ),
    # VERIFIED: PermenPAN-RB 19/2013 (Perber BPS-BKN 27/2014 and 1/2014 quote it).
    *_both("statistisi", "Statistisi", AHLI_4, TERAMPIL_3, _permen("Statistisi", "19 Tahun 2013")),
    JfType(
        "analis_kebijakan", "Analis Kebijakan", KEAHLIAN, AHLI_4, _permen("Analis Kebijakan", "45 Tahun 2013")
    ),
    # VERIFIED: PermenPAN-RB 29/2020 (LKPP material).
    JfType(
        "pengelola_pbj",
        "Pengelola Pengadaan Barang/Jasa",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengelola Pengadaan Barang/Jasa", "29 Tahun 2020"),
    ),
    JfType("analis_hukum", "Analis Hukum", KEAHLIAN, AHLI_4, _permen("Analis Hukum")),
    JfType(
        "perancang_peraturan",
        "Perancang Peraturan Perundang-undangan",
        KEAHLIAN,
        AHLI_4,
        _permen("Perancang Peraturan Perundang-undangan"),
    ),
    # --- finance ---------------------------------------------------------------------------
    JfType("analis_anggaran", "Analis Anggaran", KEAHLIAN, AHLI_4, _permen("Analis Anggaran")),
    # VERIFIED: PermenPAN-RB 42/2014 (Berita Negara 2014 No. 1805).
    JfType(
        "analis_keuangan_pusat_daerah",
        "Analis Keuangan Pusat dan Daerah",
        KEAHLIAN,
        AHLI_4,
        _permen("Analis Keuangan Pusat dan Daerah", "42 Tahun 2014"),
    ),
    JfType(
        "pranata_keuangan_apbn",
        "Pranata Keuangan APBN",
        KETERAMPILAN,
        TERAMPIL_3,
        _permen("Pranata Keuangan Anggaran Pendapatan dan Belanja Negara"),
    ),
    # --- health (Dinas Kesehatan, RSUD, RSJD) ----------------------------------------------
    JfType(
        "dokter",
        "Dokter",
        KEAHLIAN,
        AHLI_4,
        "KepMenPAN tentang Jabatan Fungsional Dokter dan Angka Kreditnya",
    ),
    # VERIFIED: KepMenPAN 141/KEP/M.PAN/11/2003 (quoted in the Kemenkes technical guide).
    JfType(
        "dokter_gigi",
        "Dokter Gigi",
        KEAHLIAN,
        AHLI_4,
        "KepMenPAN Nomor 141/KEP/M.PAN/11/2003 tentang Jabatan Fungsional Dokter Gigi dan Angka Kreditnya",
    ),
    # VERIFIED: PermenPAN-RB 35/2019 (MenPAN-RB letter on its application).
    *_both("perawat", "Perawat", AHLI_4, TERAMPIL_3, _permen("Perawat", "35 Tahun 2019")),
    *_both("bidan", "Bidan", AHLI_3, TERAMPIL_3, _permen("Bidan", "36 Tahun 2019")),
    # VERIFIED: PermenPAN-RB 13/2021 (replacing PER/07/M.PAN/4/2008).
    JfType("apoteker", "Apoteker", KEAHLIAN, AHLI_4, _permen("Apoteker", "13 Tahun 2021")),
    # VERIFIED: PER/08/M.PAN/4/2008.
    JfType(
        "asisten_apoteker",
        "Asisten Apoteker",
        KETERAMPILAN,
        TERAMPIL_3,
        "PermenPAN Nomor PER/08/M.PAN/4/2008 tentang Jabatan Fungsional Asisten Apoteker dan Angka Kreditnya",
    ),
    # VERIFIED: KepMenPAN 23/KEP/M.PAN/4/2001 set it up (since re-regulated).
    *_both(
        "nutrisionis",
        "Nutrisionis",
        AHLI_3,
        TERAMPIL_3,
        "KepMenPAN Nomor 23/KEP/M.PAN/4/2001 tentang Jabatan Fungsional Nutrisionis dan Angka Kreditnya",
    ),
    *_both(
        "sanitarian",
        "Tenaga Sanitasi Lingkungan",
        AHLI_3,
        TERAMPIL_3,
        _permen("Tenaga Sanitasi Lingkungan (dahulu Sanitarian)"),
    ),
    *_both(
        "epidemiolog_kesehatan", "Epidemiolog Kesehatan", AHLI_4, TERAMPIL_3, _permen("Epidemiolog Kesehatan")
    ),
    JfType(
        "penyuluh_kesehatan_masyarakat",
        "Penyuluh Kesehatan Masyarakat",
        KEAHLIAN,
        AHLI_4,
        _permen("Penyuluh Kesehatan Masyarakat"),
    ),
    JfType(
        "administrator_kesehatan",
        "Administrator Kesehatan",
        KEAHLIAN,
        AHLI_4,
        _permen("Administrator Kesehatan"),
    ),
    JfType("radiografer", "Radiografer", KETERAMPILAN, TERAMPIL_3, _permen("Radiografer")),
    JfType(
        "pranata_laboratorium_kesehatan",
        "Pranata Laboratorium Kesehatan",
        KETERAMPILAN,
        TERAMPIL_3,
        _permen("Pranata Laboratorium Kesehatan"),
    ),
    JfType(
        "perekam_medis",
        "Perekam Medis",
        KETERAMPILAN,
        TERAMPIL_3,
        _permen("Perekam Medis dan Informasi Kesehatan"),
    ),
    JfType("fisioterapis", "Fisioterapis", KETERAMPILAN, TERAMPIL_3, _permen("Fisioterapis")),
    # VERIFIED: PermenPAN-RB 37/2019.
    JfType(
        "terapis_gigi_mulut",
        "Terapis Gigi dan Mulut",
        KETERAMPILAN,
        TERAMPIL_3,
        _permen("Terapis Gigi dan Mulut", "37 Tahun 2019"),
    ),
    JfType("psikolog_klinis", "Psikolog Klinis", KEAHLIAN, AHLI_4, _permen("Psikolog Klinis")),
    # --- education and training --------------------------------------------------------------
    # Guru of SMA, SMK and SLB, which the province runs (UU 23/2014, Lampiran I.A).
    JfType("guru", "Guru", KEAHLIAN, AHLI_4, _permen("Guru dan Angka Kreditnya", "16 Tahun 2009")),
    JfType(
        "pengawas_sekolah",
        "Pengawas Sekolah",
        KEAHLIAN,
        ("ahli_muda", "ahli_madya", "ahli_utama"),
        _permen("Pengawas Sekolah dan Angka Kreditnya", "21 Tahun 2010"),
    ),
    JfType("penilik", "Penilik", KEAHLIAN, AHLI_3, _permen("Penilik dan Angka Kreditnya", "14 Tahun 2010")),
    JfType("pamong_belajar", "Pamong Belajar", KEAHLIAN, AHLI_4, _permen("Pamong Belajar")),
    JfType(
        "pengembang_teknologi_pembelajaran",
        "Pengembang Teknologi Pembelajaran",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengembang Teknologi Pembelajaran"),
    ),
    JfType("widyaiswara", "Widyaiswara", KEAHLIAN, AHLI_4, _permen("Widyaiswara", "22 Tahun 2014")),
    JfType("pamong_budaya", "Pamong Budaya", KEAHLIAN, AHLI_4, _permen("Pamong Budaya")),
    # --- agriculture, livestock, fisheries -----------------------------------------------------
    # VERIFIED: PermenPAN-RB 35/2020 (replacing PER/02/MENPAN/2/2008).
    *_both(
        "penyuluh_pertanian",
        "Penyuluh Pertanian",
        AHLI_4,
        TERAMPIL_3,
        _permen("Penyuluh Pertanian", "35 Tahun 2020"),
    ),
    *_both(
        "pengawas_benih_tanaman",
        "Pengawas Benih Tanaman",
        AHLI_3,
        TERAMPIL_3,
        _permen("Pengawas Benih Tanaman"),
    ),
    JfType(
        "popt",
        "Pengendali Organisme Pengganggu Tumbuhan",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengendali Organisme Pengganggu Tumbuhan"),
    ),
    JfType(
        "pengawas_mutu_hasil_pertanian",
        "Pengawas Mutu Hasil Pertanian",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengawas Mutu Hasil Pertanian"),
    ),
    # VERIFIED: PermenPAN-RB 6/2012 jo 23/2013 (quoted in Permentan 05/2015).
    JfType(
        "analis_pasar_hasil_pertanian",
        "Analis Pasar Hasil Pertanian",
        KEAHLIAN,
        AHLI_3,
        _permen("Analis Pasar Hasil Pertanian dan Angka Kreditnya", "6 Tahun 2012"),
    ),
    JfType(
        "pengawas_alsintan",
        "Pengawas Alat dan Mesin Pertanian",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengawas Alat dan Mesin Pertanian"),
    ),
    JfType("medik_veteriner", "Medik Veteriner", KEAHLIAN, AHLI_4, _permen("Medik Veteriner")),
    JfType(
        "paramedik_veteriner", "Paramedik Veteriner", KETERAMPILAN, TERAMPIL_3, _permen("Paramedik Veteriner")
    ),
    JfType(
        "pengawas_bibit_ternak", "Pengawas Bibit Ternak", KEAHLIAN, AHLI_3, _permen("Pengawas Bibit Ternak")
    ),
    JfType("pengawas_mutu_pakan", "Pengawas Mutu Pakan", KEAHLIAN, AHLI_3, _permen("Pengawas Mutu Pakan")),
    JfType("penyuluh_perikanan", "Penyuluh Perikanan", KEAHLIAN, AHLI_4, _permen("Penyuluh Perikanan")),
    JfType(
        "pengawas_perikanan",
        "Pengawas Perikanan",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengawas Perikanan"),
    ),
    JfType(
        "pengendali_hama_penyakit_ikan",
        "Pengendali Hama dan Penyakit Ikan",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengendali Hama dan Penyakit Ikan"),
    ),
    JfType(
        "pengelola_ekosistem_laut_pesisir",
        "Pengelola Ekosistem Laut dan Pesisir",
        KEAHLIAN,
        AHLI_3,
        _permen("Pengelola Ekosistem Laut dan Pesisir"),
    ),
    # --- forestry and environment ------------------------------------------------------------
    # VERIFIED: PermenPAN-RB 17/2011 (quoted in P.22/MenLHK-II/2015).
    *_both(
        "polisi_kehutanan",
        "Polisi Kehutanan",
        AHLI_3,
        TERAMPIL_3,
        _permen("Polisi Kehutanan dan Angka Kreditnya", "17 Tahun 2011"),
    ),
    # VERIFIED: PermenPAN-RB 27/2013 (quoted in P.37/Menlhk/Setjen/Kum.1/4/2016).
    JfType(
        "penyuluh_kehutanan",
        "Penyuluh Kehutanan",
        KEAHLIAN,
        AHLI_4,
        _permen("Penyuluh Kehutanan dan Angka Kreditnya", "27 Tahun 2013"),
    ),
    # VERIFIED: PermenPAN-RB 50/2012 (quoted in P.13/MENLHK/SETJEN/KUM.1/2/2017).
    JfType(
        "pengendali_ekosistem_hutan",
        "Pengendali Ekosistem Hutan",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengendali Ekosistem Hutan dan Angka Kreditnya", "50 Tahun 2012"),
    ),
    JfType(
        "pengendali_dampak_lingkungan",
        "Pengendali Dampak Lingkungan",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengendali Dampak Lingkungan"),
    ),
    JfType(
        "pengawas_lingkungan_hidup",
        "Pengawas Lingkungan Hidup",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengawas Lingkungan Hidup"),
    ),
    # --- public works, housing, transport, energy ----------------------------------------------
    JfType("penata_ruang", "Penata Ruang", KEAHLIAN, AHLI_4, _permen("Penata Ruang")),
    *_both(
        "teknik_jalan_jembatan",
        "Teknik Jalan dan Jembatan",
        AHLI_4,
        TERAMPIL_3,
        _permen("Teknik Jalan dan Jembatan"),
    ),
    *_both("teknik_pengairan", "Teknik Pengairan", AHLI_4, TERAMPIL_3, _permen("Teknik Pengairan")),
    JfType(
        "pembina_jasa_konstruksi",
        "Pembina Jasa Konstruksi",
        KEAHLIAN,
        AHLI_4,
        _permen("Pembina Jasa Konstruksi"),
    ),
    *_both(
        "penguji_kendaraan_bermotor",
        "Penguji Kendaraan Bermotor",
        AHLI_3,
        TERAMPIL_3,
        _permen("Penguji Kendaraan Bermotor"),
    ),
    JfType("penyelidik_bumi", "Penyelidik Bumi", KEAHLIAN, AHLI_4, _permen("Penyelidik Bumi")),
    # --- manpower, social, community, cooperatives -----------------------------------------------
    # VERIFIED: PermenPAN-RB 30/2020 (replacing 19/2010).
    JfType(
        "pengawas_ketenagakerjaan",
        "Pengawas Ketenagakerjaan",
        KEAHLIAN,
        AHLI_4,
        _permen("Pengawas Ketenagakerjaan", "30 Tahun 2020"),
    ),
    # VERIFIED: PermenPAN-RB 21/2025 regulates these three with the rest of the ketenagakerjaan family.
    JfType(
        "mediator_hubungan_industrial",
        "Mediator Hubungan Industrial",
        KEAHLIAN,
        AHLI_4,
        "PermenPAN-RB Nomor 21 Tahun 2025 tentang Jabatan Fungsional di Bidang Ketenagakerjaan",
    ),
    JfType(
        "instruktur",
        "Instruktur",
        KEAHLIAN,
        AHLI_4,
        "PermenPAN-RB Nomor 21 Tahun 2025 tentang Jabatan Fungsional di Bidang Ketenagakerjaan",
    ),
    JfType(
        "pengantar_kerja",
        "Pengantar Kerja",
        KEAHLIAN,
        AHLI_4,
        "PermenPAN-RB Nomor 21 Tahun 2025 tentang Jabatan Fungsional di Bidang Ketenagakerjaan",
    ),
    JfType("penyuluh_sosial", "Penyuluh Sosial", KEAHLIAN, AHLI_4, _permen("Penyuluh Sosial")),
    *_both("pekerja_sosial", "Pekerja Sosial", AHLI_4, TERAMPIL_3, _permen("Pekerja Sosial")),
    JfType("pengawas_koperasi", "Pengawas Koperasi", KEAHLIAN, AHLI_4, _permen("Pengawas Koperasi")),
    JfType(
        "penggerak_swadaya_masyarakat",
        "Penggerak Swadaya Masyarakat",
        KEAHLIAN,
        AHLI_4,
        _permen("Penggerak Swadaya Masyarakat"),
    ),
    JfType(
        "administrator_database_kependudukan",
        "Administrator Database Kependudukan",
        KEAHLIAN,
        AHLI_4,
        _permen("Administrator Database Kependudukan"),
    ),
    # --- public order, disasters, trade, tourism -------------------------------------------------
    *_both("polisi_pamong_praja", "Polisi Pamong Praja", AHLI_3, TERAMPIL_4, _permen("Polisi Pamong Praja")),
    JfType(
        "penata_penanggulangan_bencana",
        "Penata Penanggulangan Bencana",
        KEAHLIAN,
        AHLI_4,
        _permen("Penata Penanggulangan Bencana"),
    ),
    JfType("pengawas_perdagangan", "Pengawas Perdagangan", KEAHLIAN, AHLI_4, _permen("Pengawas Perdagangan")),
    JfType("penera", "Penera", KETERAMPILAN, TERAMPIL_3, _permen("Penera")),
    JfType(
        "adyatama_kepariwisataan",
        "Adyatama Kepariwisataan dan Ekonomi Kreatif",
        KEAHLIAN,
        AHLI_4,
        _permen("Adyatama Kepariwisataan dan Ekonomi Kreatif"),
    ),
)

JF_BY_CODE: dict[str, JfType] = {jf.code: jf for jf in JF_CATALOGUE}
