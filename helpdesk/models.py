"""Every model of the helpdesk.

Problem types, teams and canned answers are data: seeded from ``helpdesk/content/`` once
(``seed_helpdesk``), then edited by an Admin. Tickets keep the applicant's own words and the
fields of their problem type; nothing is looked up in the employee records.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    """The operators a problem type is routed to (e.g. "Tim SSCASN", "Tim Kepegawaian")."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama tim"), max_length=100)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="helpdesk_teams", verbose_name=_("anggota")
    )

    class Meta:
        verbose_name = _("tim helpdesk")
        verbose_name_plural = _("tim helpdesk")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProblemType(models.Model):
    """One menu entry of the helpdesk: its form fields, its scans, its team and its SLA."""

    class Audience(models.TextChoices):
        PUBLIC = "publik", _("Publik (tanpa login)")
        EMPLOYEE = "pegawai", _("Pegawai yang login")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    summary = models.TextField(_("keterangan"), blank=True)
    audience = models.CharField(_("untuk"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    # [{"name": "nik", "label": "NIK", "kind": "nik|kk|text|date", "required": true}, ...]
    fields = models.JSONField(_("isian"), default=list, blank=True)
    # [{"name": "ktp", "label": "Pindaian KTP", "required": false}, ...]
    scans = models.JSONField(_("pindaian"), default=list, blank=True)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="problem_types", verbose_name=_("tim")
    )
    sla_working_days = models.PositiveSmallIntegerField(_("batas jawab (hari kerja)"), default=2)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("jenis permasalahan")
        verbose_name_plural = _("jenis permasalahan")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class CannedAnswer(models.Model):
    """An answer template; placeholders such as {nama} and {nomor} are filled per ticket."""

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    title = models.CharField(_("judul"), max_length=150)
    body = models.TextField(_("isi"))
    problem_type = models.ForeignKey(
        ProblemType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="canned_answers",
        verbose_name=_("jenis permasalahan"),
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("jawaban siap pakai")
        verbose_name_plural = _("jawaban siap pakai")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Ticket(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "diterima", _("Diterima")
        IN_PROGRESS = "diproses", _("Diproses")
        WAITING = "menunggu", _("Menunggu pemohon")
        ANSWERED = "dijawab", _("Dijawab")
        CLOSED = "ditutup", _("Ditutup")

    number = models.CharField(_("nomor tiket"), max_length=12, unique=True)
    problem_type = models.ForeignKey(
        ProblemType, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("jenis permasalahan")
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("tim"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    name = models.CharField(_("nama"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("nomor telepon"), max_length=20, blank=True)
    question = models.CharField(_("pertanyaan"), max_length=250)
    details = models.JSONField(_("isian jenis permasalahan"), default=dict, blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pengguna pemohon"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("petugas"),
    )
    received_at = models.DateTimeField(_("diterima pada"))
    due_at = models.DateTimeField(_("batas waktu"))
    # The clock stops while the ticket waits for the applicant: since when, and how much
    # office time all earlier waits took (the report subtracts it).
    paused_at = models.DateTimeField(_("menunggu sejak"), null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(_("jam kerja menunggu (detik)"), default=0)
    first_response_at = models.DateTimeField(_("tanggapan pertama"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("jawaban pertama"), null=True, blank=True)
    answered_on_time = models.BooleanField(_("dijawab tepat waktu"), null=True, blank=True)
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    overdue = models.BooleanField(_("terlambat"), default=False)
    escalated_at = models.DateTimeField(_("dieskalasi pada"), null=True, blank=True)
    reopened = models.PositiveSmallIntegerField(_("dibuka kembali"), default=0)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("digabung ke"),
    )

    class Meta:
        verbose_name = _("tiket helpdesk")
        verbose_name_plural = _("tiket helpdesk")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="helpdesk_status_due"),
            models.Index(fields=["team", "status"], name="helpdesk_team_status"),
            models.Index(fields=["received_at"], name="helpdesk_received"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.IN_PROGRESS, self.Status.WAITING)


class TicketMessage(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "jawaban", _("Jawaban petugas")
        REQUEST = "permintaan", _("Permintaan kepada pemohon")
        REPLY = "balasan", _("Balasan pemohon")
        NOTE = "catatan", _("Catatan internal")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    body = models.TextField(_("isi"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("waktu"))

    class Meta:
        verbose_name = _("pesan tiket")
        verbose_name_plural = _("pesan tiket")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.kind}"

    @property
    def public(self) -> bool:
        """Shown to the applicant on the status page (internal notes never are)."""
        return self.kind != self.Kind.NOTE


class FaqTopic(models.Model):
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("topik"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("topik FAQ")
        verbose_name_plural = _("topik FAQ")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class FaqEntry(models.Model):
    topic = models.ForeignKey(
        FaqTopic, on_delete=models.PROTECT, related_name="entries", verbose_name=_("topik")
    )
    question = models.CharField(_("pertanyaan"), max_length=250)
    answer = models.TextField(_("jawaban"))
    is_published = models.BooleanField(_("tampil di FAQ"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    helpful = models.PositiveIntegerField(_("membantu"), default=0)
    not_helpful = models.PositiveIntegerField(_("tidak membantu"), default=0)
    source_ticket = models.ForeignKey(
        Ticket,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dari tiket"),
    )

    class Meta:
        verbose_name = _("entri FAQ")
        verbose_name_plural = _("entri FAQ")
        ordering = ["topic__order", "order", "id"]

    def __str__(self) -> str:
        return self.question
