"""Every write of the SIASN reconciliation: pull runs, and the decision on each difference.

A pull never changes master data. It records, per employee and field, where SIASN and Pelita
disagree, and hands the national IP-ASN values to ipasn's comparison (national values, not
master data); staff then accept SIASN's value (applied through the people actions, with an audit
row naming SIASN as the source), keep Pelita's, or open a correction (people.corrections,
with a scan, decided by a verifier).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Capability
from core import progress
from core.audit import record
from core.permissions import user_can
from ipasn.national.actions import do_import_national_scores
from people.corrections.actions import convert, do_propose_correction
from people.models import Golongan, Pegawai, RiwayatGolongan
from people.records.actions import do_add_riwayat, do_update_pegawai
from people.records.queries import pegawai_for_user
from siasn.models import SiasnDifference, SiasnPull
from siasn.reconciliation.rules import (
    HISTORY_PREFIX,
    field_differences,
    history_row,
    missing_golongan,
)
from siasn.service.files import COMPARED, Malformed, golongan_rows, ipasn_values, pegawai_values
from siasn.service.queries import Client, SiasnError

log = logging.getLogger("pelita.siasn")
SOURCE = "SIASN"
BATCH = 50  # employees fetched between two saves of the run's position


# --- pull runs ------------------------------------------------------------------------------


@transaction.atomic
def do_start_siasn_pull(*, actor, opd=None, nip: str = "", enqueue: bool = True) -> SiasnPull:
    """A run for one NIP, one OPD or every employee; its worker starts once this commits."""
    employees = Pegawai.objects.all()
    if opd is not None:
        employees = employees.filter(opd=opd)
    if nip:
        employees = employees.filter(nip=nip)
    nips = list(employees.order_by("nip").values_list("nip", flat=True))
    if nip and not nips:
        raise ValidationError(_("NIP %(nip)s tidak ada di data pegawai Pelita.") % {"nip": nip})
    pull = SiasnPull.objects.create(created_by=actor, opd=opd, nip=nip, nips=nips, total=len(nips))
    record(
        actor=actor,
        event="siasn.penarikan.dimulai",
        obj=pull,
        after={"opd": opd.pk if opd else None, "nip": nip, "total": len(nips)},
    )
    if enqueue:
        from siasn.reconciliation.tasks import run_siasn_pull as task

        transaction.on_commit(lambda: task.enqueue(pull.pk))
    return pull


def progress_key(pull: SiasnPull) -> str:
    return f"siasn.pull.{pull.pk}.{pull.attempt}"


def progress_of(pull: SiasnPull) -> tuple[int, int]:
    live = progress.read(progress_key(pull)) if not pull.finished else None
    return (live.done, live.total) if live else (pull.done, pull.total)


def run_siasn_pull(
    pull_id: int, *, client: Client | None = None, report: Callable[[int, int], None] | None = None
) -> SiasnPull:
    """Fetch the run's employees from where it stopped; a service failure stops it resumable."""
    pull = SiasnPull.objects.get(pk=pull_id)
    if pull.status == SiasnPull.Status.SELESAI:
        return pull
    pull.status, pull.attempt, pull.error = SiasnPull.Status.DIPROSES, pull.attempt + 1, ""
    pull.started_at = pull.started_at or timezone.now()
    pull.save(update_fields=["status", "attempt", "error", "started_at"])
    try:
        client = client or Client()
        golongan = dict(Golongan.objects.values_list("code", "pk"))
        while pull.done < pull.total:
            chunk = pull.nips[pull.done : pull.done + BATCH]
            fetched, failure = _fetch(client, chunk)
            with transaction.atomic():
                pull.differences += _write_differences(pull, fetched, golongan)
                _import_national_scores(pull, fetched)
                pull.done += len(fetched)
                pull.rejected = len(pull.rejections)
                pull.save(update_fields=["done", "differences", "rejected", "rejections"])
            progress.publish(progress_key(pull), pull.done, pull.total)
            if report:
                report(pull.done, pull.total)
            if failure is not None:
                raise failure
    except SiasnError as exc:
        pull.status, pull.error, pull.finished_at = SiasnPull.Status.GAGAL, str(exc), timezone.now()
        pull.save(update_fields=["status", "error", "finished_at"])
        log.warning("SIASN pull %s stopped at %s/%s: %s", pull.pk, pull.done, pull.total, exc)
        return pull
    pull.status, pull.finished_at = SiasnPull.Status.SELESAI, timezone.now()
    with transaction.atomic():
        pull.save(update_fields=["status", "finished_at"])
        record(
            actor=None,
            event="siasn.penarikan.selesai",
            obj=pull,
            after={"done": pull.done, "differences": pull.differences, "rejected": len(pull.rejections)},
        )
    progress.forget(progress_key(pull))
    return pull


