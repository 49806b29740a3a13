"""The complaint register and the SKM survey."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.complaints import rules as complaint_rules
from feedback.survey.rules import PROFILE_FIELDS, profile_choices


class Complaint(models.Model):
    """One complaint, whatever channel brought it; ``opd`` is the unit it is routed to."""

    class Status(models.TextChoices):
        DITERIMA = complaint_rules.DITERIMA, _("Diterima")
        DIVERIFIKASI = complaint_rules.DIVERIFIKASI, _("Diverifikasi")
        DITINDAKLANJUTI = complaint_rules.DITINDAKLANJUTI, _("Ditindaklanjuti")
        SELESAI = complaint_rules.SELESAI, _("Selesai")
        TIDAK_DAPAT = complaint_rules.TIDAK_DAPAT, _("Tidak dapat ditindaklanjuti")

    # Public and unguessable ("ADU-2612-7K3QZ9M2"): the status page needs only the number.
    number = models.CharField(_("nomor pengaduan"), max_length=30, unique=True)
    channel = models.CharField(_("saluran"), max_length=20, choices=complaint_rules.channel_choices())
    lapor_number = models.CharField(_("nomor tiket SP4N-LAPOR!"), max_length=40, blank=True)
    service = models.ForeignKey(
        "layanan.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("layanan yang diadukan"),
    )
    opd = models.ForeignKey(
        "org.Opd",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit penanggung jawab"),
    )
    subject = models.CharField(_("pokok pengaduan"), max_length=200)
    body = models.TextField(_("isi pengaduan"))
    anonymous = models.BooleanField(_("anonim"), default=False)
    name = models.CharField(_("nama pengadu"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail pengadu"), blank=True)
    phone = models.CharField(_("telepon pengadu"), max_length=30, blank=True)
    # The account of the complainant, when they filed it logged in: "Pengaduan saya".
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("akun pengadu"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DITERIMA)
    reason = models.TextField(_("alasan tidak dapat ditindaklanjuti"), blank=True)
    answer = models.TextField(_("jawaban penutup"), blank=True)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    due_at = models.DateTimeField(_("batas waktu jawaban"))
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("dieskalasi"), null=True, blank=True)
    from_response = models.OneToOneField(
        "feedback.SurveyResponse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaint",
        verbose_name=_("dari saran survei"),
    )

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["opd", "-received_at"], name="complaint_opd_idx"),
            models.Index(fields=["received_at"], name="complaint_received_idx"),
            models.Index(fields=["status", "due_at"], name="complaint_open_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def closed(self) -> bool:
        return self.status in complaint_rules.CLOSED

    @property
    def on_time(self) -> bool | None:
        """Closed by its deadline (None while open)."""
        return None if self.closed_at is None else self.closed_at <= self.due_at


class ComplaintStep(models.Model):
    """One state a complaint reached, with the note the complainant may read."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=20, choices=Complaint.Status.choices)
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    note = models.TextField(_("keterangan"), blank=True)
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("tahap pengaduan")
        verbose_name_plural = _("tahap pengaduan")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.status}"


class SurveyInvitation(models.Model):
    """A one-time survey link for one finished request or closed ticket."""

    class Source(models.TextChoices):
        LAYANAN = "layanan", _("Permohonan layanan")
        HELPDESK = "helpdesk", _("Tiket helpdesk")

    token = models.CharField(max_length=64, unique=True)
    source = models.CharField(_("asal"), max_length=20, choices=Source.choices)
    object_id = models.CharField(_("nomor asal"), max_length=40)
    reference = models.CharField(_("nomor"), max_length=40, blank=True)  # request/ticket number shown
    service = models.ForeignKey(
        "layanan.Service", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opd = models.ForeignKey("org.Opd", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    unit = models.CharField(_("unit pelayanan"), max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("undangan survei")
        verbose_name_plural = _("undangan survei")
        constraints = [
            # Once per request/ticket.
            models.UniqueConstraint(fields=["source", "object_id"], name="survey_invitation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.reference}"


class SurveyResponse(models.Model):
    """One respondent's answers (1–4 per unsur), profile and suggestion."""

    class Channel(models.TextChoices):
        INVITATION = "undangan", _("Tautan setelah layanan")
        WALK_IN = "loket", _("Tautan/QR layanan (loket)")
        DEMO = "demo", _("Data contoh")

    service = models.ForeignKey(
        "layanan.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("layanan"),
    )
    unit = models.CharField(_("unit pelayanan"), max_length=150)
    invitation = models.OneToOneField(
        SurveyInvitation, null=True, blank=True, on_delete=models.PROTECT, related_name="response"
    )
    channel = models.CharField(_("cara mengisi"), max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField(_("diisi"), default=timezone.now)
    u1 = models.PositiveSmallIntegerField()
    u2 = models.PositiveSmallIntegerField()
    u3 = models.PositiveSmallIntegerField()
    u4 = models.PositiveSmallIntegerField()
    u5 = models.PositiveSmallIntegerField()
    u6 = models.PositiveSmallIntegerField()
    u7 = models.PositiveSmallIntegerField()
    u8 = models.PositiveSmallIntegerField()
    u9 = models.PositiveSmallIntegerField()
    age_band = models.CharField(_("umur"), max_length=10, choices=profile_choices("age_band"))
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=profile_choices("gender"))
    education = models.CharField(_("pendidikan"), max_length=10, choices=profile_choices("education"))
    occupation = models.CharField(_("pekerjaan"), max_length=20, choices=profile_choices("occupation"))
    suggestion = models.TextField(_("saran"), blank=True)

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            # The IKM report's one aggregate reads this index alone, never the rows: the two
            # columns it groups on first, in its order (no sort), then the time it filters on,
            # the nine answers it adds up and the profile answers it counts.
            models.Index(
                fields=["service", "unit", "submitted_at", *(f"u{i}" for i in range(1, 10)), *PROFILE_FIELDS],
                name="response_report_idx",
            ),
            # The latest suggestions of a range, without visiting the answers that have none.
            models.Index(
                fields=["submitted_at"], condition=~models.Q(suggestion=""), name="response_suggestion_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"u{i}__gte": 1 for i in range(1, 10)}, **{f"u{i}__lte": 4 for i in range(1, 10)}
                ),
                name="response_answers_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.submitted_at:%Y-%m-%d}"

    def answers(self) -> tuple[int, ...]:
        return tuple(getattr(self, f"u{i}") for i in range(1, 10))
