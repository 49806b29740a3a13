"""Collection campaigns: LIKE ASN performance reports, SI JAFUNG surveys.

Design: the data other apps rely on — keep the field names stable:

- :class:`Campaign` — what is collected, from whom (``audience``), when (``opens_at`` …
  ``closes_at``), and the per-OPD target (``target_percent``). The target population is
  *data*, a filter on the master data, resolved set-based by
  ``campaigns.submissions.queries.targeted_pegawai(campaign)``. Keys of ``audience`` (all optional;
  an absent or empty key means "no restriction", except ``status`` which defaults to
  ``["aktif"]``):

  ``{"opds": [opd ids], "jenis_jabatan": ["fungsional", …], "jenis_pegawai": ["pns",
  "cpns", "pppk"], "status": ["aktif"]}``

- :class:`Question` — one field of the form, named by a ``code`` that is stable within its
  campaign (answers, exports and the jafung monitoring refer to it). Kinds: text, number
  (``min_value``/``max_value``), choice (``options``), date, yes_no, file
  (``allowed_types`` ⊆ pdf/jpg/png, ``max_kb``). ``prefill`` shows a fact of the master data
  read-only instead of asking for it. ``show_if_code``/``show_if_value``: the question only
  applies when the answer to that earlier question equals the value (enforced server-side:
  the answer of a hidden question is dropped).

- :class:`Submission` — at most one per (campaign, pegawai) (a database constraint: two
  tabs resolve to one row). ``answers`` is a copy of the latest version's answers (so
  readers need one query); ``version`` is the latest version number, used as an optimistic
  lock: a form posted with an older number is refused with a clear message, and nothing is
  overwritten. ``opd`` is the employee's OPD when they (last) submitted.

- :class:`SubmissionVersion` — every saved version, never updated or deleted. ``answers``
  are keyed by question code; a file question's value is the id of a core ``Document``
  (kind ``isian_kampanye``). Older documents are kept with the older versions.

- :class:`UploadSession` — one uploaded file for one question of one employee's form,
  and the owner of its core ``Document`` (so a document's campaign, employee and question
  are known before any submission exists: the first upload precedes the first submit).
  A chunked upload is addressed by ``token``; the chunks received so far are objects in
  the private storage (``campaign_uploads/<token>/<offset>.part``, see campaigns.uploads.files)
  and ``received`` is the next offset the server expects. Finalising checks the whole file
  through core.documents and attaches the Document; the plain multipart fallback creates a
  complete session at once.

- :class:`ReminderLog` — a reminder is logged once per (campaign, recipient, kind, offset)
  so a second run sends nothing. Exports (the XLSX of submissions, the ZIPs of uploads) are
  core export jobs (core.models.ExportJob, see campaigns.exports.files).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    class Kind(models.TextChoices):
        PERFORMANCE_REPORT = "performance_report", _("Laporan kinerja")
        SURVEY = "survey", _("Survei")

    slug = models.SlugField(_("kode"), max_length=60, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    period = models.CharField(_("periode"), max_length=60, blank=True)  # "PPK/SKP 2025"
    description = models.TextField(_("uraian"), blank=True)
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))
    target_percent = models.PositiveSmallIntegerField(_("target per OPD (%)"), default=90)
    # See the module docstring for the keys; resolved by campaigns.submissions.queries.
    audience = models.JSONField(_("sasaran"), default=dict, blank=True)
    published = models.BooleanField(_("diterbitkan"), default=False)
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    created_at = models.DateTimeField(_("dibuat pada"), default=timezone.now)

    class Meta:
        verbose_name = _("kampanye")
        verbose_name_plural = _("kampanye")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="campaign_closes_after_opens",
                violation_error_message=_("Waktu tutup harus setelah waktu buka."),
            ),
            models.CheckConstraint(
                condition=Q(target_percent__gte=1, target_percent__lte=100),
                name="campaign_target_1_100",
                violation_error_message=_("Target harus antara 1 dan 100 persen."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.published and self.opens_at <= now < self.closes_at


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Teks")
        NUMBER = "number", _("Angka")
        CHOICE = "choice", _("Pilihan")
        DATE = "date", _("Tanggal")
        YES_NO = "yes_no", _("Ya/Tidak")
        FILE = "file", _("Unggah berkas")

    class Prefill(models.TextChoices):
        NONE = "", _("Tidak ada")
        NAMA = "nama", _("Nama")
        NIP = "nip", _("NIP")
        OPD = "opd", _("OPD")
        GOLONGAN = "golongan", _("Golongan")
        TMT_GOLONGAN = "tmt_golongan", _("TMT golongan")
        JABATAN = "jabatan", _("Jabatan")
        JENIS_JABATAN = "jenis_jabatan", _("Jenis jabatan")
        JABATAN_FUNGSIONAL = "jabatan_fungsional", _("Jabatan fungsional")
        JENJANG = "jenjang", _("Jenjang")
        TMT_JABATAN = "tmt_jabatan", _("TMT jabatan")
        SKP_TERAKHIR = "skp_terakhir", _("SKP terakhir")
        PENDIDIKAN = "pendidikan", _("Pendidikan terakhir")

    FILE_TYPES = ("pdf", "jpg", "png")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    code = models.SlugField(_("kode"), max_length=50)
    label = models.CharField(_("pertanyaan"), max_length=300)
    help_text = models.CharField(_("petunjuk"), max_length=500, blank=True)
    kind = models.CharField(_("jenis isian"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("wajib diisi"), default=True)
    options = models.JSONField(_("pilihan"), default=list, blank=True)  # choice: ["Sangat baik", …]
    min_value = models.DecimalField(
        _("nilai minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("nilai maksimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    allowed_types = models.JSONField(_("jenis berkas"), default=list, blank=True)  # file: ["pdf"]; empty: all
    max_kb = models.PositiveIntegerField(_("ukuran maksimum (KB)"), null=True, blank=True)
    prefill = models.CharField(
        _("diisi dari data pegawai"), max_length=20, choices=Prefill.choices, blank=True
    )
    show_if_code = models.SlugField(_("tampil jika jawaban (kode)"), max_length=50, blank=True)
    show_if_value = models.CharField(_("bernilai"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")
        ordering = ["campaign", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                name="question_code_unique_in_campaign",
                violation_error_message=_("Kode pertanyaan ini sudah dipakai di kampanye yang sama."),
            ),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=F("min_value")),
                name="question_min_le_max",
                violation_error_message=_("Nilai maksimum tidak boleh lebih kecil dari nilai minimum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.label}"


class Submission(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Terkirim")
        ACCEPTED = "accepted", _("Diterima")
        NEEDS_FIX = "needs_fix", _("Perlu perbaikan")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submissions")
    pegawai = models.ForeignKey(
        "people.Pegawai",
        on_delete=models.CASCADE,
        related_name="campaign_submissions",
        verbose_name=_("pegawai"),
    )
    # The employee's OPD when they (last) submitted: participation counts by it.
    opd = models.ForeignKey("org.Opd", on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    answers = models.JSONField(_("jawaban"), default=dict, blank=True)  # copy of the latest version's
    version = models.PositiveIntegerField(_("versi"), default=1)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dikirim oleh"),
    )
    on_behalf = models.BooleanField(_("diisikan operator"), default=False)
    submitted_at = models.DateTimeField(_("pertama dikirim"), default=timezone.now)
    updated_at = models.DateTimeField(_("terakhir diubah"), default=timezone.now)
    fix_reason = models.TextField(_("alasan perbaikan"), blank=True)
    fix_deadline = models.DateTimeField(_("batas perbaikan"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diperiksa oleh"),
    )
    reviewed_at = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("isian kampanye")
        verbose_name_plural = _("isian kampanye")
        ordering = ["campaign", "-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "pegawai"],
                name="submission_one_per_pegawai",
                violation_error_message=_("Pegawai ini sudah mengirim isian untuk kampanye ini."),
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="submission_version_positive"),
        ]
        indexes = [
            # participation per OPD and the review list's OPD/status filters
            models.Index(fields=["campaign", "opd", "status"], name="submission_campaign_opd_idx"),
            # the chart of submissions over time
            models.Index(fields=["campaign", "submitted_at"], name="submission_campaign_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.pegawai_id} v{self.version}"


class SubmissionVersion(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi"))
    answers = models.JSONField(_("jawaban"), default=dict, blank=True)
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("oleh"),
    )
    on_behalf = models.BooleanField(_("diisikan operator"), default=False)

    class Meta:
        verbose_name = _("versi isian")
        verbose_name_plural = _("versi isian")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="submission_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} v{self.number}"


class UploadSession(models.Model):
    """A chunked upload in progress (see the module docstring and docs/campaigns.md)."""

    class Status(models.TextChoices):
        RECEIVING = "receiving", _("Sedang diunggah")
        COMPLETE = "complete", _("Selesai")
        REJECTED = "rejected", _("Ditolak")

    # An integer key (core.Document owners are integer ids) plus an unguessable token for URLs.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey("people.Pegawai", on_delete=models.CASCADE, related_name="+")
    question_code = models.SlugField(max_length=50)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()  # declared total
    received = models.PositiveBigIntegerField(default=0)  # the next offset expected
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVING)
    document = models.ForeignKey(
        "core.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("unggahan bertahap")
        verbose_name_plural = _("unggahan bertahap")
        constraints = [
            models.CheckConstraint(condition=Q(received__lte=F("size")), name="upload_received_le_size"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} {self.received}/{self.size}"


class ReminderLog(models.Model):
    """One reminder or escalation sent: unique per campaign, recipient, kind and offset."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Pengingat")
        ESCALATION_OPERATOR = "escalation_operator", _("Eskalasi ke operator OPD")
        ESCALATION_HEAD = "escalation_head", _("Eskalasi ke kepala OPD")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    offset_days = models.PositiveSmallIntegerField(_("hari sebelum tutup"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey(
        "people.Pegawai", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    opd = models.ForeignKey("org.Opd", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("dikirim"), default=timezone.now)

    class Meta:
        verbose_name = _("log pengingat")
        verbose_name_plural = _("log pengingat")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "recipient", "kind", "offset_days"], name="reminder_once_per_offset"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.kind} H-{self.offset_days} → {self.recipient_id}"
