"""Services, their published standards and workflows (data an Admin edits), and the requests
that travel through them.

Shape of a request's life (states in ``Request.Status``)::

    draft ──submit──▶ in_process (at a Step, in the inbox of that Step's role)
                        │  forward (a Transition row: from_step → to_step)
                        │  return  ──▶ returned (clock paused) ──resubmit──▶ back to the returning step
                        │  complete ──▶ done (product issued)
                        └  reject   ──▶ rejected

Every stay of a request somewhere (at a step, or with the applicant) is one ``RequestStep``
row: that trail is the tracker's timeline, the per-step SLA and the compliance report.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


class Eligibility(models.TextChoices):
    """Which rule of ``regulations`` a service checks before a request may be submitted."""

    NONE = "", _("Tanpa aturan kelayakan")
    IZIN_BELAJAR = "izin_belajar", _("Izin belajar")
    TUGAS_BELAJAR = "tugas_belajar", _("Tugas belajar")
    KP_REGULER = "kp_reguler", _("Kenaikan pangkat reguler")
    KP_PILIHAN = "kp_pilihan", _("Kenaikan pangkat pilihan")
    KENAIKAN_JF = "kenaikan_jf", _("Kenaikan jabatan fungsional")
    UJIAN_DINAS = "ujian_dinas", _("Ujian dinas")
    UPKP = "upkp", _("Ujian penyesuaian kenaikan pangkat")
    PENSIUN = "pensiun", _("Pensiun batas usia")


class Service(models.Model):
    """A personnel service (Izin Belajar, Kenaikan Pangkat Reguler…) and its time limit."""

    class DurationUnit(models.TextChoices):
        WORKING_DAYS = "working_days", _("hari kerja")
        MONTHS = "months", _("bulan")

    slug = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama layanan"), max_length=150)
    summary = models.TextField(_("ringkasan"), blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("dibuka"), default=True)
    eligibility = models.CharField(
        _("aturan kelayakan"), max_length=20, choices=Eligibility.choices, blank=True, default=""
    )
    duration = models.PositiveSmallIntegerField(_("jangka waktu"))
    duration_unit = models.CharField(
        _("satuan jangka waktu"),
        max_length=20,
        choices=DurationUnit.choices,
        default=DurationUnit.WORKING_DAYS,
    )
    # Tugas Belajar runs in two stages: the SK stage needs a finished rekomendasi request.
    previous_stage = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_stages",
        verbose_name=_("tahap sebelumnya"),
    )

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["order", "name"]
        constraints = [models.CheckConstraint(condition=Q(duration__gt=0), name="service_duration_positive")]

    def __str__(self) -> str:
        return self.name


class Component(models.TextChoices):
    """The 14 components of a Standar Pelayanan, in their published order
    (PermenPAN-RB 15/2014; seeds 001 and 004)."""

    DASAR_HUKUM = "dasar_hukum", _("Dasar hukum")
    PERSYARATAN = "persyaratan", _("Persyaratan")
    PROSEDUR = "prosedur", _("Sistem, mekanisme dan prosedur")
    JANGKA_WAKTU = "jangka_waktu", _("Jangka waktu penyelesaian")
    BIAYA = "biaya", _("Biaya/tarif")
    PRODUK = "produk", _("Produk pelayanan")
    PENGADUAN = "pengaduan", _("Penanganan pengaduan, saran dan masukan")
    SARANA = "sarana", _("Sarana, prasarana dan/atau fasilitas")
    JUMLAH_PELAKSANA = "jumlah_pelaksana", _("Jumlah pelaksana")
    KOMPETENSI = "kompetensi", _("Kompetensi pelaksana")
    PENGAWASAN = "pengawasan", _("Pengawasan internal")
    JAMINAN_PELAYANAN = "jaminan_pelayanan", _("Jaminan pelayanan")
    JAMINAN_KEAMANAN = "jaminan_keamanan", _("Jaminan keamanan dan keselamatan pelayanan")
    EVALUASI = "evaluasi", _("Evaluasi kinerja pelaksana")


class StandardComponent(models.Model):
    """The published text of one component of a service's standard (Markdown-free plain text;
    line breaks are kept on the public page)."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="components", verbose_name=_("layanan")
    )
    component = models.CharField(_("komponen"), max_length=30, choices=Component.choices)
    text = models.TextField(_("isi"))

    class Meta:
        verbose_name = _("komponen standar pelayanan")
        verbose_name_plural = _("komponen standar pelayanan")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "component"],
                name="standard_component_once",
                violation_error_message=_("Komponen ini sudah ada pada layanan tersebut."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.get_component_display()}"