def _fetch(client: Client, nips: list[str]):
    """[(nip, values | None, golongan rows, reason, IP-ASN row | None)] for the NIPs fetched,
    and the error that stopped the chunk early (None when all were fetched)."""
    fetched = []
    for nip in nips:
        try:
            values = pegawai_values(client.data_utama(nip))
            rows = golongan_rows(client.riwayat("golongan", nip))
        except Malformed as exc:
            fetched.append((nip, None, [], str(exc), None))
            continue
        except SiasnError as exc:
            if exc.status == 404:
                fetched.append((nip, None, [], _("Tidak ada di SIASN."), None))
                continue
            return fetched, exc
        if values["nip"] != nip:
            fetched.append((nip, None, [], _("SIASN menjawab dengan NIP lain (%(nip)s).") % values, None))
            continue
        try:
            national, reason = ipasn_values(client.nilai_ipasn(nip), nip), ""
        except Malformed as exc:
            # The master data is still compared; only the unreadable IP-ASN value is left out.
            national, reason = None, str(exc)
        except SiasnError as exc:
            if exc.status != 404:  # 404: no national value for this employee yet
                return fetched, exc
            national, reason = None, ""
        fetched.append((nip, values, rows, reason, national))
    return fetched, None


def _import_national_scores(pull: SiasnPull, fetched: list) -> None:
    """The fetched IP-ASN values into ipasn's national comparison, as the one who started
    the pull (their scope; the system's for a pull started from the command line)."""
    by_year: dict[int, list[dict]] = {}
    for *_rest, national in fetched:
        if national is not None:
            by_year.setdefault(national["tahun"], []).append(national)
    actor = pull.created_by
    if not by_year or (actor is not None and not user_can(actor, Capability.IMPORT_PEGAWAI)):
        return
    for year, rows in sorted(by_year.items()):
        do_import_national_scores(rows, year=year, actor=actor, source=SOURCE)


def _write_differences(pull: SiasnPull, fetched: list, golongan: dict[str, int]) -> int:
    nips = [nip for nip, values, *_rest in fetched if values is not None]
    employees = {
        p.nip: p
        for p in Pegawai.objects.filter(nip__in=nips)
        .select_related("golongan")
        .prefetch_related("riwayat_golongan__golongan")
    }
    decided = {
        (d.pegawai_id, d.field, d.siasn_value)
        for d in SiasnDifference.objects.filter(
            pegawai__in=employees.values(),
            status__in=[SiasnDifference.Status.DIPERTAHANKAN, SiasnDifference.Status.DIKOREKSI],
        )
    }
    new = []
    for nip, values, rows, reason, _national in fetched:
        if reason:
            pull.rejections.append({"nip": nip, "reason": reason})
        if values is None:
            continue
        pegawai = employees.get(nip)
        if pegawai is None:
            continue
        ours = {field: getattr(pegawai, field) for field in COMPARED if field != "golongan"}
        ours["golongan"] = pegawai.golongan.code if pegawai.golongan else None
        codes = {row.golongan.code for row in pegawai.riwayat_golongan.all()}
        national_rows = [row for row in rows if row["golongan"] in golongan]
        for field, mine, theirs in field_differences(ours, values) + missing_golongan(codes, national_rows):
            if (pegawai.pk, field, theirs) not in decided:
                new.append(
                    SiasnDifference(
                        pull=pull, pegawai=pegawai, field=field, pelita_value=mine, siasn_value=theirs
                    )
                )
    # A new pull replaces what earlier pulls left open for these employees.
    SiasnDifference.objects.filter(
        pegawai__in=employees.values(), status=SiasnDifference.Status.TERBUKA
    ).delete()
    SiasnDifference.objects.bulk_create(new)
    return len(new)


