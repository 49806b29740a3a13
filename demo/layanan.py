"""Demo requests: realistic traffic through the service catalogue, for ``make run`` (a few
hundred) and for the benchmark (50,000).

``seed_demo_requests(count, seed)`` spreads requests over the services, the demo employees
and the last ``months`` months; each one walks its service's own transition table
(registration → … → verification, sometimes returned to the applicant or rejected → issue)
with stays whose lengths scatter around the steps' targets, so some requests finish late,
some steps run over and some requests are still open (a few of those overdue). Every stay
is a ``RequestStep`` row with its target, so the tracker, the inboxes, ``check_sla`` and
the SLA report all have material.

Times are generated as office time (``regulations.sla.OfficeClock``) and converted to moments,
so every stay starts and ends during office hours, and the deadlines follow the same rules
as live requests (``request_due``; moved on by the time with the applicant).

Deterministic: the same ``seed`` and ``as_of`` (default: now, rounded down to the hour)
give the same requests. Idempotent for ``make run``: nothing is added when requests exist.

Speed: everything is built in memory and written with ``bulk_create``; like the employee
demo (people/demo.py) it writes ONE audit row with the counts instead of one per request
and stay. Real requests enter through the request and workflow actions. Demo requests
have no product PDF (completing one through the workflow issues it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from random import Random

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import RoleAssignment, User
from accounts.roles import Role
from core.audit import record
from layanan.catalogue.actions import do_seed_catalogue
from layanan.models import Action, Request, RequestStep, Service, Step, Transition
from layanan.sla.rules import request_due
from org.calendar.queries import office_calendars
from people.models import Pegawai
from regulations.sla import OfficeClock

_MINUTE_US = 60 * 1_000_000
_DAY_US = 6 * 60 * _MINUTE_US  # a Monday–Thursday office day: 08.00–15.30 less the break
_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out on the phone

# Shares of a mixed load (the rest is finished or open as time decides).
DRAFT_SHARE = 0.04
RETURN_SHARE = 0.12
REJECT_SHARE = 0.04
RETURN_NOTES = (
    "Surat keterangan dari perguruan tinggi belum dilampirkan.",
    "Pindaian SK pangkat terakhir tidak terbaca; unggah ulang.",
    "SKP dua tahun terakhir belum lengkap.",
    "Surat pengantar belum ditandatangani kepala OPD.",
)
REJECT_NOTES = (
    "Tidak memenuhi syarat masa kerja.",
    "Program studi tidak sesuai dengan jabatan.",
)


@dataclass
class _Stay:
    step: Step | None  # None: with the applicant
    start: int  # office µs on the clock
    end: int
    action: str = ""
    note: str = ""


@dataclass
class _Chain:
    """A service's table, read once: entry step and outgoing moves per step."""

    service: Service
    entry: Step
    forward: dict[int, Step]  # step id → the next step on the main path
    can_return: set[int]
    can_reject: set[int]
    can_complete: set[int]
    budget: int  # the service's duration in office µs (approximate for months)
    weight_total: int
    prefix: str


def _prefix(service: Service) -> str:
    words = [w for w in service.slug.split("-") if w]
    return "".join(w[0] for w in words)[:3].upper() or "LY"


def _chains() -> list[_Chain]:
    steps = defaultdict(list)
    for step in Step.objects.order_by("service_id", "order"):
        steps[step.service_id].append(step)
    moves = defaultdict(list)
    for t in Transition.objects.order_by("from_step__order", "pk"):
        moves[t.service_id].append(t)
    chains = []
    for service in Service.objects.filter(active=True).order_by("order", "name"):
        by_id = {s.pk: s for s in steps[service.pk]}
        entry = next((s for s in by_id.values() if s.is_entry), None)
        if entry is None:
            continue
        forward, returns, rejects, completes = {}, set(), set(), set()
        for t in moves[service.pk]:
            if t.action == Action.FORWARD:
                forward.setdefault(t.from_step_id, by_id[t.to_step_id])
            elif t.action == Action.RETURN:
                returns.add(t.from_step_id)
            elif t.action == Action.REJECT:
                rejects.add(t.from_step_id)
            else:
                completes.add(t.from_step_id)
        days = (
            service.duration
            if service.duration_unit == Service.DurationUnit.WORKING_DAYS
            else 21 * service.duration
        )
        chains.append(
            _Chain(
                service=service,
                entry=entry,
                forward=forward,
                can_return=returns,
                can_reject=rejects,
                can_complete=completes,
                # Day 1 is the receipt day, on average half gone: the time really available.
                budget=int((days - 0.5) * _DAY_US),
                weight_total=sum(s.target_minutes or 60 for s in by_id.values()),
                prefix=_prefix(service),
            )
        )
    return chains


