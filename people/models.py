"""Pegawai and their histories.

Each history row is effective-dated (``tmt``) with the decree that made it (nomor and
tanggal SK). The Pegawai row also carries the *current* rank, position and education,
denormalised from the histories, because every list, filter and rule reads them and must
not join the histories to do so; histories are the record, the Pegawai row the summary.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regulations.ranks import Pendidikan


class Golongan(models.Model):
    """The 17 pangkat/golongan ruang (PP 99/2000, Lampiran); rows come from regulations.ranks."""

    code = models.CharField(_("golongan"), max_length=6, unique=True)  # "III/a"
    numeric = models.PositiveSmallIntegerField(_("kode"), unique=True)  # 31, as in the national system
    pangkat = models.CharField(_("pangkat"), max_length=60)
    order = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        verbose_name = _("golongan")
        verbose_name_plural = _("golongan")
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.code} – {self.pangkat}"


class JenisJabatan(models.TextChoices):
    STRUKTURAL = "struktural", _("Struktural")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


class Eselon(models.TextChoices):
    # I.a/I.b: a Sekretaris Daerah provinsi is eselon I.b (JPT madya, BUP 60).
    I_A = "I.a", "I.a"
    I_B = "I.b", "I.b"
    II_A = "II.a", "II.a"
    II_B = "II.b", "II.b"
    III_A = "III.a", "III.a"
    III_B = "III.b", "III.b"
    IV_A = "IV.a", "IV.a"
    IV_B = "IV.b", "IV.b"


class TingkatPendidikan(models.TextChoices):
    SD = Pendidikan.SD, "SD"
    SLTP = Pendidikan.SLTP, "SLTP"
    SLTP_KEJURUAN = Pendidikan.SLTP_KEJURUAN, _("SLTP Kejuruan")
    SLTA = Pendidikan.SLTA, "SLTA"
    D1 = Pendidikan.D1, "D-I"
    D2 = Pendidikan.D2, "D-II"
    SGPLB = Pendidikan.SGPLB, "SGPLB"
    D3 = Pendidikan.D3, "D-III"
    D4 = Pendidikan.D4, "D-IV"
    S1 = Pendidikan.S1, "S-1"
    S2 = Pendidikan.S2, "S-2"
    S3 = Pendidikan.S3, "S-3"


class JabatanFungsional(models.Model):
    """A functional position type of the catalogue, with its jenjang ladder and legal basis."""

    class Kategori(models.TextChoices):
        KETERAMPILAN = "keterampilan", _("Keterampilan")
        KEAHLIAN = "keahlian", _("Keahlian")

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=150, unique=True)
    kategori = models.CharField(_("kategori"), max_length=20, choices=Kategori.choices)
    # jenjang codes in ladder order, e.g. ["ahli_pertama", "ahli_muda", "ahli_madya"]
    jenjang = models.JSONField(_("jenjang"), default=list)
    regulation = models.CharField(_("dasar hukum"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("jabatan fungsional")
        verbose_name_plural = _("jabatan fungsional")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Pegawai(models.Model):
    class Gender(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    class Agama(models.TextChoices):
        ISLAM = "islam", _("Islam")
        KRISTEN = "kristen", _("Kristen")
        KATOLIK = "katolik", _("Katolik")
        HINDU = "hindu", _("Hindu")
        BUDDHA = "buddha", _("Buddha")
        KONGHUCU = "konghucu", _("Konghucu")
        LAINNYA = "lainnya", _("Lainnya")

    class StatusKawin(models.TextChoices):
        BELUM = "belum_kawin", _("Belum kawin")
        KAWIN = "kawin", _("Kawin")
        CERAI_HIDUP = "cerai_hidup", _("Cerai hidup")
        CERAI_MATI = "cerai_mati", _("Cerai mati")

    class Jenis(models.TextChoices):
        PNS = "pns", "PNS"
        CPNS = "cpns", "CPNS"
        PPPK = "pppk", "PPPK"

    class Status(models.TextChoices):
        AKTIF = "aktif", _("Aktif")
        CLTN = "cltn", _("Cuti di luar tanggungan negara")
        TUGAS_BELAJAR = "tugas_belajar", _("Tugas belajar")
        DIBERHENTIKAN_SEMENTARA = "diberhentikan_sementara", _("Diberhentikan sementara")
        PENSIUN = "pensiun", _("Pensiun")
        MENINGGAL = "meninggal", _("Meninggal")
        PINDAH = "pindah", _("Pindah instansi")

    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True)
    pns_id = models.CharField(_("ID PNS (SIASN)"), max_length=64, unique=True, null=True, blank=True)
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    agama = models.CharField(_("agama"), max_length=12, choices=Agama.choices, blank=True)
    status_kawin = models.CharField(
        _("status perkawinan"), max_length=12, choices=StatusKawin.choices, blank=True
    )
    alamat = models.CharField(_("alamat"), max_length=300, blank=True)
    nomor_hp = models.CharField(_("nomor HP"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    jenis_pegawai = models.CharField(
        _("jenis pegawai"), max_length=6, choices=Jenis.choices, default=Jenis.PNS
    )
    status = models.CharField(_("kedudukan"), max_length=24, choices=Status.choices, default=Status.AKTIF)
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    tmt_pns = models.DateField(_("TMT PNS"), null=True, blank=True)
    opd = models.ForeignKey(
        "org.Opd", on_delete=models.PROTECT, related_name="pegawai", verbose_name=_("OPD")
    )
    unit = models.ForeignKey(
        "org.UnitKerja",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
        verbose_name=_("unit kerja"),
    )
    # Current state, kept in step with the histories by the people actions.
    golongan = models.ForeignKey(
        Golongan, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("golongan")
    )
    tmt_golongan = models.DateField(_("TMT golongan"), null=True, blank=True)
    jenis_jabatan = models.CharField(
        _("jenis jabatan"), max_length=12, choices=JenisJabatan.choices, blank=True
    )
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    jabatan_fungsional = models.ForeignKey(
        JabatanFungsional,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("jabatan fungsional"),
    )
    jenjang = models.CharField(_("jenjang"), max_length=30, blank=True)
    eselon = models.CharField(_("eselon"), max_length=6, choices=Eselon.choices, blank=True)
    tmt_jabatan = models.DateField(_("TMT jabatan"), null=True, blank=True)
    pendidikan = models.CharField(
        _("pendidikan terakhir"), max_length=14, choices=TingkatPendidikan.choices, blank=True
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
        verbose_name=_("akun"),
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama", "nip"]
        indexes = [
            # the employee list: filter by OPD, sort by name
            models.Index(fields=["opd", "nama"], name="pegawai_opd_nama_idx"),
            # the employee list's golongan / position-kind / status filters
            models.Index(fields=["golongan"], name="pegawai_golongan_idx"),
            models.Index(fields=["jenis_jabatan", "status"], name="pegawai_jabatan_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(nip__regex=r"^[0-9]{18}$"), name="pegawai_nip_18_digits"),
            models.CheckConstraint(
                condition=Q(nik__isnull=True) | Q(nik__regex=r"^[0-9]{16}$"), name="pegawai_nik_16_digits"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    @property
    def nama_lengkap(self) -> str:
        """The name as written on decrees: front titles, name, back titles."""
        front = f"{self.gelar_depan} " if self.gelar_depan else ""
        back = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{front}{self.nama}{back}"


class Decree(models.Model):
    """Shared fields of every history row: the decree (SK) behind it."""

    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)

    class Meta:
        abstract = True


class RiwayatGolongan(Decree):
    class JenisKp(models.TextChoices):
        AWAL = "awal", _("Pengangkatan CPNS")
        REGULER = "reguler", _("Reguler")
        PILIHAN = "pilihan", _("Pilihan (jabatan struktural/fungsional)")
        PENYESUAIAN_IJAZAH = "penyesuaian_ijazah", _("Penyesuaian ijazah")
        PENGABDIAN = "pengabdian", _("Pengabdian")
        ANUMERTA = "anumerta", _("Anumerta")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_golongan")
    golongan = models.ForeignKey(Golongan, on_delete=models.PROTECT, verbose_name=_("golongan"))
    tmt = models.DateField(_("TMT"))
    jenis_kp = models.CharField(_("jenis kenaikan pangkat"), max_length=20, choices=JenisKp.choices)
    mk_tahun = models.PositiveSmallIntegerField(_("masa kerja (tahun)"), default=0)
    mk_bulan = models.PositiveSmallIntegerField(_("masa kerja (bulan)"), default=0)

    class Meta:
        verbose_name = _("riwayat golongan")
        verbose_name_plural = _("riwayat golongan")
        ordering = ["pegawai", "tmt"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "golongan"], name="golongan_once_per_pegawai"),
            models.CheckConstraint(condition=Q(mk_bulan__lt=12), name="golongan_mk_bulan_below_12"),
        ]

    def __str__(self) -> str:
        return f"{self.golongan.code} TMT {self.tmt:%d-%m-%Y}"


class RiwayatJabatan(Decree):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_jabatan")
    jenis = models.CharField(_("jenis jabatan"), max_length=12, choices=JenisJabatan.choices)
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jabatan_fungsional = models.ForeignKey(JabatanFungsional, null=True, blank=True, on_delete=models.PROTECT)
    jenjang = models.CharField(_("jenjang"), max_length=30, blank=True)
    eselon = models.CharField(_("eselon"), max_length=6, choices=Eselon.choices, blank=True)
    opd = models.ForeignKey("org.Opd", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("OPD"))
    unit = models.ForeignKey("org.UnitKerja", null=True, blank=True, on_delete=models.SET_NULL)
    tmt = models.DateField(_("TMT"))
    tmt_selesai = models.DateField(_("TMT selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        ordering = ["pegawai", "tmt"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt")),
                name="jabatan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class RiwayatPendidikan(Decree):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_pendidikan")
    tingkat = models.CharField(_("tingkat"), max_length=14, choices=TingkatPendidikan.choices)
    jurusan = models.CharField(_("jurusan"), max_length=150, blank=True)
    institusi = models.CharField(_("institusi"), max_length=200, blank=True)
    terakreditasi = models.BooleanField(_("terakreditasi"), default=True)
    tahun_lulus = models.PositiveSmallIntegerField(_("tahun lulus"))
    izin_belajar = models.BooleanField(_("dengan izin belajar"), default=False)

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        ordering = ["pegawai", "tahun_lulus"]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.jurusan} ({self.tahun_lulus})"


class RiwayatDiklat(Decree):
    class Jenis(models.TextChoices):
        KEPEMIMPINAN = "kepemimpinan", _("Diklat kepemimpinan")
        FUNGSIONAL = "fungsional", _("Diklat fungsional")
        TEKNIS = "teknis", _("Diklat teknis")
        SEMINAR = "seminar", _("Seminar/workshop/magang/kursus")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_diklat")
    jenis = models.CharField(_("jenis"), max_length=14, choices=Jenis.choices)
    nama = models.CharField(_("nama"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jam = models.PositiveSmallIntegerField(_("jumlah jam pelajaran"), default=0)

    class Meta:
        verbose_name = _("riwayat diklat")
        verbose_name_plural = _("riwayat diklat")
        ordering = ["pegawai", "tahun"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tahun})"


class RiwayatSkp(models.Model):
    """One appraisal per year: a numeric score (PP 46/2011, PP 30/2019) or a predikat (from 2022)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_skp")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nilai = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    predikat = models.CharField(_("predikat"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("riwayat SKP")
        verbose_name_plural = _("riwayat SKP")
        ordering = ["pegawai", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tahun"], name="skp_once_per_year"),
            models.CheckConstraint(
                condition=Q(nilai__isnull=False) | ~Q(predikat=""), name="skp_has_score_or_predikat"
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.tahun}"


class RiwayatHukdis(Decree):
    class Tingkat(models.TextChoices):
        RINGAN = "ringan", _("Ringan")
        SEDANG = "sedang", _("Sedang")
        BERAT = "berat", _("Berat")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_hukdis")
    tingkat = models.CharField(_("tingkat"), max_length=8, choices=Tingkat.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=60)
    tmt = models.DateField(_("TMT"))
    tmt_selesai = models.DateField(_("TMT selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("riwayat hukuman disiplin")
        verbose_name_plural = _("riwayat hukuman disiplin")
        ordering = ["pegawai", "tmt"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt")),
                name="hukdis_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.jenis}"


class RiwayatAngkaKredit(Decree):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_angka_kredit")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenjang = models.CharField(_("jenjang"), max_length=30)
    angka_kredit = models.DecimalField(_("angka kredit"), max_digits=8, decimal_places=3)
    kumulatif = models.DecimalField(_("kumulatif"), max_digits=8, decimal_places=3, null=True, blank=True)

    class Meta:
        verbose_name = _("riwayat angka kredit")
        verbose_name_plural = _("riwayat angka kredit")
        ordering = ["pegawai", "tahun"]

    def __str__(self) -> str:
        return f"AK {self.tahun}: {self.angka_kredit}"


class Keluarga(models.Model):
    class Hubungan(models.TextChoices):
        SUAMI = "suami", _("Suami")
        ISTRI = "istri", _("Istri")
        ANAK = "anak", _("Anak")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="keluarga")
    hubungan = models.CharField(_("hubungan"), max_length=8, choices=Hubungan.choices)
    nama = models.CharField(_("nama"), max_length=150)
    tanggal_lahir = models.DateField(_("tanggal lahir"), null=True, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    tanggal_nikah = models.DateField(_("tanggal nikah"), null=True, blank=True)
    masih_hidup = models.BooleanField(_("masih hidup"), default=True)

    class Meta:
        verbose_name = _("keluarga")
        verbose_name_plural = _("keluarga")
        ordering = ["pegawai", "hubungan", "tanggal_lahir"]

    def __str__(self) -> str:
        return f"{self.get_hubungan_display()}: {self.nama}"


class SertifikatUjian(Decree):
    class Jenis(models.TextChoices):
        UJIAN_DINAS_I = "ujian_dinas_i", _("Ujian dinas tingkat I")
        UJIAN_DINAS_II = "ujian_dinas_ii", _("Ujian dinas tingkat II")
        UPKP = "upkp", _("Ujian penyesuaian kenaikan pangkat")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="sertifikat_ujian")
    jenis = models.CharField(_("jenis ujian"), max_length=16, choices=Jenis.choices)
    tanggal_lulus = models.DateField(_("tanggal lulus"))

    class Meta:
        verbose_name = _("sertifikat ujian")
        verbose_name_plural = _("sertifikat ujian")
        ordering = ["pegawai", "tanggal_lulus"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "jenis"], name="ujian_once_per_kind")]

    def __str__(self) -> str:
        return self.get_jenis_display()


def _import_file_name(instance, filename: str) -> str:
    # A random name: the uploader's file name never reaches the disk (no guessing, no clashes).
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()
    return f"imports/{uuid.uuid4().hex}{suffix if suffix in {'.csv', '.xlsx'} else ''}"


class ImportJob(models.Model):
    """One uploaded Data ASN / rw-* file: its preview (dry run), then its background import.

    The file is kept under MEDIA_ROOT/imports/, which no URL serves; it is deleted once the
    import has finished, because it holds personal data the database now has. A run that
    failed without reading it wrong (its worker died, a system error) keeps it for a retry,
    for PELITA_IMPORT_RETRY_DAYS at most (``manage.py expire_stuck_jobs``).
    ``confirmed_at`` is empty while the preview waits for "Impor sekarang".
    """

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu")
        DIPROSES = "diproses", _("Diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="import_jobs",
        verbose_name=_("diunggah oleh"),
    )
    created_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    # The OPD whose rows the import may touch; empty: every OPD (BKD staff).
    opd = models.ForeignKey(
        "org.Opd", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD")
    )
    kind = models.CharField(_("jenis berkas"), max_length=20)
    file = models.FileField(_("berkas"), upload_to=_import_file_name, max_length=200, blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    confirmed_at = models.DateTimeField(_("dikonfirmasi pada"), null=True, blank=True)
    started_at = models.DateTimeField(_("mulai diproses"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    # The worker's last sign of life written on this row (at the start and after reading the
    # file). During the import's transaction it beats in core.progress instead, where this
    # row's writes could not be seen (people.imports.actions.last_sign_of_life).
    heartbeat_at = models.DateTimeField(_("tanda aktif terakhir"), null=True, blank=True)
    # Runs started so far (a retry starts another); names the run's progress entry, so a dead
    # run's numbers and a late write of its worker never pass for the current run's.
    attempt = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    total = models.PositiveIntegerField(_("jumlah baris"), default=0)
    done = models.PositiveIntegerField(_("baris diproses"), default=0)
    imported = models.PositiveIntegerField(_("ditambahkan"), default=0)
    updated = models.PositiveIntegerField(_("diperbarui"), default=0)
    unchanged = models.PositiveIntegerField(_("tidak berubah"), default=0)
    rejected = models.PositiveIntegerField(_("ditolak"), default=0)
    # [{"line": 3, "column": "nik", "reason": "…", "nip": "…"}, …] sorted by line
    rejections = models.JSONField(_("baris ditolak"), default=list, blank=True)
    error = models.TextField(_("pesan galat"), blank=True)

    class Meta:
        verbose_name = _("impor data pegawai")
        verbose_name_plural = _("impor data pegawai")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # the history list: everything newest first (Admin), an uploader's or an OPD's jobs
            models.Index(fields=["-created_at"], name="importjob_created_idx"),
            models.Index(fields=["created_by", "-created_at"], name="importjob_user_created_idx"),
            models.Index(fields=["opd", "-created_at"], name="importjob_opd_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.original_name or self.kind} ({self.created_at:%d-%m-%Y %H:%M})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.SELESAI, self.Status.GAGAL}

    @property
    def can_retry(self) -> bool:
        """A failed run whose file is still kept (its worker died, or a system error)."""
        return self.status == self.Status.GAGAL and bool(self.file)

    @property
    def kind_label(self) -> str:
        from people.imports.files.siasn import KINDS

        return KINDS[self.kind].label if self.kind in KINDS else self.kind


class Correction(models.Model):
    """A proposed fix of one field of a Pegawai or of one of their history rows.

    The target is the Pegawai itself (``content_type``/``object_id`` empty) or one history
    row. The supporting scan hangs on the correction through core.documents. Written only
    by people.corrections.actions; a verifier's approval applies the value through the people
    actions, so the change is audited like any other edit.
    """

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("pegawai")
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("jenis riwayat"),
    )
    object_id = models.PositiveBigIntegerField(_("ID riwayat"), null=True, blank=True)
    field = models.CharField(_("isian"), max_length=50)
    old_value = models.TextField(_("nilai lama"), blank=True)  # as shown when proposed
    new_value = models.TextField(_("nilai baru"), blank=True)  # canonical text, converted on approval
    reason = models.TextField(_("alasan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DIAJUKAN)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("diusulkan oleh")
    )
    proposed_at = models.DateTimeField(_("diusulkan pada"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)

    class Meta:
        verbose_name = _("usulan perbaikan data")
        verbose_name_plural = _("usulan perbaikan data")
        ordering = ["-proposed_at", "-pk"]
        indexes = [
            # the verifier queue: by status, newest first; a proposer's own list
            models.Index(fields=["status", "-proposed_at"], name="correction_status_idx"),
            models.Index(fields=["proposed_by", "-proposed_at"], name="correction_proposer_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(rejection_reason=""),
                name="correction_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="correction_row_complete",
            ),
            # One open proposal per target field; two constraints because NULLs never collide.
            models.UniqueConstraint(
                fields=["pegawai", "field"],
                condition=Q(status="diajukan", object_id__isnull=True),
                name="correction_one_open_per_pegawai_field",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"],
                condition=Q(status="diajukan", object_id__isnull=False),
                name="correction_one_open_per_row_field",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nip} {self.field}: {self.old_value} → {self.new_value}"