class Requirement(models.Model):
    """One document of a service's requirement checklist (one upload each on the request form)."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="requirements", verbose_name=_("layanan")
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.CharField(_("nama persyaratan"), max_length=300)
    note = models.CharField(_("keterangan"), max_length=300, blank=True)
    required = models.BooleanField(_("wajib"), default=True)
    # A scan already in the employee's file that may be attached instead of uploaded:
    # a core.Document.Kind (e.g. "sk_pangkat" = the scan on the latest rank history row).
    from_file_kind = models.CharField(_("dapat diambil dari arsip"), max_length=20, blank=True)
    max_kb = models.PositiveIntegerField(_("ukuran maksimal (KB)"), null=True, blank=True)

    class Meta:
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")
        ordering = ["service", "order", "id"]

    def __str__(self) -> str:
        return self.name


class Step(models.Model):
    """One desk of a service's disposition chain, held by a role (its inbox)."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="steps", verbose_name=_("layanan")
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama tahap"), max_length=150)
    role = models.CharField(_("peran pemegang"), max_length=30, choices=Role.choices)
    # Overdue work at this step escalates to this role (the head of the step's unit).
    escalate_to = models.CharField(_("eskalasi ke"), max_length=30, choices=Role.choices, blank=True)
    target_minutes = models.PositiveIntegerField(_("target (menit jam kerja)"), null=True, blank=True)
    # The step where a new request lands; exactly one per service.
    is_entry = models.BooleanField(_("tahap awal"), default=False)

    class Meta:
        verbose_name = _("tahap")
        verbose_name_plural = _("tahap")
        ordering = ["service", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "code"],
                name="step_code_once",
                violation_error_message=_("Kode tahap sudah dipakai pada layanan ini."),
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(is_entry=True),
                name="step_one_entry",
                violation_error_message=_("Satu layanan hanya punya satu tahap awal."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.name}"


class Action(models.TextChoices):
    FORWARD = "forward", _("Teruskan")
    RETURN = "return", _("Kembalikan ke pemohon")
    COMPLETE = "complete", _("Selesaikan")
    REJECT = "reject", _("Tolak")


class Transition(models.Model):
    """An allowed move out of a step. ``to_step`` is set for FORWARD and empty otherwise
    (RETURN goes to the applicant, COMPLETE and REJECT end the request)."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("layanan")
    )
    from_step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="+", verbose_name=_("dari tahap")
    )
    action = models.CharField(_("tindakan"), max_length=20, choices=Action.choices)
    to_step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("ke tahap")
    )
    label = models.CharField(_("label tombol"), max_length=80)
    note_required = models.BooleanField(_("catatan wajib"), default=False)
    # Officials really do these in bulk (initialling, disposing): the inbox offers a bulk button.
    bulk = models.BooleanField(_("boleh massal"), default=False)

    class Meta:
        verbose_name = _("transisi")
        verbose_name_plural = _("transisi")
        ordering = ["service", "from_step__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(action="forward") & Q(to_step__isnull=False))
                | (~Q(action="forward") & Q(to_step__isnull=True)),
                name="transition_target_matches_action",
                violation_error_message=_("Hanya tindakan 'teruskan' yang punya tahap tujuan."),
            ),
            models.UniqueConstraint(
                fields=["from_step", "action", "to_step"],
                name="transition_once",
                violation_error_message=_("Transisi ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Request(models.Model):
    """A request for a service by (or on behalf of) one employee."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        IN_PROCESS = "in_process", _("Diproses")
        RETURNED = "returned", _("Dikembalikan ke pemohon")
        DONE = "done", _("Selesai")
        REJECTED = "rejected", _("Ditolak")

    # Public request number, e.g. "IB-2611-7K3QZ": the tracker needs it together with the NIP.
    number = models.CharField(_("nomor permohonan"), max_length=30, unique=True)
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="requests", verbose_name=_("layanan")
    )
    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.PROTECT, related_name="requests", verbose_name=_("pegawai")
    )
    # The employee's OPD when the request was opened: scoping and reports read it.
    opd = models.ForeignKey(
        "org.Opd", on_delete=models.PROTECT, related_name="requests", verbose_name=_("OPD")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dibuat oleh")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    step = models.ForeignKey(
        Step,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tahap sekarang"),
    )
    # Service-specific answers (study programme, institution…), validated by the form.
    answers = models.JSONField(_("isian"), default=dict, blank=True)
    # The eligibility verdict shown to the applicant at submission: reasons as {code, message}.
    eligibility = models.JSONField(_("hasil kelayakan"), default=dict, blank=True)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("permohonan tahap sebelumnya"),
    )
    agenda_number = models.CharField(_("nomor agenda"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)  # SLA clock starts here
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True)  # moves on when the clock pauses
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    overdue = models.BooleanField(_("terlambat"), default=False)
    # Bumped by every transition: a form carries it, so a replayed or stale form is refused.
    version = models.PositiveIntegerField(_("versi"), default=0)

    class Meta:
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the inboxes: open requests at a step, oldest due first
            models.Index(fields=["status", "step", "due_at"], name="request_inbox_idx"),
            # an OPD's requests (Operator OPD list, per-OPD reports)
            models.Index(fields=["opd", "-created_at"], name="request_opd_idx"),
            # the SLA report: finished requests per service and month
            models.Index(fields=["service", "finished_at"], name="request_finished_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="request_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="in_process") | Q(step__isnull=False),
                name="request_in_process_has_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.service})"