# --- decisions ------------------------------------------------------------------------------


def may_decide(user, difference: SiasnDifference) -> bool:
    return (
        user_can(user, Capability.IMPORT_PEGAWAI)
        and pegawai_for_user(user).filter(pk=difference.pegawai_id).exists()
    )


def _check(difference: SiasnDifference, actor) -> None:
    if not may_decide(actor, difference):
        raise PermissionDenied
    if difference.status != SiasnDifference.Status.TERBUKA:
        raise ValidationError(_("Selisih ini sudah diputuskan."))


def _decided(
    difference: SiasnDifference, status: str, *, actor, event: str, extra: dict | None = None
) -> None:
    difference.status, difference.decided_by, difference.decided_at = status, actor, timezone.now()
    difference.save(update_fields=["status", "decided_by", "decided_at", "correction"])
    record(
        actor=actor,
        event=event,
        obj=difference,
        object_repr=f"{difference.pegawai.nip} {difference.field}",
        before={"status": SiasnDifference.Status.TERBUKA, "nilai": difference.pelita_value},
        after={"status": status, "nilai_siasn": difference.siasn_value, "sumber": SOURCE, **(extra or {})},
    )


def national_value(difference: SiasnDifference):
    """The SIASN value as Pelita's field wants it (a Golongan row for the rank)."""
    if difference.field == "golongan":
        return Golongan.objects.get(code=difference.siasn_value)
    return convert(Pegawai, difference.field, difference.siasn_value, instance=difference.pegawai)


@transaction.atomic
def do_accept_siasn_value(difference: SiasnDifference, *, actor) -> None:
    """Apply SIASN's value to the master data through the people actions."""
    _check(difference, actor)
    pegawai = difference.pegawai
    if difference.field.startswith(HISTORY_PREFIX):
        row = history_row(difference.siasn_value)
        row["golongan"] = Golongan.objects.get(code=row["golongan"])
        do_add_riwayat(pegawai, RiwayatGolongan, actor=actor, **row)
    else:
        value = national_value(difference)
        do_update_pegawai(pegawai, changes={difference.field: value}, actor=actor)
    _decided(difference, SiasnDifference.Status.DITERIMA, actor=actor, event="siasn.selisih.diterima")


@transaction.atomic
def do_keep_pelita_value(difference: SiasnDifference, *, actor) -> None:
    """Pelita's value stands; later pulls do not raise the same difference again."""
    _check(difference, actor)
    _decided(
        difference, SiasnDifference.Status.DIPERTAHANKAN, actor=actor, event="siasn.selisih.dipertahankan"
    )


@transaction.atomic
def do_open_siasn_correction(difference: SiasnDifference, *, reason: str, scan, actor):
    """A correction proposing SIASN's value, with a scan, for a verifier to decide."""
    _check(difference, actor)
    correction = do_propose_correction(
        difference.pegawai,
        field=difference.field,
        new_value=difference.siasn_value,
        reason=reason,
        scan=scan,
        actor=actor,
    )
    difference.correction = correction
    _decided(
        difference,
        SiasnDifference.Status.DIKOREKSI,
        actor=actor,
        event="siasn.selisih.dikoreksi",
        extra={"perbaikan": correction.pk},
    )
    return correction