def _walk(chain: _Chain, rng: Random, slowness: float) -> list[_Stay]:
    """The stays of one request, times relative to submission (0), until it ends."""
    stays: list[_Stay] = []
    step, clock, returned = chain.entry, 0, False
    for _guard in range(50):  # a table edited into a loop must not hang the seeding
        share = (step.target_minutes or 60) / chain.weight_total
        length = max(_MINUTE_US, int(chain.budget * share * slowness * rng.lognormvariate(0, 0.35)))
        stay = _Stay(step, clock, clock + length)
        stays.append(stay)
        clock = stay.end
        if step.pk in chain.can_return and not returned and rng.random() < RETURN_SHARE:
            stay.action, stay.note, returned = Action.RETURN, rng.choice(RETURN_NOTES), True
            pause = int(_DAY_US * rng.uniform(0.3, 4))
            stays.append(_Stay(None, clock, clock + pause))
            clock += pause
            continue  # back to the step that returned it
        if step.pk in chain.can_reject and rng.random() < REJECT_SHARE:
            stay.action, stay.note = Action.REJECT, rng.choice(REJECT_NOTES)
            return stays
        if step.pk in chain.can_complete:
            stay.action = Action.COMPLETE
            return stays
        following = chain.forward.get(step.pk)
        if following is None:  # a dead end in an edited table: the request waits here
            return stays
        stay.action, step = Action.FORWARD, following
    return stays


def _number(chain: _Chain, when: datetime, rng: Random, taken: set[str]) -> str:
    while True:
        tail = "".join(rng.choice(_ALPHABET) for _ in range(5))
        number = f"{chain.prefix}-{when:%y%m}-{tail}"
        if number not in taken:
            taken.add(number)
            return number