class RequestDocument(models.Model):
    """A document given for one requirement: uploaded for this request (owned by it) or taken
    from the employee's file (owned by a history row)."""

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="documents", verbose_name=_("permohonan")
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="+", verbose_name=_("persyaratan")
    )
    document = models.ForeignKey(
        "core.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("dokumen")
    )
    added_at = models.DateTimeField(_("ditambahkan"), default=timezone.now)

    class Meta:
        verbose_name = _("berkas permohonan")
        verbose_name_plural = _("berkas permohonan")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "requirement"],
                name="request_document_once",
                violation_error_message=_("Persyaratan ini sudah punya berkas; ganti berkasnya."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.request.number}: {self.requirement}"


class RequestStep(models.Model):
    """One stay of a request: at a step (``step`` set) or with the applicant (``step`` empty,
    the clock paused). Closed by the transition that moved the request on."""

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="trail", verbose_name=_("permohonan")
    )
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("tahap")
    )
    started_at = models.DateTimeField(_("mulai"))
    due_at = models.DateTimeField(_("target selesai tahap"), null=True, blank=True)
    ended_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    action = models.CharField(_("tindakan"), max_length=20, choices=Action.choices, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oleh"),
    )
    # check_sla escalates an overdue stay once; the time makes a second run a no-op.
    escalated_at = models.DateTimeField(_("dieskalasi"), null=True, blank=True)

    class Meta:
        verbose_name = _("jejak permohonan")
        verbose_name_plural = _("jejak permohonan")
        ordering = ["request", "started_at", "id"]
        indexes = [
            # check_sla: open stays past their due time
            models.Index(fields=["ended_at", "due_at"], name="request_step_open_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(ended_at__isnull=True), name="request_one_open_stay"
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="request_step_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.number}: {self.step or _('pemohon')}"


class ProductTemplate(models.Model):
    """The letter or certificate a service produces, as an HTML template an Admin edits.

    ``body`` is a Django template rendered with: request, pegawai, service, product (number,
    issued_at), official_name/official_nip/official_title, and qr_svg (the verification code).
    """

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, related_name="product_template", verbose_name=_("layanan")
    )
    title = models.CharField(_("judul produk"), max_length=200)
    # Register numbers read e.g. "800/{seq}/BKD-IB/{year}"; {seq} restarts every year.
    number_format = models.CharField(_("format nomor register"), max_length=100)
    body = models.TextField(_("isi templat (HTML)"))
    official_name = models.CharField(_("nama pejabat penanda tangan"), max_length=150)
    official_nip = models.CharField(_("NIP pejabat"), max_length=18, blank=True)
    official_title = models.CharField(_("jabatan pejabat"), max_length=150)

    class Meta:
        verbose_name = _("templat produk")
        verbose_name_plural = _("templat produk")

    def __str__(self) -> str:
        return self.title


class Product(models.Model):
    """An issued product: its register number, PDF (a private core.Document) and public
    verification code (the QR code opens /layanan/verifikasi/<code>/)."""

    request = models.OneToOneField(
        Request, on_delete=models.PROTECT, related_name="product", verbose_name=_("permohonan")
    )
    number = models.CharField(_("nomor register"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    sequence = models.PositiveIntegerField(_("nomor urut"))
    verification_code = models.CharField(_("kode verifikasi"), max_length=40, unique=True)
    document = models.ForeignKey(
        "core.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("berkas PDF")
    )
    title = models.CharField(_("judul"), max_length=200)
    official_name = models.CharField(_("pejabat penanda tangan"), max_length=150)
    issued_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)

    class Meta:
        verbose_name = _("produk layanan")
        verbose_name_plural = _("produk layanan")

    def __str__(self) -> str:
        return self.number