def seed_demo_requests(
    count: int,
    seed: int,
    *,
    as_of: datetime | None = None,
    months: int = 12,
    open_only: bool = False,
    skip_if_any: bool = True,
) -> dict:
    """Create ``count`` demo requests (see the module docstring); returns the counts by status.

    ``open_only``: every request is still open at ``as_of`` (in process or with the applicant,
    some past their step's target or their deadline): the load of a ``check_sla`` run.
    """
    summary: dict = {"requests": 0, "stays": 0, "status": {}}
    if count <= 0 or (skip_if_any and Request.objects.exists()):
        return summary
    chains = _chains()
    people = list(Pegawai.objects.values_list("id", "opd_id", "user_id", "opd__instansi_id").order_by("id"))
    if not chains or not people:
        summary["missing"] = "layanan" if not chains else "pegawai"
        return summary
    as_of = as_of or timezone.now().replace(minute=0, second=0, microsecond=0)
    rng = Random(seed)

    holders: dict[str, int] = {}
    operators: dict[int, int] = {}
    for role, user_id, opd_id in (
        RoleAssignment.objects.filter(user__is_active=True)
        .order_by("user__username")
        .values_list("role", "user_id", "user__opd_id")
    ):
        holders.setdefault(role, user_id)
        if role == Role.OPERATOR_OPD and opd_id:
            operators.setdefault(opd_id, user_id)
    fallback = holders.get(Role.ADMIN) or User.objects.order_by("pk").values_list("pk", flat=True).first()
    if fallback is None:
        summary["missing"] = "pengguna"
        return summary

    calendars = office_calendars()
    clocks: dict[int | None, OfficeClock] = {}
    first_day = (as_of - timedelta(days=31 * months + 60)).date()

    def clock_for(instansi_id):
        clock = clocks.get(instansi_id)
        if clock is None:
            calendar = calendars.get(instansi_id) or calendars[None]
            clock = clocks[instansi_id] = OfficeClock(calendar, first_day)
        return clock

    taken = set(Request.objects.values_list("number", flat=True))
    requests: list[dict] = []
    trails: list[list[dict]] = []
    agenda = Counter()
    positions = {chain.service.pk: i for i, chain in enumerate(chains)}
    for _index in range(count):
        chain = rng.choice(chains)
        pegawai_id, opd_id, user_id, instansi_id = rng.choice(people)
        clock = clock_for(instansi_id)
        now_c = clock.at(as_of)
        created_by = user_id or operators.get(opd_id) or fallback
        # A per-service pace and a per-request one: some services run late more often.
        slowness = rng.lognormvariate(-0.4 + 0.07 * (positions[chain.service.pk] % 5), 0.4)
        request = {
            "service_id": chain.service.pk,
            "pegawai_id": pegawai_id,
            "opd_id": opd_id,
            "created_by_id": created_by,
            "status": Request.Status.DRAFT,
            "step_id": None,
            "agenda_number": "",
            "submitted_at": None,
            "due_at": None,
            "finished_at": None,
            "overdue": False,
            "version": 0,
        }
        if not open_only and rng.random() < DRAFT_SHARE:
            request["created_at"] = as_of - timedelta(minutes=rng.randint(10, 60 * 24 * 20))
            request["number"] = _number(chain, request["created_at"], rng, taken)
            requests.append(request)
            trails.append([])
            continue

        stays = _walk(chain, rng, slowness)
        if open_only:
            # Anchor so that one stay (not the final one: that would be finished) is open now,
            # somewhere inside it (past the step's target or not, as the stay's length decides).
            open_stay = rng.choice(stays[:-1] or stays)
            into = int((open_stay.end - open_stay.start) * rng.uniform(0.02, 0.98))
            base = now_c - open_stay.start - into
        else:
            window = 31 * months * _DAY_US * 5 // 7  # office time of ``months`` months, roughly
            base = now_c - rng.randint(_MINUTE_US, max(_MINUTE_US + 1, window))
        first_c = clock.at(clock.moment_at(max(1, base)))  # inside office hours
        shift = first_c - stays[0].start
        submitted = clock.moment_at(first_c)
        due_c = clock.at(request_due(chain.service, submitted, clock.calendar))
        request["submitted_at"] = submitted
        request["created_at"] = submitted - timedelta(minutes=rng.randint(5, 600))
        request["status"] = Request.Status.IN_PROCESS

        rows: list[dict] = []
        for stay in stays:
            start_c, end_c = stay.start + shift, stay.end + shift
            row = {"step_id": None, "started_at": clock.moment_at(start_c), "due_at": None, "ended_at": None}
            row.update(action="", note="", acted_by_id=None, escalated_at=None)
            rows.append(row)
            if stay.step is None:
                if end_c > now_c:  # still with the applicant: the clock is paused
                    request["status"], request["step_id"] = Request.Status.RETURNED, None
                    break
                due_c += end_c - start_c  # the deadline moves on by the office time paused
                row["ended_at"], row["acted_by_id"] = clock.moment_at(end_c), created_by
                request["status"] = Request.Status.IN_PROCESS  # resubmitted
                request["version"] += 1
                continue
            step = stay.step
            step_due_c = start_c + step.target_minutes * _MINUTE_US if step.target_minutes else None
            row["step_id"] = request["step_id"] = step.pk
            row["due_at"] = clock.moment_at(step_due_c) if step_due_c else None
            if end_c > now_c or not stay.action:  # at this step now (or at a dead end of the table)
                break
            row["ended_at"] = ended = clock.moment_at(end_c)
            row["action"], row["note"] = stay.action, stay.note
            row["acted_by_id"] = holders.get(step.role, fallback)
            if step_due_c is not None and end_c > step_due_c + 15 * _MINUTE_US:
                # check_sla's round (every 15 minutes) would have escalated it then.
                row["escalated_at"] = clock.moment_at(step_due_c + 15 * _MINUTE_US)
            request["version"] += 1
            if step.is_entry and stay.action == Action.FORWARD and not request["agenda_number"]:
                agenda[ended.year] += 1
                request["agenda_number"] = f"800/{agenda[ended.year]:05d}/BKD/{ended.year}"
            if stay.action == Action.RETURN:
                request["status"], request["step_id"] = Request.Status.RETURNED, None
            elif stay.action in (Action.COMPLETE, Action.REJECT):
                done = stay.action == Action.COMPLETE
                request["status"] = Request.Status.DONE if done else Request.Status.REJECTED
                request["step_id"], request["finished_at"] = None, ended
        due = request["due_at"] = clock.moment_at(due_c)
        finished = request["finished_at"]
        request["overdue"] = (finished is not None and finished > due) or (
            request["status"] == Request.Status.IN_PROCESS and due < as_of
        )
        request["number"] = _number(chain, submitted, rng, taken)
        requests.append(request)
        trails.append(rows)

    with transaction.atomic():
        _insert(Request, requests)
        ids = dict(Request.objects.filter(created_at__gte=first_of(requests)).values_list("number", "id"))
        stays_out = []
        for request, rows in zip(requests, trails, strict=True):
            request_id = ids[request["number"]]
            for row in rows:
                row["request_id"] = request_id
                stays_out.append(row)
        _insert(RequestStep, stays_out)
        statuses = Counter(r["status"] for r in requests)
        summary = {
            "requests": len(requests),
            "stays": len(stays_out),
            "status": {str(k): v for k, v in sorted(statuses.items())},
            "overdue_open": sum(
                1 for r in requests if r["overdue"] and r["status"] == Request.Status.IN_PROCESS
            ),
        }
        record(
            actor=None,
            event="layanan.demo_dimuat",
            object_type="layanan.request",
            object_repr=f"{len(requests)} permohonan demo",
            after={**summary, "seed": seed, "as_of": as_of.isoformat()},
        )
    return summary


def first_of(requests: list[dict]) -> datetime:
    return min(r["created_at"] for r in requests)


def _insert(model, rows: list[dict]) -> None:
    """Plain multi-row INSERTs of ``rows`` (dicts of column values) on the raw DB-API cursor
    (inside the caller's transaction): building 400,000 model instances for ``bulk_create``,
    and Django's debug cursor, would take most of the seeding time. Datetimes are stored as
    Django stores them (SQLite: naive UTC text); columns not given take the field default."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    sqlite = connection.vendor == "sqlite"

    def moment(value):
        if value is None or not sqlite:
            return value
        return str(value.astimezone(UTC).replace(tzinfo=None))

    converters = []
    for f in fields:
        if f.attname not in rows[0]:
            default = f.get_db_prep_save(f.get_default(), connection)
            converters.append(lambda row, value=default: value)
        elif f.get_internal_type() == "DateTimeField":
            converters.append(lambda row, name=f.attname: moment(row[name]))
        else:
            converters.append(lambda row, name=f.attname: row[name])
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    one = "(" + ", ".join(["?" if sqlite else "%s"] * len(fields)) + ")"
    batch = 30_000 // len(fields)  # under SQLite's 32,766 parameters per statement
    connection.ensure_connection()
    cursor = connection.connection.cursor()
    try:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES " + ", ".join(
                [one] * len(chunk)
            )
            cursor.execute(sql, [convert(row) for row in chunk for convert in converters])
    finally:
        cursor.close()


def seed_demo_layanan(seed: int, *, count: int = 300, open_count: int = 20) -> str:
    """The ``make run`` demo (called by ``seed_demo``): the catalogue if it is missing, then
    ``count`` requests over the last year plus ``open_count`` open ones (a few of them
    overdue, for the inboxes and ``check_sla``). Returns a line for the command's output;
    a second run adds nothing."""
    if not Service.objects.exists():
        do_seed_catalogue(actor=None)
    if Request.objects.exists():
        return "Permohonan demo sudah ada: tidak ada yang ditambahkan."
    mixed = seed_demo_requests(count, seed)
    if mixed.get("missing"):
        return f"Permohonan demo dilewati: {mixed['missing']} belum ada."
    fresh = seed_demo_requests(open_count, seed + 1, open_only=True, skip_if_any=False)
    total = mixed["requests"] + fresh["requests"]
    overdue = mixed["overdue_open"] + fresh["overdue_open"]
    return f"Permohonan demo dimuat: {total} permohonan, {overdue} sedang terlambat."
